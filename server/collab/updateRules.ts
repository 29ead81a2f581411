// What a member's change may write into a document, decided from what the
// update itself holds, before it is stored or relayed: only the body fragment,
// only the kinds of Yjs content the editor's binding writes (XML elements and
// text, strings, marks as formatting, attributes), only the schema's nodes,
// their attributes and marks,
// shallow values, items Yjs can integrate, a bounded delete set. A change
// that breaks these would be stored for good and could make the document
// unreadable for everyone; it is refused and its connection closed (4422).
import * as Y from 'yjs';
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
/**
 * Deletions of items the document does not have wait in Yjs, which tries them
 * again on every later change: a change may bring at most this many, and none
 * while MAX_PENDING_DELETE_BYTES of them already wait.
 */
export const MAX_UNKNOWN_DELETES = 1_000;
export const MAX_PENDING_DELETE_BYTES = 256 * 1024;
/** Elements are the schema's nodes, but for the document itself and text, which are no elements. */
const ELEMENTS = new Set(Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text'));
/** Attributes are those of the schema's nodes (the binding writes a node's attrs, and nothing else). */
const ATTRIBUTES = new Set(Object.values(schema.nodes).flatMap((type) => Object.keys(type.spec.attrs ?? {})));
/** A mark written as formatting: its name, or name--hash for marks that may overlap (y-prosemirror). */
const FORMAT_KEY = /^(.*?)(--[a-zA-Z0-9+/=]{8})?$/;

export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}

/** Throws RuleError when the update writes what the document may not hold. */
export function checkUpdateShape(shape: UpdateShape): void {
  if (shape.contents.has(Content.doc)) throw new RuleError('sub-documents are not part of a document');
  for (const root of shape.roots) if (root !== BODY_FRAGMENT) throw new RuleError('writes outside the document body');
  for (const kind of shape.contents) if (!ALLOWED_CONTENT.has(kind)) throw new RuleError('content the document cannot hold');
  for (const ref of shape.typeRefs) if (ref !== XML_ELEMENT && ref !== XML_TEXT) throw new RuleError('a type the document cannot hold');
  for (const name of shape.elementNames) if (!ELEMENTS.has(name)) throw new RuleError('an element the document does not know');
  for (const key of shape.attributeKeys) if (!ATTRIBUTES.has(key)) throw new RuleError('an attribute the document does not know');
  for (const key of shape.formatKeys) {
    const name = FORMAT_KEY.exec(key)?.[1] ?? key;
    if (!Object.hasOwn(schema.marks, name)) throw new RuleError('formatting the document does not know');
  }
  if (shape.valueDepth > MAX_VALUE_DEPTH) throw new RuleError('a value nested too deep');
  if (shape.originAhead) throw new RuleError('an item placed after its own future');
  if (shape.deleteRanges > MAX_DELETE_RANGES) throw new RuleError('too many deletions at once');
}

/**
 * Throws RuleError when the update deletes more that the document does not
 * have (nor the update itself) than the document may keep waiting: an editor
 * deletes what it has, which came through the server or is in the same change.
 */
export function checkDeletesKnown(shape: UpdateShape, doc: Y.Doc): void {
  let unknown = 0;
  for (const [client, ranges] of shape.deletesByClient) {
    const known = Math.max(Y.getState(doc.store, client), shape.structEnds.get(client) ?? 0);
    for (let i = 0; i < ranges.length; i += 2) if (ranges[i] + ranges[i + 1] > known) unknown++;
  }
  if (unknown === 0) return;
  const waiting = doc.store.pendingDs?.length ?? 0;
  if (unknown > MAX_UNKNOWN_DELETES || waiting > MAX_PENDING_DELETE_BYTES) throw new RuleError('deletes what the document does not have');
}
