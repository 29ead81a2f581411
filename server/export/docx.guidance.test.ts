// exportDocx: guidance placeholders: highlighted, or left out.
import { describe, expect, it } from 'vitest';
import { guidancePlaceholders } from '../../shared/placeholders.js';
import { templateContent } from '../../shared/templates.js';
import { documentTexts } from './documentTexts.js';
import { W, exported, paragraphs, highlight, comment, commentedText } from './testing/docxQuery.js';
import { approvedSummary, SUMMARY_TITLE, summaryTemplate } from './testing/fixtures.js';
import { find, findAll, wordText } from './testing/xml.js';

describe('exportDocx: guidance', async () => {
  const { body } = await exported(approvedSummary(summaryTemplate()));
  const runs = findAll(body, W('r')).filter((r) => find(r, W('t')));

  it('highlights every unfilled placeholder in yellow, its text unchanged, and nothing else', () => {
    const highlighted = runs.filter((run) => highlight(run) === 'yellow').map(wordText);
    expect(highlighted).toEqual(guidancePlaceholders(summaryTemplate()));
    expect(runs.filter((run) => highlight(run) !== undefined && highlight(run) !== 'yellow')).toEqual([]);
  });
});

describe('exportDocx: guidance left out', async () => {
  const content = templateContent('year-end-summary-three-part', SUMMARY_TITLE);
  const text = documentTexts(content).join('\n');
  const passage = (from: string, to: string) => comment(text.indexOf(from), text.indexOf(to) + to.length);
  const comments = [passage('政协联工委在县政协', '精心指导'), passage('提升委员履职能力', '围绕中心服务大局'), passage('〔实事求是', '不足〕')];
  const { body } = await exported({ ...approvedSummary(content), guidance: 'omit', comments, signature: null });
  const texts = paragraphs(body).map(wordText);

  it('writes no placeholder and highlights nothing', () => {
    expect(texts.join('')).not.toContain('〔');
    expect(findAll(body, W('highlight'))).toEqual([]);
  });

  it('keeps the text around the guidance, and drops a paragraph that held only guidance', () => {
    expect(texts).toContain('年，政协联工委在县政协的精心指导和镇党委的坚强领导下，。现将一年来工作总结如下：');
    expect(texts).toContain('1. ');
    const first = texts.indexOf('（一）加强思想政治引领，提升委员履职能力');
    expect(texts[first + 1]).toBe('（二）围绕中心服务大局，积极协商议政');
    expect(texts.filter((t) => t.trim() === '')).toEqual([]);
  });

  it('keeps each comment on its words', () => {
    const covered = commentedText(body);
    expect(covered.get('0')).toBe('政协联工委在县政协的精心指导');
    expect(covered.get('1')).toBe('提升委员履职能力\n（二）围绕中心服务大局');
    expect(covered.get('2')).toBe(''); // its words were guidance
  });
});
