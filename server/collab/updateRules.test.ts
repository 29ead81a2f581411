import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { inspectUpdate } from './protocol.js';
import { checkDeletesKnown, checkUpdateShape, MAX_UNKNOWN_DELETES, RuleError } from './updateRules.js';

/** What the rules say of an update, for a server whose document is `server` (then applied to it when taken). */
const verdict = (update: Uint8Array, server: Y.Doc = new Y.Doc()): string => {
  try {
    const { shape } = inspectUpdate(update);
    checkUpdateShape(shape);
    checkDeletesKnown(shape, server);
    Y.applyUpdate(server, update);
    return 'taken';
  } catch (err) {
    if (err instanceof RuleError) return err.message;
    throw err;
  }
};

/** The update one change to a fresh document makes. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (update = u));
  change(doc);
  return update!;
}

function paragraph(text: string, attrs?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  t.insert(0, text, attrs);
  return p;
}

// Honest editing (random, through the binding, undo and redo, the templates) is taken: placement.honestChanges.test.ts.
describe("the document's rules for a change", () => {
  it('take marks as the binding writes them, overlapping ones with their hash', () => {
    const update = updateOf((doc) => {
      doc
        .getXmlFragment(BODY_FRAGMENT)
        .insert(0, [paragraph('加粗', { bold: {} }), paragraph('链接', { link: { href: 'https://example.cn' }, 'guidance--AbCd1234': {} })]);
    });
    expect(verdict(update)).toBe('taken');
  });

  it('refuse what would be stored for good and break the document', () => {
    const deep = (n: number) => {
      let value: unknown = 1;
      for (let i = 0; i < n; i++) value = [value];
      return value;
    };
    const cases: [string, Uint8Array, string][] = [
      ['a map beside the body', updateOf((doc) => doc.getMap('x').set('k', 1)), 'writes outside the document body'],
      ['text beside the body', updateOf((doc) => doc.getText('notes').insert(0, 'x')), 'writes outside the document body'],
      [
        'a sub-document in the body',
        updateOf((doc) => {
          const p = new Y.XmlElement('paragraph');
          doc.transact(() => {
            doc.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
            p.insert(0, [new Y.Doc() as unknown as Y.XmlText]);
          });
        }),
        'sub-documents are not part of a document',
      ],
      [
        'an unknown mark',
        updateOf((doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph('x', { blink: true })])),
        'formatting the document does not know',
      ],
      [
        'a mark named like a prototype key',
        updateOf((doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph('x', { constructor: true })])),
        'formatting the document does not know',
      ],
      [
        'an element the schema does not have',
        updateOf((doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('script')])),
        'an element the document does not know',
      ],
      [
        'the document itself as an element',
        updateOf((doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('doc')])),
        'an element the document does not know',
      ],
      [
        'an attribute no node has',
        updateOf((doc) => {
          const p = new Y.XmlElement('paragraph');
          p.setAttribute('onclick', 'alert(1)');
          doc.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
        }),
        'an attribute the document does not know',
      ],
      [
        'a mark value nested 1,000 deep',
        updateOf((doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph('x', { bold: deep(1_000) })])),
        'a value nested too deep',
      ],
      [
        'an attribute nested 20 deep',
        updateOf((doc) => {
          const p = new Y.XmlElement('paragraph');
          p.setAttribute('textAlign', deep(20) as string);
          doc.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
        }),
        'a value nested too deep',
      ],
    ];
    for (const [what, update, expected] of cases) expect(verdict(update), what).toBe(expected);
  });

  it('refuse a type the body is not made of, inside the body', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(BODY_FRAGMENT);
    fragment.insert(0, [paragraph('x')]);
    const before = Y.encodeStateVector(doc);
    // a Y.Text where the schema has elements, through the XmlElement API's generic insert
    (fragment.get(0) as Y.XmlElement).insert(0, [new Y.Text('混入') as unknown as Y.XmlText]);
    expect(verdict(Y.encodeStateAsUpdate(doc, before))).toBe('a type the document cannot hold');
  });

  it('take deletions of what the document has, and only a few of what it does not', () => {
    const server = new Y.Doc();
    const writer = new Y.Doc();
    writer.on('update', (u: Uint8Array) => expect(verdict(u, server)).toBe('taken'));
    writer.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph('一二三四五六七八九十')]);
    ((writer.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(2, 5);
    const range = (n: number) => new Map([[777, Array.from({ length: n }, (_, i) => ({ clock: i * 2, len: 1 }))]]);
    expect(verdict(encodeDeleteOnly(range(10)), server)).toBe('taken');
    expect(verdict(encodeDeleteOnly(range(MAX_UNKNOWN_DELETES + 1)), server)).toBe('deletes what the document does not have');
  });

  it('refuse a delete set of a million ranges', () => {
    const ds = new Map([[424242, Array.from({ length: 1_000_000 }, (_, i) => ({ clock: i * 2, len: 1 }))]]);
    const update = encodeDeleteOnly(ds);
    expect(verdict(update)).toBe('too many deletions at once');
  }, 30_000);
});

/** An update with no structs and this delete set, as the v1 encoding lays it out. */
function encodeDeleteOnly(ds: Map<number, { clock: number; len: number }[]>): Uint8Array {
  const bytes: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    bytes.push(n);
  };
  varUint(0); // no struct sections
  varUint(ds.size);
  for (const [client, ranges] of ds) {
    varUint(client);
    varUint(ranges.length);
    for (const { clock, len } of ranges) {
      varUint(clock);
      varUint(len);
    }
  }
  return Uint8Array.from(bytes);
}
