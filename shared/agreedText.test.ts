import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { editedDoc, randomDoc } from '../tests/helpers/randomDocs.js';
import { agreedTextBetween } from './agreedText.js';
import { mulberry32 } from './random.js';
import { schema } from './schema.js';
import { agreedDoc } from './suggestions.js';

const mark = (type: string, id: string, author: string) => ({ type, attrs: { id, author, createdAt: 1000 } });
const t = (text: string, ...marks: object[]) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) });
const p = (...content: object[]) => ({ type: 'paragraph', content });
const doc = (...content: object[]) => Node.fromJSON(schema, { type: 'doc', content });

describe('agreedTextBetween', () => {
  it('leaves out proposed insertions and keeps proposed deletions', () => {
    const d = doc(p(t('政协'), t('委员', mark('suggestionInsert', 's1', 'wang')), t('履职')), p(t('不再', mark('suggestionDelete', 's2', 'li')), t('建言')));
    expect(agreedTextBetween(d, 0, d.content.size, '\n')).toBe('政协履职\n不再建言');
  });

  it('keeps the separator of a block holding nothing but a proposed insertion', () => {
    const d = doc(p(t('一')), p(t('新段落', mark('suggestionInsert', 's1', 'wang'))), p(t('二')));
    expect(agreedTextBetween(d, 0, d.content.size, '\n')).toBe('一\n\n二');
  });

  it('reads as the agreed document does, on random documents with suggestions', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = mulberry32(seed);
      const d = editedDoc(rng, randomDoc(rng));
      const agreed = agreedDoc(d);
      expect(agreedTextBetween(d, 0, d.content.size, '\n', '\n')).toBe(agreed.textBetween(0, agreed.content.size, '\n', '\n'));
    }
  });
});
