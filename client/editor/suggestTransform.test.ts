// 修订 in the editor: what a member does while suggesting becomes their
// suggestions, and every change it makes is one the server takes from
// someone who may only suggest (checkSuggestOnly, the server's own rule, is
// the oracle: each result is written into Yjs as the binding writes it).
import type { JSONContent } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkSuggestOnly } from '../../server/collab/suggestionRules.js';
import { ALICE, BOB, clone, docFromJSON, positionOf } from '../../server/collab/suggestionTestFixtures.js';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { listSuggestions } from '../../shared/suggestions.js';
import { suggestModeKey, suggestModePlugin, type SuggestRefusal } from './SuggestMode.js';
import { deleteBlockwise } from './suggestTransform.js';

const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const START: JSONContent = { type: 'doc', content: [para(text('全年召开协商议事会议六次。')), para(text('围绕乡村振兴开展视察调研。'))] };

interface Suggester {
  state: EditorState;
  refused: SuggestRefusal[];
  /** Applies what the member does (ProseMirror's own transaction) and returns the state after it, with what the plugin added. */
  act: (make: (state: EditorState) => Transaction) => EditorState;
}

/** A member suggesting in a copy of `doc`. */
function suggester(doc: Node, author = ALICE): Suggester {
  let ids = 0;
  const refused: SuggestRefusal[] = [];
  const plugin = suggestModePlugin({ author, onRefused: (r) => refused.push(r), now: () => 1_765_000_000_000, newId: () => `${author}-${++ids}` });
  const created = EditorState.create({ schema, doc, plugins: [plugin] });
  const self: Suggester = {
    state: created.apply(created.tr.setMeta(suggestModeKey, { suggesting: true })),
    refused,
    act(make) {
      self.state = self.state.apply(make(self.state));
      return self.state;
    },
  };
  return self;
}

/** The server's verdict on the change from `before` to `after`, written as the editor's binding writes it. */
function serverVerdict(server: Y.Doc, after: Node, author: string) {
  const client = clone(server);
  const fragment = client.getXmlFragment(BODY_FRAGMENT);
  const { meta } = initProseMirrorDoc(fragment, schema);
  client.transact(() => updateYFragment(client, fragment, after, meta));
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  return { verdict: checkSuggestOnly(server, update, author), update };
}

const at = (state: EditorState, needle: string, offset = 0) => positionOf(state.doc, needle) + offset;
const caret = (state: EditorState, pos: number) => state.tr.setSelection(TextSelection.create(state.doc, pos));
const typeAt = (pos: number, t: string) => (state: EditorState) => caret(state, pos).insertText(t);
/** Backspace with the caret at `pos`: the caret is put there first, as a key press finds it. */
const backspace = (s: Suggester, pos: number) => {
  s.act((state) => caret(state, pos));
  return s.act((state) => state.tr.delete(pos - 1, pos));
};

