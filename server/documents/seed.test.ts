import { Node } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schema } from '../../shared/schema.js';
import { sectionsOf } from '../../shared/sections.js';
import { TEMPLATE_IDS, templateContent } from '../../shared/templates.js';
import { seedState } from './seed.js';
import { plainText, renderContent } from './renderContent.js';

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

describe('seeding from templates', () => {
  it.each(TEMPLATE_IDS)('round-trips the %s template: JSON → Yjs → JSON is equal', (id) => {
    const json = templateContent(id, '2026年政协联工委工作总结');
    const back = yXmlFragmentToProsemirrorJSON(docFrom(seedState(id, '2026年政协联工委工作总结')).getXmlFragment('default'));
    // each section heading has an id of its own (分工); the template's have none
    const sectionIds = (back.content as { attrs?: Record<string, unknown> }[]).flatMap((b) => (b.attrs?.sectionId ? [b.attrs.sectionId] : []));
    expect(new Set(sectionIds).size).toBe(sectionsOf(Node.fromJSON(schema, json)).length);
    for (const block of back.content as { attrs?: Record<string, unknown> }[]) delete block.attrs?.sectionId;
    // normalise both through the schema: marks come back with attrs and keys in another order
    expect(Node.fromJSON(schema, back).toJSON()).toEqual(Node.fromJSON(schema, json).toJSON());
  });

  it('puts the document title in the title heading, or guidance when there is none', () => {
    const titled = renderContent(docFrom(seedState('year-end-summary', '菜花坪镇2026年工作总结')).getXmlFragment('default'));
    expect(titled.text.split('\n')[0]).toBe('菜花坪镇2026年工作总结');
    const untitled = Node.fromJSON(schema, templateContent('year-end-summary'));
    expect(plainText(untitled).split('\n')[0]).toBe('〔镇名〕政协联工委〔年份〕年工作总结');
  });

  it('marks every 〔…〕 placeholder of the skeleton as guidance, and nothing else', () => {
    const node = Node.fromJSON(schema, templateContent('year-end-summary', '标题'));
    node.descendants((child) => {
      if (!child.isText) return;
      const isGuidance = child.marks.some((m) => m.type.name === 'guidance');
      expect(isGuidance).toBe(/^〔.*〕$/.test(child.text!));
    });
  });
});

describe('rendering content', () => {
  it('drops node types the schema does not know instead of failing', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('<b>正文</b>')]);
    fragment.insert(0, [script, p]);
    const content = renderContent(fragment);
    expect(content.text).toBe('<b>正文</b>');
    expect(content.html).toBe('<p>&lt;b&gt;正文&lt;/b&gt;</p>');
  });
});
