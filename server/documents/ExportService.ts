// Exports a document (the approved version by default, the current draft, or
// any version) as Word in official-document layout, Markdown or HTML, built
// from the stored state through the shared schema.
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import type { GuidanceExport } from '../../shared/api.js';
import { Node } from '@tiptap/pm/model';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { listSuggestions } from '../../shared/suggestions.js';
import { isValidId } from '../ids.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import { resolveAnchor } from '../comments/anchors.js';
import { badRequest, notFound } from '../errors.js';
import type { ExportComment, ExportInput } from '../export/index.js';
import type { UserRecord } from '../store/records.js';
import type { Storage } from '../store/Storage.js';
import { officialDateText } from '../../shared/officialDate.js';
import { keepKnownTypes, renderContent } from './renderContent.js';

export const EXPORT_FORMATS = {
  docx: { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export interface ExportRequest {
  format: ExportFormat;
  /** 'approved', 'current', a version id, or undefined: the latest approved version, else the current draft. */
  version?: string;
  withComments: boolean;
  signature: { issuer: string; date: string } | null;
  /** Unfilled 〔…〕 guidance marked as a placeholder, or left out. */
  guidance: GuidanceExport;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

interface Source {
  content: JSONContent;
  state: Uint8Array;
  approved: boolean;
}

export class ExportService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
  ) {}

  async export(documentId: string, user: UserRecord, request: ExportRequest): Promise<ExportFile> {
    const { record } = await this.access.require(documentId, user);
    const source = await this.source(documentId, request.version);
    const input: ExportInput = {
      title: record.title,
      content: source.content,
      draft: !source.approved,
      guidance: request.guidance,
      comments: request.withComments ? await this.comments(documentId, source.state) : null,
      signature: request.signature,
      authors: await this.suggestionAuthors(source.content),
    };
    const format = EXPORT_FORMATS[request.format];
    // Loaded on the first export: the Word writer is the largest part of the server and most processes never need it.
    const { exportDocx, exportHtml, exportMarkdown } = await import('../export/index.js');
    const body = request.format === 'docx' ? await exportDocx(input) : request.format === 'md' ? exportMarkdown(input) : exportHtml(input);
    return { filename: `${safeFileName(record.title)}.${format.extension}`, contentType: format.contentType, body };
  }

  private async source(documentId: string, version: string | undefined): Promise<Source> {
    if (version === 'current') return this.current(documentId);
    if (version === undefined || version === 'approved') {
      const approved = await this.storage.versions.latestVersion(documentId, 'approved');
      if (approved) return { content: keepKnownTypes(JSON.parse(approved.json)), state: approved.state, approved: true };
      if (version === 'approved') throw notFound('no_approved_version', 'The document has no approved version yet.');
      return this.current(documentId);
    }
    const stored = isValidId(version) ? await this.storage.versions.getVersion(documentId, version) : null;
    if (!stored) throw notFound('version_not_found', 'No version with this id in this document.');
    return { content: keepKnownTypes(JSON.parse(stored.json)), state: stored.state, approved: stored.kind === 'approved' };
  }

  private current(documentId: string): Promise<Source> {
    return this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      return { content: renderContent(room.body).json as JSONContent, state: Y.encodeStateAsUpdate(room.doc), approved: false };
    });
  }

  /** The display names of the people whose suggestions (修订) the content holds, by username. */
  private async suggestionAuthors(content: JSONContent): Promise<Record<string, string>> {
    const authors: Record<string, string> = {};
    let doc: Node;
    try {
      doc = Node.fromJSON(schema, content);
    } catch {
      return authors;
    }
    // A committee has a few dozen members; more names than that are looked up no further (shown as usernames).
    for (const username of [...new Set(listSuggestions(doc).map((s) => s.author))].slice(0, MAX_LOOKED_UP_AUTHORS)) {
      const user = username ? await this.storage.accounts.findUserByUsername(username) : null;
      if (user) authors[username] = user.displayName;
    }
    return authors;
  }

  /** The threads whose passage is in the exported state, with offsets in its document string. */
  private async comments(documentId: string, state: Uint8Array): Promise<ExportComment[]> {
    const threads = await this.storage.comments.listThreads(documentId);
    if (threads.length === 0) return [];
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const fragment = doc.getXmlFragment(BODY_FRAGMENT);
    const deleted = Y.createDeleteSetFromStructStore(doc.store);
    const names = new Map<string, string>();
    const nameOf = async (id: string) => {
      if (!names.has(id)) names.set(id, (await this.storage.accounts.findUserById(id))?.displayName ?? '?');
      return names.get(id)!;
    };
    const out: ExportComment[] = [];
    for (const t of threads) {
      const where = resolveAnchor(doc, fragment, t.anchor, { quote: t.quote, offset: t.anchorOffset }, deleted);
      if (where.state !== 'anchored') continue;
      out.push({
        id: t.id,
        author: await nameOf(t.authorId),
        date: new Date(t.createdAt),
        body: t.body,
        replies: await Promise.all(t.replies.map(async (r) => ({ author: await nameOf(r.authorId), date: new Date(r.createdAt), body: r.body }))),
        from: where.offset,
        to: where.offset + where.quote.length,
      });
    }
    doc.destroy();
    return out;
  }
}

/** Suggestion authors whose display names an export looks up. */
const MAX_LOOKED_UP_AUTHORS = 200;

/** The title as a file name: no path or reserved characters, Chinese kept. */
export function safeFileName(title: string): string {
  const cleaned = title
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  return [...cleaned].slice(0, 100).join('') || 'document';
}

/** A Content-Disposition that keeps a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function parseExportFormat(value: unknown): ExportFormat {
  // Own keys only: 'constructor' or '__proto__' are in every object.
  if (typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value)) return value as ExportFormat;
  throw badRequest('unknown_format', 'format must be docx, md or html.');
}

// Own keys only, like the formats; typed over every choice, so a new one cannot be forgotten here.
const GUIDANCE_CHOICES: Record<GuidanceExport, true> = { mark: true, omit: true };

/** The guidance parameter: `mark` (the default) or `omit`. */
export function parseGuidanceExport(value: unknown): GuidanceExport {
  if (value === undefined) return 'mark';
  if (typeof value === 'string' && Object.hasOwn(GUIDANCE_CHOICES, value)) return value as GuidanceExport;
  throw badRequest('invalid_input', 'guidance must be mark or omit.');
}

/** 2026-12-20 → 2026年12月20日 (Arabic numerals, as GB/T 9704 asks). */
export function officialDate(iso: string): string {
  const text = officialDateText(iso);
  if (text === null) throw badRequest('invalid_input', 'date: a day like 2026-12-20');
  return text;
}
