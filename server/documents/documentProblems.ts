// What in a document's integrated state breaks the shared schema, read from
// what Yjs made of its log (not from any one update): content beside the
// body, types the binding cannot read, elements, attributes and marks the
// schema does not have or values it does not allow, nesting past the limit.
// The door (placement.ts) keeps all of this out of new changes; this finds it
// in logs stored before (the data check), and repairs it with ordinary Yjs
// changes that every copy of the document merges.
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FRAGMENT, HEADING_LEVELS, MAX_TABLE_SPAN, schema } from '../../shared/schema.js';
import { MAX_ELEMENT_DEPTH } from '../collab/placement.js';
import { attributeProblem, markProblem } from '../collab/valueRules.js';

const ELEMENTS = new Set(Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text'));
const markName = (key: string): string => key.replace(/--[a-zA-Z0-9+/=]{8}$/, '');

export interface DocumentProblem {
  /** Where: the indexes from the body down, e.g. "3/0/1". */
  at: string;
  problem: string;
}

/** What waits in Yjs: no change mends it (the data check sets the entries aside). */
export const WAITING = ['changes that wait for changes nobody stored', 'deletions of things nobody stored'];

type Fix = (transaction: Y.Transaction) => void;

type YType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

function hasContent(type: YType): boolean {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
  for (const item of type._map.values()) if (!item.deleted) return true;
  return false;
}

/** Walks the document, calling `found` for each problem with the change that mends it. */
function walk(doc: Y.Doc, found: (problem: DocumentProblem, fix: Fix) => void): void {
  if (doc.store.pendingStructs) found({ at: '-', problem: WAITING[0] }, () => undefined);
  if (doc.store.pendingDs) found({ at: '-', problem: WAITING[1] }, () => undefined);
  for (const [name, type] of doc.share) {
    if (name === BODY_FRAGMENT || !hasContent(type)) continue;
    found({ at: name, problem: `content beside the body (${name})` }, (transaction) => {
      for (let item = type._start; item !== null; item = item.right) if (!item.deleted) item.delete(transaction);
      for (const item of type._map.values()) if (!item.deleted) item.delete(transaction);
    });
  }
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const stack: [Y.XmlFragment | Y.XmlElement, string, number][] = [[body, '', 0]];
  while (stack.length > 0) {
    const [parent, path, depth] = stack.pop()!;
    const children = parent.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as unknown;
      const at = path ? `${path}/${i}` : String(i);
      const remove: Fix = () => parent.delete(i, 1);
      if (child instanceof Y.XmlElement) {
        if (!ELEMENTS.has(child.nodeName)) found({ at, problem: `an element the schema does not have (${child.nodeName})` }, remove);
        else if (depth + 1 > MAX_ELEMENT_DEPTH) found({ at, problem: `elements nested deeper than ${MAX_ELEMENT_DEPTH}` }, remove);
        else {
          attributeProblems(child, at, found);
          stack.push([child, at, depth + 1]);
        }
      } else if (child instanceof Y.XmlText && parent !== body) {
        textProblems(child, at, found);
      } else {
        const kind = child instanceof Y.XmlText ? 'text' : ((child as object | null)?.constructor?.name ?? typeof child);
        found({ at, problem: `${kind} where ${parent === body ? 'the body holds only elements' : 'an element holds only elements and text'}` }, remove);
      }
    }
  }
}

/** The binding (every editor) must be able to read the body (what is left once the rest is mended). */
function bindingProblem(doc: Y.Doc): DocumentProblem | null {
  try {
    yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT));
    return null;
  } catch (err) {
    return { at: '-', problem: `the editor cannot read it: ${(err as Error).message}` };
  }
}

function attributeProblems(element: Y.XmlElement, at: string, found: (problem: DocumentProblem, fix: Fix) => void): void {
  for (const [key, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    const problem = attributeProblem(element.nodeName, key, value);
    if (!problem) continue;
    const mended = mendedValue(key, value);
    found({ at, problem: `${problem}: ${JSON.stringify(value)?.slice(0, 60)}` }, () => {
      if (mended === undefined) element.removeAttribute(key);
      else element.setAttribute(key, mended as string);
    });
  }
}

/** The nearest value an attribute may take, or undefined to remove it (its default then applies). */
function mendedValue(key: string, value: unknown): unknown {
  const n = Math.trunc(Number(value));
  if (key === 'level') return Number.isFinite(n) ? Math.min(HEADING_LEVELS[HEADING_LEVELS.length - 1], Math.max(HEADING_LEVELS[0], n)) : undefined;
  if (key === 'colspan' || key === 'rowspan') return Number.isFinite(n) ? Math.min(MAX_TABLE_SPAN, Math.max(1, n)) : undefined;
  return undefined;
}

function textProblems(text: Y.XmlText, at: string, found: (problem: DocumentProblem, fix: Fix) => void): void {
  for (const key of Object.keys(text.getAttributes() as Record<string, unknown>)) {
    found({ at, problem: `an attribute on text (${key})` }, () => text.removeAttribute(key));
  }
  // (reported last to first, so that removing one leaves the places of those before it as they are)
  const inText: [DocumentProblem, Fix][] = [];
  let index = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const start = index;
    if (typeof op.insert !== 'string') inText.push([{ at, problem: 'something other than characters in text' }, () => text.delete(start, length)]);
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const name = markName(key);
      const problem = Object.hasOwn(schema.marks, name) ? markProblem(name, value) : `a mark the schema does not have (${key})`;
      if (problem) inText.push([{ at, problem }, () => text.format(start, length, { [key]: null })]);
    }
    index += length;
  }
  for (const [problem, fix] of inText.reverse()) found(problem, fix);
}

/** Every problem in the document, outermost first within each level. */
export function documentProblems(doc: Y.Doc): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  walk(doc, (problem) => problems.push(problem));
  const unreadable = bindingProblem(doc);
  if (unreadable) problems.push(unreadable);
  return problems;
}

/**
 * Mends what can be mended, in one transaction of `doc` (its update is what
 * to store): removes what the schema does not have, brings values into their
 * ranges. Returns what it mended. (Waiting changes cannot be mended: they are
 * the stored log's, which the data check sets aside.)
 */
export function repairDocument(doc: Y.Doc, origin: unknown = 'repair'): DocumentProblem[] {
  const mended: DocumentProblem[] = [];
  doc.transact((transaction) => {
    const fixes: Fix[] = [];
    walk(doc, (problem, fix) => {
      if (problem.at === '-') return;
      mended.push(problem);
      fixes.push(fix);
    });
    // children were visited last to first, so earlier indexes stay valid as later ones are removed
    for (const fix of fixes) fix(transaction);
  }, origin);
  return mended;
}
