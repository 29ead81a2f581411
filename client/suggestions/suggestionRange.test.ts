import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { rangeOfSuggestion } from './suggestionRange.js';

const ins = (id: string) => ({ type: 'suggestionInsert', attrs: { id, author: 'li', createdAt: 1 } });
const text = (value: string, ...marks: object[]) => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const doc = (...content: object[]) => Node.fromJSON(schema, { type: 'doc', content });

describe('rangeOfSuggestion', () => {
  it('covers the marked text', () => {
    const d = doc(paragraph(text('ab'), text('cd', ins('s1')), text('ef')));
    expect(rangeOfSuggestion(d, 's1')).toEqual({ from: 3, to: 5 });
  });

  it('spans from its first block to its last', () => {
    const d = doc(paragraph(text('ab'), text('cd', ins('s1'))), paragraph(text('ef', ins('s1')), text('gh')));
    expect(rangeOfSuggestion(d, 's1')).toEqual({ from: 3, to: 9 });
  });

  it('is null for a suggestion that is gone', () => {
    expect(rangeOfSuggestion(doc(paragraph(text('ab'))), 's1')).toBeNull();
  });
});
