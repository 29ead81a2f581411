// 修订 (suggestions) through the API: listing the suggestions the live
// document holds, and accepting or rejecting them as a change of the
// reviewer's, broadcast to everyone (made like a restore: the result diffed
// into a copy of the room's document, so that what others type meanwhile
// merges). Access is checked here; the routes only parse and answer.
import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { acceptAll, acceptSuggestion, listSuggestions, rejectAll, rejectSuggestion, type SuggestionKind } from '../../shared/suggestions.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
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
      return decision === 'accept' ? acceptSuggestion(tr, suggestionId) : rejectSuggestion(tr, suggestionId);
    });
  }

  /** Accepts (or rejects) every suggestion, or every one of `author`'s; returns how many (owner, editor). */
  async reviewAll(documentId: string, user: UserRecord, decision: 'accept' | 'reject', author?: string): Promise<number> {
    let count = 0;
    await this.change(documentId, user, (tr) => {
      count = listSuggestions(tr.doc).filter((s) => author === undefined || s.author === author).length;
      return decision === 'accept' ? acceptAll(tr, author) : rejectAll(tr, author);
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
   * open editors to refresh their suggestions.
   */
  private async change(documentId: string, user: UserRecord, transform: (tr: Transform) => Transform): Promise<void> {
    // Owners and editors accept and reject even while editors may only suggest (in review, suggestOnly): that is the review.
    const { record } = await this.access.require(documentId, user, 'reviewSuggestions');
    if (record.status === 'approved') throw conflict('document_approved', 'The document is approved: reopen it before accepting or rejecting suggestions.');
    const changed = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      const tr = transform(new Transform(asStored(room.body)));
      if (!tr.docChanged) return false;
      // Computed on a copy of the state at this moment: whatever arrives meanwhile is concurrent to it and merges.
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
      scratch.clientID = room.newClientId(user.id);
      const edits: Uint8Array[] = [];
      scratch.on('update', (update: Uint8Array) => edits.push(update));
      scratch.transact(() => {
        updateYFragment(scratch, scratch.getXmlFragment(BODY_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() });
      });
      scratch.destroy();
      for (const edit of edits) room.applyServerUpdate(user.id, edit);
      return true;
    });
    if (changed) this.registry.sendEvent(documentId, { type: 'suggestions' });
  }
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
