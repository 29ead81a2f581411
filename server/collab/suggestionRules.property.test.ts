// The suggest-only rule on random documents of the schema (tests/helpers/randomDocs.ts),
// with edits made as the editor makes them, from a seeded RNG: every honest
// suggestion (own insertions, own deletion and format marks, withdrawing
// them) is taken, while alice, an editor, suggests and edits alongside; every
// forgery (plain insertion or deletion, direct formatting, a mark in another's
// name, another's suggestion changed, one's own accepted, a heading level,
// Enter) is refused; the room's document is never changed by judging.
import type { Mark, Node } from '@tiptap/pm/model';
import { canSplit, type Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chance, mulberry32, pick, pickWeighted, randomInt, type Rng } from '../../shared/random.js';
import { HEADING_LEVELS, schema } from '../../shared/schema.js';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_MARKS } from '../../shared/Suggestion.js';
import { randomDoc } from '../../tests/helpers/randomDocs.js';
import { clone, verdict } from './placementTestFixtures.js';
import { checkSuggestOnly } from './suggestionRules.js';
import { ALICE, BOB, deleteMark, docFromJSON, editorChange, formatMark, insertMark, pmDoc, suggestionsIn } from './suggestionTestFixtures.js';

const WORDS = ['建议', '修改为', '，', '。', 'CPPCC', '𠮷', 'a', '的'];
const isSuggestion = (mark: Mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name);
const ownInsertion = (marks: readonly Mark[], author: string) => marks.some((m) => m.type.name === SUGGESTION_INSERT && m.attrs.author === author);

