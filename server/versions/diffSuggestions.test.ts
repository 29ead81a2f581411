// The compare view and 修订: the agreed texts are compared, the newer side's
// pending suggestions shown on top (diffBlocks.ts), on versions made the way
// the server makes them (ProseMirror changes diffed into one Yjs document).
import { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { acceptSuggestion, rejectSuggestion } from '../../shared/suggestions.js';
import { blocksOf } from './blocksOf.js';
import { diffBlocks, type Attributor } from './diffBlocks.js';

const paragraphs = ['一是围绕中心工作建言献策。', '二是结合重点产业开展调研。'];
const start = () =>
  prosemirrorJSONToYDoc(schema, { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }, BODY_FRAGMENT);
const copy = (doc: Y.Doc) => {
  const out = new Y.Doc();
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
  return out;
};
const pmOf = (doc: Y.Doc) => Node.fromJSON(schema, yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT)));

/** Changes the document as the server's transforms do: a ProseMirror transform diffed into the Yjs body. */
function change(doc: Y.Doc, f: (tr: Transform) => void): Y.Doc {
  const tr = new Transform(pmOf(doc));
  f(tr);
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() }));
  return copy(doc);
}

/** Where `needle` starts in the document (within one text node). */
function posOf(node: Node, needle: string): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found < 0 && child.isText && child.text!.includes(needle)) found = pos + child.text!.indexOf(needle);
    return found < 0;
  });
  if (found < 0) throw new Error(`no ${needle}`);
  return found;
}

const attrs = (id: string, author: string) => ({ id, author, createdAt: 1000 });

/** v0 plain; v1 with wang's insertion 全镇 and li's deletion of 结合 pending. */
function withSuggestions() {
  const doc = start();
  const v0 = copy(doc);
  const v1 = change(doc, (tr) => {
    tr.insert(posOf(tr.doc, '中心'), schema.text('全镇', [schema.marks.suggestionInsert.create(attrs('s-ins', 'wang'))]));
    const at = posOf(tr.doc, '结合');
    tr.addMark(at, at + 2, schema.marks.suggestionDelete.create(attrs('s-del', 'li')));
  });
  return { doc, v0, v1 };
}

const attributor = (doc: Y.Doc): Attributor => ({
  inserted: (client) => (client === doc.clientID ? 'wang-account' : null),
  deleted: () => 'owner-account',
});
const compare = (older: Y.Doc, newer: Y.Doc, doc: Y.Doc) =>
  diffBlocks(blocksOf(older.getXmlFragment(BODY_FRAGMENT)), blocksOf(newer.getXmlFragment(BODY_FRAGMENT)), attributor(doc));

describe('diffBlocks and suggestions', () => {
  it('shows suggestions that arrived as changes on top of the unchanged agreed text', () => {
    const { doc, v0, v1 } = withSuggestions();
    const diff = compare(v0, v1, doc);
    expect(diff.map((b) => b.status)).toEqual(['modified', 'modified']);
    expect(diff[0].segments).toEqual([
      { op: 'equal', text: '一是围绕', author: null, suggestion: null },
      { op: 'equal', text: '全镇', author: null, suggestion: { kind: 'insert', id: 's-ins', author: 'wang', arrived: true } },
      { op: 'equal', text: '中心工作建言献策。', author: null, suggestion: null },
    ]);
    expect(diff[1].segments).toEqual([
      { op: 'equal', text: '二是', author: null, suggestion: null },
      { op: 'equal', text: '结合', author: null, suggestion: { kind: 'delete', id: 's-del', author: 'li', arrived: true } },
      { op: 'equal', text: '重点产业开展调研。', author: null, suggestion: null },
    ]);
  });

  it('shows accepted suggestions as inserted and deleted text', () => {
    const { doc, v0, v1 } = withSuggestions();
    const v2 = change(doc, (tr) => {
      acceptSuggestion(tr, 's-ins');
      acceptSuggestion(tr, 's-del');
    });
    for (const older of [v1, v0]) {
      const diff = compare(older, v2, doc);
      expect(diff.map((b) => b.status)).toEqual(['modified', 'modified']);
      expect(diff[0].segments).toEqual([
        { op: 'equal', text: '一是围绕', author: null, suggestion: null },
        { op: 'insert', text: '全镇', author: 'wang-account', suggestion: null },
        { op: 'equal', text: '中心工作建言献策。', author: null, suggestion: null },
      ]);
      expect(diff[1].segments).toEqual([
        { op: 'equal', text: '二是', author: null, suggestion: null },
        { op: 'delete', text: '结合', author: 'owner-account', suggestion: null },
        { op: 'equal', text: '重点产业开展调研。', author: null, suggestion: null },
      ]);
    }
  });

  it('shows nothing for rejected suggestions: the agreed text never changed', () => {
    const { doc, v0, v1 } = withSuggestions();
    const v2 = change(doc, (tr) => {
      rejectSuggestion(tr, 's-ins');
      rejectSuggestion(tr, 's-del');
    });
    for (const older of [v1, v0]) {
      const diff = compare(older, v2, doc);
      expect(diff.map((b) => b.status)).toEqual(['equal', 'equal']);
      expect(diff.flatMap((b) => b.segments).every((s) => s.op === 'equal' && s.suggestion === null)).toBe(true);
      expect(diff.map((b) => b.segments.map((s) => s.text).join(''))).toEqual(paragraphs);
    }
  });

  it('shows suggestions pending on both sides, as no change', () => {
    const { doc, v1 } = withSuggestions();
    const v2 = change(doc, (tr) => tr.insert(posOf(tr.doc, '开展'), schema.text('另')));
    const diff = compare(v1, v2, doc);
    expect(diff.map((b) => b.status)).toEqual(['equal', 'modified']);
    expect(diff[0].segments[1]).toEqual({
      op: 'equal',
      text: '全镇',
      author: null,
      suggestion: { kind: 'insert', id: 's-ins', author: 'wang', arrived: false },
    });
    expect(diff[1].segments.map((s) => [s.op, s.text, s.suggestion?.arrived ?? null])).toEqual([
      ['equal', '二是', null],
      ['equal', '结合', false],
      ['equal', '重点产业', null],
      ['insert', '另', null],
      ['equal', '开展调研。', null],
    ]);
  });

  it('shows a whole paragraph proposed for insertion as an added block of suggested text', () => {
    const doc = start();
    const v0 = copy(doc);
    const v1 = change(doc, (tr) =>
      tr.insert(tr.doc.content.size, schema.node('paragraph', null, [schema.text('新增一段', [schema.marks.suggestionInsert.create(attrs('s-p', 'wang'))])])),
    );
    const diff = compare(v0, v1, doc);
    expect(diff.map((b) => b.status)).toEqual(['equal', 'equal', 'added']);
    expect(diff[2].segments).toEqual([
      { op: 'equal', text: '新增一段', author: null, suggestion: { kind: 'insert', id: 's-p', author: 'wang', arrived: true } },
    ]);
  });
});
