// 修订: turning what a member just did to the page into their suggestions.
// ProseMirror applies the edit as usual (typing, deleting, pasting, IME); then
// one appended transaction rewrites its net effect, so that what reaches Yjs
// (and the server, which enforces it: server/collab/suggestionRules.ts) only
// adds or withdraws the member's own suggestions:
// - text they inserted gets their suggestionInsert mark (the mark of the
//   suggestion it continues, when it touches one of theirs, so a word typed is
//   one suggestion, not one per character);
// - text they deleted comes back, struck through with their suggestionDelete
//   mark; but text of their own pending insertion is really deleted (they
//   withdraw it), unless someone else has suggested something about it;
// - bold, italic, underline or strikethrough set or cleared on text not their
//   own insertion is put back as it was, and a suggestionFormat mark says what
//   they propose.
// What the server would refuse of a suggester (a new or removed block,
// Enter, joining paragraphs, a hard break, a block's type or alignment, links
// and other marks on others' text) is not made at all: `refusal` tells why.
// The net effect is read with prosemirror-changeset, from the document before
// the edit to the document after it, so that it does not matter how many
// steps the edit took (an IME composition is one batch from its start to its
// end: SuggestMode.ts holds it until then).
import { ChangeSet, type TokenEncoder } from '@tiptap/pm/changeset';
import { Fragment, type Mark, type Node } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Selection, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from '../../shared/Suggestion.js';
import { FORMAT_MARK_NAMES, isSuggestionMark } from '../../shared/suggestions.js';

/** Why an edit cannot be made as a suggestion. */
export type SuggestRefusal = 'structure' | 'format';

const FORMAT_NAMES: ReadonlySet<string> = new Set(FORMAT_MARK_NAMES);

/** Whether [from, from + size) of `doc` is text inside one textblock (or empty, inside a textblock). */
function textInOneBlock(doc: Node, from: number, size: number): boolean {
  const $from = doc.resolve(from);
  const $to = doc.resolve(from + size);
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;
  let onlyText = true;
  doc.nodesBetween(from, from + size, (node) => {
    if (node.isInline && !node.isText) onlyText = false;
    return onlyText;
  });
  return onlyText;
}

/** Whether every text in [from, to) of `doc` is the member's own pending insertion, theirs to change directly. */
function allOwnInsertion(doc: Node, from: number, to: number, author: string): boolean {
  let own = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isText && !ownInsertion(node.marks, author)) own = false;
    return own;
  });
  return own;
}

/** Why `step`, on `doc`, cannot be made as `author`'s suggestion; null when it can. */
export function refusalOf(step: Step, doc: Node, author: string): SuggestRefusal | null {
  if (step instanceof ReplaceStep) {
    const { from, to } = step as unknown as { from: number; to: number };
    // Deleting inline nodes (a hard break) or across blocks, or inserting anything but text, changes the structure.
    if (!textInOneBlock(doc, from, to - from)) return 'structure';
    const after = step.apply(doc).doc;
    if (!after) return 'structure';
    return textInOneBlock(after, from, step.slice.size) ? null : 'structure';
  }
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    // Formatting is proposed (suggestFormat); any mark may change on one's own insertion (typed text is never guidance).
    return FORMAT_NAMES.has(step.mark.type.name) || allOwnInsertion(doc, step.from, step.to, author) ? null : 'format';
  }
  return 'structure';
}

/** The first reason any step of `tr` cannot be made as `author`'s suggestion, or null. */
export function refusalOfTransaction(tr: Transaction, author: string): SuggestRefusal | null {
  for (let i = 0; i < tr.steps.length; i++) {
    const refusal = refusalOf(tr.steps[i], tr.docs[i], author);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Tokens that never equal each other: the changes are the ranges the edit
 * replaced, as the member made them. (The default compares characters, and
 * would read 六次 retyped as 七次 as only 六 replaced by 七.)
 */
const asMade: TokenEncoder<object> = {
  encodeCharacter: () => ({}),
  encodeNodeStart: () => ({}),
  encodeNodeEnd: () => ({}),
  compareTokens: (a, b) => a === b,
};

/**
 * Deleting a selection that spans paragraphs, as one deletion per paragraph
 * (each of them a suggestion's; the paragraphs stay, as the server requires):
 * null when the selection is within one paragraph.
 */
export function deleteBlockwise(state: EditorState): Transaction | null {
  const { selection, doc } = state;
  if (!(selection instanceof TextSelection) || selection.empty || selection.$from.sameParent(selection.$to)) return null;
  const { from, to } = selection;
  const ranges: [number, number][] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const start = Math.max(from, pos + 1);
    const end = Math.min(to, pos + 1 + node.content.size);
    if (start < end) ranges.push([start, end]);
    return false;
  });
  const tr = state.tr;
  for (const [start, end] of ranges.reverse()) tr.delete(start, end);
  return tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(from, -1)));
}