describe('suggesting in the editor', () => {
  it('marks typed text as one insertion of the member, continued as they type on', () => {
    const s = suggester(schema.nodeFromJSON(START));
    const pos = at(s.state, '六次');
    s.act(typeAt(pos, '共'));
    s.act(typeAt(pos + 1, '计'));
    expect(listSuggestions(s.state.doc)).toEqual([{ id: 'alice-1', author: ALICE, kind: 'insert', text: '共计', createdAt: 1_765_000_000_000 }]);
    expect(s.state.doc.textContent).toContain('召开协商议事会议共计六次');
  });

  it('keeps deleted text struck through, the caret before it so that Backspace strikes on leftwards', () => {
    const s = suggester(schema.nodeFromJSON(START));
    const end = at(s.state, '六次', 2);
    backspace(s, end);
    expect(s.state.selection.from).toBe(end - 1);
    backspace(s, end - 1);
    expect(listSuggestions(s.state.doc)).toEqual([expect.objectContaining({ kind: 'delete', text: '六次', id: 'alice-1' })]);
    expect(s.state.doc.textContent).toContain('会议六次。');
    expect(s.state.selection.from).toBe(end - 2);
  });

  it('replaces selected text as a deletion followed by an insertion', () => {
    const s = suggester(schema.nodeFromJSON(START));
    const from = at(s.state, '六次');
    s.act((state) => state.tr.setSelection(TextSelection.create(state.doc, from, from + 2)).insertText('七次'));
    expect(listSuggestions(s.state.doc).map(({ kind, text }) => [kind, text])).toEqual([
      ['delete', '六次'],
      ['insert', '七次'],
    ]);
    expect(s.state.doc.textContent).toContain('会议六次七次。');
  });

  it('withdraws its own insertion by deleting it, but strikes another member’s', () => {
    const s = suggester(schema.nodeFromJSON(START));
    const pos = at(s.state, '六次');
    s.act(typeAt(pos, '共计'));
    s.act((state) => state.tr.delete(pos, pos + 2));
    expect(listSuggestions(s.state.doc)).toEqual([]);
    expect(s.state.doc.textContent).toContain('会议六次。');

    const bob = suggester(s.state.doc, BOB);
    bob.act(typeAt(pos, '共计'));
    const alice = suggester(bob.state.doc);
    alice.act((state) => state.tr.delete(pos, pos + 2));
    expect(listSuggestions(alice.state.doc).map(({ author, kind }) => [author, kind])).toEqual([
      [BOB, 'insert'],
      [ALICE, 'delete'],
    ]);
  });

  it('proposes formatting instead of applying it, but formats its own insertion directly', () => {
    const s = suggester(schema.nodeFromJSON(START));
    const from = at(s.state, '乡村振兴');
    s.act((state) => state.tr.addMark(from, from + 4, schema.marks.bold.create()));
    expect(s.state.doc.rangeHasMark(from, from + 4, schema.marks.bold)).toBe(false);
    expect(listSuggestions(s.state.doc)).toEqual([expect.objectContaining({ kind: 'format', text: '乡村振兴' })]);

    const pos = at(s.state, '六次');
    s.act(typeAt(pos, '共计'));
    s.act((state) => state.tr.addMark(pos, pos + 2, schema.marks.bold.create()));
    expect(s.state.doc.rangeHasMark(pos, pos + 2, schema.marks.bold)).toBe(true);
  });

  it('does not split, join or restyle paragraphs, and says why', () => {
    const s = suggester(schema.nodeFromJSON(START));
    const before = s.state.doc;
    s.act((state) => state.tr.split(at(state, '六次')));
    const joint = s.state.doc.child(0).nodeSize;
    s.act((state) => state.tr.delete(joint - 1, joint + 1));
    s.act((state) => state.tr.setBlockType(1, 2, schema.nodes.heading, { level: 2 }));
    s.act((state) => state.tr.addMark(3, 5, schema.marks.link.create({ href: 'https://example.org' })));
    s.act((state) => state.tr.insert(3, schema.nodes.hardBreak.create()));
    expect(s.state.doc.eq(before)).toBe(true);
    expect(s.refused).toEqual(['structure', 'structure', 'structure', 'format', 'structure']);
  });

  it('strikes a selection across paragraphs through, paragraph by paragraph', () => {
    const s = suggester(schema.nodeFromJSON(START));
    s.act((state) => state.tr.setSelection(TextSelection.create(state.doc, at(state, '六次'), at(state, '乡村'))));
    s.act((state) => deleteBlockwise(state) ?? state.tr);
    expect(s.state.doc.childCount).toBe(2);
    expect(listSuggestions(s.state.doc)).toEqual([expect.objectContaining({ kind: 'delete', text: '六次。\n围绕' })]);
    expect(s.refused).toEqual([]);
  });

  it('types inside a placeholder as a suggestion: the typed words never guidance, others’ guidance kept', () => {
    const server = docFromJSON({ type: 'doc', content: [para(text('〔年份〕', [{ type: 'guidance' }]), text('年，我镇政协联工委……'))] });
    const s = suggester(initProseMirrorDoc(server.getXmlFragment(BODY_FRAGMENT), schema).doc);
    // the caret inside the placeholder (a second click): typed text takes the guidance around it
    const inside = at(s.state, '份');
    s.act((state) => caret(state, inside));
    s.act((state) => state.tr.insertText('2026'));
    expect(s.state.doc.rangeHasMark(inside, inside + 4, schema.marks.guidance)).toBe(true);
    // what GuidanceEditing does next: the typed words are written text
    s.act((state) => state.tr.removeMark(inside, inside + 4, schema.marks.guidance));
    expect(s.state.doc.rangeHasMark(inside, inside + 4, schema.marks.guidance)).toBe(false);
    expect(listSuggestions(s.state.doc).map(({ kind, text }) => `${kind}:${text}`)).toEqual(['insert:2026']);
    expect(serverVerdict(server, s.state.doc, ALICE).verdict).toEqual({ ok: true });
    // but others' text keeps its marks: that would be a change, not a suggestion
    s.act((state) => state.tr.removeMark(at(state, '〔年'), at(state, '〔年', 2), schema.marks.guidance));
    expect(s.refused).toEqual(['format']);
  });

  it('leaves editing alone when 修订 is off', () => {
    const s = suggester(schema.nodeFromJSON(START));
    s.state = s.state.apply(s.state.tr.setMeta(suggestModeKey, { suggesting: false }));
    s.act((state) => state.tr.split(at(state, '六次')));
    expect(s.state.doc.childCount).toBe(3);
    expect(listSuggestions(s.state.doc)).toEqual([]);
  });

  it('makes only changes the server takes from someone who may only suggest', () => {
    const server = docFromJSON(START);
    const doc = initProseMirrorDoc(server.getXmlFragment(BODY_FRAGMENT), schema).doc;
    const edits: ((s: EditorState) => Transaction)[] = [
      (s) => typeAt(at(s, '六次'), '共计')(s),
      (s) => s.tr.delete(at(s, '调研', 1), at(s, '调研', 2)),
      (s) => s.tr.setSelection(TextSelection.create(s.doc, at(s, '乡村'), at(s, '乡村', 2))).insertText('农村'),
      (s) => s.tr.addMark(at(s, '协商'), at(s, '协商', 2), schema.marks.italic.create()),
      (s) => s.tr.delete(at(s, '共计'), at(s, '共计', 1)),
    ];
    const s = suggester(doc);
    for (const edit of edits) {
      const after = s.act(edit).doc;
      const { verdict, update } = serverVerdict(server, after, ALICE);
      expect(verdict).toEqual({ ok: true });
      Y.applyUpdate(server, update);
    }
  });
});
