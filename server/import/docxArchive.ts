// The safety of an uploaded .docx, before anything reads it: it must be a zip
// (an OLE file is a password-protected .docx, or a .doc/.wps; a PDF is a PDF),
// it may inflate to at most MAX_INFLATED_BYTES in all (a zip bomb is stopped
// while it inflates, not trusted for the sizes it declares), no XML part may
// carry a DOCTYPE (external entities, entity expansion: Word never writes
// one), and it must hold a Word body. What is read further is a clean copy
// made of the entries inflated here, so a reader never sees more than this
// check did (entries that overlap, or sizes that lie). Pictures are left out
// of the copy (the schema has none); the parts that make the file's headers,
// footers, comments, tracked changes, fields and objects are counted for the
// warnings.
import { Unzip, UnzipInflate, zipSync } from 'fflate';
import { InvalidDocxError, type ImportWarning } from './types.js';

/** The API's limit on what a .docx may inflate to. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** A Word file has dozens of parts; tens of thousands is an attack. */
const MAX_ENTRIES = 5000;
/** Compressed bytes handed to the inflater at a time: the size check runs between them. */
const CHUNK_BYTES = 64 * 1024;

export interface CheckedDocx {
  /** A stored (uncompressed) zip of the file's parts, pictures emptied: what the reader reads. */
  clean: Uint8Array;
  /** What the file has that will not be carried over, found in its parts. */
  warnings: ImportWarning[];
}

const startsWith = (file: Uint8Array, bytes: number[]) => bytes.every((b, i) => file[i] === b);

class TooLarge extends Error {}

/** Checks `file` and makes the clean copy; throws InvalidDocxError saying why it is not a readable .docx. */
export function checkDocx(file: Uint8Array): CheckedDocx {
  if (startsWith(file, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new InvalidDocxError('an OLE compound file: a password-protected .docx, or a .doc or .wps file');
  }
  if (startsWith(file, [0x25, 0x50, 0x44, 0x46])) throw new InvalidDocxError('a PDF file');
  if (!startsWith(file, [0x50, 0x4b, 0x03, 0x04])) throw new InvalidDocxError('not a zip archive');
  const parts = inflateAll(file);
  for (const [name, data] of parts) {
    if (isXml(name) && declaresDoctype(data)) throw new InvalidDocxError(`${name} declares a DOCTYPE`);
  }
  if (!parts.has('word/document.xml') || !parts.has('[Content_Types].xml')) throw new InvalidDocxError('no Word document body in the archive');
  const clean: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) clean[name] = isXml(name) ? data : new Uint8Array(0);
  return { clean: zipSync(clean, { level: 0 }), warnings: warningsOf(parts) };
}

function inflateAll(file: Uint8Array): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  let failure: string | null = null;
  const unzip = new Unzip((entry) => {
    if (parts.size >= MAX_ENTRIES) throw new TooLarge(`more than ${MAX_ENTRIES} parts`);
    const chunks: Uint8Array[] = [];
    const keep = isXml(entry.name);
    entry.ondata = (err, data, final) => {
      if (err) {
        failure = `${entry.name}: ${err.message}`;
        return;
      }
      total += data.length;
      if (total > MAX_INFLATED_BYTES) throw new TooLarge(`inflates past ${MAX_INFLATED_BYTES} bytes`);
      if (keep) chunks.push(data);
      if (final) parts.set(entry.name, keep ? concat(chunks) : new Uint8Array(0));
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < file.length; at += CHUNK_BYTES) unzip.push(file.subarray(at, at + CHUNK_BYTES), at + CHUNK_BYTES >= file.length);
  } catch (err) {
    throw new InvalidDocxError(err instanceof TooLarge ? err.message : `a damaged zip archive (${err instanceof Error ? err.message : String(err)})`);
  }
  if (failure) throw new InvalidDocxError(`a damaged zip archive (${failure})`);
  return parts;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const isXml = (name: string) => /\.(xml|rels)$/i.test(name);

/** A DOCTYPE comes before the root element: the part's first kilobytes tell. */
function declaresDoctype(data: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 4096));
  if (/<!DOCTYPE|<!ENTITY/i.test(head)) return true;
  // UTF-16 parts (allowed by XML): look again without the zero bytes
  return data[0] === 0xff || data[0] === 0xfe ? /<!DOCTYPE|<!ENTITY/i.test(head.replace(/\u0000/g, '')) : false;
}

const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : '');
const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

/** What the parts hold that the import leaves out (images and notes are counted by the reader). */
function warningsOf(parts: Map<string, Uint8Array>): ImportWarning[] {
  const body = text(parts.get('word/document.xml'));
  let headersFooters = 0;
  for (const [name, data] of parts) {
    // Word writes empty header parts too: only those with text or fields (page numbers) count
    if (/^word\/(header|footer)\d*\.xml$/i.test(name) && /<w:t[ >]|<w:fldSimple|<w:instrText/.test(text(data))) headersFooters++;
  }
  const found: [ImportWarning['code'], number][] = [
    ['headers_footers', headersFooters],
    ['comments', count(text(parts.get('word/comments.xml')), /<w:comment[ >]/g)],
    ['tracked_changes', count(body, /<w:(ins|del|moveFrom|moveTo)[ >]/g)],
    ['fields', count(body, /<w:fldSimple[ >]|<w:fldChar[^>]*w:fldCharType="begin"/g)],
    // (text boxes are read: their text follows the paragraph that holds them)
    ['objects', count(body, /<m:oMath[ >]|<w:object[ >]/g)],
  ];
  return found.filter(([, n]) => n > 0).map(([code, n]) => ({ code, count: n }));
}
