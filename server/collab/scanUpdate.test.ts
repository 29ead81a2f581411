import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mulberry32 as rng } from '../../shared/random.js';
import { inspectUpdate, inspectWithYjs, ProtocolError } from './protocol.js';

/** An answer (without the shape, which only the one pass reads), or 'malformed' where it refuses the update. */
function answer(inspect: (update: Uint8Array) => Partial<ReturnType<typeof inspectUpdate>>, update: Uint8Array) {
  try {
    const { shape: _shape, ...rest } = inspect(update);
    return rest;
  } catch (err) {
    if (err instanceof ProtocolError) return 'malformed';
    throw err;
  }
}
/** What Yjs's own decoder says: the oracle for the one pass. */
const byYjs = (update: Uint8Array) => answer(inspectWithYjs, update);
const byInspect = (update: Uint8Array) => answer(inspectUpdate, update);

/** Updates of every kind Yjs writes: text with formats and embeds, XML with attributes, maps and arrays of any value, binary, nested types, sub-documents, deletions, merges with gaps. */
function histories(seed: number): Uint8Array[] {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const docs = [new Y.Doc(), new Y.Doc({ gc: false }), new Y.Doc()];
  const updates: Uint8Array[] = [];
  docs.forEach((doc) => doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && updates.push(u)));
  const values = () => pick<unknown>([1, -7, 3.5, 'text', '政协', true, null, { a: [1, { b: 'c' }] }, [1, 2], new Uint8Array([1, 2, 3]), 2 ** 40]);
  for (let step = 0; step < 40; step++) {
    const doc = pick(docs);
    const fragment = doc.getXmlFragment('default');
    doc.transact(() => {
      switch (Math.floor(random() * 9)) {
        case 0: {
          const p = new Y.XmlElement(pick(['paragraph', 'heading']));
          p.setAttribute('level', pick(['1', '2']) as string);
          const t = new Y.XmlText();
          p.insert(0, [t]);
          fragment.insert(Math.floor(random() * (fragment.length + 1)), [p]);
          t.insert(0, pick(['年终总结', 'abc', '😀字']), random() < 0.5 ? { bold: true } : undefined);
          break;
        }
        case 1: {
          const text = doc.getText('t');
          text.insert(Math.floor(random() * (text.length + 1)), pick(['一', 'ab', '委员']), random() < 0.3 ? { italic: true, color: '#fff' } : undefined);
          break;
        }
        case 2: {
          const text = doc.getText('t');
          if (text.length > 0) text.format(0, Math.ceil(random() * text.length), { bold: random() < 0.5 ? true : null });
          else text.insertEmbed(0, { image: 'x.png' });
          break;
        }
        case 3: {
          const text = doc.getText('t');
          if (text.length > 1) text.delete(Math.floor(random() * (text.length - 1)), 1);
          break;
        }
        case 4:
          doc.getMap('m').set(pick(['a', 'b', 'c']), values());
          break;
        case 5:
          doc.getArray('a').push([values(), values()]);
          break;
        case 6: {
          const array = doc.getArray<unknown>('a');
          if (array.length > 0) array.delete(0, 1);
          else array.insert(0, [new Y.Map(), new Y.Array(), new Y.Text('嵌套')]);
          break;
        }
        case 7:
          if (random() < 0.3) doc.getMap('docs').set('sub', new Y.Doc({ meta: { title: '附件' } }));
          else fragment.insert(0, [new Y.XmlText('纯文本')]);
          break;
        default:
          if (fragment.length > 0) fragment.delete(0, 1);
      }
    });
    if (random() < 0.3) {
      const [a, b] = [pick(docs), pick(docs)];
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'sync');
    }
  }
  const merged = [
    ...docs.map((doc) => Y.encodeStateAsUpdate(doc)),
    // every other update merged: gaps become skips
    Y.mergeUpdates(updates.filter((_, i) => i % 2 === 0)),
    Y.diffUpdate(Y.encodeStateAsUpdate(docs[0]), Y.encodeStateVector(docs[1])),
    Y.encodeStateAsUpdate(new Y.Doc()),
  ];
  return [...updates, ...merged];
}

function mutations(update: Uint8Array, random: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let k = 0; k < 6; k++) out.push(update.slice(0, Math.floor(random() * update.length)));
  for (let k = 0; k < 10; k++) {
    const copy = update.slice();
    const flips = 1 + Math.floor(random() * 3);
    for (let f = 0; f < flips && copy.length > 0; f++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    out.push(copy);
  }
  const longer = new Uint8Array(update.length + 1);
  const at = Math.floor(random() * (update.length + 1));
  longer.set(update.subarray(0, at));
  longer[at] = Math.floor(random() * 256);
  longer.set(update.subarray(at), at + 1);
  out.push(longer);
  return out;
}

describe('inspectUpdate (one pass) against Yjs decoding the update', () => {
  it('finds the same clients, deletions and emptiness in updates of every kind', () => {
    for (let seed = 1; seed <= 25; seed++) {
      for (const update of histories(seed)) expect(byInspect(update), `seed ${seed}`).toEqual(byYjs(update));
    }
  });

  it('refuses exactly what Yjs cannot decode: truncated, garbled and padded updates', () => {
    const random = rng(99);
    let refused = 0;
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      for (const update of histories(seed)) {
        for (const mutated of mutations(update, random)) {
          const expected = byYjs(mutated);
          expect(byInspect(mutated), `seed ${seed}: ${Buffer.from(mutated).toString('hex')}`).toEqual(expected);
          checked++;
          if (expected === 'malformed') refused++;
        }
      }
    }
    // the mutations reach both sides of the line
    expect(refused).toBeGreaterThan(checked / 10);
    expect(refused).toBeLessThan(checked);
  });
});
