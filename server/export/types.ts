import type { JSONContent } from '@tiptap/core';
import type { GuidanceExport } from '../../shared/api.js';

export interface ExportComment {
  id: string; // thread id
  author: string; // display name
  date: Date;
  body: string; // plain text
  replies: { author: string; date: Date; body: string }[];
  /** The passage, as offsets [from, to) in the document string (see documentTexts). */
  from: number;
  to: number;
}

export interface ExportInput {
  /** The document title (plain text). */
  title: string;
  /** ProseMirror JSON of the shared schema; its first node is usually the title heading (level 1). */
  content: JSONContent;
  /** true: a visible 草稿 mark (not the approved version). */
  draft: boolean;
  /** Unfilled 〔…〕 guidance: marked as a placeholder, or left out (guidance.ts). */
  guidance: GuidanceExport;
  /** null: export without comments. */
  comments: ExportComment[] | null;
  /** Optional 署名 block; the date is already written like 2026年12月20日. */
  signature: { issuer: string; date: string } | null;
  /** The display names of the suggestions' (修订) authors, username → name; a username not here is shown as it is. */
  authors?: Readonly<Record<string, string>>;
}