let lastKind = '';
interface Char {
  pos: number;
  end: number;
  marks: readonly Mark[];
  parent: Node;
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Every position a character could be typed at, and every character with where it ends, of `doc`;
 * never inside a surrogate pair, where no cursor goes (Yjs would split the pair into two U+FFFD).
 */
function places(doc: Node): { gaps: { pos: number; parent: Node }[]; chars: Char[]; inside: Set<number> } {
  const gaps: { pos: number; parent: Node }[] = [];
  const chars: Char[] = [];
  const inside = new Set<number>();
  doc.descendants((node, pos, parent) => {
    if (!node.isText) return true;
    const text = node.text!;
    for (let i = 0; i < text.length; i++) {
      if (isLow(text.charCodeAt(i)) && i > 0) inside.add(pos + i);
      else chars.push({ pos: pos + i, end: pos + i + (i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1), marks: node.marks, parent: parent! });
    }
    return false;
  });
  doc.descendants((node, pos) => {
    if (node.inlineContent) for (let i = 0; i <= node.content.size; i++) if (!inside.has(pos + 1 + i)) gaps.push({ pos: pos + 1 + i, parent: node });
    return true;
  });
  return { gaps, chars, inside };
}

/** A range [from, to) inside the range of a random one of `ranges`, not splitting a surrogate pair; null when there is none. */
function within(rng: Rng, doc: Node, ranges: { mark: Mark; from: number; to: number }[]): { mark: Mark; from: number; to: number } | null {
  if (ranges.length === 0) return null;
  const { inside } = places(doc);
  const { mark, from, to } = pick(rng, ranges);
  let a = randomInt(rng, from, to - 1);
  if (inside.has(a)) a--;
  let b = randomInt(rng, a + 1, to);
  if (inside.has(b)) b++;
  return { mark, from: a, to: b };
}

/** One honest step of `author` who suggests: an edit of the document as their editor would make it, or null when there is nothing to do. */
function honestSuggestion(rng: Rng, doc: Node, author: string): ((tr: Transform) => void) | null {
  const { gaps, chars } = places(doc);
  const kind = pickWeighted(rng, { insert: 4, markDelete: 2, markFormat: 1, withdrawInsert: 2, withdrawMark: 2 });
  lastKind = kind;
  switch (kind) {
    case 'insert': {
      if (gaps.length === 0) return null;
      const { pos } = pick(rng, gaps);
      const inherited = doc
        .resolve(pos)
        .marks()
        .filter((m) => !isSuggestion(m));
      const own = suggestionsIn(doc, SUGGESTION_INSERT, author);
      const mark = own.length > 0 && chance(rng, 0.4) ? pick(rng, own).mark : insertMark(author);
      const marks = chance(rng, 0.2) ? [...inherited, schema.marks.bold.create()] : inherited;
      return (tr) => tr.insert(pos, schema.text(pick(rng, WORDS) + (chance(rng, 0.5) ? pick(rng, WORDS) : ''), [...marks, mark]));
    }
    case 'markDelete':
    case 'markFormat': {
      if (chars.length === 0) return null;
      const [a, b] = [pick(rng, chars), pick(rng, chars)].sort((x, y) => x.pos - y.pos);
      const mark = kind === 'markDelete' ? deleteMark(author) : formatMark(author);
      return (tr) => tr.addMark(a.pos, b.end, mark);
    }
    case 'withdrawInsert': {
      // not where another's suggestion covers it: that is theirs to withdraw
      const free = suggestionsIn(doc, SUGGESTION_INSERT, author).filter(
        ({ from }) => !doc.nodeAt(from)!.marks.some((m) => isSuggestion(m) && m.attrs.author !== author),
      );
      const range = within(rng, doc, free);
      return range && ((tr) => tr.delete(range.from, range.to));
    }
    case 'withdrawMark': {
      const range = within(rng, doc, [...suggestionsIn(doc, SUGGESTION_DELETE, author), ...suggestionsIn(doc, SUGGESTION_FORMAT, author)]);
      return range && ((tr) => tr.removeMark(range.from, range.to, range.mark));
    }
  }
}

/** An editor's step: a plain edit, or a suggestion of their own (not judged: editors may do both). */
function editorStep(rng: Rng, doc: Node): ((tr: Transform) => void) | null {
  const { gaps, chars } = places(doc);
  if (chance(rng, 0.6)) return honestSuggestion(rng, doc, ALICE);
  if (chance(rng, 0.5) && gaps.length > 0) {
    const { pos } = pick(rng, gaps);
    return (tr) => tr.insert(pos, schema.text(pick(rng, WORDS)));
  }
  if (chars.length === 0) return null;
  const c = pick(rng, chars);
  return (tr) => tr.delete(c.pos, c.end);
}

/** A document of `seed` with some of bob's and alice's suggestions in it, and the steps bob took to make his. */
function session(seed: number, steps: number, judged: (update: Uint8Array, server: Y.Doc) => void): Y.Doc {
  const rng = mulberry32(seed);
  const server = docFromJSON(randomDoc(rng).toJSON());
  for (let i = 0; i < steps; i++) {
    const bob = chance(rng, 0.7);
    const edit = bob ? honestSuggestion(rng, pmDoc(server), BOB) : editorStep(rng, pmDoc(server));
    if (!edit) continue;
    const update = editorChange(server, edit);
    if (bob) judged(update, server);
    Y.applyUpdate(server, update);
  }
  return server;
}

/** The verdict on `update` from bob, checking the room's document is left as it was. */
function verdictOn(server: Y.Doc, update: Uint8Array) {
  const before = Y.encodeStateAsUpdate(server);
  const verdict = checkSuggestOnly(server, update, BOB);
  expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  return verdict;
}

const FORGERIES = ['plainInsert', 'plainDelete', 'bold', 'markAsAlice', 'changeAlices', 'acceptOwn', 'headingLevel', 'enter'] as const;

/** A forged edit of kind `kind` at a random place of `doc`; null when the document has no place for it. */
function forgery(rng: Rng, doc: Node, kind: (typeof FORGERIES)[number]): ((tr: Transform) => void) | null {
  const { gaps, chars } = places(doc);
  const others = chars.filter((c) => !ownInsertion(c.marks, BOB));
  switch (kind) {
    case 'plainInsert': {
      const gap = gaps.length > 0 ? pick(rng, gaps) : null;
      return (
        gap &&
        ((tr) =>
          tr.insert(
            gap.pos,
            schema.text(
              pick(rng, WORDS),
              doc
                .resolve(gap.pos)
                .marks()
                .filter((m) => !isSuggestion(m)),
            ),
          ))
      );
    }
    case 'plainDelete': {
      const c = others.length > 0 ? pick(rng, others) : null;
      return c && ((tr) => tr.delete(c.pos, c.end));
    }
    case 'bold': {
      const plain = others.filter((c) => !schema.marks.bold.isInSet(c.marks) && c.parent.type.allowsMarkType(schema.marks.bold));
      const c = plain.length > 0 ? pick(rng, plain) : null;
      return c && ((tr) => tr.addMark(c.pos, c.end, schema.marks.bold.create()));
    }
    case 'markAsAlice': {
      const c = chars.length > 0 ? pick(rng, chars) : null;
      return c && ((tr) => tr.addMark(c.pos, c.end, pick(rng, [deleteMark, formatMark, insertMark])(ALICE)));
    }
    case 'changeAlices': {
      const range = within(
        rng,
        doc,
        SUGGESTION_MARKS.flatMap((name) => suggestionsIn(doc, name, ALICE)),
      );
      if (!range) return null;
      if (range.mark.type.name === SUGGESTION_INSERT && chance(rng, 0.5)) return (tr) => tr.delete(range.from, range.to);
      return (tr) => tr.removeMark(range.from, range.to, range.mark);
    }
    case 'acceptOwn': {
      if (chance(rng, 0.5)) {
        const range = within(rng, doc, suggestionsIn(doc, SUGGESTION_INSERT, BOB));
        return range && ((tr) => tr.removeMark(range.from, range.to, range.mark));
      }
      const marked = others.filter((c) => c.marks.some((m) => m.type.name === SUGGESTION_DELETE && m.attrs.author === BOB));
      const c = marked.length > 0 ? pick(rng, marked) : null;
      return c && ((tr) => tr.delete(c.pos, c.end));
    }
    case 'headingLevel': {
      const headings: { pos: number; node: Node }[] = [];
      doc.descendants((node, pos) => void (node.type.name === 'heading' && headings.push({ pos, node })));
      if (headings.length === 0) return null;
      const { pos, node } = pick(rng, headings);
      const level = pick(
        rng,
        HEADING_LEVELS.filter((l) => l !== node.attrs.level),
      );
      return (tr) => tr.setNodeMarkup(pos, undefined, { ...node.attrs, level });
    }
    case 'enter': {
      const splittable = gaps.filter((g) => canSplit(doc, g.pos));
      const gap = splittable.length > 0 ? pick(rng, splittable) : null;
      return gap && ((tr) => tr.split(gap.pos));
    }
  }
}

/** CPU-bound runs of a few seconds: room for a loaded machine (the default 5 s is a guard against hangs, not a speed check). */
const SECONDS = 120_000;

describe('suggest-only on random documents', () => {
  it(
    'takes every honest suggestion, and its withdrawal, made as the editor makes them',
    () => {
      let judged = 0;
      for (let seed = 1; seed <= 30; seed++) {
        session(seed, 20, (update, server) => {
          expect(verdictOn(server, update), `seed ${seed} ${lastKind}`).toEqual({ ok: true });
          // and the door's rules for every change (updateRules.ts, placement.ts) take it too
          expect(verdict(update, clone(server)), `seed ${seed} ${lastKind}`).toBe('taken');
          judged++;
        });
      }
      expect(judged).toBeGreaterThan(300);
    },
    SECONDS,
  );

  it(
    'refuses every forgery',
    () => {
      const refused = new Map<string, number>();
      for (let seed = 1; seed <= 60; seed++) {
        const server = session(1000 + seed, 14, () => undefined);
        const rng = mulberry32(seed);
        for (const kind of FORGERIES) {
          const edit = forgery(rng, pmDoc(server), kind);
          if (!edit) continue;
          const verdict = verdictOn(server, editorChange(server, edit));
          expect(verdict.ok, `seed ${seed}: ${kind}`).toBe(false);
          refused.set(kind, (refused.get(kind) ?? 0) + 1);
        }
      }
      for (const kind of FORGERIES) expect(refused.get(kind) ?? 0, kind).toBeGreaterThan(5);
    },
    SECONDS,
  );
});
