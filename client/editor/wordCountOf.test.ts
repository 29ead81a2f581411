import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { settledWordCountOf, wordCountOf } from './wordCountOf.js';

const docOf = (text: string) => schema.node('doc', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])]);

describe('字数', () => {
  it('counts a document as Word does', () => {
    expect(wordCountOf(docOf('政协委员 Yigao 2026'))).toBe(6);
  });

  it('counts the agreed text: a proposed insertion not until accepted, a proposed deletion until then', () => {
    const attrs = (id: string) => ({ id, author: 'wang', createdAt: 1000 });
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [
        schema.text('政协'),
        schema.text('委员', [schema.marks.suggestionInsert.create(attrs('s1'))]),
        schema.text('履职', [schema.marks.suggestionDelete.create(attrs('s2'))]),
      ]),
    ]);
    expect(wordCountOf(doc)).toBe(4);
  });

  it('leaves out pinyin still being composed, and counts the committed hanzi', () => {
    const view = { composing: false, state: EditorState.create({ doc: docOf('政协') }) };
    expect(settledWordCountOf(view)).toBe(2);
    view.composing = true;
    view.state = EditorState.create({ doc: docOf('政协ren min') });
    expect(settledWordCountOf(view)).toBe(2);
    view.composing = false;
    view.state = EditorState.create({ doc: docOf('政协人民') });
    expect(settledWordCountOf(view)).toBe(4);
  });
});
