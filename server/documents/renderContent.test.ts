import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { renderContent } from './renderContent.js';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string);
  el.insert(0, children);
  return el;
}

describe('renderContent of structure the schema does not allow', () => {
  it('mends only the nodes that do not fit, keeping the rest as it is', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [
      element('heading', [new Y.XmlText('一、标题')], { level: 2 }),
      // a cell outside any table: wrapped in a table
      element('tableCell', [element('paragraph', [new Y.XmlText('游离的单元格')])]),
      // an empty quote: filled with an empty paragraph
      element('blockquote'),
      element('bulletList', [element('listItem', [element('paragraph', [new Y.XmlText('要点')])])]),
    ]);
    const { json: rendered, text } = renderContent(doc.getXmlFragment(BODY_FRAGMENT));
    const json = rendered as JSONContent;
    expect(json.content?.map((node) => node.type)).toEqual(['heading', 'table', 'blockquote', 'bulletList']);
    expect(json.content?.[0].attrs?.level).toBe(2);
    expect(text).toBe('一、标题\n游离的单元格\n\n要点');
  });
});
