// A long 年终总结 as ProseMirror JSON, for profiling typing in a document of a
// given number of pages: a title, 一、 sections each with （一） subsections,
// paragraphs opening with bold 一是/二是 leads, a table now and then, and some
// 〔…〕 guidance still to be replaced. Seeded (shared/random.ts), so that a run
// at 100 pages types into the same document as the run before it.
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from '../../shared/Guidance.js';
import { mulberry32, pick, randomInt, type Rng } from '../../shared/random.js';

/** Characters on an A4 page of 公文 body text (22 lines × 28 characters, less headings and white space). */
export const CHARACTERS_PER_PAGE = 700;

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SECTION_TITLES = ['参政议政更主动', '服务发展更务实', '民主监督更有效', '联络联谊更广泛', '委员活动更多样', '自身建设更扎实', '协商议事更规范'];
const SUBSECTION_TITLES = [
  '围绕中心工作建言献策',
  '结合重点产业开展调研',
  '联系热点问题反映民意',
  '组织委员视察重点项目',
  '开展专题协商活动',
  '加强委员学习培训',
];
const LEADS = [
  '围绕中心工作建言献策。',
  '结合重点产业开展调研。',
  '组织委员开展民主评议。',
  '建立在外人士联络名册。',
  '组织委员外出参观考察。',
  '开展“有事好商量”协商议事。',
];
const SENTENCES = [
  '全年共组织委员开展专题调研',
  '形成调研报告并报送县政协和镇党委',
  '围绕乡村振兴、基层治理、生态环境保护等重点工作深入走访企业和村组',
  '收集整理社情民意信息，其中多条被县政协采用',
  '组织委员参加民主评议，对镇直部门的服务质量进行满意度测评',
  '召开座谈会听取群众意见，协调解决群众反映的实际困难',
  '委员们积极建言献策，提出的意见建议得到党委政府的高度重视',
  '健全完善委员联系群众制度，推动委员履职常态化',
  '发挥委员工作室作用，畅通社情民意反映渠道',
  '加强与在外经济人士的联系，宣传推介本镇的发展环境',
];
const GUIDES = ['〔调研题目与成效〕', '〔具体数字〕', '〔典型事例〕', '〔采纳落实情况〕', '〔时间、地点〕'];

const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const heading = (level: number, value: string): JSONContent => ({
  type: 'heading',
  attrs: { level, textAlign: null, numbering: 'auto' },
  content: [text(value)],
});

/** A paragraph of some 120–260 characters, numbered `n` in its text so that a comment can quote it uniquely. */
function bodyParagraph(rng: Rng, n: number, lead: string | null): JSONContent {
  const content: JSONContent[] = [];
  if (lead) content.push(text(lead, [{ type: 'bold' }]));
  let body = `第${n}项：`;
  const target = randomInt(rng, 120, 260);
  while (body.length < target) body += `${pick(rng, SENTENCES)}${randomInt(rng, 2, 60)}次，`;
  content.push(text(body.slice(0, -1) + '。'));
  // About one paragraph in six still holds guidance for its author to replace.
  if (rng() < 1 / 6) content.push(text(pick(rng, GUIDES), [{ type: GUIDANCE_MARK }]));
  return { type: 'paragraph', attrs: { textAlign: null }, content };
}

const cell = (value: string, header = false): JSONContent => ({
  type: header ? 'tableHeader' : 'tableCell',
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [{ type: 'paragraph', attrs: { textAlign: null }, content: [text(value)] }],
});

/** A small table of the kind summaries hold: activities and their counts. */
function table(rng: Rng): JSONContent {
  const rows = [{ type: 'tableRow', content: ['项目', '次数', '参加人数', '备注'].map((h) => cell(h, true)) }];
  for (let r = 0; r < 5; r++) {
    rows.push({
      type: 'tableRow',
      content: [cell(pick(rng, SUBSECTION_TITLES)), cell(String(randomInt(rng, 1, 30))), cell(String(randomInt(rng, 10, 300))), cell('按计划完成')],
    });
  }
  return { type: 'table', content: rows };
}

/** The document, about `pages` × CHARACTERS_PER_PAGE characters long. */
export function longSummary(pages: number, seed = 26): JSONContent {
  const rng = mulberry32(seed);
  const target = pages * CHARACTERS_PER_PAGE;
  const content: JSONContent[] = [heading(1, '2026年镇政协联工委工作总结')];
  content[0].attrs!.textAlign = 'center';
  let length = 0;
  let n = 0;
  for (let section = 0; length < target; section++) {
    content.push(heading(2, SECTION_TITLES[section % SECTION_TITLES.length]));
    for (let sub = 0; sub < 3 && length < target; sub++) {
      content.push(heading(3, SUBSECTION_TITLES[(section + sub) % SUBSECTION_TITLES.length]));
      const paragraphs = randomInt(rng, 3, 6);
      for (let p = 0; p < paragraphs && length < target; p++) {
        const lead = p < ORDINALS.length && rng() < 0.7 ? `${ORDINALS[p]}是${pick(rng, LEADS)}` : null;
        const paragraph = bodyParagraph(rng, ++n, lead);
        length += paragraph.content!.reduce((sum, run) => sum + (run.text?.length ?? 0), 0);
        content.push(paragraph);
      }
      if (rng() < 0.2) content.push(table(rng));
    }
  }
  return { type: 'doc', content };
}

/** The first `length` characters of the `n`th body paragraph (from its unique 第n项), for a comment thread to quote. */
export function quoteOfParagraph(doc: JSONContent, n: number, length = 24): string | null {
  const start = `第${n}项：`;
  for (const block of doc.content ?? []) {
    const run = block.content?.find((r) => r.text?.startsWith(start));
    if (run) return run.text!.slice(0, length);
  }
  return null;
}

/** How many body paragraphs the document has (they are numbered 1 to this). */
export const paragraphsOf = (doc: JSONContent): number => (doc.content ?? []).filter((block) => block.content?.some((r) => r.text?.startsWith('第'))).length;
