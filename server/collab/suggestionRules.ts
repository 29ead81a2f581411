// 修订 (issue 25): what a change from someone who may only suggest may do to
// the body. API.md: "a body change from someone who may only suggest, that is
// anything but adding or withdrawing their own suggestions, is never stored
// or relayed". The change is judged by what it does to the document, not by
// what the client claims: it is applied to a copy of the room's document and
// every block it touches is compared, before and after, with the suggester's
// own suggestions taken out.
//
// How marks reach Yjs (@tiptap/y-tiptap marksToAttributes): a mark is a
// formatting attribute of a Y.XmlText run, its value the mark's attrs. A mark
// whose type may overlap itself (`excludes: ''`, as the three suggestion marks)
// is keyed `<name>--<hash>`, the hash 8 base64 characters of a folded SHA-256
// of the mark's JSON ({type, attrs}), so that two suggestions of one type may
// cover the same text; a mark that may not overlap is keyed by its name.
// `yattr2markname` (and FORMAT_KEY below) strips `--<hash>` to read the name.
//
// The rule, per block (an element whose children, or the text in them, change):
//   strip(before) must equal strip(after), where strip reads the block's
//   inline content as child elements (by identity) and characters with their
//   marks, drops the characters carrying the suggester's own suggestionInsert
//   (but for those another author's suggestion covers), and drops the
//   suggester's own suggestionDelete and suggestionFormat marks.
// So a suggester may insert text carrying their own suggestionInsert (with any
// other formatting: that is the suggestion), delete text carrying it
// (withdrawing it, unless someone has suggested something of it: their
// suggestion is theirs to withdraw), and add or remove their own suggestionDelete and
// suggestionFormat marks anywhere. Anything else changes strip: plain
// insertions and deletions, formatting (bold…), others' text and others'
// suggestions, accepting one's own suggestion (removing one's own
// suggestionInsert mark, deleting under one's own suggestionDelete).
// Besides: no attribute of any element or text may change (heading level,
// alignment…); child elements are compared by identity, so no block or inline
// node (hard break, Enter splitting a paragraph, joining two) may be added,
// removed or moved: for now a suggester cannot split or join paragraphs.
// Every suggestion mark naming another author after the change must have been
// in the block already (marks spreading over one's own new text as the editor
// lets them); one's own marks carry a non-empty id that no other author's
// suggestion uses, a createdAt, and for suggestionFormat lists of mark names.
//
// Characters are compared by content, not Yjs identity: the binding writes a
// text change as a string diff (simpleDiff) and then sets every run's marks,
// so typing "a" before "aab" may mark the old first "a" and insert the new one
// third. Identity-preserving checks would refuse such honest edits; the price
// is that a change may swap one of the document's characters for an equal new
// one (same character, same marks), which shows nothing different.
// Known gap: format items with no visible effect now are not judged (a pair
// setting and clearing a mark between two characters could catch text typed
// there concurrently by someone who had not seen them).
//
// Cost: the document is copied per change (encode and apply, linear in its
// size), and the whole document is read for ids when a change adds a new
// suggestion mark. Fine for suggesters' keystrokes at today's document sizes;
// judging from the update's structs would avoid it.
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_MARKS } from '../../shared/Suggestion.js';

/** A shared Yjs type of any kind: Yjs itself types them with `any`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>;
type Attrs = Record<string, unknown>;

/**
 * ok: the change only adds or withdraws the suggester's own suggestions.
 * Not ok: refused, with why; `waits` when the change builds on structs or
 * deletes what the document does not have yet (its effect cannot be judged
 * until they arrive: hold it, as placement's 'waits', and judge it again).
 */
export type SuggestVerdict = { ok: true } | { ok: false; reason: string; waits?: boolean };

/** A mark written as formatting: its name, or name--hash for marks that may overlap (y-prosemirror). */
const FORMAT_KEY = /^(.*?)(--[a-zA-Z0-9+/=]{8})?$/;
export const markNameOfKey = (key: string): string => FORMAT_KEY.exec(key)?.[1] ?? key;
const SUGGESTION_NAMES = new Set<string>(SUGGESTION_MARKS);
const FORMAT_NAMES = new Set(Object.keys(schema.marks).filter((name) => !SUGGESTION_NAMES.has(name)));
/** A suggestion's id is at most this long (the editor writes a UUID). */
export const MAX_SUGGESTION_ID_LENGTH = 64;

/**
 * Whether `update`, sent by `username` who may only suggest, only adds or
 * withdraws their own suggestions in the body of `doc` (the room's document,
 * not changed). Call after the shape and placement rules have taken the
 * change (updateRules.ts, placement.ts), and before it is admitted or stored.
 * What it writes outside the body is left to those rules.
 */
