// The suggest-only rule on a fixed document: each honest suggestion is taken,
// each forgery (what the API says a suggester may not do) refused, and the
// room's document is never changed by judging.
import type { Mark } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schema } from '../../shared/schema.js';
import { checkSuggestOnly, markNameOfKey } from './suggestionRules.js';
import {
  ALICE,
  BOB,
  bodyOf,
  clone,
  deleteMark,
  docFromJSON,
  editorChange,
  formatMark,
  insertMark,
  pmDoc,
  positionOf,
  rawChange,
  suggestionsIn,
} from './suggestionTestFixtures.js';

const mark = (m: Mark) => ({ type: m.type.name, attrs: m.attrs });
const ALICE_INS = insertMark(ALICE, 'a-ins');
const ALICE_DEL = deleteMark(ALICE, 'a-del');
const BOB_INS = insertMark(BOB, 'b-ins');
const BOB_DEL = deleteMark(BOB, 'b-del');
const BOB_FMT = formatMark(BOB, 'b-fmt');

const START = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '一、总体情况' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '原文甲乙丙丁' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '她删', marks: [mark(ALICE_DEL)] },
        { type: 'text', text: '她加的', marks: [mark(ALICE_INS)] },
      ],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '我加的', marks: [mark(BOB_INS)] },
        { type: 'text', text: '我删', marks: [mark(BOB_DEL)] },
        { type: 'text', text: '我改', marks: [mark(BOB_FMT)] },
      ],
    },
  ],
};

let server: Y.Doc;
beforeEach(() => {
  server = docFromJSON(START);
});

/** The verdict on `edit` made by `username`'s editor; the room's document must come out unchanged. */
function judge(edit: (tr: Transform) => void, username = BOB) {
  const before = bodyOf(server);
  const verdict = checkSuggestOnly(server, editorChange(server, edit), username);
  expect(bodyOf(server)).toBe(before);
  return verdict;
}
const at = (needle: string) => positionOf(pmDoc(server), needle);

describe('suggest-only: what a suggester may do', () => {
  it('writes suggestion marks as y-prosemirror does: keyed name--hash, the value their attrs', () => {
    const keys = new Set<string>();
    server.getXmlFragment('default').forEach((block) => {
      (block as Y.XmlElement).toArray().forEach((t) => {
        if (t instanceof Y.XmlText) for (const op of t.toDelta() as { attributes?: object }[]) for (const k of Object.keys(op.attributes ?? {})) keys.add(k);
      });
    });
    expect([...keys].every((k) => /^suggestion(Insert|Delete|Format)--[a-zA-Z0-9+/=]{8}$/.test(k))).toBe(true);
    expect(new Set([...keys].map(markNameOfKey))).toEqual(new Set(['suggestionInsert', 'suggestionDelete', 'suggestionFormat']));
  });

  it.each([
    ['inserting text marked as their own suggestion', (tr: Transform) => tr.insert(at('甲'), schema.text('新增', [insertMark(BOB)]))],
    ['inserting inside their own suggested text', (tr: Transform) => tr.insert(at('我加的') + 1, schema.text('再', [BOB_INS]))],
    ['inserting bold text as their suggestion', (tr: Transform) => tr.insert(at('丙'), schema.text('粗', [schema.marks.bold.create(), insertMark(BOB)]))],
    ['inserting into an empty paragraph', (tr: Transform) => tr.insert(tr.doc.content.size - 1, schema.text('空', [insertMark(BOB)]))],
    ['marking others’ text for deletion', (tr: Transform) => tr.addMark(at('甲'), at('甲') + 2, deleteMark(BOB))],
    ['marking text for deletion across blocks', (tr: Transform) => tr.addMark(at('丁'), at('她删') + 1, deleteMark(BOB))],
    ['marking alice’s suggested insertion for deletion', (tr: Transform) => tr.addMark(at('她加'), at('她加') + 1, deleteMark(BOB))],
    ['suggesting a format change', (tr: Transform) => tr.addMark(at('原文'), at('原文') + 2, formatMark(BOB))],
    ['withdrawing their insertion', (tr: Transform) => tr.delete(at('我加的'), at('我加的') + 3)],
    ['withdrawing part of their insertion', (tr: Transform) => tr.delete(at('我加的') + 1, at('我加的') + 2)],
    ['withdrawing their deletion mark', (tr: Transform) => tr.removeMark(at('我删'), at('我删') + 2, BOB_DEL)],
    ['withdrawing their format suggestion', (tr: Transform) => tr.removeMark(at('我改'), at('我改') + 2, BOB_FMT)],
    ['typing "a" before "aab" (the binding marks the old first "a")', (tr: Transform) => tr.insert(at('原文'), schema.text('原', [insertMark(BOB)]))],
  ])('takes %s', (_, edit) => {
    expect(judge(edit)).toEqual({ ok: true });
  });

  it('takes withdrawing the whole of a paragraph of their own text (its Y.XmlText is removed)', () => {
    const withText = editorChange(server, (tr) => tr.insert(tr.doc.content.size - 1, schema.text('全', [insertMark(BOB)])));
    Y.applyUpdate(server, withText);
    expect(judge((tr) => tr.delete(at('全'), at('全') + 1))).toEqual({ ok: true });
  });

  it('takes a change that does nothing, and whatever it resends of what the document has', () => {
    expect(checkSuggestOnly(server, Y.encodeStateAsUpdate(server), BOB)).toEqual({ ok: true });
  });
});

