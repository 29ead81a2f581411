import { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';
import { acceptAll, acceptSuggestion, agreedDoc, hasSuggestions, listSuggestions, rejectAll, rejectSuggestion, renameSuggestions } from './suggestions.js';

type M = { type: string; attrs?: Record<string, unknown> };
const ins = (id: string, author = 'alice', createdAt = 1000): M => ({ type: 'suggestionInsert', attrs: { id, author, createdAt } });
const del = (id: string, author = 'bob', createdAt = 2000): M => ({ type: 'suggestionDelete', attrs: { id, author, createdAt } });
const fmt = (id: string, add: string[], remove: string[] = [], author = 'carol'): M => ({
  type: 'suggestionFormat',
  attrs: { id, author, createdAt: 3000, add, remove },
});
const bold: M = { type: 'bold' };
const t = (text: string, ...marks: M[]) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) });
const p = (...content: object[]) => ({ type: 'paragraph', content });
const doc = (...content: object[]) => Node.fromJSON(schema, { type: 'doc', content });
const cell = (...content: object[]) => ({ type: 'tableCell', content });
const table = (...cells: object[]) => ({ type: 'table', content: [{ type: 'tableRow', content: cells }] });

const run = (d: Node, f: (tr: Transform) => void): Node => {
  const tr = new Transform(d);
  f(tr);
  tr.doc.check();
  return tr.doc;
};
const texts = (d: Node): string[] => {
  const out: string[] = [];
  d.descendants((n) => {
    if (n.isTextblock) out.push(n.textContent);
    return !n.isTextblock;
  });
  return out;
};
const markNames = (d: Node): string[] => {
  const names = new Set<string>();
  d.descendants((n) => n.marks.forEach((m) => names.add(m.type.name)));
  return [...names].sort();
};

describe('listSuggestions', () => {
  it('lists each suggestion once, in document order, with its text, author, kind and time', () => {
    const d = doc(p(t('会议'), t('于周五', del('d1')), t('在村委会', ins('i1')), t('召开', fmt('f1', ['bold']))));
    expect(listSuggestions(d)).toEqual([
      { id: 'd1', author: 'bob', kind: 'delete', text: '于周五', createdAt: 2000 },
      { id: 'i1', author: 'alice', kind: 'insert', text: '在村委会', createdAt: 1000 },
      { id: 'f1', author: 'carol', kind: 'format', text: '召开', createdAt: 3000 },
    ]);
  });

  it('joins a suggestion across blocks with newlines, and across text nodes with other marks without', () => {
    const d = doc(p(t('甲'), t('乙', ins('i1')), t('丙', ins('i1'), bold)), p(t('丁', ins('i1')), t('戊')));
    expect(listSuggestions(d)).toEqual([{ id: 'i1', author: 'alice', kind: 'insert', text: '乙丙\n丁', createdAt: 1000 }]);
  });

  it('lists overlapping suggestions of different ids each', () => {
    const d = doc(p(t('新'), t('增', ins('a'), del('b'))));
    // "新" isn't marked; "增" carries both
    expect(listSuggestions(d).map((s) => [s.id, s.kind, s.text])).toEqual([
      ['a', 'insert', '增'],
      ['b', 'delete', '增'],
    ]);
    expect(listSuggestions(doc(p(t('无'))))).toEqual([]);
    expect(hasSuggestions(d)).toBe(true);
    expect(hasSuggestions(doc(p(t('无'))))).toBe(false);
  });
});

describe('accepting and rejecting one suggestion', () => {
  const d = doc(p(t('会议'), t('于周五', del('d1')), t('在村委会', ins('i1')), t('召开', fmt('f1', ['bold', 'italic'], ['underline']), { type: 'underline' })));

  it('accepting an insertion keeps its text without the mark', () => {
    const out = run(d, (tr) => acceptSuggestion(tr, 'i1'));
    expect(texts(out)).toEqual(['会议于周五在村委会召开']);
    expect(listSuggestions(out).map((s) => s.id)).toEqual(['d1', 'f1']);
  });

  it('rejecting an insertion deletes its text', () => {
    const out = run(d, (tr) => rejectSuggestion(tr, 'i1'));
    expect(texts(out)).toEqual(['会议于周五召开']);
  });

  it('accepting a deletion deletes its text; rejecting it keeps the text unmarked', () => {
    expect(texts(run(d, (tr) => acceptSuggestion(tr, 'd1')))).toEqual(['会议在村委会召开']);
    const kept = run(d, (tr) => rejectSuggestion(tr, 'd1'));
    expect(texts(kept)).toEqual(['会议于周五在村委会召开']);
    expect(listSuggestions(kept).map((s) => s.id)).toEqual(['i1', 'f1']);
  });

  it('accepting a format change applies its add and remove; rejecting it leaves the format as it was', () => {
    const accepted = run(d, (tr) => acceptSuggestion(tr, 'f1'));
    const last = accepted.firstChild!.lastChild!;
    expect(last.text).toBe('召开');
    expect(last.marks.map((m) => m.type.name).sort()).toEqual(['bold', 'italic']);
    const rejected = run(d, (tr) => rejectSuggestion(tr, 'f1'));
    expect(rejected.firstChild!.lastChild!.marks.map((m) => m.type.name)).toEqual(['underline']);
  });

  it('leaves the other marks on the text alone', () => {
    const withBold = doc(p(t('加粗插入', ins('i1'), bold)));
    const out = run(withBold, (tr) => acceptSuggestion(tr, 'i1'));
    expect(out.firstChild!.firstChild!.marks.map((m) => m.type.name)).toEqual(['bold']);
  });

  it('does nothing for an id the document does not have', () => {
    expect(run(d, (tr) => acceptSuggestion(tr, 'nope')).eq(d)).toBe(true);
    expect(run(d, (tr) => rejectSuggestion(tr, 'nope')).eq(d)).toBe(true);
  });

  it('ignores format names that are not plain marks of the schema', () => {
    const odd = doc(p(t('文字', fmt('f', ['link', 'nosuch', 'suggestionInsert', 'bold']))));
    const out = run(odd, (tr) => acceptSuggestion(tr, 'f'));
    expect(markNames(out)).toEqual(['bold']);
  });
});

