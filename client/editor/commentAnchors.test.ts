import { initProseMirrorDoc, prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { anchorOfRange, rangeOfAnchor, textRangeOf, type YBinding } from './commentAnchors.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const seed = () =>
  prosemirrorJSONToYDoc(
    schema,
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '工作总结' }] },
        paragraph('参政议政更主动'),
        paragraph('民主监督更有效'),
      ],
    },
    BODY_FRAGMENT,
  );

/** The editor's view of the Y.Doc as the binding keeps it: the document and the mapping. */
function view(doc: Y.Doc): { binding: YBinding; pm: ReturnType<typeof initProseMirrorDoc>['doc'] } {
  const type = doc.getXmlFragment(BODY_FRAGMENT);
  const { doc: pm, mapping } = initProseMirrorDoc(type, schema);
  return { binding: { doc, type, mapping }, pm };
}

function rangeOfText(pm: ReturnType<typeof initProseMirrorDoc>['doc'], needle: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  pm.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(needle) : -1;
    if (at >= 0 && !found) found = { from: pos + at, to: pos + at + needle.length };
  });
  if (!found) throw new Error(`no ${needle}`);
  return found;
}

/** Types just before or just after `needle`, as another member would. */
function typeBeside(doc: Y.Doc, needle: string, where: 'before' | 'after', text: string): void {
  const type = doc.getXmlFragment(BODY_FRAGMENT);
  for (const block of type.toArray()) {
    const inner = block instanceof Y.XmlElement ? block.get(0) : null;
    const at = inner instanceof Y.XmlText ? inner.toString().indexOf(needle) : -1;
    if (at >= 0) (inner as Y.XmlText).insert(where === 'before' ? at : at + needle.length, text);
  }
}

describe('comment anchors', () => {
  it('turns a selection into relative positions and back into the same range', () => {
    const doc = seed();
    const { binding, pm } = view(doc);
    const range = rangeOfText(pm, '议政');
    const anchor = anchorOfRange(binding, range)!;
    expect(rangeOfAnchor(binding, anchor, pm.content.size)).toEqual(range);
    expect(pm.textBetween(range.from, range.to)).toBe('议政');
  });

  it('follows the words when someone types just before and just after them, leaving what they type outside', () => {
    const doc = seed();
    const before = view(doc);
    const anchor = anchorOfRange(before.binding, rangeOfText(before.pm, '民主监督'))!;
    typeBeside(doc, '民主监督', 'before', '（二）');
    typeBeside(doc, '民主监督', 'after', '工作');
    const after = view(doc);
    const range = rangeOfAnchor(after.binding, anchor, after.pm.content.size)!;
    expect(after.pm.textBetween(range.from, range.to)).toBe('民主监督');
  });

  it('resolves a passage over two paragraphs', () => {
    const doc = seed();
    const { binding, pm } = view(doc);
    const range = { from: rangeOfText(pm, '更主动').from, to: rangeOfText(pm, '民主').to };
    const back = rangeOfAnchor(binding, anchorOfRange(binding, range)!, pm.content.size)!;
    expect(pm.textBetween(back.from, back.to, '\n')).toBe('更主动\n民主');
  });

  it('places nothing for positions it cannot resolve', () => {
    const { binding, pm } = view(seed());
    const other = view(seed());
    const foreign = anchorOfRange(other.binding, rangeOfText(other.pm, '议政'))!;
    expect(rangeOfAnchor(binding, foreign, pm.content.size)).toBeNull();
    expect(rangeOfAnchor(binding, { start: 'garbage', end: null }, pm.content.size)).toBeNull();
  });

  it('narrows a selection of whole paragraphs to their text', () => {
    const { pm } = view(seed());
    const first = rangeOfText(pm, '参政议政更主动');
    const second = rangeOfText(pm, '民主监督更有效');
    // from before the first paragraph to after the second, as a triple click or a drag would select
    expect(textRangeOf(pm, first.from - 1, second.to + 1)).toEqual({ from: first.from, to: second.to });
    expect(textRangeOf(pm, first.to, first.to + 1)).toBeNull();
  });
});