export function checkSuggestOnly(doc: Y.Doc, update: Uint8Array, username: string): SuggestVerdict {
  const after = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
  const changed = new Map<YType, Set<string | null>>();
  after.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) for (const key of keys) (changed.get(type) ?? changed.set(type, new Set()).get(type)!).add(key);
  });
  try {
    Y.applyUpdate(after, update);
  } catch {
    return { ok: false, reason: 'an unreadable change' };
  }
  if (after.store.pendingStructs !== null || after.store.pendingDs !== null) {
    return { ok: false, reason: 'builds on what the document does not have yet', waits: true };
  }
  const blocks = new Set<YType>();
  for (const [type, keys] of changed) {
    if (!inBody(after, type)) continue;
    const before = counterpart(doc, type);
    for (const key of keys) {
      if (key === null) blocks.add(type instanceof Y.XmlText ? (type._item!.parent as YType) : type);
      else if (!(type instanceof Y.XmlElement || type instanceof Y.XmlText) || !(before instanceof Y.XmlElement || before instanceof Y.XmlText)) {
        return { ok: false, reason: 'changes the body itself' };
      } else if (!sameValue(before.getAttribute(key), type.getAttribute(key))) {
        return { ok: false, reason: `changes a block's ${key}: a suggester may only suggest text changes` };
      }
    }
  }
  const ids = new SuggestionIds(doc);
  for (const block of blocks) {
    const problem = judgeBlock(inlineContent(counterpart(doc, block)), inlineContent(block), username, ids);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true };
}

/** Whether formatting keys an update writes (scanUpdate's shape) include a suggestion mark: a cheap first look. */
export const mentionsSuggestions = (formatKeys: ReadonlySet<string>): boolean => [...formatKeys].some((key) => SUGGESTION_NAMES.has(markNameOfKey(key)));

/**
 * Whether `update` sets a suggestion mark of `username`'s anywhere (adds or
 * extends a suggestion; withdrawing one only deletes): read from the update's
 * own structs, without the document, for notifying reviewers (修订).
 */
export function writesSuggestionsOf(update: Uint8Array, username: string): boolean {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return false;
  }
  return structs.some(
    (s) =>
      s instanceof Y.Item &&
      s.content instanceof Y.ContentFormat &&
      SUGGESTION_NAMES.has(markNameOfKey(s.content.key)) &&
      (s.content.value as Attrs | null)?.author === username,
  );
}

/** A character with its marks (Yjs formatting attributes), or a child element by identity. */
type Token = { char: string; attrs: Attrs } | { element: string };

function judgeBlock(before: Token[], after: Token[], username: string, ids: SuggestionIds): string | null {
  const elements = (tokens: Token[]) => tokens.flatMap((t) => ('element' in t ? [t.element] : [])).join(',');
  if (elements(before) !== elements(after)) return 'adds, removes or moves a block or inline node: a suggester may only suggest text changes';
  if (stripped(before, username).join('\n') !== stripped(after, username).join('\n')) {
    return 'changes text or formatting that is not a suggestion of its own';
  }
  const had = new Set(before.flatMap((t) => ('attrs' in t ? Object.entries(t.attrs).map(([k, v]) => markKey(k, v)) : [])));
  const seen = new Set<string>();
  for (const token of after) {
    if (!('attrs' in token)) continue;
    for (const [key, value] of Object.entries(token.attrs)) {
      const name = markNameOfKey(key);
      if (!SUGGESTION_NAMES.has(name)) continue;
      const known = markKey(key, value);
      if (had.has(known) || seen.has(known)) continue;
      seen.add(known);
      const problem = ownMarkProblem(name, value, username) ?? ids.takenBy(value as { id: string }, username);
      if (problem) return problem;
    }
  }
  return null;
}

/** The block's content with the suggester's own suggestions taken out, a string per token. */
function stripped(tokens: Token[], username: string): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if ('element' in token) {
      out.push(`element ${token.element}`);
      continue;
    }
    const entries = Object.entries(token.attrs).map(([key, value]) => ({ key, value, name: markNameOfKey(key) }));
    const mine = ({ name, value }: { name: string; value: unknown }) => SUGGESTION_NAMES.has(name) && authorOf(value) === username;
    const own = entries.some((e) => e.name === SUGGESTION_INSERT && mine(e));
    // One's own text is one's own to withdraw, unless another's suggestion covers it (then it stays, and stays one's suggestion).
    if (own && !entries.some((e) => SUGGESTION_NAMES.has(e.name) && !mine(e))) continue;
    const kept = entries.filter((e) => !mine(e) || e.name === SUGGESTION_INSERT).map((e): [string, unknown] => [e.key, e.value]);
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(`${token.char} ${canonical(Object.fromEntries(kept))}`);
  }
  return out;
}

