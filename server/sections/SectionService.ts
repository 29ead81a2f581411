// 分工: the document's sections (its 一、 and （一） headings, read from the live
// document) with their assignments (stored records), who may change what,
// the notifications of new assignees, and the live 'sections' event on every
// instance. Access is checked here; the routes only parse and answer.
import * as Y from 'yjs';
import type { PersonDto, SectionDto, SectionProgressDto } from '../../shared/api.js';
import { canEditBody, canSetSectionStatus } from '../../shared/access.js';
import { colorForUser } from '../../shared/colors.js';
import { sectionsOf } from '../../shared/sections.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { Room } from '../collab/Room.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { CommentService } from '../comments/CommentService.js';
import { toProseMirrorNode } from '../documents/renderContent.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { MemberRecord, UserRecord } from '../store/records.js';
import { isTracked } from '../store/sectionRows.js';
import type { SectionRecord } from '../store/SectionStore.js';
import type { Storage } from '../store/Storage.js';
import { giveSectionIds, headingsWithoutId, sectionsOfBlocks, sectionTitles, topLevelBlock } from './sectionIds.js';
import { localDate, type SectionInput } from './sectionInput.js';

/** A section as the live document shows it, with its record (null: never assigned nor given a status). */
interface LiveSection {
  dto: SectionDto;
  record: SectionRecord | null;
}

/** How many documents' last seen headings refresh() remembers (a county server has dozens). */
const MAX_REMEMBERED_DOCUMENTS = 1000;

export class SectionService {
  /** Per document, the section titles last stored (recordPresence: to skip the store when no heading changed). */
  private readonly lastSeen = new Map<string, string>();
  /** Per loaded room, whether its structure changed since refresh() last looked (see structureChanged). */
  private readonly structure = new WeakMap<Room, { changed: boolean }>();

  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
    private readonly comments: CommentService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every section in document order; with `includeRemoved`, then the records of sections whose heading is gone. */
  async list(documentId: string, user: UserRecord, includeRemoved = false): Promise<SectionDto[]> {
    await this.access.require(documentId, user);
    const { live, removed } = await this.read(documentId);
    return includeRemoved ? [...live.map((s) => s.dto), ...removed] : live.map((s) => s.dto);
  }

  async update(documentId: string, user: UserRecord, sectionId: string, input: SectionInput): Promise<SectionDto> {
    const { record: document, role } = await this.access.require(documentId, user);
    if (document.status === 'approved') throw conflict('document_approved', 'The document is approved: reopen it before changing its sections.');
    if (input.assignees !== undefined || input.due !== undefined) await this.access.require(documentId, user, 'assignSections');
    const { live, removed, members } = await this.read(documentId);
    const section = live.find((s) => s.dto.id === sectionId);
    if (!section) {
      if (removed.some((s) => s.id === sectionId)) throw conflict('section_removed', 'This section’s heading has been deleted from the document.');
      throw notFound('section_not_found', 'No section with this id in this document.');
    }
    if (input.status !== undefined && !canSetSectionStatus(role, section.record?.assigneeIds.includes(user.id) ?? false)) {
      throw forbidden('not_allowed', 'Only the owner and the section’s assignees can set its status.');
    }
    const assigneeIds = input.assignees === undefined ? undefined : this.assigneeIds(input.assignees, members);
    const { before, after } = await this.storage.sections.update(documentId, sectionId, {
      assigneeIds,
      status: input.status,
      due: input.due,
      title: `${section.dto.number}${section.dto.title}`,
      at: this.now(),
      by: user.id,
    });
    const added = after.assigneeIds.filter((id) => id !== user.id && !(before?.assigneeIds ?? []).includes(id));
    await this.notifyAssigned(documentId, user, sectionId, after.title, added);
    this.registry.sendEvent(documentId, { type: 'sections' });
    return { ...section.dto, ...this.assignment(after, members) };
  }

  /** Sections not 已完成, once 分工 is in use in the document (any section assigned, or given a status or a due date): for approval's warnings. */
  async unfinished(documentId: string): Promise<SectionDto[]> {
    const { live } = await this.read(documentId);
    if (!live.some((s) => s.record && isTracked(s.record))) return [];
    return live.filter((s) => s.dto.status !== 'done').map((s) => s.dto);
  }

  /** 已完成 3/5 for each of the documents (those without 分工 left out). */
  async progress(documentIds: string[]): Promise<Map<string, SectionProgressDto>> {
    return this.storage.sections.progress(documentIds, localDate(this.now()));
  }

  /**
   * Shortly after people edit (and after a restore): headings without an id
   * get one, records learn which sections are gone or back and their current
   * titles, and open editors are told when that changed anything.
   */
  async refresh(documentId: string): Promise<void> {
    const room = this.registry.peek(documentId);
    if (!room || !this.structureChanged(room)) return;
    this.giveIds(room);
    await this.recordPresence(documentId, sectionTitles(room.body));
  }

  /**
   * Tells the records which sections the document holds now, by id with
   * their number and title, and open editors when that changed any record.
   * The store is asked only when the headings read differently from the last
   * time (most changes, and most reads of the list, change no heading).
   */
  private async recordPresence(documentId: string, present: Map<string, string>): Promise<void> {
    const seen = JSON.stringify([...present]);
    if (this.lastSeen.get(documentId) === seen) return;
    if (this.lastSeen.size >= MAX_REMEMBERED_DOCUMENTS) this.lastSeen.clear();
    this.lastSeen.set(documentId, seen);
    if (await this.storage.sections.setPresent(documentId, present, this.now())) this.registry.sendEvent(documentId, { type: 'sections' });
  }