describe('overlapping suggestions', () => {
  // A inserts "新增内容"; B proposes deleting "增内" of it.
  const d = doc(p(t('原文'), t('新', ins('A')), t('增内', ins('A'), del('B')), t('容', ins('A'))));

  it("accepting B's deletion of A's inserted text removes that text, A's insertion stays pending", () => {
    const out = run(d, (tr) => acceptSuggestion(tr, 'B'));
    expect(texts(out)).toEqual(['原文新容']);
    expect(listSuggestions(out)).toEqual([{ id: 'A', author: 'alice', kind: 'insert', text: '新容', createdAt: 1000 }]);
  });

  it("rejecting A's insertion removes it, B's deletion mark on it too", () => {
    const out = run(d, (tr) => rejectSuggestion(tr, 'A'));
    expect(texts(out)).toEqual(['原文']);
    expect(listSuggestions(out)).toEqual([]);
  });

  it("accepting A keeps B's deletion pending on the text; rejecting B keeps A's whole insertion", () => {
    const a = run(d, (tr) => acceptSuggestion(tr, 'A'));
    expect(listSuggestions(a).map((s) => [s.id, s.text])).toEqual([['B', '增内']]);
    const b = run(d, (tr) => rejectSuggestion(tr, 'B'));
    expect(listSuggestions(b).map((s) => [s.id, s.text])).toEqual([['A', '新增内容']]);
  });

  it('two deletions of the same text: accepting one removes the text and the other with it', () => {
    const two = doc(p(t('甲'), t('乙', del('x'), del('y', 'dave'))));
    const out = run(two, (tr) => acceptSuggestion(tr, 'x'));
    expect(texts(out)).toEqual(['甲']);
    expect(listSuggestions(out)).toEqual([]);
  });
});

describe('a replacement: a deletion and an insertion under one id', () => {
  const d = doc(p(t('于'), t('周五', del('r', 'alice')), t('周六', ins('r', 'alice')), t('召开')));

  it('is listed once, by its first mark', () => {
    expect(listSuggestions(d)).toEqual([{ id: 'r', author: 'alice', kind: 'delete', text: '周五周六', createdAt: 2000 }]);
  });

  it('accepting it keeps the new text and drops the old; rejecting it does the reverse', () => {
    expect(texts(run(d, (tr) => acceptSuggestion(tr, 'r')))).toEqual(['于周六召开']);
    expect(texts(run(d, (tr) => rejectSuggestion(tr, 'r')))).toEqual(['于周五召开']);
    expect(markNames(run(d, (tr) => acceptSuggestion(tr, 'r')))).toEqual([]);
  });
});

