// 修订 (suggestions) through the API: listing the suggestions the live
// document holds, and accepting or rejecting them as a change of the
// reviewer's, broadcast to everyone (made like a restore: the result diffed
// into a copy of the room's document, so that what others type meanwhile
// merges). Access is checked here; the routes only parse and answer.
import { randomUUID } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { acceptAll, acceptSuggestion, listSuggestions, rejectAll, rejectSuggestion, renameSuggestions, type SuggestionKind } from '../../shared/suggestions.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { Room } from '../collab/Room.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import { suggestionAuthorsById } from '../collab/suggestionRules.js';
import { toProseMirrorNode } from '../documents/renderContent.js';
import { conflict, notFound } from '../errors.js';
import type { UserRecord } from '../store/records.js';

/** A suggestion as the API shows it. */
export interface SuggestionDto {
  id: string;
  author: string;
  kind: SuggestionKind;
  text: string;
  createdAt: string;
}

const dto = (doc: Node): SuggestionDto[] =>
  listSuggestions(doc).map((s) => ({ id: s.id, author: s.author, kind: s.kind, text: s.text, createdAt: new Date(s.createdAt).toISOString() }));

export class SuggestionService {
  /**
   * Per room (for its life): the suggestions decided in it, each with the id
   * that text coming back under it takes. Someone typing on in a suggestion
   * of theirs continues it (the editor gives adjacent typing its id); when it
   * is decided meanwhile, or while they are offline, those words can arrive
   * after the decision still under its id. They are a new suggestion: a
   * decided id is never pending again (a retried review, the notice told of
   * it, all concern what the reviewer saw).
   */
  private readonly decided = new WeakMap<Room, Map<string, string>>();

  constructor(
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
  ) {}

  /** The suggestions in the live document, in document order (member). */
  async list(documentId: string, user: UserRecord): Promise<SuggestionDto[]> {
    await this.access.require(documentId, user);
    return dto(await this.current(documentId));
  }

  /** Whether the live document holds a suggestion (approval refuses then). */
  async pending(documentId: string): Promise<boolean> {
    return listSuggestions(await this.current(documentId)).length > 0;
  }

  /** Accepts (or rejects) suggestion `suggestionId` (owner, editor); 404 when the document holds none with that id. */
  async review(documentId: string, user: UserRecord, suggestionId: string, decision: 'accept' | 'reject'): Promise<void> {
    await this.change(documentId, user, (tr) => {
      if (!listSuggestions(tr.doc).some((s) => s.id === suggestionId)) throw notFound('suggestion_not_found', 'No suggestion with this id in this document.');
      return { tr: decision === 'accept' ? acceptSuggestion(tr, suggestionId) : rejectSuggestion(tr, suggestionId), decided: [suggestionId] };
    });
  }

  /** Accepts (or rejects) every suggestion, or every one of `author`'s; returns how many (owner, editor). */
  async reviewAll(documentId: string, user: UserRecord, decision: 'accept' | 'reject', author?: string): Promise<number> {
    let count = 0;
    await this.change(documentId, user, (tr) => {
      const decided = listSuggestions(tr.doc)
        .filter((s) => author === undefined || s.author === author)
        .map((s) => s.id);
      count = decided.length;
      return { tr: decision === 'accept' ? acceptAll(tr, author) : rejectAll(tr, author), decided };
    });
    return count;
  }

  private async current(documentId: string): Promise<Node> {
    return this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      return toProseMirrorNode(room.body);
    });
  }

  /**
   * Runs `transform` on the document as it is now and makes the result a
   * change of `user`'s, sent to everyone with the document open; then tells
   * open editors to refresh their suggestions. The suggestions it decided
   * are watched from then on (renameReturned).
   */
  private async change(documentId: string, user: UserRecord, transform: (tr: Transform) => { tr: Transform; decided: string[] }): Promise<void> {
    // Owners and editors accept and reject even while editors may only suggest (in review, suggestOnly): that is the review.
    const { record } = await this.access.require(documentId, user, 'reviewSuggestions');
    if (record.status === 'approved') throw conflict('document_approved', 'The document is approved: reopen it before accepting or rejecting suggestions.');
    const changed = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      const { tr, decided } = transform(new Transform(asStored(room.body)));
      const renames = this.decided.get(room) ?? this.decided.set(room, new Map()).get(room)!;
      for (const id of decided) if (!renames.has(id)) renames.set(id, randomUUID());
      return applyChange(room, user.id, tr);
    });
    if (changed) this.registry.sendEvent(documentId, { type: 'suggestions' });
  }

  /**
   * Gives text that came back under decided suggestions' ids new ids, as a
   * change of the server's (run shortly after changes to the document).
   */
  async renameReturned(documentId: string): Promise<void> {
    const changed = await this.registry.withRoom(documentId, async (room) => {
      const renames = this.decided.get(room);
      if (!renames) return false;
      await room.flushed();
      // Read into ProseMirror only when the Yjs body still sets a decided id somewhere (nearly never).
      const carried = suggestionAuthorsById(room.doc);
      if (![...renames.keys()].some((id) => carried.has(id))) return false;
      return applyChange(room, null, renameSuggestions(new Transform(asStored(room.body)), renames));
    });
    if (changed) this.registry.sendEvent(documentId, { type: 'suggestions' });
  }
}

/**
 * Makes `tr`'s result a change of `userId`'s (null: the server's) in `room`,
 * computed on a copy of the document at this moment: whatever arrives
 * meanwhile is concurrent to it and merges. Whether there was a change.
 */
function applyChange(room: Room, userId: string | null, tr: Transform): boolean {
  if (!tr.docChanged) return false;
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  scratch.clientID = room.newClientId(userId);
  const edits: Uint8Array[] = [];
  scratch.on('update', (update: Uint8Array) => edits.push(update));
  scratch.transact(() => {
    updateYFragment(scratch, scratch.getXmlFragment(BODY_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() });
  });
  scratch.destroy();
  for (const edit of edits) room.applyServerUpdate(userId, edit);
  return true;
}

/**
 * The body as stored when the schema takes it as it is, so that the change
 * diffed in is the suggestions' alone; else as renderContent mends it
 * (toProseMirrorNode), mending and all.
 */
function asStored(fragment: Y.XmlFragment): Node {
  try {
    const node = Node.fromJSON(schema, yXmlFragmentToProsemirrorJSON(fragment) as JSONContent);
    node.check();
    return node;
  } catch {
    return toProseMirrorNode(fragment);
  }
}
