// What changed between two versions, block by block and, inside a changed
// block, character by character (Chinese text is compared per character),
// with every inserted and deleted run attributed to an account.
// 修订 (suggestions): what is compared is the agreed text, as a Word user
// reads a comparison of two drafts, and the newer side's pending suggestions
// are shown on top of it, as in the editor:
// - a suggestion that arrived is a change (its block is modified) but not
//   agreed text: a proposed insertion is an 'equal' run (in neither agreed
//   text) carrying `suggestion`, a proposed deletion an 'equal' run too;
// - an accepted insertion is inserted text (by who typed it), an accepted
//   deletion deleted text (by who deleted it);
// - a rejected suggestion changed no agreed text, so it shows nothing: the
//   inserted words that went were never agreed, the kept ones never left;
// - a suggestion pending on both sides is shown, but is no change.
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, diffCleanupSemanticLossless, diffLevenshtein, diffMain, type Diff } from 'diff-match-patch-es';
import type { Block, PendingSuggestion } from './blocksOf.js';

export type SegmentOp = 'equal' | 'insert' | 'delete';

export interface Segment {
  op: SegmentOp;
  text: string;
  /** Account id of who inserted (or deleted) it; null when unknown or for equal text. */
  author: string | null;
  /** The suggestion pending on this text on the newer side, or null; `arrived` when it was not pending on it on the older side. */
  suggestion: SegmentSuggestion | null;
}

export interface SegmentSuggestion extends PendingSuggestion {
  arrived: boolean;
}

export interface BlockDiff {
  status: 'equal' | 'added' | 'removed' | 'modified';
  type: Block['type'];
  level: number | null;
  container: Block['container'];
  textAlign: string | null;
  /** The block's text in the newer version (the older one's for a removed block). */
  text: string;
  segments: Segment[];
  /** What else changed in a modified block: 'type', 'level', 'container', 'textAlign'. */
  changes: string[];
}

export interface Attributor {
  /** Who inserted the character held by the item (client, clock). */
  inserted(client: number, clock: number): string | null;
  /** Who deleted it. */
  deleted(client: number, clock: number): string | null;
}

const SIMILAR = 0.4;
const diffOptions = { diffTimeout: 2 };

export function diffBlocks(from: Block[], to: Block[], attributor: Attributor): BlockDiff[] {
  const out: BlockDiff[] = [];
  // the removed and added runs between two equal stretches, paired up at the next equal stretch
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    out.push(...pairUp(removed, added, attributor));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const [op, run] of alignBlocks(from, to)) {
    if (op === DIFF_EQUAL) {
      flush();
      for (let k = 0; k < run; k++) out.push(same(to[j++]));
      i += run;
    } else if (op === DIFF_DELETE) {
      removed.push(...from.slice(i, i + run));
      i += run;
    } else {
      added.push(...to.slice(j, j + run));
      j += run;
    }
  }
  flush();
  return out;
}

/** Pairs each removed block with the next similar added one (a modified block); the rest stay removed or added. */
function pairUp(removed: Block[], added: Block[], attributor: Attributor): BlockDiff[] {
  const out: BlockDiff[] = [];
  let a = 0;
  for (const old of removed) {
    const match = added.findIndex((candidate, k) => k >= a && similarity(old, candidate) >= SIMILAR);
    if (match === -1) {
      out.push(removedBlock(old, attributor));
      continue;
    }
    for (; a < match; a++) out.push(addedBlock(added[a], attributor));
    out.push(modified(old, added[a++], attributor));
  }
  for (; a < added.length; a++) out.push(addedBlock(added[a], attributor));
  return out;
}

/** A block's suggestions, run by run: two blocks are the same only with the same suggestions pending. */
const pendingKey = (b: Block) => (b.pending.some((p) => p !== null) ? b.pending.map((p) => (p ? `${p.kind}:${p.id}` : '')).join(',') : '');
const keyOf = (b: Block) => `${b.type}|${b.level}|${b.container}|${b.textAlign}|${b.text}|${pendingKey(b)}`;

/** Diffs the two block lists as sequences (each distinct block becomes one character). */
function alignBlocks(from: Block[], to: Block[]): [number, number][] {
  const codes = new Map<string, string>();
  const encode = (blocks: Block[]) =>
    blocks
      .map((b) => {
        const key = keyOf(b);
        let code = codes.get(key);
        if (code === undefined) {
          code = String.fromCharCode(0x100 + codes.size);
          codes.set(key, code);
        }
        return code;
      })
      .join('');
  const diffs = diffMain(encode(from), encode(to), diffOptions);
  return diffs.map(([op, text]) => [op, text.length]);
}

function similarity(a: Block, b: Block): number {
  if (a.type === 'horizontalRule' || b.type === 'horizontalRule') return a.type === b.type ? 1 : 0;
  const longest = Math.max(a.text.length, b.text.length);
  if (longest === 0) return 1;
  return 1 - diffLevenshtein(diffMain(a.text, b.text, diffOptions)) / longest;
}

function base(block: Block): Omit<BlockDiff, 'status' | 'segments' | 'changes'> {
  return { type: block.type, level: block.level, container: block.container, textAlign: block.textAlign, text: block.text };
}

function same(now: Block): BlockDiff {
  // most blocks of a long document: one run, without a walk of their characters
  const plain = now.pending.every((p) => p === null);
  const segments: Segment[] = plain
    ? now.text
      ? [{ op: 'equal', text: now.text, author: null, suggestion: null }]
      : []
    : runsOf(charsOfRun(DIFF_EQUAL, now, now, 0, 0, now.text.length), noAuthors);
  return { ...base(now), status: 'equal', segments, changes: [] };
}

