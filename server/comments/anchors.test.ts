import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schema } from '../../shared/schema.js';
import { anchorOf, findQuote, resolveAnchor, resolveSelection, textOfRanges, type Anchor } from './anchors.js';

const para = (t: string): JSONContent => ({ type: 'paragraph', content: t ? [{ type: 'text', text: t }] : [] });

function docOf(...paragraphs: string[]): Y.Doc {
  return prosemirrorJSONToYDoc(schema, { type: 'doc', content: paragraphs.map(para) }, 'default');
}

/** Edits the document as the editor does: the new ProseMirror state, applied through the binding's diff. */
function setParagraphs(doc: Y.Doc, ...paragraphs: string[]): void {
  const next = Node.fromJSON(schema, { type: 'doc', content: paragraphs.map(para) });
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment('default'), next, { mapping: new Map(), isOMark: new Map() }));
}

/** Follows a thread through edits, as the server does after each change. */
class Thread {
  private offset: number | null = null;
  constructor(
    private readonly doc: Y.Doc,
    public anchor: Anchor,
    public quote: string,
  ) {
    this.now();
  }
  now(): string | null {
    const fragment = this.doc.getXmlFragment('default');
    const r = resolveAnchor(this.doc, fragment, this.anchor, { quote: this.quote, offset: this.offset }, Y.createDeleteSetFromStructStore(this.doc.store));
    if (r.state === 'orphaned') return null;
    this.anchor = r.anchor;
    this.quote = r.quote;
    this.offset = r.offset;
    return r.quote;
  }
}

function threadOn(doc: Y.Doc, quote: string): Thread {
  const ranges = findQuote(doc.getXmlFragment('default'), quote)!;
  return new Thread(doc, anchorOf(ranges), textOfRanges(ranges));
}

describe('comment anchors', () => {
  it('never touches the body text: the document stays plain', () => {
    const doc = docOf('二、服务发展更务实');
    threadOn(doc, '服务发展更务实');
    expect(doc.getXmlFragment('default').toString()).toBe('<paragraph>二、服务发展更务实</paragraph>');
  });

  it('finds the first occurrence of a quote, also across paragraphs, and nothing absent', () => {
    const doc = docOf('服务发展', '服务发展更务实');
    expect(textOfRanges(findQuote(doc.getXmlFragment('default'), '服务发展')!)).toBe('服务发展');
    expect(textOfRanges(findQuote(doc.getXmlFragment('default'), '发展\n服务')!)).toBe('发展\n服务');
    expect(findQuote(doc.getXmlFragment('default'), '不存在')).toBeNull();
  });

  it('stays on its words when text is typed before them, and grows with text typed inside', () => {
    const doc = docOf('一是围绕中心工作建言献策。');
    const thread = threadOn(doc, '围绕中心工作');
    setParagraphs(doc, '新一是围绕中心工作建言献策。');
    expect(thread.now()).toBe('围绕中心工作');
    setParagraphs(doc, '新一是新围绕中心工作建言献策。');
    expect(thread.now()).toBe('围绕中心工作');
    setParagraphs(doc, '新一是新围绕全镇中心工作建言献策。');
    expect(thread.now()).toBe('围绕全镇中心工作');
    setParagraphs(doc, '新一是新围绕全镇中心工作！建言献策。');
    expect(thread.now()).toBe('围绕全镇中心工作');
  });

  it('follows its words through a split before them, a split inside them and a join', () => {
    const doc = docOf('一是围绕中心工作建言献策。');
    const thread = threadOn(doc, '围绕中心工作');
    setParagraphs(doc, '一是', '围绕中心工作建言献策。');
    expect(thread.now()).toBe('围绕中心工作');
    setParagraphs(doc, '一是', '围绕中心', '工作建言献策。');
    expect(thread.now()).toBe('围绕中心\n工作');
    setParagraphs(doc, '一是围绕中心工作建言献策。');
    expect(thread.now()).toBe('围绕中心工作');
  });

  it('is orphaned when its whole passage is deleted, and never jumps to the same words elsewhere', () => {
    const doc = docOf('甲段：围绕中心工作', '乙段'.repeat(40), '丙段：围绕中心工作');
    const ranges = findQuote(doc.getXmlFragment('default'), '丙段：围绕中心工作')!;
    const thread = new Thread(doc, anchorOf([{ ...ranges[0], index: 3, length: 6 }]), '围绕中心工作');
    expect(thread.now()).toBe('围绕中心工作');
    // the third paragraph is split before the passage: the copy near it is chosen, not the first one
    setParagraphs(doc, '甲段：围绕中心工作', '乙段'.repeat(40), '丙段：', '围绕中心工作');
    expect(thread.now()).toBe('围绕中心工作');
    expect(thread.anchor).not.toEqual(anchorOf(findQuote(doc.getXmlFragment('default'), '围绕中心工作')!));
    // the passage is deleted: the same words in the first paragraph are another passage
    setParagraphs(doc, '甲段：围绕中心工作', '乙段'.repeat(40), '丙段：');
    expect(thread.now()).toBeNull();
  });

  it('anchors a selection given as relative positions, across paragraphs', () => {
    const doc = docOf('第一段文字', '第二段文字');
    const [first, second] = (doc.getXmlFragment('default').toArray() as Y.XmlElement[]).map((p) => p.get(0) as Y.XmlText);
    const ranges = resolveSelection(doc, doc.getXmlFragment('default'), {
      start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(first, 3)),
      end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(second, 2)),
    });
    expect(ranges && textOfRanges(ranges)).toBe('文字\n第二');
    expect(resolveSelection(doc, doc.getXmlFragment('default'), { start: { bogus: 1 }, end: null })).toBeNull();
  });
});