/** A member's edit, from the document before it to now, waiting to be made their suggestions. */
export interface Batch {
  before: Node;
  selectionBefore: Selection;
  /** Every step since `before`, in order, with the document each applied to. */
  steps: { step: Step; doc: Node }[];
}

export interface SuggestionMaker {
  /** The member's username. */
  author: string;
  now: () => number;
  newId: () => string;
}

type EditMaker = ReturnType<typeof forOneEdit>;

const ownMark = (marks: readonly Mark[], name: string, author: string): Mark | undefined =>
  marks.find((mark) => mark.type.name === name && mark.attrs.author === author);

/** Someone else's suggestion mark among `marks`. */
const othersSuggestion = (marks: readonly Mark[], author: string): boolean => marks.some((mark) => isSuggestionMark(mark) && mark.attrs.author !== author);

/** Text that is the member's own pending insertion and nobody else's concern: theirs to change directly. */
const ownInsertion = (marks: readonly Mark[], author: string): boolean =>
  ownMark(marks, SUGGESTION_INSERT, author) !== undefined && !othersSuggestion(marks, author);

/**
 * The mark of the member's own suggestion of this kind that the text at
 * [from, to) touches (so that it continues it), or the edit's own new one.
 */
function continuingMark(doc: Node, from: number, to: number, name: string, maker: EditMaker): Mark {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const touching = ownMark($from.nodeBefore?.marks ?? [], name, maker.author) ?? ownMark($to.nodeAfter?.marks ?? [], name, maker.author);
  return touching ?? maker.fresh(name);
}

/** A maker whose new suggestions are one per kind for the whole edit (a deletion across paragraphs is one suggestion). */
function forOneEdit(maker: SuggestionMaker, doc: Node): SuggestionMaker & { fresh: (name: string) => Mark } {
  const made = new Map<string, Mark>();
  const fresh = (name: string): Mark => {
    let mark = made.get(name);
    if (!mark) {
      mark = doc.type.schema.marks[name].create({ id: maker.newId(), author: maker.author, createdAt: maker.now() });
      made.set(name, mark);
    }
    return mark;
  };
  return { ...maker, fresh };
}

/**
 * Marks the text in [from, to), just inserted by the member, as their
 * insertion. Typed inside someone's suggestion, it took that suggestion's
 * marks (ProseMirror gives new text the marks around it): those are dropped,
 * the new text is nobody's suggestion but this member's.
 */
function markInserted(tr: Transaction, from: number, to: number, maker: EditMaker): void {
  const mark = continuingMark(tr.doc, from, to, SUGGESTION_INSERT, maker);
  const runs: { start: number; end: number; marks: readonly Mark[] }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) runs.push({ start: Math.max(pos, from), end: Math.min(pos + node.nodeSize, to), marks: node.marks });
    return true;
  });
  for (const { start, end, marks } of runs) {
    const own = ownMark(marks, SUGGESTION_INSERT, maker.author);
    for (const other of marks) if (isSuggestionMark(other) && other !== own) tr.removeMark(start, end, other);
    if (!own) tr.addMark(start, end, mark);
  }
}

/**
 * What of the deleted content comes back: struck through as the member's
 * deletion, except their own pending insertion (withdrawn, gone) where nobody
 * else has suggested anything about it. Text someone already suggested
 * deleting comes back as it was.
 */
