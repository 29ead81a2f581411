// Mammoth's model of a .docx (its document reader, before any HTML): the
// shapes the import reads, and the reading itself. The archive's own checks
// (size, encryption, XML) are docxArchive.ts's; this only reads what mammoth
// gives.
import mammoth from 'mammoth';
import { InvalidDocxError } from './types.js';

export interface MammothText {
  type: 'text';
  value: string;
}
export interface MammothRun {
  type: 'run';
  children: MammothInline[];
  styleName: string | null;
  isBold: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  isStrikethrough: boolean;
  /** The run's w:ascii font (mammoth reads no other). */
  font: string | null;
  /** In points. */
  fontSize: number | null;
  highlight: string | null;
}
export interface MammothHyperlink {
  type: 'hyperlink';
  children: MammothInline[];
  href?: string;
  anchor?: string;
}
export type MammothInline =
  | MammothText
  | MammothRun
  | MammothHyperlink
  | { type: 'tab' }
  | { type: 'break'; breakType: 'line' | 'page' | 'column' }
  | { type: 'checkbox'; checked: boolean }
  | { type: 'image' }
  | { type: 'noteReference' }
  | { type: 'commentReference' }
  | { type: 'bookmarkStart' }
  | { type: 'paragraph' | 'table' | 'tableRow' | 'tableCell' };

export interface MammothParagraph {
  type: 'paragraph';
  children: MammothInline[];
  styleId: string | null;
  styleName: string | null;
  /** Word's list numbering of the paragraph; `level` is "0" for the outermost. */
  numbering: { level: string; isOrdered: boolean } | null;
  /** w:jc: "center", "right", "both", "left", "start", "end"… null when the paragraph sets none. */
  alignment: string | null;
  /** In twips, as strings. */
  indent: { start: string | null; end: string | null; firstLine: string | null; hanging: string | null };
}
export interface MammothTableCell {
  type: 'tableCell';
  children: MammothBlock[];
  colSpan: number;
  rowSpan: number;
}
export interface MammothTableRow {
  type: 'tableRow';
  children: MammothTableCell[];
  isHeader: boolean;
}
export interface MammothTable {
  type: 'table';
  children: MammothTableRow[];
}
export type MammothBlock = MammothParagraph | MammothTable;

export interface MammothDocument {
  children: MammothBlock[];
}

/** The file's document model and mammoth's own messages about what it left out. Throws InvalidDocxError when mammoth cannot read it. */
export async function readModel(file: Uint8Array): Promise<{ document: MammothDocument; messages: string[] }> {
  let captured: MammothDocument | null = null;
  let messages: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(file.buffer, file.byteOffset, file.byteLength) },
      {
        transformDocument: (document: MammothDocument) => {
          captured = document;
          return document;
        },
        externalFileAccess: false,
        // images are not carried over (warned about): do not read their bytes
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    messages = result.messages.map((message) => message.message);
  } catch (error) {
    throw new InvalidDocxError(error instanceof Error ? error.message : String(error));
  }
  if (captured === null) throw new InvalidDocxError('no document body');
  return { document: captured, messages };
}
