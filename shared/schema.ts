// The one list of Tiptap extensions that defines the document schema, shared
// by the editor (which adds collaboration on top) and the server (seeding,
// rendering, export). Free of React and the DOM.
import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import TextAlign from '@tiptap/extension-text-align';
import { TableKit } from '@tiptap/extension-table';
import { Guidance } from './Guidance.js';
import { HeadingNumbering } from './HeadingNumbering.js';
import { SectionIdentity } from './SectionIdentity.js';
import { Signature } from './Signature.js';
import { SuggestionDelete, SuggestionFormat, SuggestionInsert } from './Suggestion.js';

/** Name of the Y.XmlFragment holding the document body (Tiptap's Collaboration default). */
export const BODY_FRAGMENT = 'default';

/** 1 is the title; 2–5 the four 公文 section levels 一、 （一） 1. （1） (numbering.ts). */
export const HEADING_LEVELS = [1, 2, 3, 4, 5] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/** A table cell spans at most this many columns or rows: 公文 tables are small, and renderers walk every spanned position. */
export const MAX_TABLE_SPAN = 64;

export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

export const schemaExtensions: AnyExtension[] = [
  StarterKit.configure({
    // Collaboration brings its own undo that only undoes one's own changes.
    undoRedo: false,
    // Official documents have no code; keeping the schema small keeps every exporter complete.
    code: false,
    codeBlock: false,
    heading: { levels: [...HEADING_LEVELS] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...LINK_PROTOCOLS],
      defaultProtocol: 'https',
      isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && /^(https?:|mailto:)/i.test(url),
    },
  }),
  TextAlign.configure({ types: ['heading', 'paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
  TableKit.configure({ table: { resizable: false } }),
  Guidance,
  HeadingNumbering,
  SectionIdentity,
  Signature,
  SuggestionInsert,
  SuggestionDelete,
  SuggestionFormat,
];

export const schema = getSchema(schemaExtensions);
