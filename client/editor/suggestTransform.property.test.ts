// 修订, property test: two members suggesting in turn with random typing,
// deleting, replacing and formatting (seeded). Everything the editor makes of
// it is taken by the server's rule for someone who may only suggest, and what
// cannot be a suggestion (joining paragraphs) changes nothing.
import type { Node } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkSuggestOnly } from '../../server/collab/suggestionRules.js';
import { ALICE, BOB, clone, docFromJSON, pmDoc } from '../../server/collab/suggestionTestFixtures.js';
import { chance, mulberry32, pick, randomInt, type Rng } from '../../shared/random.js';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { templateContent } from '../../shared/templates.js';
import { suggestModeKey, suggestModePlugin } from './SuggestMode.js';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 12);
const STEPS = 40;
const WORDS = ['协商', '议事', '调研', '履职', '建议', '乡村振兴', '。', '，', 'A'];
const FORMATS = ['bold', 'italic', 'underline', 'strike'] as const;

/** The document as JSON with each text's marks in one order (Yjs gives overlapping suggestions' marks back in its own). */
const normalized = (doc: Node): string =>
  JSON.stringify(doc.toJSON(), (key, value: unknown) =>
    key === 'marks' && Array.isArray(value) ? [...value].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : value,
  );

/** Text positions: [start, end] of every textblock with text. */
function textblocks(doc: Node): [number, number][] {
  const out: [number, number][] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (node.content.size > 0) out.push([pos + 1, pos + 1 + node.content.size]);
      return false;
    }
    return true;
  });
  return out;
}

/** A random range inside one textblock: [from, to]. */
function rangeIn(rng: Rng, doc: Node): [number, number] {
  const [start, end] = pick(rng, textblocks(doc));
  const from = randomInt(rng, start, end);
  return [from, Math.min(end, from + randomInt(rng, 0, 4))];
}

/** One random thing a member does, as ProseMirror's transaction for it (the caret placed first, as a key finds it). */
function randomEdit(rng: Rng, state: EditorState): { prepare: Transaction; edit: (s: EditorState) => Transaction; joins: boolean } {
  const [from, to] = rangeIn(rng, state.doc);
  const prepare = state.tr.setSelection(TextSelection.create(state.doc, from, to));
  const kind = pick(rng, ['type', 'type', 'delete', 'replace', 'format', 'unformat', 'join'] as const);
  switch (kind) {
    case 'type':
      return { prepare, edit: (s) => s.tr.insertText(pick(rng, WORDS), to), joins: false };
    case 'delete':
      return { prepare, edit: (s) => (from < to ? s.tr.delete(from, to) : s.tr.delete(Math.max(from - 1, 1), from)), joins: false };
    case 'replace':
      return { prepare, edit: (s) => s.tr.insertText(pick(rng, WORDS), from, to), joins: false };
    case 'format':
      return { prepare, edit: (s) => s.tr.addMark(from, to, schema.marks[pick(rng, FORMATS)].create()), joins: false };
    case 'unformat':
      return { prepare, edit: (s) => s.tr.removeMark(from, to, schema.marks[pick(rng, FORMATS)]), joins: false };
    case 'join': {
      const blocks = textblocks(state.doc);
      const index = randomInt(rng, 0, blocks.length - 2);
      return { prepare, edit: (s) => s.tr.delete(blocks[index][1] - 1, blocks[index + 1][0] + 1), joins: true };
    }
  }
}

describe('suggesting at random', () => {
  it('only ever makes changes the server takes from a suggester, and never joins paragraphs', () => {
    let taken = 0;
    let refused = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rng = mulberry32(seed);
      const server = docFromJSON(templateContent('year-end-summary-three-part'));
      let ids = 0;
      for (let step = 0; step < STEPS; step++) {
        const author = chance(rng, 0.6) ? ALICE : BOB;
        const plugin = suggestModePlugin({
          author,
          onRefused: () => refused++,
          now: () => 1_765_000_000_000 + step,
          newId: () => `${author}-${seed}-${++ids}`,
        });
        const created = EditorState.create({ schema, doc: pmDoc(server), plugins: [plugin] });
        let state = created.apply(created.tr.setMeta(suggestModeKey, { suggesting: true }));
        const { prepare, edit, joins } = randomEdit(rng, state);
        state = state.apply(prepare.setMeta('addToHistory', false));
        const before = state.doc;
        state = state.apply(edit(state));
        if (joins) {
          expect(state.doc.eq(before), `seed ${seed} step ${step}: a join was made`).toBe(true);
          continue;
        }
        const client = clone(server);
        const fragment = client.getXmlFragment(BODY_FRAGMENT);
        const { meta } = initProseMirrorDoc(fragment, schema);
        client.transact(() => updateYFragment(client, fragment, state.doc, meta));
        const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
        expect(checkSuggestOnly(server, update, author), `seed ${seed} step ${step} by ${author}`).toEqual({ ok: true });
        Y.applyUpdate(server, update);
        expect(normalized(pmDoc(server))).toEqual(normalized(state.doc));
        if (!state.doc.eq(before)) taken++;
      }
    }
    expect(taken).toBeGreaterThan(SEEDS * STEPS * 0.5);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