  /**
   * Whether anything but text changed in the room's document since the last
   * call (blocks added, removed or moved, attributes such as a heading's
   * level): typing, the most of all changes, changes no section's presence,
   * and refresh() then reads nothing. True the first time a room is seen.
   */
  private structureChanged(room: Room): boolean {
    let watch = this.structure.get(room);
    if (!watch) {
      const state = { changed: true };
      room.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (state.changed) return;
        for (const type of transaction.changed.keys()) {
          if (!(type instanceof Y.XmlText)) {
            state.changed = true;
            return;
          }
        }
      });
      this.structure.set(room, state);
      watch = state;
    }
    const changed = watch.changed;
    watch.changed = false;
    return changed;
  }

  /** The live sections with their records, the removed ones, and the members (one read of the document). */
  private async read(documentId: string): Promise<{ live: LiveSection[]; removed: SectionDto[]; members: MemberRecord[] }> {
    const [records, members] = await Promise.all([this.storage.sections.list(documentId), this.storage.records.listMembers(documentId)]);
    const { shapes, threads } = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      this.giveIds(room);
      const texts = await this.comments.openThreadTexts(room);
      const owners = sectionsOfBlocks(room.body);
      const threads = new Map<string, number>();
      for (const text of texts) {
        const block = topLevelBlock(room.body, text);
        for (const id of (block && owners.get(block)) ?? []) threads.set(id, (threads.get(id) ?? 0) + 1);
      }
      return { shapes: sectionsOf(toProseMirrorNode(room.body)), threads };
    });
    const byId = new Map(records.map((r) => [r.sectionId, r]));
    const seen = new Set<string>();
    const live: LiveSection[] = [];
    for (const shape of shapes) {
      if (shape.id === null || seen.has(shape.id)) continue;
      seen.add(shape.id);
      const record = byId.get(shape.id) ?? null;
      const dto: SectionDto = {
        id: shape.id,
        level: shape.level,
        number: shape.number,
        title: shape.title,
        chars: shape.chars,
        openThreads: threads.get(shape.id) ?? 0,
        ...this.assignment(record, members),
      };
      live.push({ dto, record });
    }
    const present = new Map(live.map((s) => [s.dto.id, `${s.dto.number}${s.dto.title}`]));
    // the list is read anyway: records learn what is gone (a heading deleted while no editor was open) and titles
    await this.recordPresence(documentId, present);
    const removed = records
      .filter((r) => !present.has(r.sectionId))
      .map((r): SectionDto => ({
        id: r.sectionId,
        level: 1,
        number: '',
        title: r.title,
        chars: 0,
        openThreads: 0,
        removed: true,
        ...this.assignment(r, members),
      }));
    return { live, removed, members };
  }

  /** The assignment part of a section's DTO; assignees who are no longer members are left out. */
  private assignment(record: SectionRecord | null, members: MemberRecord[]): Pick<SectionDto, 'assignees' | 'people' | 'status' | 'due' | 'overdue'> {
    const byId = new Map(members.map((m) => [m.user.id, m.user]));
    const people = (record?.assigneeIds ?? []).flatMap((id) => {
      const u = byId.get(id);
      return u ? [u] : [];
    });
    const status = record?.status ?? 'todo';
    const due = record?.due ?? null;
    return {
      assignees: people.map((u) => u.username),
      people: people.map((u): PersonDto => ({ username: u.username, displayName: u.displayName, color: colorForUser(u.id) })),
      status,
      due,
      overdue: due !== null && status !== 'done' && due < localDate(this.now()),
    };
  }

  /** The user ids of `usernames`, each a member who may edit; 400 naming the first that is not. */
  private assigneeIds(usernames: string[], members: MemberRecord[]): string[] {
    const ids: string[] = [];
    for (const name of usernames) {
      const member = members.find((m) => m.user.username.toLowerCase() === name.toLowerCase());
      if (!member || !canEditBody(member.role, 'draft')) {
        throw badRequest('invalid_assignee', `“${name}” is not a member who may edit this document: sections go to the owner and editors.`);
      }
      if (!ids.includes(member.user.id)) ids.push(member.user.id);
    }
    return ids;
  }

  private async notifyAssigned(documentId: string, actor: UserRecord, sectionId: string, title: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const at = this.now();
    await this.storage.comments.addNotifications(
      userIds.map((userId) => ({
        id: newId(),
        kind: 'assigned' as const,
        userId,
        documentId,
        threadId: null,
        commentId: null,
        sectionId,
        actorId: actor.id,
        excerpt: title,
        createdAt: at,
        readAt: null,
      })),
    );
    for (const userId of userIds) this.registry.notifyUser(userId, { type: 'notifications' });
  }

  /** Section headings without an id (or with a copy's) get one, as a server change; an approved document is left as it is. */
  private giveIds(room: Room): void {
    if (room.documentStatus === 'approved') return;
    const headings = headingsWithoutId(room.body);
    if (headings.length > 0) room.applyServerChange(null, () => giveSectionIds(headings));
  }
}
