// A stored mark's attributes brought into what renderers can show: the
// suggestion (修订) marks' id, author, time and format lists. Marks stored
// before the server checked them (valueRules.ts), or in an old version, may
// hold anything; renderers print the author and the time.
import type { JSONContent } from '@tiptap/core';
import { SUGGESTION_FORMAT, SUGGESTION_MARKS } from '../../shared/Suggestion.js';
import { FORMAT_MARK_NAMES, MAX_SUGGESTION_TEXT } from '../../shared/suggestions.js';

type JSONMark = NonNullable<JSONContent['marks']>[number];

const shortText = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_SUGGESTION_TEXT) : '');
const time = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0);
const formatNames = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((name): name is string => (FORMAT_MARK_NAMES as readonly unknown[]).includes(name)))] : [];

export function saneMarkAttrs(mark: JSONMark): JSONMark {
  if (!(SUGGESTION_MARKS as readonly string[]).includes(mark.type)) return mark;
  const attrs = mark.attrs ?? {};
  const common = { id: shortText(attrs.id), author: shortText(attrs.author), createdAt: time(attrs.createdAt) };
  return { ...mark, attrs: mark.type === SUGGESTION_FORMAT ? { ...common, add: formatNames(attrs.add), remove: formatNames(attrs.remove) } : common };
}
