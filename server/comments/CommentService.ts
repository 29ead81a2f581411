// Comment threads on a document: anchored to a passage by a mark in the
// document, stored with their replies, synced live to open editors, with
// @mentions turned into notifications. Access is checked here.
import * as Y from 'yjs';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { PersonDto, ThreadDto } from '../../shared/api.js';
import { colorForUser } from '../../shared/colors.js';
import { newId } from '../ids.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import { conflict, notFound } from '../errors.js';
import type { NotificationRecord, ThreadRecord } from '../store/CommentStore.js';
import type { UserRecord } from '../store/records.js';
import type { Storage } from '../store/Storage.js';
import { mentionedKeys, usernameKey } from '../../shared/usernames.js';
import type { Room } from '../collab/Room.js';
import { anchorOf, findQuote, resolveAnchor, resolveSelection, textOfRanges, type Anchor, type Resolution } from './anchors.js';

const iso = (ms: number) => new Date(ms).toISOString();
const EXCERPT_CHARS = 140;

export interface NewThread {
  body: string;
  /** Anchor to the first occurrence of these words… */
  quote?: string;
  /** …or to this selection (Yjs relative positions from the editor). */
  anchor?: Anchor;
}

export class CommentService {
  /** Per document, the threads found orphaned at the last refresh (to tell editors when that changes). */
  private readonly orphaned = new Map<string, Set<string>>();

  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
    private readonly now: () => number = Date.now,
  ) {}

  async list(documentId: string, user: UserRecord): Promise<ThreadDto[]> {
    await this.access.require(documentId, user);
    const { threads, where } = await this.locate(documentId);
    return this.dtos(threads, where);
  }

  async create(documentId: string, user: UserRecord, input: NewThread): Promise<ThreadDto> {
    const { record } = await this.access.require(documentId, user, 'comment');
    if (record.status === 'approved') throw conflict('document_approved', 'The document is approved: reopen it before commenting.');
    const id = newId();
    const at = this.now();
    // Anchoring reads the document and changes nothing in it: commenters cannot write the body.
    const { quote, anchor, anchorOffset } = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      const ranges = input.anchor ? resolveSelection(room.doc, room.body, input.anchor) : findQuote(room.body, input.quote ?? '');
      if (!ranges) {
        throw input.anchor
          ? notFound('anchor_not_found', 'The selected passage is no longer in the document.')
          : notFound('quote_not_found', 'These words are not in the document.');
      }
      const anchor = anchorOf(ranges);
      const resolved = resolveAnchor(
        room.doc,
        room.body,
        anchor,
        { quote: textOfRanges(ranges), offset: null },
        Y.createDeleteSetFromStructStore(room.doc.store),
      );
      return { quote: textOfRanges(ranges), anchor, anchorOffset: resolved.state === 'anchored' ? resolved.offset : null };
    });
    await this.storage.comments.createThread({
      id,
      documentId,
      authorId: user.id,
      body: input.body,
      quote,
      anchor,
      anchorOffset,
      createdAt: at,
      resolvedAt: null,
      resolvedBy: null,
    });
    await this.notifyMentions(documentId, user, id, id, input.body, at);
    return this.changed(documentId, id);
  }

  async reply(documentId: string, user: UserRecord, threadId: string, body: string): Promise<ThreadDto> {
    await this.access.require(documentId, user, 'comment');
    await this.thread(documentId, threadId);
    const id = newId();
    const at = this.now();
    await this.storage.comments.addReply({ id, threadId, authorId: user.id, body, createdAt: at });
    await this.notifyMentions(documentId, user, threadId, id, body, at);
    return this.changed(documentId, threadId);
  }

  async setResolved(documentId: string, user: UserRecord, threadId: string, resolved: boolean): Promise<ThreadDto> {
    await this.access.require(documentId, user, 'resolveComment');
    await this.thread(documentId, threadId);
    await this.storage.comments.setResolved(threadId, resolved ? this.now() : null, resolved ? user.id : null);
    return this.changed(documentId, threadId);
  }

  /**
   * Brings every thread's anchor up to date while the document is open
   * (shortly after each change): moved words are found again while they
   * still read as before, and a deleted passage keeps the last words it had.
   */
  async refreshAnchors(documentId: string): Promise<void> {
    const room = this.registry.peek(documentId);
    if (!room) return;
    const threads = await this.storage.comments.listThreads(documentId);
    if (threads.length === 0) return;
    const before = new Map(threads.map((t) => [t.id, t.quote]));
    const where = await this.follow(room, threads);
    const orphaned = new Set([...where].filter(([, r]) => r.state === 'orphaned').map(([id]) => id));
    const moved = [...where].some(([id, r]) => r.state === 'anchored' && (r.moved || r.quote !== before.get(id)));
    const wasOrphaned = this.orphaned.get(documentId) ?? new Set<string>();
    this.orphaned.set(documentId, orphaned);
    // Editors redraw their highlights when a passage moved or went away.
    if (moved || orphaned.size !== wasOrphaned.size || [...orphaned].some((id) => !wasOrphaned.has(id))) {
      this.registry.sendEvent(documentId, { type: 'comments' });
    }
  }

  /** The first text of each open thread's passage in the live document (for counting them per section). */
  async openThreadTexts(room: Room): Promise<Y.XmlText[]> {
    const open = (await this.storage.comments.listThreads(room.documentId)).filter((t) => t.resolvedAt === null);
    if (open.length === 0) return [];
    const where = await this.follow(room, open);
    return [...where.values()].flatMap((r) => (r.state === 'anchored' && r.ranges.length > 0 ? [r.ranges[0].text] : []));
  }

  /** Open threads (for approval's warnings). */
  async openThreads(documentId: string): Promise<ThreadDto[]> {
    const { threads, where } = await this.locate(documentId);
    return (await this.dtos(threads, where)).filter((t) => !t.resolved);
  }

  private async changed(documentId: string, threadId: string): Promise<ThreadDto> {
    this.registry.sendEvent(documentId, { type: 'comments' });
    const { threads, where } = await this.locate(documentId);
    const thread = threads.find((t) => t.id === threadId);
    if (!thread) throw notFound('thread_not_found', 'No comment thread with this id in this document.');
    const [dto] = await this.dtos([thread], where);
    return dto;
  }

  /** Every thread of the document, and where each is now. */
  private async locate(documentId: string): Promise<{ threads: ThreadRecord[]; where: Map<string, Resolution> }> {
    const threads = await this.storage.comments.listThreads(documentId);
    if (threads.length === 0) return { threads, where: new Map() };
    const where = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      return this.follow(room, threads);
    });
    return { threads, where };
  }

  /** Resolves each thread's anchor in the live document and stores what moved. */
  private async follow(room: Room, threads: ThreadRecord[]): Promise<Map<string, Resolution>> {
    const deleted = Y.createDeleteSetFromStructStore(room.doc.store);
    const where = new Map<string, Resolution>();
    const changes = new Map<string, Pick<ThreadRecord, 'quote' | 'anchor' | 'anchorOffset'>>();
    for (const t of threads) {
      const r = resolveAnchor(room.doc, room.body, t.anchor, { quote: t.quote, offset: t.anchorOffset }, deleted);
      where.set(t.id, r);
      if (r.state === 'anchored' && (r.moved || r.quote !== t.quote || r.offset !== t.anchorOffset)) {
        changes.set(t.id, { quote: r.quote, anchor: r.anchor, anchorOffset: r.offset });
        Object.assign(t, changes.get(t.id));
      }
    }
    if (changes.size > 0) await this.storage.comments.updateAnchors(changes);
    return where;
  }

  private async thread(documentId: string, threadId: string): Promise<ThreadRecord> {
    const thread = await this.storage.comments.getThread(documentId, threadId);
    if (!thread) throw notFound('thread_not_found', 'No comment thread with this id in this document.');
    return thread;
  }

  private async notifyMentions(documentId: string, actor: UserRecord, threadId: string, commentId: string, body: string, at: number): Promise<void> {
    const mentioned = mentionedKeys(body);
    if (mentioned.size === 0) return;
    const members = await this.storage.records.listMembers(documentId);
    const targets = members.filter((m) => mentioned.has(usernameKey(m.user.username)) && m.user.id !== actor.id);
    const excerpt = [...body].slice(0, EXCERPT_CHARS).join('');
    const records: NotificationRecord[] = targets.map((m) => ({
      id: newId(),
      kind: 'mention',
      userId: m.user.id,
      documentId,
      threadId,
      commentId,
      sectionId: null,
      actorId: actor.id,
      excerpt,
      createdAt: at,
      readAt: null,
    }));
    await this.storage.comments.addNotifications(records);
    for (const m of targets) this.registry.notifyUser(m.user.id, { type: 'notifications' });
  }

  private async dtos(threads: ThreadRecord[], where: Map<string, Resolution>): Promise<ThreadDto[]> {
    const people = new Map<string, PersonDto>();
    const person = async (id: string): Promise<PersonDto> => {
      let p = people.get(id);
      if (!p) {
        const u = await this.storage.accounts.findUserById(id);
        p = { username: u?.username ?? '?', displayName: u?.displayName ?? '?', color: colorForUser(id) };
        people.set(id, p);
      }
      return p;
    };
    const out: ThreadDto[] = [];
    for (const t of threads) {
      const at = where.get(t.id);
      const anchored = at?.state === 'anchored' ? at : null;
      out.push({
        id: t.id,
        author: await person(t.authorId),
        body: t.body,
        createdAt: iso(t.createdAt),
        quote: anchored?.quote ?? t.quote,
        anchor: anchored?.anchor ?? null,
        resolved: t.resolvedAt !== null,
        resolvedAt: t.resolvedAt === null ? null : iso(t.resolvedAt),
        resolvedBy: t.resolvedBy ? await person(t.resolvedBy) : null,
        orphaned: anchored === null,
        replies: await Promise.all(t.replies.map(async (r) => ({ id: r.id, author: await person(r.authorId), body: r.body, createdAt: iso(r.createdAt) }))),
      });
    }
    return out;
  }
}
