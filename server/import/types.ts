// Import from Word (API.md "Import from Word"): what reading a .docx gives.
import type { JSONContent } from '@tiptap/core';

/**
 * What could not be carried over, as data (the UI words it): each with how
 * many there were. The server's own `message` words it in English.
 */
export type ImportWarningCode =
  /** Pictures (the schema has none). */
  | 'images'
  /** Page headers and footers (the 公文 layout sets its own). */
  | 'headers_footers'
  /** Page numbers and other fields (their shown text is kept where it is in the body). */
  | 'fields'
  /** The file's Word comments. */
  | 'comments'
  /** Tracked changes: insertions are taken as accepted, deletions as accepted (the text reads as the file shows it with changes accepted). */
  | 'tracked_changes'
  /** Footnotes and endnotes. */
  | 'notes'
  /** Text boxes, shapes, equations, embedded objects. */
  | 'objects';

export interface ImportWarning {
  code: ImportWarningCode;
  count: number;
}

/** A .docx read into the shared schema. */
export interface ImportedContent {
  /** A `doc` node of shared/schema.ts, valid (Node.fromJSON(schema, json).check() passes). */
  json: JSONContent;
  /** The document's title as recognised (the centred first paragraph, a Title style…); null when none. */
  title: string | null;
  warnings: ImportWarning[];
}

/** The file is not a readable .docx (corrupt, encrypted, another format renamed, a zip bomb, XML with a DOCTYPE). */
export class InvalidDocxError extends Error {
  constructor(readonly reason: string) {
    super(`not a readable .docx: ${reason}`);
    this.name = 'InvalidDocxError';
  }
}
