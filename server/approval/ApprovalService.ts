// The review cycle's end: the owner approves (freezing an approved version,
// after listing what is unfinished) and may reopen for a new round.
import type { JSONContent } from '@tiptap/core';
import type { ApprovalDto, ApprovalWarningsDto, DocumentDto } from '../../shared/api.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { CommentService } from '../comments/CommentService.js';
import type { DocumentService } from '../documents/DocumentService.js';
import type { SectionService } from '../sections/SectionService.js';
import { renderContent, toProseMirrorNode } from '../documents/renderContent.js';
import { hasSuggestions } from '../../shared/suggestions.js';
import { conflict } from '../errors.js';
import type { UserRecord } from '../store/records.js';
import type { Storage } from '../store/Storage.js';
import type { VersionService } from '../versions/VersionService.js';
import { unfilledPlaceholders } from '../../shared/placeholders.js';

const holdsSuggestions = (body: Parameters<typeof toProseMirrorNode>[0]) => hasSuggestions(toProseMirrorNode(body));
const pendingSuggestions = () => conflict('pending_suggestions', 'The document holds suggestions: accept or reject them before approving.');

export class ApprovalService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
    private readonly documents: DocumentService,
    private readonly versions: VersionService,
    private readonly comments: CommentService,
    private readonly sections: SectionService,
    private readonly now: () => number = Date.now,
  ) {}

  /** What is unfinished: placeholders left in the text, open comment threads, sections not 已完成. */
  async warnings(documentId: string, user: UserRecord): Promise<ApprovalWarningsDto> {
    await this.access.require(documentId, user);
    const content = await this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      return renderContent(room.body).json as JSONContent;
    });
    const [open, sections] = await Promise.all([this.comments.openThreads(documentId), this.sections.unfinished(documentId)]);
    return {
      placeholders: unfilledPlaceholders(content),
      openThreads: open.map((t) => ({ id: t.id, quote: t.quote, body: t.body, author: t.author, orphaned: t.orphaned })),
      sections: sections.map(({ id, number, title, status, assignees, people }) => ({ id, number, title, status, assignees, people })),
    };
  }

  /**
   * Freezes the document: from this moment no change from any connection is
   * taken; whatever reached the server before is stored and is in the
   * approved version. Warnings do not block it; they are returned.
   */
  async approve(documentId: string, user: UserRecord): Promise<ApprovalDto> {
    const { record } = await this.access.require(documentId, user, 'approve');
    if (record.status === 'approved') throw conflict('wrong_status', 'The document is already approved.');
    const warnings = await this.warnings(documentId, user);
    const version = await this.registry.withRoom(documentId, async (room) => {
      // 0. Suggestions (修订) are accepted or rejected first: an approved text holds none.
      await room.flushed();
      if (holdsSuggestions(room.body)) throw pendingSuggestions();
      // 1. This instance takes no more changes; what it accepted before is stored and applied.
      room.setStatus('approved');
      try {
        await room.flushed();
        // A suggestion taken between the check and the freeze is in the document now: checked again.
        if (holdsSuggestions(room.body)) throw pendingSuggestions();
        // 2. The freeze itself, in the database: from this commit on, no instance can store a change
        //    (appends check the status in their own transaction).
        await this.storage.records.setStatus(documentId, 'approved', this.now());
      } catch (err) {
        room.setStatus(record.status);
        throw err;
      }
      // 3. Every instance turns its editors read-only; 4. the version holds everything stored before.
      this.registry.setStatus(documentId, 'approved');
      await room.catchUp();
      // What other instances stored before the freeze is here now: a suggestion among it undoes the freeze.
      if (holdsSuggestions(room.body)) {
        await this.storage.records.setStatus(documentId, record.status, this.now());
        this.registry.setStatus(documentId, record.status);
        throw pendingSuggestions();
      }
      // Stored without a name: the API calls it 定稿 (versionNames.ts), each UI in its own language.
      return this.versions.take(documentId, 'approved', null, user.id);
    });
    this.registry.sendEvent(documentId, { type: 'document' });
    const document = await this.documents.get(documentId, user);
    return { document, version: await this.versions.describe(version), warnings };
  }

  /** A new round: editable again; the approved version stays. */
  async reopen(documentId: string, user: UserRecord): Promise<DocumentDto> {
    const { record } = await this.access.require(documentId, user, 'reopen');
    if (record.status !== 'approved') throw conflict('wrong_status', 'Only an approved document can be reopened.');
    await this.storage.records.setStatus(documentId, 'draft', this.now());
    this.registry.setStatus(documentId, 'draft');
    this.registry.sendEvent(documentId, { type: 'document' });
    return this.documents.get(documentId, user);
  }
}
