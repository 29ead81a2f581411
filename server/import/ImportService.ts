// Import from Word (API.md "Import from Word"): a .docx becomes a new
// document of the caller's, its structure recognised as a 公文, listed with a
// first version named after the file. Nothing is created unless all of it
// can be: the file is checked (docxArchive.ts) and read (readDocxContent.ts)
// before the document exists.
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DocumentDto } from '../../shared/api.js';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import type { DocumentService } from '../documents/DocumentService.js';
import { badRequest } from '../errors.js';
import { giveSectionIds, headingsWithoutId } from '../sections/sectionIds.js';
import type { UserRecord } from '../store/records.js';
import type { VersionService } from '../versions/VersionService.js';
import { checkDocx } from './docxArchive.js';
import { readDocxContent } from './readDocxContent.js';
import { InvalidDocxError, type ImportWarning, type ImportWarningCode } from './types.js';

/** What the API answers with each warning: the code the UI words, how many, and the server's English. */
export interface ImportWarningDto extends ImportWarning {
  message: string;
}

export interface ImportPreview {
  /** The title the file's content gives (its centred first line…); null when none. */
  title: string | null;
  warnings: ImportWarningDto[];
}

const MESSAGES: Record<ImportWarningCode, (n: number) => string> = {
  images: (n) => `${n} picture(s) left out: documents hold no pictures`,
  headers_footers: (n) => `${n} page header(s) or footer(s) left out: exports lay out their own (with page numbers)`,
  fields: (n) => `${n} field(s) (page numbers, dates, tables of contents) kept as the text they showed`,
  comments: (n) => `${n} Word comment(s) left out`,
  tracked_changes: (n) => `${n} tracked change(s) taken as accepted`,
  notes: (n) => `${n} footnote(s) or endnote(s) left out`,
  objects: (n) => `${n} equation(s) or embedded object(s) left out`,
};

const TITLE_CHARS = 200;
const DOCX_SUFFIX = /\.docx$/i;

export class ImportService {
  constructor(
    private readonly documents: DocumentService,
    private readonly versions: VersionService,
  ) {}

  /** What importing the file would give, creating nothing (the dialog shows it before 创建). */
  async preview(file: Uint8Array): Promise<ImportPreview> {
    const { title, warnings } = await this.read(file);
    return { title, warnings };
  }

  /** Creates the document; `title` (else the file's own title, else its name) names it. */
  async import(user: UserRecord, file: Uint8Array, options: { title?: string; fileName?: string }): Promise<DocumentDto & { warnings: ImportWarningDto[] }> {
    const { title: found, warnings, state } = await this.read(file);
    const title = options.title || clip(found) || clip(options.fileName?.replace(DOCX_SUFFIX, '')) || '导入的文档';
    const document = await this.documents.createWithContent(user, title, state);
    await this.versions.take(document.id, 'named', null, user.id, { importedFrom: options.fileName || `${title}.docx` });
    return { ...document, warnings };
  }

  private async read(file: Uint8Array): Promise<{ title: string | null; warnings: ImportWarningDto[]; state: Uint8Array }> {
    try {
      const { clean, warnings: fromParts } = checkDocx(file);
      const content = await readDocxContent(clean);
      // a reader that made something the schema does not allow is a bug of ours, told as the file not being read
      Node.fromJSON(schema, content.json).check();
      const doc = prosemirrorJSONToYDoc(schema, content.json, BODY_FRAGMENT);
      giveSectionIds(headingsWithoutId(doc.getXmlFragment(BODY_FRAGMENT)));
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const warnings = [...fromParts, ...content.warnings].map((w) => ({ ...w, message: MESSAGES[w.code](w.count) }));
      return { title: content.title, warnings, state };
    } catch (err) {
      if (err instanceof InvalidDocxError)
        throw badRequest('invalid_docx', `This file is not a readable .docx (${err.reason}). Save it as .docx in Word or WPS and try again.`);
      throw badRequest('invalid_docx', `This file could not be read as a document (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
}

/** A title of at most TITLE_CHARS characters, without control characters; null when nothing is left. */
function clip(text: string | null | undefined): string | null {
  const clean = [...(text ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim()].slice(0, TITLE_CHARS).join('');
  return clean || null;
}
