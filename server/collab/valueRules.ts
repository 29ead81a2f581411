// The values a node's attributes and a mark's attributes may take, from the
// schema and the editor's own settings: heading levels, alignments, table
// spans and widths, link protocols. A value outside them would be stored for
// good and handed to every renderer and exporter (a heading of level 1e9, a
// cell spanning a million columns), so a change writing one is refused.
import { officialDateText } from '../../shared/officialDate.js';
import { HEADING_LEVELS, MAX_TABLE_SPAN, schema } from '../../shared/schema.js';
import { MAX_ISSUER_LENGTH } from '../../shared/Signature.js';
/** A column is at most this many pixels wide. */
const MAX_COLUMN_WIDTH = 10_000;
/** An attribute's text (a link, a title) is at most this long. */
export const MAX_ATTRIBUTE_LENGTH = 2_048;
/** An ordered list starts at a number no larger than this. */
const MAX_LIST_START = 99_999;

type Rule = (value: unknown) => boolean;

const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_ATTRIBUTE_LENGTH;
const oneOf =
  (...allowed: unknown[]): Rule =>
  (value) =>
    allowed.includes(value);
const integerIn =
  (min: number, max: number): Rule =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const orNull =
  (rule: Rule): Rule =>
  (value) =>
    value === null || rule(value);
/** What the editor writes when nothing else is known of an attribute: a flat scalar. */
const scalar: Rule = (value) => value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || isShortString(value);

const NODE_ATTRIBUTES: Record<string, Rule> = {
  textAlign: orNull(oneOf('left', 'center', 'right', 'justify')),
  level: oneOf(...HEADING_LEVELS),
  numbering: oneOf('auto', 'none'),
  issuer: (value) => typeof value === 'string' && value.length <= MAX_ISSUER_LENGTH,
  date: (value) => value === '' || (typeof value === 'string' && officialDateText(value) !== null),
  start: integerIn(0, MAX_LIST_START),
  type: orNull((value) => isShortString(value) && value.length <= 8),
  colspan: integerIn(1, MAX_TABLE_SPAN),
  rowspan: integerIn(1, MAX_TABLE_SPAN),
  colwidth: orNull((value) => Array.isArray(value) && value.length <= MAX_TABLE_SPAN && value.every(orNull(integerIn(0, MAX_COLUMN_WIDTH)))),
  align: orNull(oneOf('left', 'center', 'right')),
};

/** Names of the schema's marks, each at most once. */
const isMarkList = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length <= Object.keys(schema.marks).length &&
  value.every((name) => typeof name === 'string' && Object.hasOwn(schema.marks, name));

/** The schema's links: http, https and mailto only (as the editor's isAllowedUri). */
const LINK = /^(https?:|mailto:)/i;
const MARK_ATTRIBUTES: Record<string, Rule> = {
  href: (value) => isShortString(value) && LINK.test(value),
  target: orNull(isShortString),
  rel: orNull(isShortString),
  class: orNull(isShortString),
  title: orNull(isShortString),
  // a format suggestion's marks to set and clear (shared/Suggestion.ts)
  add: (value) => isMarkList(value),
  remove: (value) => isMarkList(value),
};

/** Why an element's attribute may not take this value; null when it may. */
export function attributeProblem(element: string, key: string, value: unknown): string | null {
  const attrs = schema.nodes[element]?.spec.attrs;
  if (!attrs || !Object.hasOwn(attrs, key)) return `an attribute ${element} does not have`;
  const rule = Object.hasOwn(NODE_ATTRIBUTES, key) ? NODE_ATTRIBUTES[key] : scalar;
  return rule(value) ? null : `a value ${element}.${key} cannot take`;
}

/**
 * Why a mark may not carry these attributes; null when it may. The binding
 * writes a mark's attributes as an object ({} for a mark without any) and null
 * where the mark ends.
 */
export function markProblem(mark: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return `a value ${mark} cannot take`;
  const attrs = schema.marks[mark]?.spec.attrs ?? {};
  for (const [key, attribute] of Object.entries(value as Record<string, unknown>)) {
    if (!Object.hasOwn(attrs, key)) return `an attribute ${mark} does not have`;
    const rule = Object.hasOwn(MARK_ATTRIBUTES, key) ? MARK_ATTRIBUTES[key] : scalar;
    if (!rule(attribute)) return `a value ${mark}.${key} cannot take`;
  }
  return null;
}