const noAuthors: Attributor = { inserted: () => null, deleted: () => null };

function addedBlock(block: Block, attributor: Attributor): BlockDiff {
  return { ...base(block), status: 'added', segments: runsOf(charsOfRun(DIFF_INSERT, block, block, 0, 0, block.text.length), attributor), changes: [] };
}

function removedBlock(block: Block, attributor: Attributor): BlockDiff {
  return { ...base(block), status: 'removed', segments: runsOf(charsOfRun(DIFF_DELETE, block, block, 0, 0, block.text.length), attributor), changes: [] };
}

function modified(old: Block, now: Block, attributor: Attributor): BlockDiff {
  const changes = (['type', 'level', 'container', 'textAlign'] as const).filter((k) => old[k] !== now[k]);
  const chars: Char[] = [];
  let oldAt = 0;
  let nowAt = 0;
  for (const [op, text] of diffText(old.text, now.text)) {
    chars.push(...charsOfRun(op, old, now, oldAt, nowAt, text.length));
    if (op !== DIFF_INSERT) oldAt += text.length;
    if (op !== DIFF_DELETE) nowAt += text.length;
  }
  const segments = runsOf(chars, attributor);
  const changed = chars.some((c) => c.op !== 'equal' || c.arrived);
  return { ...base(now), status: changed || changes.length ? 'modified' : 'equal', segments, changes };
}

/** One UTF-16 unit of a block's diff: how the agreed text changed there, and the newer side's suggestion on it. */
interface Char {
  op: SegmentOp;
  /** The block and index it is read from: the older side's for deleted text, else the newer side's. */
  block: Block;
  at: number;
  suggestion: PendingSuggestion | null;
  /** Whether the suggestion is new on the newer side (not pending on this text before). */
  arrived: boolean;
}

/** The units of a run of the character diff of two blocks' whole texts (starting at `oldAt` and `nowAt`), as changes of the agreed text. */
function charsOfRun(op: number, old: Block, now: Block, oldAt: number, nowAt: number, length: number): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < length; k++) {
    if (op === DIFF_DELETE) {
      // a proposed insertion that went was never agreed: nothing was deleted
      if (old.pending[oldAt + k]?.kind !== 'insert') out.push({ op: 'delete', block: old, at: oldAt + k, suggestion: null, arrived: false });
      continue;
    }
    const before = op === DIFF_EQUAL ? old.pending[oldAt + k] : null;
    const after = now.pending[nowAt + k];
    const arrived = after !== null && (op !== DIFF_EQUAL || before?.id !== after.id || before.kind !== after.kind);
    // agreed on the newer side unless proposed for insertion; on the older side only when there in agreed text
    const agreedNow = after?.kind !== 'insert';
    const agreedBefore = op === DIFF_EQUAL && before?.kind !== 'insert';
    out.push({ op: agreedNow && !agreedBefore ? 'insert' : 'equal', block: now, at: nowAt + k, suggestion: after, arrived });
  }
  return out;
}

const sameSuggestion = (s: SegmentSuggestion | null, c: Char): boolean =>
  s === null || c.suggestion === null ? s === c.suggestion : s.id === c.suggestion.id && s.kind === c.suggestion.kind && s.arrived === c.arrived;

/** The units as runs of one op, author and suggestion (never cutting a surrogate pair). */
function runsOf(chars: Char[], attributor: Attributor): Segment[] {
  const authorOf = (c: Char) => {
    if (c.op === 'equal' || c.block.clients[c.at] < 0) return null;
    return (c.op === 'insert' ? attributor.inserted : attributor.deleted)(c.block.clients[c.at], c.block.clocks[c.at]);
  };
  const segments: Segment[] = [];
  let last: Segment | null = null;
  for (const c of chars) {
    const unit = c.block.text[c.at];
    const author = authorOf(c);
    if (last && (isLowSurrogate(unit.charCodeAt(0)) || (last.op === c.op && last.author === author && sameSuggestion(last.suggestion, c)))) {
      last.text += unit;
      continue;
    }
    last = { op: c.op, text: unit, author, suggestion: c.suggestion && { ...c.suggestion, arrived: c.arrived } };
    segments.push(last);
  }
  return segments;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * A character diff that never splits a character outside the Basic
 * Multilingual Plane: such characters are mapped to private-use code units
 * for the diff and back afterwards.
 */
export function diffText(a: string, b: string): Diff[] {
  if (!/[\ud800-\udfff]/.test(a + b)) return lossless(diffMain(a, b, diffOptions));
  const toUnit = new Map<string, string>();
  const fromUnit = new Map<string, string>();
  let next = 0xe000;
  const encode = (s: string) =>
    Array.from(s, (ch) => {
      if (ch.length === 1 && (ch.charCodeAt(0) < 0xe000 || ch.charCodeAt(0) > 0xf8ff)) return ch;
      let unit = toUnit.get(ch);
      if (unit === undefined) {
        unit = String.fromCharCode(next++);
        toUnit.set(ch, unit);
        fromUnit.set(unit, ch);
      }
      return unit;
    }).join('');
  const decoded = lossless(diffMain(encode(a), encode(b), diffOptions)).map(([op, text]): Diff => [op, Array.from(text, (u) => fromUnit.get(u) ?? u).join('')]);
  return decoded;
}

function lossless(diffs: Diff[]): Diff[] {
  diffCleanupSemanticLossless(diffs);
  return diffs;
}
