// 修订: tells the people who review a document that someone suggested changes
// to it: its owners, and the assignees of the sections the suggestions are in
// (分工). Not one notification per keystroke: a suggester's changes to one
// document are folded into one run a while after the first (a burst), which
// compares the suggester's suggestions then with those they had when the
// burst began. Withdrawn or already reviewed ones are not told.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { SUGGESTION_MARKS } from '../../shared/Suggestion.js';
import { listSuggestions } from '../../shared/suggestions.js';
import type { ConnectionUser } from '../collab/Connection.js';
import type { Room } from '../collab/Room.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import { markNameOfKey } from '../collab/suggestionRules.js';
import { Debouncer } from '../Debouncer.js';
import { toProseMirrorNode } from '../documents/renderContent.js';
import { newId } from '../ids.js';
import { sectionsOfBlocks } from '../sections/sectionIds.js';
import type { NotificationRecord } from '../store/CommentStore.js';
import type { Storage } from '../store/Storage.js';

/** One suggester's burst of changes to one document. */
interface Burst {
  documentId: string;
  user: ConnectionUser;
  /** Their suggestions when it began: those are not new. */
  before: Set<string>;
}

const SUGGESTION_NAMES = new Set<string>(SUGGESTION_MARKS);
/** An excerpt is a glance at the suggestion, not its whole text. */
const MAX_EXCERPT = 60;

export class SuggestionNotifier {
  private readonly debouncer: Debouncer;
  private readonly bursts = new Map<string, Burst>();

  constructor(
    delayMs: number,
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.debouncer = new Debouncer(delayMs, (key) => {
      const burst = this.bursts.get(key);
      this.bursts.delete(key);
      if (!burst) return;
      this.notify(burst).catch((err) => this.logger.error({ err, documentId: burst.documentId }, 'notifying of suggestions failed'));
    });
  }

  /**
   * `user` sent a change that writes suggestions of theirs (taken, not yet
   * applied): the first of a burst notes which ones the document holds.
   */
  suggested(room: Room, user: ConnectionUser): void {
    const key = `${room.documentId}\n${user.id}`;
    if (!this.bursts.has(key)) this.bursts.set(key, { documentId: room.documentId, user, before: new Set(suggestionBlocks(room.body, user.username).keys()) });
    this.debouncer.touch(key);
  }

  close(): void {
    this.debouncer.close();
    this.bursts.clear();
  }

  private async notify(burst: Burst): Promise<void> {
    const { documentId, user } = burst;
    const found = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      const blocks = suggestionBlocks(room.body, user.username);
      const sections = sectionsOfBlocks(room.body);
      // As the document reads (a mark Yjs keeps around nothing is no suggestion).
      const texts = new Map(listSuggestions(toProseMirrorNode(room.body)).map((s) => [s.id, s.text]));
      return [...blocks]
        .filter(([id]) => !burst.before.has(id) && texts.has(id))
        .map(([id, block]) => ({ text: texts.get(id)!, sections: sections.get(block) ?? [] }));
    });
    if (found.length === 0) return;
    const [members, assignments] = await Promise.all([this.storage.records.listMembers(documentId), this.storage.sections.list(documentId)]);
    const memberIds = new Set(members.map((m) => m.user.id));
    const owners = members.filter((m) => m.role === 'owner').map((m) => m.user.id);
    const assignees = new Map(assignments.filter((a) => a.removedAt === null).map((a) => [a.sectionId, a.assigneeIds]));
    // One notification per person per section (the innermost one; null outside every section).
    const bySection = new Map<string | null, { text: string; recipients: Set<string> }>();
    for (const { text, sections } of found) {
      const section = sections.at(-1) ?? null;
      const entry = bySection.get(section) ?? bySection.set(section, { text, recipients: new Set(owners) }).get(section)!;
      for (const id of sections) for (const userId of assignees.get(id) ?? []) entry.recipients.add(userId);
    }
    const at = this.now();
    const notifications: NotificationRecord[] = [];
    for (const [sectionId, { text, recipients }] of bySection) {
      for (const userId of recipients) {
        if (userId === user.id || !memberIds.has(userId)) continue;
        notifications.push({
          ...{ id: newId(), kind: 'suggested', userId, documentId, threadId: null, commentId: null, sectionId },
          ...{ actorId: user.id, excerpt: [...text].slice(0, MAX_EXCERPT).join(''), createdAt: at, readAt: null },
        });
      }
    }
    if (notifications.length === 0) return;
    await this.storage.comments.addNotifications(notifications);
    for (const userId of new Set(notifications.map((n) => n.userId))) this.registry.notifyUser(userId, { type: 'notifications' });
  }
}

/** The suggestions of `username` in the body, each with the top-level block it (first) appears in. */
export function suggestionBlocks(body: Y.XmlFragment, username: string): Map<string, Y.XmlElement | Y.XmlText> {
  const found = new Map<string, Y.XmlElement | Y.XmlText>();
  for (const block of body.toArray()) {
    if (!(block instanceof Y.XmlElement || block instanceof Y.XmlText)) continue;
    // Yjs types its shared types with `any`.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const stack: Y.AbstractType<any>[] = [block];
    while (stack.length > 0) {
      const type = stack.pop()!;
      for (let item = type._start; item !== null; item = item.right) {
        if (item.deleted) continue;
        if (item.content instanceof Y.ContentType) stack.push(item.content.type);
        else if (item.content instanceof Y.ContentFormat && SUGGESTION_NAMES.has(markNameOfKey(item.content.key))) {
          const value = item.content.value as { id?: unknown; author?: unknown } | null;
          if (value && value.author === username && typeof value.id === 'string' && !found.has(value.id)) found.set(value.id, block);
        }
      }
    }
  }
  return found;
}
