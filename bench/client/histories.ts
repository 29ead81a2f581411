// Documents with a past, built once on the generator (deterministically) as
// the list of updates their authors' editors sent, so every server receives
// the very same bytes.
import * as Y from 'yjs';
import { BODY, paragraph, rng, words } from './typist.js';

export interface History {
  updates: Uint8Array[];
  /** The state vector of the finished document: a replica has it all when it reaches this. */
  stateVector: Map<number, number>;
  /** Characters in the finished body. */
  characters: number;
  /** Bytes of the finished document as one update. */
  stateBytes: number;
}

function record(build: (doc: Y.Doc) => void): History {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  build(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const characters = doc
    .getXmlFragment(BODY)
    .toArray()
    .reduce((n, el) => n + ((el as Y.XmlElement).get(0) as Y.XmlText).length, 0);
  const history = { updates, stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)), characters, stateBytes: state.length };
  doc.destroy();
  return history;
}

/** Whether `doc` holds everything the history wrote. */
export function hasHistory(doc: Y.Doc, history: History): boolean {
  for (const [client, clock] of history.stateVector) if (Y.getState(doc.store, client) < clock) return false;
  return true;
}

/**
 * `edits` small edits by a handful of authors taking turns: typing one to
 * three characters at the caret, deleting a few, pressing Enter, moving the
 * caret — one update each, as an editor sends them.
 */
export function longHistory(edits: number, seed = 7): History {
  return record((doc) => {
    const random = rng(seed);
    const authors = Array.from({ length: 8 }, (_, i) => 100_000 + i * 7_919);
    const body = doc.getXmlFragment(BODY);
    const elements: Y.XmlElement[] = [];
    const add = (index: number, element: Y.XmlElement) => {
      body.insert(index, [element]);
      elements.splice(index, 0, element);
    };
    doc.clientID = authors[0];
    add(0, paragraph('2025年政协联工委工作总结', 'heading', { level: 1 }));
    add(1, paragraph(''));
    let current = 1;
    let caret = 0;
    let turnLeft = 0;
    for (let i = 0; i < edits; i++) {
      if (turnLeft-- <= 0) {
        doc.clientID = authors[Math.floor(random() * authors.length)];
        turnLeft = 50 + Math.floor(random() * 450);
        current = 1 + Math.floor(random() * (elements.length - 1));
        caret = (elements[current].get(0) as Y.XmlText).length;
      }
      const text = elements[current].get(0) as Y.XmlText;
      const r = random();
      if (r < 0.03) {
        const heading = random() < 0.15;
        add(current + 1, heading ? paragraph(words(random, 1), 'heading', { level: 2 }) : paragraph(words(random, 1)));
        current++;
        caret = 1;
      } else if (r < 0.18 && caret > 0) {
        const n = Math.min(caret, 1 + Math.floor(random() * 4));
        text.delete(caret - n, n);
        caret -= n;
      } else {
        if (r > 0.95) caret = Math.floor(random() * (text.length + 1));
        const typed = words(random, 1 + Math.floor(random() * 3));
        text.insert(caret, typed);
        caret += typed.length;
      }
    }
  });
}

/** Characters on one page of a summary in the official layout (A4, 22 lines of 28). */
export const CHARACTERS_PER_PAGE = 616;

/**
 * A long finished document: `pages` pages of headings and paragraphs,
 * written a paragraph at a time (as pasted from drafts) by three authors.
 */
export function summaryDocument(pages: number, seed = 11): History {
  return record((doc) => {
    const random = rng(seed);
    const body = doc.getXmlFragment(BODY);
    const authors = [200_001, 200_002, 200_003];
    doc.clientID = authors[0];
    body.insert(0, [paragraph('2025年政协联工委工作总结', 'heading', { level: 1 })]);
    let written = 0;
    let section = 0;
    while (written < pages * CHARACTERS_PER_PAGE) {
      doc.clientID = authors[Math.floor(random() * authors.length)];
      if (written >= section * 5 * CHARACTERS_PER_PAGE) {
        section++;
        body.insert(body.length, [paragraph(`${section}. ${words(random, 12)}`, 'heading', { level: 2 })]);
      }
      const text = words(random, 150 + Math.floor(random() * 150));
      body.insert(body.length, [paragraph(text)]);
      written += text.length;
    }
  });
}
