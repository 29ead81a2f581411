// What a member's change may write into a document, decided from what the
// update itself holds, before it is stored or relayed: only the body fragment,
// only the kinds of Yjs content the editor's binding writes (XML elements and
// text, strings, marks as formatting, attributes), only the schema's marks,
// shallow values, items Yjs can integrate, a bounded delete set. A change
// that breaks these would be stored for good and could make the document
// unreadable for everyone; it is refused and its connection closed (4422).
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { Content, type UpdateShape } from './scanUpdate.js';

/** Yjs's typeRefs of the two types the body is made of. */
const XML_ELEMENT = 3;
const XML_TEXT = 6;
const ALLOWED_CONTENT = new Set<number>([Content.deleted, Content.string, Content.format, Content.type, Content.any]);
/** Attributes and mark attributes are flat: a link's {href, target}, a cell's [width]. */
export const MAX_VALUE_DEPTH = 8;
/** A delete set larger than any editing makes (Yjs retries deletions of unknown items on every change). */
export const MAX_DELETE_RANGES = 100_000;
/** A mark written as formatting: its name, or name--hash for marks that may overlap (y-prosemirror). */
const FORMAT_KEY = /^(.*?)(--[a-zA-Z0-9+/=]{8})?$/;

export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}

/** Throws RuleError when the update writes what the document may not hold; null: it holds sub-documents. */
export function checkUpdateShape(shape: UpdateShape | null): void {
  if (shape === null) throw new RuleError('sub-documents are not part of a document');
  for (const root of shape.roots) if (root !== BODY_FRAGMENT) throw new RuleError('writes outside the document body');
  for (const kind of shape.contents) if (!ALLOWED_CONTENT.has(kind)) throw new RuleError('content the document cannot hold');
  for (const ref of shape.typeRefs) if (ref !== XML_ELEMENT && ref !== XML_TEXT) throw new RuleError('a type the document cannot hold');
  for (const key of shape.formatKeys) {
    const name = FORMAT_KEY.exec(key)?.[1] ?? key;
    if (!Object.hasOwn(schema.marks, name)) throw new RuleError('formatting the document does not know');
  }
  if (shape.valueDepth > MAX_VALUE_DEPTH) throw new RuleError('a value nested too deep');
  if (shape.originAhead) throw new RuleError('an item placed after its own future');
  if (shape.deleteRanges > MAX_DELETE_RANGES) throw new RuleError('too many deletions at once');
}