describe('across blocks and in tables', () => {
  it('accepts a deletion spanning paragraphs, leaving emptied paragraphs as empty paragraphs', () => {
    const d = doc(p(t('保留'), t('删去一', del('d'))), p(t('删去二', del('d'))), p(t('删去三', del('d')), t('保留')));
    const out = run(d, (tr) => acceptSuggestion(tr, 'd'));
    expect(texts(out)).toEqual(['保留', '', '保留']);
    expect(out.child(1).type.name).toBe('paragraph');
  });

  it('rejects an insertion spanning a heading and a paragraph', () => {
    const d = doc({ type: 'heading', attrs: { level: 2 }, content: [t('标题'), t('补充', ins('i'))] }, p(t('新段落', ins('i'))));
    const out = run(d, (tr) => rejectSuggestion(tr, 'i'));
    expect(texts(out)).toEqual(['标题', '']);
    expect(out.firstChild!.type.name).toBe('heading');
  });

  it('works in table cells, and an emptied cell keeps its paragraph', () => {
    const d = doc(table(cell(p(t('全删', del('d')))), cell(p(t('一'), t('二', ins('i'))))));
    const out = run(d, (tr) => {
      acceptSuggestion(tr, 'd');
      rejectSuggestion(tr, 'i');
    });
    expect(texts(out)).toEqual(['', '一']);
    expect(out.firstChild!.firstChild!.firstChild!.childCount).toBe(1);
  });

  it('removes a hard break that is part of a rejected insertion', () => {
    const d = doc(p(t('甲'), { type: 'hardBreak', marks: [ins('i')] }, t('乙', ins('i'))));
    expect(listSuggestions(d)[0].text).toBe('\n乙');
    expect(run(d, (tr) => rejectSuggestion(tr, 'i')).firstChild!.childCount).toBe(1);
  });

  it('accepts a format change spanning blocks', () => {
    const d = doc(p(t('一', fmt('f', ['bold']))), p(t('二', fmt('f', ['bold']))));
    const out = run(d, (tr) => acceptSuggestion(tr, 'f'));
    expect(markNames(out)).toEqual(['bold']);
    expect(listSuggestions(out)).toEqual([]);
  });
});

describe('accepting and rejecting all', () => {
  const d = doc(
    p(t('甲'), t('乙', ins('i1', 'alice')), t('丙', del('d1', 'bob'))),
    p(t('丁', del('d2', 'alice')), t('戊', ins('i2', 'bob'))),
    table(cell(p(t('己', fmt('f1', ['bold'], [], 'alice'))))),
  );

  it('acceptAll applies every suggestion', () => {
    const out = run(d, (tr) => acceptAll(tr));
    expect(texts(out)).toEqual(['甲乙', '戊', '己']);
    expect(markNames(out)).toEqual(['bold']);
    expect(listSuggestions(out)).toEqual([]);
  });

  it('rejectAll gives the text as agreed so far', () => {
    const out = run(d, (tr) => rejectAll(tr));
    expect(texts(out)).toEqual(['甲丙', '丁', '己']);
    expect(markNames(out)).toEqual([]);
    expect(agreedDoc(d).eq(out)).toBe(true);
    const plain = doc(p(t('无')));
    expect(agreedDoc(plain)).toBe(plain);
  });

  it("acceptAll and rejectAll with an author touch only that author's suggestions", () => {
    const accepted = run(d, (tr) => acceptAll(tr, 'alice'));
    expect(texts(accepted)).toEqual(['甲乙丙', '戊', '己']);
    expect(listSuggestions(accepted).map((s) => s.id)).toEqual(['d1', 'i2']);
    const rejected = run(d, (tr) => rejectAll(tr, 'bob'));
    expect(texts(rejected)).toEqual(['甲乙丙', '丁', '己']);
    expect(listSuggestions(rejected).map((s) => s.id)).toEqual(['i1', 'd2', 'f1']);
  });

  it('handles the overlap in either order', () => {
    const o = doc(p(t('新', ins('A')), t('增', ins('A'), del('B'))));
    expect(texts(run(o, (tr) => acceptAll(tr)))).toEqual(['新']);
    expect(texts(run(o, (tr) => rejectAll(tr)))).toEqual(['']);
  });
});

describe('renaming suggestions', () => {
  it('gives every mark of a suggestion the new id, across blocks, leaving its other attributes and other suggestions alone', () => {
    const d = doc(p(t('甲'), t('乙', ins('a', 'alice', 5), del('b'))), p(t('丙', ins('a', 'alice', 5)), t('丁', fmt('c', ['bold']))));
    const after = run(d, (tr) => renameSuggestions(tr, new Map([['a', 'a2']])));
    expect(listSuggestions(after)).toEqual([
      { id: 'a2', author: 'alice', kind: 'insert', text: '乙\n丙', createdAt: 5 },
      { id: 'b', author: 'bob', kind: 'delete', text: '乙', createdAt: 2000 },
      { id: 'c', author: 'carol', kind: 'format', text: '丁', createdAt: 3000 },
    ]);
    expect(texts(after)).toEqual(['甲乙', '丙丁']);
  });

  it('renames deletions and format changes too, and nothing for ids the document does not have', () => {
    const d = doc(p(t('甲', del('b')), t('乙', fmt('c', ['bold'], [], 'carol'))));
    const after = run(d, (tr) =>
      renameSuggestions(
        tr,
        new Map([
          ['b', 'b2'],
          ['c', 'c2'],
          ['x', 'y'],
        ]),
      ),
    );
    expect(listSuggestions(after).map((s) => [s.id, s.kind])).toEqual([
      ['b2', 'delete'],
      ['c2', 'format'],
    ]);
    expect(run(d, (tr) => renameSuggestions(tr, new Map([['x', 'y']]))).eq(d)).toBe(true);
  });
});
