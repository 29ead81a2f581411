// exportDocx: comments: ranges around their passages, references, the comments part.
import { describe, expect, it } from 'vitest';
import { documentTexts } from './documentTexts.js';
import { W, attr, exported, paragraphs, textblockTexts, comment, commentedText } from './testing/docxQuery.js';
import { approvedSummary, filledSummary, richDocument, SUMMARY_TITLE } from './testing/fixtures.js';
import { findAll, wordText } from './testing/xml.js';

describe('exportDocx: comments', async () => {
  const content = filledSummary();
  const text = documentTexts(content).join('\n');
  const at = (passage: string) => text.indexOf(passage);
  const within = at('围绕中心工作建言献策');
  const across = at('现将一年来的工作总结如下：');
  const comments = [
    comment(within, within + '围绕中心工作建言献策'.length, {
      body: '建议改为“围绕中心大局”\n第二段意见',
      replies: [{ author: '李主任', date: new Date('2026-12-02T01:00:00Z'), body: '同意' }],
    }),
    comment(across, at('参政议政更主动') + '参政议政'.length),
    comment(within, within), // collapsed
    comment(at('一是'), at('一是') + 2), // a bold run, cut
  ];
  const { parts, body } = await exported({ ...approvedSummary(content), comments });
  const covered = commentedText(body);

  it('marks each passage with a range around exactly its text', () => {
    expect(covered.get('0')).toBe('围绕中心工作建言献策');
    expect(covered.get('1')).toBe('现将一年来的工作总结如下：\n一、参政议政');
    expect(covered.get('2')).toBe('');
    expect(covered.get('3')).toBe('一是');
  });

  it('puts a reference run after each range end', () => {
    const xml = JSON.stringify(body);
    for (const id of ['0', '1', '2', '3']) {
      const end = xml.indexOf(`"w:commentRangeEnd","attrs":{"w:id":"${id}"}`);
      const reference = xml.indexOf(`"w:commentReference","attrs":{"w:id":"${id}"}`);
      expect(end).toBeGreaterThan(-1);
      expect(reference).toBeGreaterThan(end);
    }
  });

  it('keeps the document text unchanged around the marks', () => {
    expect(paragraphs(body).map(wordText).filter(Boolean)).toEqual([...textblockTexts(content).filter(Boolean), '青山镇政协联工委', '2026年12月20日']);
  });

  it('writes author, date, body and replies in the comments part', async () => {
    const xml = await parts.xml('word/comments.xml');
    const all = findAll(xml, W('comment'));
    expect(all.map((c) => attr(c, 'id'))).toEqual(['0', '1', '2', '3']);
    expect(all[0].attrs).toMatchObject({ 'w:author': '张委员', 'w:date': '2026-12-01T02:30:00.000Z' });
    expect(findAll(all[0], W('p')).map(wordText)).toEqual(['建议改为“围绕中心大局”', '第二段意见', '李主任（2026年12月2日 09:00）：同意']);
  });

  it('writes no comments when they are not wanted', async () => {
    const none = await exported({ ...approvedSummary(content), comments: null });
    expect(none.parts.names).not.toContain('word/comments.xml');
    expect(JSON.stringify(none.body)).not.toContain('commentRange');
  });

  it('marks a passage inside a link without splitting the link', async () => {
    const rich = richDocument();
    const all = documentTexts(rich).join('\n');
    const from = all.indexOf('协网');
    const { body: linked } = await exported({ ...approvedSummary(rich), comments: [comment(from, from + 2), comment(from + 2, all.indexOf('邮箱') + 1)] });
    expect(commentedText(linked).get('0')).toBe('协网');
    expect(commentedText(linked).get('1')).toBe('站，邮');
    expect(findAll(linked, W('hyperlink')).map(wordText)).toEqual(['政协网站', '邮箱']);
  });

  it('hangs comments on the title when the document has no text', async () => {
    const empty = await exported({ ...approvedSummary({ type: 'doc', content: [{ type: 'paragraph' }] }), comments: [comment(0, 5)] });
    expect(commentedText(empty.body).get('0')).toBe('');
    expect(wordText(paragraphs(empty.body)[0])).toBe(SUMMARY_TITLE);
  });
});
