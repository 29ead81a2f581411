import { Slice } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { HeadingNumbers, headingNumbersKey } from './HeadingNumbers.js';

const h = (text: string) => schema.nodes.heading.create({ level: 2 }, [schema.text(text)]);
const p = (text: string) => schema.nodes.paragraph.create(null, [schema.text(text)]);
const plugins = HeadingNumbers.config.addProseMirrorPlugins!.call({} as never);

/** The numbers shown, with where. */
const numbers = (state: EditorState) =>
  headingNumbersKey
    .getState(state)!
    .find()
    .map((d) => [d.from, (d.spec as { key: string }).key]);
/** The numbers as a fresh reading of the document places them. */
const fresh = (state: EditorState) => numbers(EditorState.create({ doc: state.doc, plugins }));

describe('HeadingNumbers', () => {
  const doc = schema.nodes.doc.create(null, [h('参政议政'), p('导语'), h('服务发展'), p('正文'), h('委员活动')]);
  const start = EditorState.create({ doc, plugins });

  it('moves the numbers with typing in a paragraph, without reading the document again', () => {
    const typed = start.apply(start.tr.insertText('更长', 8));
    expect(numbers(typed)).toEqual(fresh(typed));
    expect(numbers(typed).map(([, key]) => key)).toEqual(['2:一、', '2:二、', '2:三、']);
  });

  it('keeps every number when a change replaces a stretch holding the same headings (as the binding does for others’ typing)', () => {
    // paragraphs 1 and 3 changed; the binding replaces blocks 1–3 with the heading between them the same node
    const from = doc.child(0).nodeSize;
    const to = from + doc.child(1).nodeSize + doc.child(2).nodeSize + doc.child(3).nodeSize;
    const replaced = start.apply(start.tr.replace(from, to, new Slice(schema.nodes.doc.create(null, [p('导语改'), doc.child(2), p('正文改')]).content, 0, 0)));
    expect(replaced.doc.child(2)).toBe(doc.child(2));
    expect(numbers(replaced)).toEqual(fresh(replaced));
    expect(numbers(replaced)).toHaveLength(3);
  });
});