/** Why a suggestion mark that is new in the block may not be written by `username`; null when it may. */
function ownMarkProblem(name: string, value: unknown, username: string): string | null {
  if (typeof value !== 'object' || value === null) return 'a suggestion mark without its attributes';
  const attrs = value as Attrs;
  if (attrs.author !== username) return 'a suggestion mark naming another author';
  if (typeof attrs.id !== 'string' || attrs.id === '' || attrs.id.length > MAX_SUGGESTION_ID_LENGTH) return 'a suggestion mark without a valid id';
  if (typeof attrs.createdAt !== 'number' || !Number.isFinite(attrs.createdAt)) return 'a suggestion mark without a valid time';
  if (name === SUGGESTION_FORMAT) {
    const names = (list: unknown) => Array.isArray(list) && list.every((n) => typeof n === 'string' && FORMAT_NAMES.has(n));
    if (!names(attrs.add) || !names(attrs.remove)) return 'a format suggestion naming what is no formatting';
  } else if (name !== SUGGESTION_INSERT && name !== SUGGESTION_DELETE) return 'an unknown suggestion';
  return null;
}

/** Which authors the document's suggestion ids belong to, read once and only when a change adds a suggestion mark. */
class SuggestionIds {
  private authors: Map<string, Set<string>> | null = null;

  constructor(private readonly doc: Y.Doc) {}

  takenBy(attrs: { id: string }, username: string): string | null {
    this.authors ??= suggestionAuthorsById(this.doc);
    const owners = this.authors.get(attrs.id);
    return owners && [...owners].some((author) => author !== username) ? "a suggestion mark taking another author's suggestion id" : null;
  }
}

/** The suggestion ids the body's formatting carries (live marks), each with the authors that carry it. */
export function suggestionAuthorsById(doc: Y.Doc): Map<string, Set<string>> {
  const authors = new Map<string, Set<string>>();
  const body = doc.share.get(BODY_FRAGMENT);
  const stack: YType[] = body ? [body] : [];
  while (stack.length > 0) {
    const type = stack.pop()!;
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentType) stack.push(item.content.type as YType);
      else if (item.content instanceof Y.ContentFormat && SUGGESTION_NAMES.has(markNameOfKey(item.content.key))) {
        const value = item.content.value as Attrs | null;
        if (value && typeof value.id === 'string') {
          const set = authors.get(value.id) ?? authors.set(value.id, new Set()).get(value.id)!;
          set.add(String(value.author));
        }
      }
    }
  }
  return authors;
}

/** A type's children as tokens: elements by their Yjs id, texts as characters with the marks in force there. */
function inlineContent(type: YType | null): Token[] {
  const tokens: Token[] = [];
  if (type === null) return tokens;
  for (let child = type._start; child !== null; child = child.right) {
    if (child.deleted || !(child.content instanceof Y.ContentType)) continue;
    const inner = child.content.type as YType;
    if (!(inner instanceof Y.XmlText)) {
      tokens.push({ element: `${child.id.client}:${child.id.clock}` });
      continue;
    }
    let attrs: Attrs = {};
    for (let item = inner._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        attrs = { ...attrs };
        if (content.value === null) delete attrs[content.key];
        else attrs[content.key] = content.value;
      } else if (content instanceof Y.ContentString) {
        for (let i = 0; i < content.str.length; i++) tokens.push({ char: content.str[i], attrs });
      } else tokens.push({ element: `${item.id.client}:${item.id.clock}` });
    }
  }
  return tokens;
}

/** The room's own copy of a type of the copy, found by its Yjs id. */
function counterpart(doc: Y.Doc, type: YType): YType | null {
  if (type._item === null) return (doc.share.get(BODY_FRAGMENT) as YType | undefined) ?? null;
  const { client, clock } = type._item.id;
  const structs = doc.store.clients.get(client);
  if (!structs || clock >= Y.getState(doc.store, client)) return null;
  const item = structs[Y.findIndexSS(structs, clock)];
  return item instanceof Y.Item && item.content instanceof Y.ContentType ? (item.content.type as YType) : null;
}

function inBody(doc: Y.Doc, type: YType): boolean {
  let top = type;
  while (top._item !== null) top = top._item.parent as YType;
  return doc.share.get(BODY_FRAGMENT) === top;
}

const authorOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as Attrs).author : undefined);
const markKey = (key: string, value: unknown): string => `${key}=${canonical(value)}`;
const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** JSON with object keys sorted, so that equal values read the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
