import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { editedDoc, randomDoc } from '../tests/helpers/randomDocs.js';
import { agreedTextBetween } from './agreedText.js';
import { charactersOfBlocks } from './blockCounts.js';
import { mulberry32, randomInt } from './random.js';
import { schema } from './schema.js';
import { countCharacters } from './wordCount.js';

/** The count read in one go over the whole run, as it was before the cache. */
function fullCount(doc: Node, fromIndex: number, toIndex: number, leafText?: string): number {
  let from = 0;
  for (let i = 0; i < fromIndex; i++) from += doc.child(i).nodeSize;
  let to = from;
  for (let i = fromIndex; i < toIndex; i++) to += doc.child(i).nodeSize;
  return countCharacters(agreedTextBetween(doc, from, to, '\n', leafText));
}

describe('字数 block by block', () => {
  it('equals the count of the whole text after every one of a series of random edits (blocks shared between versions)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = mulberry32(seed);
      let doc = randomDoc(rng);
      for (let edit = 0; edit < 15; edit++) {
        doc = editedDoc(rng, doc);
        for (const leafText of [undefined, '\n'])
          expect(charactersOfBlocks(doc, undefined, undefined, leafText)).toBe(fullCount(doc, 0, doc.childCount, leafText));
        // a run of blocks, as a section's body is counted
        const fromIndex = randomInt(rng, 0, doc.childCount - 1);
        const toIndex = randomInt(rng, fromIndex, doc.childCount);
        let pos = 0;
        for (let i = 0; i < fromIndex; i++) pos += doc.child(i).nodeSize;
        expect(charactersOfBlocks(doc, { index: fromIndex, pos }, toIndex, '\n')).toBe(fullCount(doc, fromIndex, toIndex, '\n'));
      }
    }
  });

  it('stays exact when every block is built anew, as a change from another person arrives (equal blocks take their old counts)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = mulberry32(seed);
      let doc = randomDoc(rng);
      charactersOfBlocks(doc);
      for (let edit = 0; edit < 15; edit++) {
        // the collaboration binding's rebuild: the same content, new objects, one part changed
        doc = Node.fromJSON(schema, editedDoc(rng, doc).toJSON());
        expect(charactersOfBlocks(doc)).toBe(fullCount(doc, 0, doc.childCount));
        // a run that leaves the first block uncounted, as the sections leave their headings
        if (doc.childCount > 1)
          expect(charactersOfBlocks(doc, { index: 1, pos: doc.child(0).nodeSize }, doc.childCount, '\n')).toBe(fullCount(doc, 1, doc.childCount, '\n'));
      }
    }
  });
});
