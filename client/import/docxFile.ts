// What a file picked for 从 Word 导入 is, told from its bytes (not its name:
// people rename files), and what to tell the user when it cannot be imported.
// The server answers only invalid_docx; the first bytes tell a .doc or .wps
// (an OLE compound file), an encrypted .docx (also OLE, with an
// EncryptedPackage stream), a PDF or a picture apart from a damaged .docx.

/** The most the server takes (API.md: 413 payload_too_large over 20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** For the file picker: the extension and the media type. */
export const DOCX_ACCEPT = `.docx,${DOCX_MIME}`;

export type FileKind =
  /** A zip holding word/ parts: worth sending to the server. */
  | 'docx'
  /** A zip without word/ parts (an .xlsx, a .pptx, a zip archive renamed). */
  | 'zip'
  /** An OLE compound file holding an encrypted Office package: a .docx with a password. */
  | 'encrypted'
  /** Any other OLE compound file: a Word 97–2003 .doc, a WPS .wps, an old .xls. */
  | 'legacy'
  | 'pdf'
  /** Rich Text Format, which Word also saves (often named .doc). */
  | 'rtf'
  | 'empty'
  | 'other';

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Whether `needle` occurs in `bytes`. */
function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
/** OLE directory entries name their streams in UTF-16LE. */
const utf16le = (text: string): number[] => [...text].flatMap((c) => [c.charCodeAt(0), 0]);

const WORD_PART = ascii('word/');
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

/** The kind of a file from its content (all of it: the names inside are anywhere in it). */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  // "PK": a local file header (03 04), an empty archive (05 06) or a spanned one (07 08).
  if (startsWith(bytes, ZIP) && bytes.length >= 4 && [0x03, 0x05, 0x07].includes(bytes[2]) && bytes[3] === bytes[2] + 1)
    return contains(bytes, WORD_PART) ? 'docx' : 'zip';
  if (startsWith(bytes, OLE)) return contains(bytes, ENCRYPTED_PACKAGE) ? 'encrypted' : 'legacy';
  // A PDF may have a few bytes of junk before its header.
  if (contains(bytes.subarray(0, 1024), PDF)) return 'pdf';
  if (startsWith(bytes, RTF)) return 'rtf';
  return 'other';
}

/** Reads a file and tells its kind. */
export async function sniffFile(file: Blob): Promise<FileKind> {
  return sniffFileKind(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Why a file cannot be imported, as a key of the `import.problems` block:
 * from its kind before anything is sent, or from the server's error code.
 * Null when the file should be sent (or the code is not about the file).
 */
export type ImportProblem = 'empty' | 'tooLarge' | 'legacy' | 'rtf' | 'encrypted' | 'pdf' | 'notWord' | 'damaged';

export function problemOfFile(kind: FileKind, size: number): ImportProblem | null {
  switch (kind) {
    case 'empty':
      return 'empty';
    case 'legacy':
      return 'legacy';
    case 'rtf':
      return 'rtf';
    case 'encrypted':
      return 'encrypted';
    case 'pdf':
      return 'pdf';
    case 'zip':
    case 'other':
      return 'notWord';
    case 'docx':
      return size > MAX_IMPORT_BYTES ? 'tooLarge' : null;
  }
}

/** The server's answer about a file that looked like a .docx here. */
export function problemOfAnswer(code: string): ImportProblem | null {
  switch (code) {
    case 'invalid_docx':
      return 'damaged';
    case 'too_large':
    case 'payload_too_large':
      return 'tooLarge';
    case 'unsupported_media_type':
      return 'notWord';
    default:
      return null;
  }
}

/** The file's name without .docx: the title when none is found in it. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.docx$/i, '').trim();
}

/** A size as people read it: 850 KB, 21.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
