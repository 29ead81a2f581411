import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksOf } from './blocksOf.js';
import { diffBlocks, diffText, type Attributor } from './diffBlocks.js';

/** Two members editing one document through separate replicas. */
function setup(paragraphs: string[]) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
  const fragment = a.getXmlFragment('default');
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  const names = new Map([
    [a.clientID, 'alice'],
    [b.clientID, 'bob'],
  ]);
  const deletedBy = new Map<string, Y.ID[]>();
  return { a, b, names, deletedBy };
}

const textAt = (doc: Y.Doc, index: number) => (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe('diffBlocks', () => {
  it('reports exactly the changed characters of a changed paragraph, and who made them', () => {
    const { a, b, names } = setup(['一是围绕中心工作建言献策。', '二是结合重点产业开展调研。']);
    const before = blocksOf(new Y.Doc().getXmlFragment('default'));
    const v1 = Y.encodeStateAsUpdate(a);
    const v1Doc = new Y.Doc();
    Y.applyUpdate(v1Doc, v1);
    textAt(a, 0).insert(4, '全镇');
    const beforeDelete = Y.snapshot(b);
    textAt(b, 1).delete(2, 2);
    const bobDeletes = Y.snapshot(b).ds;
    const attributor: Attributor = {
      inserted: (client) => names.get(client) ?? null,
      deleted: (client, clock) =>
        Y.isDeleted(bobDeletes, Y.createID(client, clock)) && !Y.isDeleted(beforeDelete.ds, Y.createID(client, clock)) ? 'bob' : null,
    };
    const diff = diffBlocks(blocksOf(v1Doc.getXmlFragment('default')), blocksOf(a.getXmlFragment('default')), attributor);
    expect(before).toEqual([]);
    expect(diff.map((d) => d.status)).toEqual(['modified', 'modified']);
    expect(diff[0].segments).toEqual([
      { op: 'equal', text: '一是围绕', author: null, suggestion: null },
      { op: 'insert', text: '全镇', author: 'alice', suggestion: null },
      { op: 'equal', text: '中心工作建言献策。', author: null, suggestion: null },
    ]);
    expect(diff[1].segments).toEqual([
      { op: 'equal', text: '二是', author: null, suggestion: null },
      { op: 'delete', text: '结合', author: 'bob', suggestion: null },
      { op: 'equal', text: '重点产业开展调研。', author: null, suggestion: null },
    ]);
  });

  it('reports whole added and removed paragraphs, and leaves the rest equal', () => {
    const { a } = setup(['导语', '一、参政议政更主动', '结语']);
    const v1 = new Y.Doc();
    Y.applyUpdate(v1, Y.encodeStateAsUpdate(a));
    const fragment = a.getXmlFragment('default');
    fragment.delete(1, 1);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('新增的一段完全不同的文字')]);
    fragment.insert(2, [p]);
    const none: Attributor = { inserted: () => null, deleted: () => null };
    const diff = diffBlocks(blocksOf(v1.getXmlFragment('default')), blocksOf(fragment), none);
    expect(diff.map((d) => [d.status, d.text])).toEqual([
      ['equal', '导语'],
      ['removed', '一、参政议政更主动'],
      ['equal', '结语'],
      ['added', '新增的一段完全不同的文字'],
    ]);
  });

  it('sees a heading level or alignment change as a modified block with equal text', () => {
    const doc = new Y.Doc();
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', 2 as never);
    h.insert(0, [new Y.XmlText('一、标题')]);
    doc.getXmlFragment('default').insert(0, [h]);
    const v1 = new Y.Doc();
    Y.applyUpdate(v1, Y.encodeStateAsUpdate(doc));
    h.setAttribute('textAlign', 'center');
    const diff = diffBlocks(blocksOf(v1.getXmlFragment('default')), blocksOf(doc.getXmlFragment('default')), { inserted: () => null, deleted: () => null });
    expect(diff).toMatchObject([{ status: 'modified', changes: ['textAlign'], segments: [{ op: 'equal', text: '一、标题' }] }]);
  });
});

describe('diffText', () => {
  it('diffs Chinese by character', () => {
    expect(diffText('政协委员建言献策', '政协委员积极建言献策')).toEqual([
      [0, '政协委员'],
      [1, '积极'],
      [0, '建言献策'],
    ]);
  });
  it('never splits a character outside the Basic Multilingual Plane', () => {
    const diffs = diffText('𠀀𠀁文', '𠀀𠀂文');
    expect(diffs).toEqual([
      [0, '𠀀'],
      [-1, '𠀁'],
      [1, '𠀂'],
      [0, '文'],
    ]);
  });
});

describe('blocksOf', () => {
  it('reads blocks in document order through any depth, and skips elements the schema does not have, prototype names included', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const paragraph = (text: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    };
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    list.insert(0, [item]);
    item.insert(0, [paragraph('二')]);
    const odd = new Y.XmlElement('constructor');
    odd.insert(0, [paragraph('藏起来的')]);
    fragment.insert(0, [paragraph('一'), list, odd, paragraph('三')]);
    // 5,000 quotes deep (nested one integrated level at a time, as a stored log could hold them)
    let parent: Y.XmlElement = new Y.XmlElement('blockquote');
    fragment.insert(fragment.length, [parent]);
    for (let i = 0; i < 5_000; i++) {
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    parent.insert(0, [paragraph('深处')]);
    const blocks = blocksOf(fragment);
    expect(blocks.map((b) => [b.text, b.container])).toEqual([
      ['一', null],
      ['二', 'bulletList'],
      ['三', null],
      ['深处', 'blockquote'],
    ]);
  }, 30_000);
});
