// What members can do with documents; who may do it is decided by
// access/DocumentAccess.ts, and the HTTP routes only parse and answer.
import type { ContentDto, DocumentDto, DocumentSummaryDto, MemberDto, Role } from '../../shared/api.js';
import { colorForUser } from '../../shared/colors.js';
import type { TemplateId } from '../../shared/templates.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import { newId } from '../ids.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import { conflict, notFound } from '../errors.js';
import type { DocumentRecord, UserRecord } from '../store/records.js';
import type { Storage } from '../store/Storage.js';
import { renderContent } from './renderContent.js';
import { localDate } from '../sections/sectionInput.js';
import { seedState } from './seed.js';

const iso = (ms: number) => new Date(ms).toISOString();

export class DocumentService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
    private readonly now: () => number = Date.now,
  ) {}

  async list(user: UserRecord): Promise<DocumentSummaryDto[]> {
    const rows = await this.storage.records.listDocumentsForUser(user.id);
    const progress = await this.storage.sections.progress(
      rows.map((row) => row.id),
      localDate(this.now()),
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      role: row.role,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
      owner: { username: row.ownerUsername, displayName: row.ownerDisplayName },
      progress: progress.get(row.id) ?? null,
      suggestOnly: row.suggestOnly,
    }));
  }

  async create(user: UserRecord, title: string, template: TemplateId): Promise<DocumentDto> {
    // Seeded here, before anyone can connect, so every opener sees the skeleton exactly once.
    return this.createWithContent(user, title, seedState(template, title), template);
  }

  /** A new document of `user`'s holding `state` (a Yjs update of the whole body): an import, or a template's seed. */
  async createWithContent(user: UserRecord, title: string, state: Uint8Array, template: TemplateId = 'blank'): Promise<DocumentDto> {
    const at = this.now();
    const record: DocumentRecord = { id: newId(), title, status: 'draft', ownerId: user.id, template, createdAt: at, updatedAt: at, suggestOnly: false };
    await this.storage.records.createDocument(record, state);
    return this.dto(record, 'owner', user);
  }

  async get(documentId: string, user: UserRecord): Promise<DocumentDto> {
    const { record, role } = await this.access.require(documentId, user);
    const owner = await this.storage.accounts.findUserById(record.ownerId);
    return this.dto(record, role, owner ?? user);
  }

  async rename(documentId: string, user: UserRecord, title: string): Promise<DocumentDto> {
    const { record, role } = await this.access.require(documentId, user, 'rename');
    const at = this.now();
    await this.storage.records.renameDocument(documentId, title, at);
    this.registry.sendEvent(documentId, { type: 'document' });
    const owner = await this.storage.accounts.findUserById(record.ownerId);
    return this.dto({ ...record, title, updatedAt: at }, role, owner ?? user);
  }

  async delete(documentId: string, user: UserRecord): Promise<void> {
    await this.access.require(documentId, user, 'delete');
    await this.storage.records.deleteDocument(documentId, this.now());
    await this.registry.closeDocument(documentId);
  }

  async members(documentId: string, user: UserRecord): Promise<MemberDto[]> {
    await this.access.require(documentId, user);
    const members = await this.storage.records.listMembers(documentId);
    return members.map((m) => ({
      user: { username: m.user.username, displayName: m.user.displayName, color: colorForUser(m.user.id) },
      role: m.role,
    }));
  }

  async setMember(documentId: string, user: UserRecord, username: string, role: Role): Promise<MemberDto> {
    const { record } = await this.access.require(documentId, user, 'setMember');
    const target = await this.storage.accounts.findUserByUsername(username);
    if (!target) throw notFound('user_not_found', `No account named "${username}".`);
    const current = await this.storage.records.getRole(documentId, target.id);
    if (current === 'owner' && role !== 'owner') await this.ensureAnotherOwner(documentId, target.id);
    await this.storage.records.setMember(documentId, target.id, role, this.now());
    if (current === 'owner' && role !== 'owner' && record.ownerId === target.id) await this.moveListedOwner(documentId, target.id);
    this.registry.updateAccess(documentId, target.id, role);
    return { user: { username: target.username, displayName: target.displayName, color: colorForUser(target.id) }, role };
  }

  async removeMember(documentId: string, user: UserRecord, username: string): Promise<void> {
    const { record } = await this.access.require(documentId, user, 'removeMember');
    const target = await this.storage.accounts.findUserByUsername(username);
    const current = target ? await this.storage.records.getRole(documentId, target.id) : null;
    if (!target || !current) throw notFound('member_not_found', `"${username}" is not a member of this document.`);
    if (current === 'owner') await this.ensureAnotherOwner(documentId, target.id);
    await this.storage.records.removeMember(documentId, target.id);
    if (record.ownerId === target.id) await this.moveListedOwner(documentId, target.id);
    // Their open connections lose access at once.
    this.registry.updateAccess(documentId, target.id, null);
  }

  /** draft → in_review (owner, editor). */
  async submit(documentId: string, user: UserRecord): Promise<DocumentDto> {
    const { record, role } = await this.access.require(documentId, user, 'submit');
    if (record.status !== 'draft') throw conflict('wrong_status', `The document is ${record.status}, not a draft.`);
    const at = this.now();
    await this.storage.records.setStatus(documentId, 'in_review', at);
    // In review, editors only suggest (修订): open connections switch at once, on every instance.
    this.registry.setStatus(documentId, 'in_review');
    this.registry.sendEvent(documentId, { type: 'document' });
    const owner = await this.storage.accounts.findUserById(record.ownerId);
    return this.dto({ ...record, status: 'in_review', updatedAt: at }, role, owner ?? user);
  }

  /**
   * 修订: the owner turns suggestions-only editing on or off. Open connections
   * switch at once on every instance; open editors are told to refresh.
   */
  async setReview(documentId: string, user: UserRecord, suggestOnly: boolean): Promise<DocumentDto> {
    const { record, role } = await this.access.require(documentId, user, 'setReview');
    const at = this.now();
    await this.storage.records.setSuggestOnly(documentId, suggestOnly, at);
    this.registry.setSuggestOnly(documentId, suggestOnly);
    this.registry.sendEvent(documentId, { type: 'document' });
    const owner = await this.storage.accounts.findUserById(record.ownerId);
    return this.dto({ ...record, suggestOnly, updatedAt: at }, role, owner ?? user);
  }

  async content(documentId: string, user: UserRecord): Promise<ContentDto> {
    await this.access.require(documentId, user);
    return this.registry.withRoom(documentId, (room) => renderContent(room.body));
  }

  private async ensureAnotherOwner(documentId: string, leavingUserId: string): Promise<void> {
    const members = await this.storage.records.listMembers(documentId);
    if (!members.some((m) => m.role === 'owner' && m.user.id !== leavingUserId)) {
      throw conflict('last_owner', 'A document needs at least one owner: make someone else owner first.');
    }
  }

  private async moveListedOwner(documentId: string, leavingUserId: string): Promise<void> {
    const next = (await this.storage.records.listMembers(documentId)).find((m) => m.role === 'owner' && m.user.id !== leavingUserId);
    if (next) await this.storage.records.setListedOwner(documentId, next.user.id);
  }

  private async dto(record: DocumentRecord, role: Role, owner: UserRecord): Promise<DocumentDto> {
    const progress = await this.storage.sections.progress([record.id], localDate(this.now()));
    return {
      id: record.id,
      title: record.title,
      status: record.status,
      role,
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
      owner: { username: owner.username, displayName: owner.displayName },
      progress: progress.get(record.id) ?? null,
      suggestOnly: record.suggestOnly,
    };
  }
}