function struckContent(deleted: Fragment, mark: () => Mark, author: string): Fragment {
  const nodes: Node[] = [];
  deleted.forEach((node) => {
    if (!node.isText) {
      nodes.push(node);
      return;
    }
    if (ownInsertion(node.marks, author)) return;
    if (node.marks.some((m) => m.type.name === SUGGESTION_DELETE)) nodes.push(node);
    else nodes.push(node.mark(mark().addToSet(node.marks)));
  });
  return Fragment.from(nodes);
}

/** The inline content of [from, to) of `doc` (one textblock's). */
function inlineContent(doc: Node, from: number, to: number): Fragment {
  const $from = doc.resolve(from);
  return $from.parent.content.cut(from - $from.start(), to - $from.start());
}

/**
 * Puts a format change made on text that is not the member's own insertion
 * back as it was, and adds their suggestionFormat mark proposing it.
 */
function suggestFormat(tr: Transaction, step: AddMarkStep | RemoveMarkStep, stepDoc: Node, from: number, to: number, maker: SuggestionMaker): void {
  const added = step instanceof AddMarkStep;
  const type = step.mark.type;
  const ranges: [number, number][] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText && !ownInsertion(node.marks, maker.author)) ranges.push([Math.max(pos, from), Math.min(pos + node.nodeSize, to)]);
    return true;
  });
  // Only where the step changed something: a mark set on text that all had it already proposes nothing.
  let changed = false;
  stepDoc.nodesBetween(step.from, step.to, (node) => {
    if (node.isText && type.isInSet(node.marks) !== undefined) changed ||= !added;
    else if (node.isText) changed ||= added;
    return !changed;
  });
  if (ranges.length === 0 || !changed) return;
  const suggestion = tr.doc.type.schema.marks[SUGGESTION_FORMAT].create({
    id: maker.newId(),
    author: maker.author,
    createdAt: maker.now(),
    add: added ? [type.name] : [],
    remove: added ? [] : [type.name],
  });
  for (const [start, end] of ranges) {
    if (added) tr.removeMark(start, end, type);
    else tr.addMark(start, end, step.mark);
    tr.addMark(start, end, suggestion);
  }
}

/**
 * The transaction that makes `batch`, now applied in `state`, the member's
 * suggestions; null when nothing needs to change.
 */
export function suggestBatch(batch: Batch, state: EditorState, author: SuggestionMaker): Transaction | null {
  const { before, selectionBefore, steps } = batch;
  const maker = forOneEdit(author, state.doc);
  const maps = steps.map(({ step }) => step.getMap());
  const changes = ChangeSet.create(before, undefined, asMade).addSteps(state.doc, maps, null).changes;
  const tr = state.tr;
  // Format changes first: they move no positions.
  const mapping = new Mapping(maps);
  steps.forEach(({ step, doc }, i) => {
    if (!(step instanceof AddMarkStep || step instanceof RemoveMarkStep) || !FORMAT_NAMES.has(step.mark.type.name)) return;
    const rest = mapping.slice(i + 1);
    const from = rest.map(step.from, 1);
    const to = rest.map(step.to, -1);
    if (from < to) suggestFormat(tr, step, doc, from, to, maker);
  });
  // Insertions marked, and deletions brought back struck through, last first so that earlier positions hold.
  let cursor: { pos: number; step: number } | null = null;
  for (const change of [...changes].sort((a, b) => b.fromB - a.fromB)) {
    if (change.toB > change.fromB) markInserted(tr, change.fromB, change.toB, maker);
    if (change.toA <= change.fromA) continue;
    let deletion: Mark | null = null;
    const mark = () => (deletion ??= continuingMark(tr.doc, change.fromB, change.fromB, SUGGESTION_DELETE, maker));
    const back = struckContent(inlineContent(before, change.fromA, change.toA), mark, maker.author);
    if (back.size === 0) continue;
    tr.insert(change.fromB, back);
    // Backspace leaves the caret before what it struck, to strike on leftwards; Delete and a selection after it.
    const backspace = selectionBefore.empty && selectionBefore.from === change.toA && change.toB === change.fromB;
    if (backspace && cursor === null) cursor = { pos: change.fromB, step: tr.steps.length };
  }
  if (!tr.docChanged) return null;
  if (cursor !== null) tr.setSelection(TextSelection.create(tr.doc, tr.mapping.slice(cursor.step).map(cursor.pos, -1)));
  return tr;
}
