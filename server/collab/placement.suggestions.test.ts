// Placement: the suggestion (修订) marks are taken as the editor's binding
// writes them, and refused with absurd attributes.
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { clone, problemsOf, verdict } from './placementTestFixtures.js';

const attrs = { id: 's1', author: 'alice', createdAt: 1_765_000_000_000 };

/** The verdict on formatting the text of a one-paragraph document with `format`. */
function formatted(format: Record<string, unknown>): string {
  const base = new Y.Doc();
  const text = new Y.XmlText('会议于周五召开');
  base.transact(() => {
    const p = new Y.XmlElement('paragraph');
    base.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
    p.insert(0, [text]);
  });
  const server = clone(base);
  const before = Y.encodeStateVector(base);
  text.format(2, 3, format);
  return verdict(Y.encodeStateAsUpdate(base, before), server);
}

describe('placement: suggestion marks', () => {
  it('takes a document with every kind of suggestion as the binding writes it', () => {
    const doc = Node.fromJSON(schema, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '会议' },
            { type: 'text', text: '于周五', marks: [{ type: 'suggestionDelete', attrs: { ...attrs, id: 'd' } }] },
            { type: 'text', text: '在村委会', marks: [{ type: 'suggestionInsert', attrs }] },
            {
              type: 'text',
              text: '新',
              marks: [
                { type: 'suggestionInsert', attrs },
                { type: 'suggestionDelete', attrs: { ...attrs, id: 'b', author: 'bob' } },
              ],
            },
            { type: 'text', text: '召开', marks: [{ type: 'suggestionFormat', attrs: { ...attrs, id: 'f', add: ['bold'], remove: ['italic'] } }] },
          ],
        },
      ],
    });
    const ydoc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, doc.toJSON(), ydoc.getXmlFragment(BODY_FRAGMENT));
    const server = new Y.Doc();
    expect(verdict(Y.encodeStateAsUpdate(ydoc), server)).toBe('taken');
    expect(problemsOf(server)).toEqual([]);
  });

  it('takes sane attributes', () => {
    expect(formatted({ suggestionInsert: attrs })).toBe('taken');
    expect(formatted({ suggestionDelete: attrs })).toBe('taken');
    expect(formatted({ suggestionFormat: { ...attrs, add: ['bold', 'underline'], remove: [] } })).toBe('taken');
    expect(formatted({ 'suggestionInsert--AbCd1234': attrs })).toBe('taken');
  });

  it('refuses absurd ones', () => {
    expect(formatted({ suggestionInsert: { ...attrs, author: 'a'.repeat(100_000) } }), 'a 100 KB author').toBe('a value suggestionInsert.author cannot take');
    expect(formatted({ suggestionDelete: { ...attrs, id: '' } }), 'no id').toBe('a value suggestionDelete.id cannot take');
    expect(formatted({ suggestionDelete: { ...attrs, id: 'x'.repeat(65) } }), 'a long id').toBe('a value suggestionDelete.id cannot take');
    expect(formatted({ suggestionInsert: { ...attrs, createdAt: 1e300 } }), 'a time past all times').toBe('a value suggestionInsert.createdAt cannot take');
    expect(formatted({ suggestionInsert: { ...attrs, createdAt: 'soon' } }), 'a time in words').toBe('a value suggestionInsert.createdAt cannot take');
    expect(formatted({ suggestionInsert: { ...attrs, author: { name: 'x' } } }), 'an object for an author').toBe('a value suggestionInsert.author cannot take');
    expect(formatted({ suggestionFormat: { ...attrs, add: ['link'], remove: [] } }), 'a link as formatting').toBe('a value suggestionFormat.add cannot take');
    expect(formatted({ suggestionFormat: { ...attrs, add: Array(1000).fill('bold'), remove: [] } }), 'a thousand bolds').toBe(
      'a value suggestionFormat.add cannot take',
    );
    expect(formatted({ suggestionInsert: {} }), "nobody's insertion").toBe('a suggestionInsert without its id');
    expect(formatted({ suggestionDelete: { id: 'x', createdAt: 1 } }), "nobody's deletion").toBe('a suggestionDelete without its author');
    expect(formatted({ suggestionInsert: { ...attrs, add: ['bold'] } }), 'a format list on an insertion').toBe('an attribute suggestionInsert does not have');
  });
});
