import { Editor, type JSONContent } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaExtensions } from '../../shared/schema.js';
import { carriedMarksPlugin } from './CarriedMarks.js';

const LEAD = '一是加强学习。';
const GUIDE = '〔学习内容与讨论情况〕';
/** A template paragraph: a bold run-in lead, then guidance (shared/templates.ts). */
const leadParagraph = (rest: JSONContent[] = [{ type: 'text', text: GUIDE, marks: [{ type: 'guidance' }] }]): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text: LEAD, marks: [{ type: 'bold' }] }, ...rest],
});
/** Where the lead ends, in a document whose first block is the lead paragraph. */
const LEAD_END = 1 + LEAD.length;

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

/**
 * A headless editor (no view: commands act on its state) with the document's
 * schema. Tiptap adds the extensions' plugins to the state when it mounts a
 * view (the keymaps' want a browser); without one, this plugin is added alone.
 */
function editorWith(...blocks: JSONContent[]): Editor {
  const editor = new Editor({ extensions: schemaExtensions, content: { type: 'doc', content: blocks } });
  editor.registerPlugin(carriedMarksPlugin());
  editors.push(editor);
  return editor;
}

/** What Tiptap's Enter key runs (core keymap's handleEnter), without a view to send the key to. */
const pressEnter = (editor: Editor) =>
  editor.commands.first(({ commands }) => [
    () => commands.newlineInCode(),
    () => commands.createParagraphNear(),
    () => commands.liftEmptyBlock(),
    () => commands.splitBlock(),
  ]);

/** Typing, as ProseMirror inserts typed text: with the stored marks, else the marks at the caret. */
const type = (editor: Editor, text: string) => editor.view.dispatch(editor.state.tr.insertText(text));

/** The marks on the typed text, found by its characters. */
function marksOf(editor: Editor, text: string): string[] {
  let found: string[] | null = null;
  editor.state.doc.descendants((node) => {
    if (node.isText && node.text?.includes(text)) found = node.marks.map((mark) => mark.type.name);
  });
  if (!found) throw new Error(`"${text}" is not in the document`);
  return found;
}

const blockTypes = (editor: Editor) => editor.getJSON().content?.map((block) => (block.type === 'heading' ? `h${block.attrs?.level}` : block.type));

describe('carried marks: Enter', () => {
  it('starts the paragraph after a bold lead without bold', () => {
    const editor = editorWith(leadParagraph([]));
    editor.commands.setTextSelection(LEAD_END);
    pressEnter(editor);
    expect(editor.state.storedMarks).toBeNull();
    type(editor, '新段落');
    expect(blockTypes(editor)).toEqual(['paragraph', 'paragraph']);
    expect(marksOf(editor, '新段落')).toEqual([]);
    expect(marksOf(editor, LEAD)).toEqual(['bold']);
  });

  it('starts it without bold when the placeholder after the lead was selected (as a click selects it)', () => {
    const editor = editorWith(leadParagraph());
    editor.commands.setTextSelection({ from: LEAD_END, to: LEAD_END + GUIDE.length });
    pressEnter(editor);
    type(editor, '新段落');
    expect(marksOf(editor, '新段落')).toEqual([]);
  });

  it('starts it with the marks of the text it begins with when the caret was between the lead and the rest', () => {
    const editor = editorWith(leadParagraph([{ type: 'text', text: '已写的正文。' }]));
    editor.commands.setTextSelection(LEAD_END);
    pressEnter(editor);
    type(editor, '新');
    expect(marksOf(editor, '新')).toEqual([]);
    expect(editor.getText({ blockSeparator: '|' })).toBe(`${LEAD}|新已写的正文。`);
  });

  it('keeps bold going when Enter splits a bold run', () => {
    const editor = editorWith(leadParagraph([]));
    editor.commands.setTextSelection(1 + 2);
    pressEnter(editor);
    type(editor, '续');
    expect(marksOf(editor, '续')).toEqual(['bold']);
  });

  it('leaves a bold word typed inside a paragraph bold', () => {
    const editor = editorWith({ type: 'paragraph', content: [{ type: 'text', text: '正文' }] });
    editor.commands.setTextSelection(3);
    editor.commands.toggleBold();
    type(editor, '加粗');
    expect(marksOf(editor, '加粗')).toEqual(['bold']);
  });
});

describe('carried marks: headings', () => {
  it('gives a heading made from a new paragraph after a bold lead no bold', () => {
    const editor = editorWith(leadParagraph([]));
    editor.commands.setTextSelection(LEAD_END);
    pressEnter(editor);
    editor.commands.setHeading({ level: 2 });
    type(editor, '二、标题');
    expect(blockTypes(editor)).toEqual(['paragraph', 'h2']);
    expect(marksOf(editor, '二、标题')).toEqual([]);
  });

  it('drops bold, italic and underline from a paragraph made a heading, keeping guidance', () => {
    const editor = editorWith(
      leadParagraph([
        { type: 'text', text: '斜体', marks: [{ type: 'italic' }, { type: 'underline' }] },
        { type: 'text', text: GUIDE, marks: [{ type: 'guidance' }] },
      ]),
    );
    editor.commands.setTextSelection(LEAD_END);
    editor.commands.setHeading({ level: 2 });
    type(editor, '打字');
    expect(blockTypes(editor)).toEqual(['h2']);
    expect(marksOf(editor, LEAD)).toEqual([]);
    expect(marksOf(editor, '斜体')).toEqual([]);
    expect(marksOf(editor, '打字')).toEqual([]);
    expect(marksOf(editor, GUIDE)).toEqual(['guidance']);
  });

  it('also when the heading is made by its shortcut (toggleHeading) or by a bare block type change, as the "## " input rule makes it', () => {
    const toggled = editorWith(leadParagraph([]));
    toggled.commands.setTextSelection(LEAD_END);
    toggled.commands.toggleHeading({ level: 3 });
    expect(marksOf(toggled, LEAD)).toEqual([]);

    const typed = editorWith(leadParagraph([]));
    typed.commands.setTextSelection(1);
    typed.view.dispatch(typed.state.tr.setBlockType(1, 1, typed.schema.nodes.heading, { level: 2 }));
    expect(marksOf(typed, LEAD)).toEqual([]);
  });

  it('leaves the marks of a heading that changes level, and of other paragraphs', () => {
    const editor = editorWith(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '加粗的标题', marks: [{ type: 'bold' }] }] },
      leadParagraph([]),
    );
    editor.commands.setTextSelection(2);
    editor.commands.setHeading({ level: 3 });
    expect(blockTypes(editor)).toEqual(['h3', 'paragraph']);
    expect(marksOf(editor, '加粗的标题')).toEqual(['bold']);
    expect(marksOf(editor, LEAD)).toEqual(['bold']);
  });

  it('leaves a remote change (or a Yjs undo) as it was made', () => {
    const editor = editorWith(leadParagraph([]));
    editor.view.dispatch(editor.state.tr.setBlockType(1, 1, editor.schema.nodes.heading, { level: 2 }).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(blockTypes(editor)).toEqual(['h2']);
    expect(marksOf(editor, LEAD)).toEqual(['bold']);
  });
});