describe('suggest-only: what a suggester may not do', () => {
  it.each([
    ['plain insertion', 'text or formatting', (tr: Transform) => tr.insert(at('甲'), schema.text('新'))],
    ['insertion with another’s name', 'text or formatting', (tr: Transform) => tr.insert(at('甲'), schema.text('新', [insertMark(ALICE)]))],
    ['insertion reusing alice’s suggestion id', 'suggestion id', (tr: Transform) => tr.insert(at('甲'), schema.text('新', [insertMark(BOB, 'a-ins')]))],
    ['insertion with an empty id', 'valid id', (tr: Transform) => tr.insert(at('甲'), schema.text('新', [insertMark(BOB, '')]))],
    ['plain deletion', 'text or formatting', (tr: Transform) => tr.delete(at('甲'), at('甲') + 1)],
    ['deleting alice’s suggested text', 'text or formatting', (tr: Transform) => tr.delete(at('她加'), at('她加') + 1)],
    ['deleting text they marked for deletion (accepting their own)', 'text or formatting', (tr: Transform) => tr.delete(at('我删'), at('我删') + 2)],
    ['accepting their own insertion (dropping its mark)', 'text or formatting', (tr: Transform) => tr.removeMark(at('我加的'), at('我加的') + 3, BOB_INS)],
    ['marking text for deletion in alice’s name', 'text or formatting', (tr: Transform) => tr.addMark(at('甲'), at('甲') + 1, deleteMark(ALICE))],
    ['bolding directly', 'text or formatting', (tr: Transform) => tr.addMark(at('甲'), at('甲') + 1, schema.marks.bold.create())],
    ['bolding their own deletion-marked text', 'text or formatting', (tr: Transform) => tr.addMark(at('我删'), at('我删') + 1, schema.marks.bold.create())],
    ['withdrawing alice’s deletion mark', 'text or formatting', (tr: Transform) => tr.removeMark(at('她删'), at('她删') + 2, ALICE_DEL)],
    ['accepting alice’s insertion', 'text or formatting', (tr: Transform) => tr.removeMark(at('她加'), at('她加') + 3, ALICE_INS)],
    ['changing a heading level', 'level', (tr: Transform) => tr.setNodeMarkup(0, undefined, { ...tr.doc.firstChild!.attrs, level: 3 })],
    ['aligning a paragraph', 'textAlign', (tr: Transform) => tr.setNodeMarkup(at('原文') - 1, undefined, { textAlign: 'center' })],
    ['splitting a paragraph (Enter)', 'block or inline node', (tr: Transform) => tr.split(at('丙'))],
    ['joining two paragraphs', 'text or formatting', (tr: Transform) => tr.join(at('她删') - 1)],
    ['inserting a hard break', 'block or inline node', (tr: Transform) => tr.insert(at('丙'), schema.nodes.hardBreak.create())],
    [
      'inserting a paragraph of their own suggestion',
      'block or inline node',
      (tr: Transform) => tr.insert(0, schema.nodes.paragraph.create(null, schema.text('段', [insertMark(BOB)]))),
    ],
    ['deleting a whole paragraph', 'block or inline node', (tr: Transform) => tr.delete(at('原文') - 1, at('丁') + 2)],
    [
      'a format suggestion naming no formatting',
      'no formatting',
      (tr: Transform) =>
        tr.addMark(at('甲'), at('甲') + 1, schema.marks.suggestionFormat.create({ id: 'x', author: BOB, createdAt: 1, add: ['script'], remove: [] })),
    ],
  ])('refuses %s', (_, reason, edit) => {
    expect(judge(edit)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('refuses withdrawing their own text where alice has suggested something of it, or dropping her mark from it', () => {
    const p = at('我加的');
    Y.applyUpdate(
      server,
      editorChange(server, (tr) => tr.addMark(p, p + 1, deleteMark(ALICE, 'a-on-b'))),
    );
    const aliceMark = suggestionsIn(pmDoc(server), 'suggestionDelete', ALICE).find((s) => s.mark.attrs.id === 'a-on-b')!.mark;
    expect(judge((tr) => tr.delete(p, p + 1))).toMatchObject({ ok: false });
    expect(judge((tr) => tr.removeMark(p, p + 1, aliceMark))).toMatchObject({ ok: false });
    expect(judge((tr) => tr.removeMark(p, p + 1, BOB_INS))).toMatchObject({ ok: false });
    expect(judge((tr) => tr.delete(p + 1, p + 3))).toEqual({ ok: true });
  });

  it('refuses a change that splits a character into halves (Yjs writes each half as U+FFFD)', () => {
    Y.applyUpdate(
      server,
      editorChange(server, (tr) => tr.insert(at('丁'), schema.text('𠮷'))),
    );
    expect(judge((tr) => tr.addMark(at('𠮷'), at('𠮷') + 1, deleteMark(BOB)))).toMatchObject({ ok: false });
    expect(judge((tr) => tr.addMark(at('𠮷'), at('𠮷') + 2, deleteMark(BOB)))).toEqual({ ok: true });
  });

  it('refuses a suggestion mark forged in Yjs over existing text, and a text attribute', () => {
    const bob = { id: 'b9', author: BOB, createdAt: 1 };
    const forged = [
      rawChange(server, (body) => ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { 'suggestionInsert--AAAAAAAA': bob })),
      rawChange(server, (body) => ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '伪', { suggestionInsert: { ...bob, author: ALICE } })),
      rawChange(server, (body) => ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).setAttribute('x', 'y')),
      rawChange(server, (body) => (body.get(0) as Y.XmlElement).setAttribute('numbering', 'none')),
    ];
    for (const update of forged) expect(checkSuggestOnly(server, update, BOB).ok).toBe(false);
  });

  it('lets a change that deletes what the document does not have yet wait', () => {
    const ahead = clone(server);
    const p = (ahead.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const updates: Uint8Array[] = [];
    ahead.on('update', (u: Uint8Array) => updates.push(u));
    p.insert(0, '未到', { 'suggestionInsert--BBBBBBBB': { id: 'later', author: BOB, createdAt: 1 } });
    p.delete(0, 2);
    expect(checkSuggestOnly(server, updates[1], BOB)).toMatchObject({ ok: false, waits: true });
  });

  it('refuses what an editor may do when the sender may only suggest, and takes it in its author’s own suggestions', () => {
    const aliceWithdraws = editorChange(server, (tr) => tr.removeMark(at('她删'), at('她删') + 2, ALICE_DEL));
    expect(checkSuggestOnly(server, aliceWithdraws, ALICE)).toEqual({ ok: true });
    expect(checkSuggestOnly(server, aliceWithdraws, BOB).ok).toBe(false);
    expect(suggestionsIn(pmDoc(server), 'suggestionDelete', ALICE)).toHaveLength(1);
  });
});
