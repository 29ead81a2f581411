import { describe, expect, it } from 'vitest';
import { templateContent } from '../../shared/templates.js';
import { unfilledPlaceholders } from './placeholders.js';

describe('unfilledPlaceholders', () => {
  it('lists every guidance placeholder of the template once', () => {
    const found = unfilledPlaceholders(templateContent('year-end-summary', '标题'));
    expect(found[0]).toBe('〔年份〕');
    expect(found).toContain('〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕');
    expect(found.length).toBe(18);
  });
  it('also finds 〔…〕 typed or pasted as ordinary text, and nothing in filled text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '2026年，〔镇名〕政协联工委……' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '全部写完了。' }] },
      ],
    };
    expect(unfilledPlaceholders(doc)).toEqual(['〔镇名〕']);
  });
});
