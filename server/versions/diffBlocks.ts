// What changed between two versions, block by block and, inside a changed
// block, character by character (Chinese text is compared per character),
// with every inserted and deleted run attributed to an account.
import { DIFF_DELETE, DIFF_EQUAL, diffCleanupSemanticLossless, diffLevenshtein, diffMain, type Diff } from 'diff-match-patch-es';
import type { Block } from './blocksOf.js';

export type SegmentOp = 'equal' | 'insert' | 'delete';

export interface Segment {
  op: SegmentOp;
  text: string;
  /** Account id of who inserted (or deleted) it; null when unknown or for equal text. */
  author: string | null;
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

const keyOf = (b: Block) => `${b.type}|${b.level}|${b.container}|${b.textAlign}|${b.text}`;

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
  return { ...base(now), status: 'equal', segments: now.text ? [{ op: 'equal', text: now.text, author: null }] : [], changes: [] };
}

function addedBlock(block: Block, attributor: Attributor): BlockDiff {
  return { ...base(block), status: 'added', segments: attributed('insert', block, 0, block.text.length, attributor), changes: [] };
}

function removedBlock(block: Block, attributor: Attributor): BlockDiff {
  return { ...base(block), status: 'removed', segments: attributed('delete', block, 0, block.text.length, attributor), changes: [] };
}

function modified(old: Block, now: Block, attributor: Attributor): BlockDiff {
  const changes = (['type', 'level', 'container', 'textAlign'] as const).filter((k) => old[k] !== now[k]);
  const segments: Segment[] = [];
  let oldAt = 0;
  let nowAt = 0;
  for (const [op, text] of diffText(old.text, now.text)) {
    if (op === DIFF_EQUAL) {
      segments.push({ op: 'equal', text, author: null });
      oldAt += text.length;
      nowAt += text.length;
    } else if (op === DIFF_DELETE) {
      segments.push(...attributed('delete', old, oldAt, oldAt + text.length, attributor));
      oldAt += text.length;
    } else {
      segments.push(...attributed('insert', now, nowAt, nowAt + text.length, attributor));
      nowAt += text.length;
    }
  }
  const textChanged = segments.some((s) => s.op !== 'equal');
  return { ...base(now), status: textChanged || changes.length ? 'modified' : 'equal', segments, changes };
}

/** Splits the range [start, end) of a block's text into runs by author. */
function attributed(op: 'insert' | 'delete', block: Block, start: number, end: number, attributor: Attributor): Segment[] {
  const segments: Segment[] = [];
  const who = op === 'insert' ? attributor.inserted : attributor.deleted;
  for (let k = start; k < end;) {
    const author = block.clients[k] >= 0 ? who(block.clients[k], block.clocks[k]) : null;
    let stop = k + 1;
    while (stop < end && (block.clients[stop] >= 0 ? who(block.clients[stop], block.clocks[stop]) : null) === author) stop++;
    // never cut a surrogate pair
    if (stop < end && isLowSurrogate(block.text.charCodeAt(stop))) stop++;
    segments.push({ op, text: block.text.slice(k, stop), author });
    k = stop;
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
