// The suggestions' colours redrawn block by block (SuggestionColours.ts) against
// drawing the whole document afresh, over series of random edits: the whole
// body replaced by blocks built anew (a change from another person through
// the binding), typing inside a block, and marks accepted without the text moving.
import { Node } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { chance, mulberry32, randomInt, type Rng } from '../../shared/random.js';
import { schema } from '../../shared/schema.js';
import { editedDoc, randomDoc } from '../../tests/helpers/randomDocs.js';
import { peopleByUsername } from '../suggestions/suggestionPeople.js';
import { setSuggestionColours, suggestionColoursKey, suggestionColoursPlugin } from './SuggestionColours.js';

const people = peopleByUsername([{ username: 'alice', displayName: '李华', color: '#e03131' }]);

function drawn(state: EditorState): string[] {
  return suggestionColoursKey
    .getState(state)!
    .decorations.find()
    .map((decoration: Decoration) => `${decoration.from}-${decoration.to} ${JSON.stringify((decoration as unknown as { type: { attrs: object } }).type.attrs)}`)
    .sort();
}

/** A position inside some textblock of the document, or null when it has none. */
function textPosition(rng: Rng, doc: Node): number | null {
  const places: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) places.push(pos + 1 + randomInt(rng, 0, node.content.size));
    return !node.isTextblock;
  });
  return places.length ? places[randomInt(rng, 0, places.length - 1)] : null;
}

function randomEdit(rng: Rng, state: EditorState): Transaction {
  const tr = state.tr;
  if (chance(rng, 0.4)) return tr.replaceWith(0, state.doc.content.size, Node.fromJSON(schema, editedDoc(rng, state.doc).toJSON()).content);
  const at = textPosition(rng, state.doc);
  if (at === null || chance(rng, 0.3))
    return tr.removeMark(0, state.doc.content.size, chance(rng, 0.5) ? schema.marks.suggestionInsert : schema.marks.suggestionDelete);
  return tr.insertText('议', at);
}

describe('SuggestionColours on random edits', () => {
  it('draws what drawing the whole document afresh draws', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = mulberry32(seed);
      const plugins = [suggestionColoursPlugin()];
      let state = EditorState.create({ doc: randomDoc(rng), plugins });
      state = state.apply(setSuggestionColours(state.tr, { people, activeId: 'random-2' }));
      for (let edit = 0; edit < 12; edit++) {
        state = state.apply(randomEdit(rng, state));
        let fresh = EditorState.create({ doc: state.doc, plugins });
        fresh = fresh.apply(setSuggestionColours(fresh.tr, { people, activeId: 'random-2' }));
        expect(drawn(state)).toEqual(drawn(fresh));
        compared += drawn(fresh).length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
