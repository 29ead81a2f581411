// 修订 (suggestions, API.md "Suggestions"): a reviewer's proposed change,
// kept in the text as a mark until an owner or editor accepts or rejects it.
// Three marks, each with the suggestion's id, its author (username) and when
// it was made (ms since the epoch):
// - suggestionInsert: text proposed for insertion (shown underlined in the
//   author's colour); accepting drops the mark, rejecting deletes the text;
// - suggestionDelete: text proposed for deletion (shown struck through);
//   accepting deletes the text, rejecting drops the mark;
// - suggestionFormat: a proposed formatting change, `add` and `remove`
//   naming the marks (bold, italic, underline…) it would set or clear, which
//   are not applied until it is accepted.
// Marks of one type but of different suggestions may cover the same text
// (`excludes: ''`); a suggestion's marks share its id across the blocks it
// spans. Part of the schema, shared by the editor, the server and exports.
import { Mark, mergeAttributes } from '@tiptap/core';

export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const SUGGESTION_FORMAT = 'suggestionFormat';
export const SUGGESTION_MARKS = [SUGGESTION_INSERT, SUGGESTION_DELETE, SUGGESTION_FORMAT] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

/** The attributes every suggestion mark carries. */
export interface SuggestionAttrs {
  id: string;
  /** The author's username. */
  author: string;
  /** When it was made, ms since the epoch. */
  createdAt: number;
}

/** A suggestionFormat's attributes: the marks it would set and clear. */
export interface FormatSuggestionAttrs extends SuggestionAttrs {
  add: string[];
  remove: string[];
}

const common = {
  id: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-suggestion') ?? '' },
  author: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-author') ?? '' },
  createdAt: { default: 0, parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-created-at')) || 0 },
};

const dataAttributes = (attrs: Record<string, unknown>) => ({
  'data-suggestion': String(attrs.id ?? ''),
  'data-author': String(attrs.author ?? ''),
  'data-created-at': String(attrs.createdAt ?? 0),
});

export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  excludes: '',
  addAttributes: () => common,
  parseHTML: () => [{ tag: 'ins[data-suggestion]' }],
  renderHTML: ({ mark, HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, dataAttributes(mark.attrs)), 0],
});

export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  excludes: '',
  addAttributes: () => common,
  parseHTML: () => [{ tag: 'del[data-suggestion]' }],
  renderHTML: ({ mark, HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, dataAttributes(mark.attrs)), 0],
});

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

export const SuggestionFormat = Mark.create({
  name: SUGGESTION_FORMAT,
  inclusive: false,
  excludes: '',
  addAttributes: () => ({
    ...common,
    add: { default: [], parseHTML: (el: HTMLElement) => list(el.getAttribute('data-add')) },
    remove: { default: [], parseHTML: (el: HTMLElement) => list(el.getAttribute('data-remove')) },
  }),
  parseHTML: () => [{ tag: 'span[data-suggestion][data-format]' }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, dataAttributes(mark.attrs), {
      'data-format': '',
      'data-add': (mark.attrs.add as string[]).join(','),
      'data-remove': (mark.attrs.remove as string[]).join(','),
    }),
    0,
  ],
});
