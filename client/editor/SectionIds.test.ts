import { Editor, type JSONContent } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaExtensions } from '../../shared/schema.js';
import { SECTION_ID_PATTERN } from '../../shared/SectionIdentity.js';
import { sectionIdsPlugin } from './SectionIds.js';

const A = 'AAAAAAAAAAAAAAAA';
const B = 'BBBBBBBBBBBBBBBB';

const heading = (level: number, text: string, sectionId: string | null = null): JSONContent => ({
  type: 'heading',
  attrs: { level, sectionId },
  content: text ? [{ type: 'text', text }] : undefined,
});
const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

/** A headless editor with the document's schema and this plugin alone (see CarriedMarks.test.ts). */
function editorWith(blocks: JSONContent[], editable = true): Editor {
  const editor = new Editor({ extensions: schemaExtensions, content: { type: 'doc', content: blocks } });
  editor.registerPlugin(sectionIdsPlugin(() => editable));
  editors.push(editor);
  return editor;
}

/** The section headings' texts and ids, in order. */
function headings(editor: Editor): { text: string; id: string | null }[] {
  const found: { text: string; id: string | null }[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'heading' && [2, 3].includes(node.attrs.level as number))
      found.push({ text: node.textContent, id: node.attrs.sectionId as string | null });
  });
  return found;
}

/** Where `text` starts in the document. */
function posOf(editor: Editor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
  });
  if (found < 0) throw new Error(`no ${text}`);
  return found;
}

describe('section ids', () => {
  it('gives a heading written as a section (一、 or （一）) a fresh id, and leaves other levels alone', () => {
    const editor = editorWith([paragraph('正文一'), paragraph('正文二'), paragraph('正文三')]);
    editor.chain().setTextSelection(posOf(editor, '正文一')).setNode('heading', { level: 2 }).run();
    editor.chain().setTextSelection(posOf(editor, '正文二')).setNode('heading', { level: 3 }).run();
    editor.chain().setTextSelection(posOf(editor, '正文三')).setNode('heading', { level: 4 }).run();
    const [first, second] = headings(editor);
    expect(first.id).toMatch(SECTION_ID_PATTERN);
    expect(second.id).toMatch(SECTION_ID_PATTERN);
    expect(first.id).not.toBe(second.id);
    let level4: unknown = 'unset';
    editor.state.doc.forEach((node) => {
      if (node.attrs.level === 4) level4 = node.attrs.sectionId;
    });
    expect(level4).toBeNull();
  });

  it('keeps the first part’s id when a heading is split in the middle; the second part gets a fresh one', () => {
    const editor = editorWith([heading(2, '工作回顾与展望', A), paragraph('正文')]);
    editor.chain().setTextSelection(posOf(editor, '与展望')).splitBlock().run();
    const [first, second] = headings(editor);
    expect(first).toEqual({ text: '工作回顾', id: A });
    expect(second.text).toBe('与展望');
    expect(second.id).toMatch(SECTION_ID_PATTERN);
    expect(second.id).not.toBe(A);
  });

  it('gives a pasted copy of a heading a fresh id, before or after the original', () => {
    const editor = editorWith([heading(2, '一项工作', A), paragraph('正文')]);
    const copy = new Slice(editor.state.doc.slice(0, editor.state.doc.firstChild!.nodeSize).content, 0, 0);
    // after the paragraph, then before the original
    editor.view.dispatch(editor.state.tr.replace(editor.state.doc.content.size, editor.state.doc.content.size, copy));
    editor.view.dispatch(editor.state.tr.replace(0, 0, copy));
    const list = headings(editor);
    expect(list.map((h) => h.text)).toEqual(['一项工作', '一项工作', '一项工作']);
    expect(list[1].id).toBe(A);
    expect(list[0].id).toMatch(SECTION_ID_PATTERN);
    expect(list[2].id).toMatch(SECTION_ID_PATTERN);
    expect(new Set(list.map((h) => h.id)).size).toBe(3);
  });

  it('keeps the id of a heading moved by cut and paste, in one edit or two', () => {
    const editor = editorWith([heading(2, '甲', A), paragraph('正文'), heading(2, '乙', B)]);
    const size = editor.state.doc.firstChild!.nodeSize;
    const cut = editor.state.doc.slice(0, size);
    editor.view.dispatch(editor.state.tr.delete(0, size));
    editor.view.dispatch(editor.state.tr.replace(editor.state.doc.content.size, editor.state.doc.content.size, cut));
    expect(headings(editor)).toEqual([
      { text: '乙', id: B },
      { text: '甲', id: A },
    ]);
    // a drag: the cut and the paste in one transaction
    // 乙 moved to the end
    const at = editor.state.doc.firstChild!.nodeSize;
    const moved = editor.state.doc.child(1);
    const tr = editor.state.tr.delete(at, at + moved.nodeSize);
    tr.insert(tr.doc.content.size, moved);
    editor.view.dispatch(tr);
    expect(headings(editor)).toEqual([
      { text: '甲', id: A },
      { text: '乙', id: B },
    ]);
  });

  it('keeps the surviving heading’s id when two headings are joined', () => {
    const editor = editorWith([heading(2, '甲', A), heading(2, '乙', B)]);
    const start = posOf(editor, '乙');
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, start)));
    editor.commands.joinBackward();
    expect(headings(editor)).toEqual([{ text: '甲乙', id: A }]);
  });

  it('leaves changes from Yjs (others’ edits, undo) and a read-only editor alone', () => {
    const editor = editorWith([paragraph('正文')]);
    const tr = editor.state.tr.insert(0, editor.schema.nodeFromJSON(heading(2, '别人写的')));
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    editor.view.dispatch(tr);
    expect(headings(editor)).toEqual([{ text: '别人写的', id: null }]);

    const readonly = editorWith([paragraph('正文')], false);
    readonly.view.dispatch(readonly.state.tr.insert(0, readonly.schema.nodeFromJSON(heading(2, '标题'))));
    expect(headings(readonly)).toEqual([{ text: '标题', id: null }]);
  });

  it('does not change a duplicate it did not make', () => {
    const editor = editorWith([heading(2, '甲', A), heading(2, '甲', A), paragraph('正文')]);
    editor.view.dispatch(editor.state.tr.insertText('字', posOf(editor, '正文')));
    expect(headings(editor).map((h) => h.id)).toEqual([A, A]);
  });
});
