// A year-end summary (年终总结) of a given length for the browser benchmark,
// the same for every seed: a title, a lead, sections 一、 with subsections
// （一） whose paragraphs open with bold run-in leads (一是、二是…), a table
// of figures about every ten pages, some 〔…〕 guidance left unfilled, and
// twenty distinct phrases for comment threads to sit on. A page of such a
// summary holds about 700 characters. Written as Yigao's schema has it
// (headings numbered automatically); bareContent.ts gives the same text to
// the bare Tiptap page.
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from '../../shared/guidanceMark.js';
import { chance, mulberry32, pick, randomInt, type Rng } from '../../shared/random.js';

export const CHARS_PER_PAGE = 700;

/** The short line the typist types at the end of (one line, near the top, so End reaches its end). */
export const TYPING_LINE = '现将有关情况报告如下：';
/** The last block of every summary: "all content shown" means this is in the editor's DOM. */
export const LAST_LINE = '二〇二六年十二月二十日';

export interface SummaryDocument {
  pages: number;
  /** Tiptap JSON in Yigao's schema. */
  json: JSONContent;
  /** Twenty phrases, each once in the text, spread over it: a comment thread on each. */
  quotes: string[];
  /** Characters of text in the body. */
  chars: number;
}

const SECTIONS = ['参政议政更主动', '服务发展更精准', '民主监督更有效', '联络联谊更广泛', '委员活动更扎实', '自身建设更过硬'];
const SUBSECTIONS = ['突出政治引领', '聚焦中心工作', '围绕民生关切', '加强协商议政', '创新履职方式', '强化制度保障'];
const LEADS = ['一是', '二是', '三是', '四是'];
const SENTENCES = [
  '联工委在镇党委的坚强领导下，坚持围绕中心、服务大局，组织委员深入村组开展调研视察',
  '全年共开展专题协商4次，形成协商意见建议23条，其中19条被有关部门采纳',
  '组织委员围绕农村人居环境整治、集镇污水管网建设等问题开展民主监督，推动问题整改落实',
  '坚持把学习贯彻党的创新理论作为首要政治任务，通过集中学习、专题辅导、交流研讨等方式提升委员履职能力',
  '积极引导委员立足界别优势，在产业发展、招商引资、稳岗就业等方面贡献智慧和力量',
  '完善委员联系群众制度，全年走访群众860余人次，收集社情民意信息37条',
  '依托委员工作室开展“委员接待日”活动12场次，现场解决群众反映的实际问题41个',
  '加强与县政协各专委会的工作联系，做好上下联动、协同履职的文章',
  '建立委员履职档案，实行履职积分管理，年底对履职情况进行通报',
  '组织委员参加县政协全体会议和常委会议，提交提案11件，立案9件',
  '聚焦乡村振兴战略，围绕特色种养、农旅融合开展调研，形成调研报告3篇',
  '推动委员企业与村集体结对共建，帮助销售农产品价值120余万元',
];
/** Where the twenty threads sit: distinct topics, each written once in quotation marks. */
const TOPICS = [
  '和美乡村建设',
  '基层协商民主',
  '营商环境优化',
  '农村养老服务',
  '集镇规划提升',
  '河长制落实',
  '义务教育均衡',
  '医疗卫生下沉',
  '特色产业培育',
  '农产品电商',
  '文旅融合发展',
  '安全生产监管',
  '食品药品安全',
  '农村饮水安全',
  '道路交通整治',
  '矛盾纠纷化解',
  '移风易俗推进',
  '生态环境保护',
  '就业创业服务',
  '数字乡村建设',
];
const GUIDANCE = ['〔此处补充具体数据〕', '〔请补充典型事例〕', '〔列举代表性提案〕', '〔填写活动次数〕'];

const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const heading = (level: number, value: string, textAlign: string | null = null): JSONContent => ({
  type: 'heading',
  attrs: { level, textAlign, numbering: level === 1 ? 'none' : 'auto' },
  content: [text(value)],
});
const paragraph = (content: JSONContent[], textAlign: string | null = null): JSONContent => ({ type: 'paragraph', attrs: { textAlign }, content });

function sentences(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += `${pick(rng, SENTENCES)}${out.length + 60 < length ? '，' : '。'}`;
  return out;
}

function figuresTable(rng: Rng, n: number): JSONContent {
  const cell = (type: string, value: string): JSONContent => ({ type, content: [paragraph([text(value)])] });
  const row = (type: string, values: string[]): JSONContent => ({ type: 'tableRow', content: values.map((v) => cell(type, v)) });
  const rows = ['专题协商', '视察调研', '民主监督', '委员接待日', '提案办理'].map((name) =>
    row('tableCell', [name, String(randomInt(rng, 2, 40)), String(randomInt(rng, 10, 200)), `${randomInt(rng, 60, 100)}%`]),
  );
  return { type: 'table', content: [row('tableHeader', [`表${n} 履职项目`, '次数', '参与人次', '完成率']), ...rows] };
}

/** A summary of `pages` pages (≥ 1), the same for the same seed. */
export function summaryDocument(pages: number, seed = 2026): SummaryDocument {
  const rng = mulberry32(seed + pages);
  const target = pages * CHARS_PER_PAGE;
  const body: JSONContent[] = [
    heading(1, '2026年镇政协联工委工作总结', 'center'),
    paragraph([text('2026年，在县政协党组的坚强领导下，' + sentences(rng, 140))]),
    paragraph([text(TYPING_LINE)]),
  ];
  // Paragraphs to come, so that threads, guidance and tables spread evenly over the length.
  const paragraphsExpected = Math.max(TOPICS.length, Math.round(target / 170));
  const threadEvery = paragraphsExpected / TOPICS.length;
  let chars = body.reduce((n, node) => n + (node.content?.[0]?.text?.length ?? 0), 0);
  let paragraphs = 0;
  let tables = 0;
  let section = 0;
  const quotes: string[] = [];
  while (chars < target || quotes.length < TOPICS.length) {
    body.push(heading(2, SECTIONS[section % SECTIONS.length]));
    section++;
    for (let sub = 0; sub < 3 && (chars < target || quotes.length < TOPICS.length); sub++) {
      body.push(heading(3, pick(rng, SUBSECTIONS)));
      for (let lead = 0; lead < LEADS.length; lead++) {
        const runs: JSONContent[] = [text(`${LEADS[lead]}${pick(rng, SUBSECTIONS)}。`, [{ type: 'bold' }])];
        let sentence = sentences(rng, randomInt(rng, 110, 190));
        if (quotes.length < TOPICS.length && paragraphs >= quotes.length * threadEvery) {
          const quote = `“${TOPICS[quotes.length]}”`;
          quotes.push(quote);
          sentence = `围绕${quote}，${sentence}`;
        }
        runs.push(text(sentence));
        if (chance(rng, 0.08)) runs.push(text(pick(rng, GUIDANCE), [{ type: GUIDANCE_MARK }]));
        body.push(paragraph(runs));
        chars += runs.reduce((n, run) => n + (run.text?.length ?? 0), 0);
        paragraphs++;
      }
      if (chars >= (tables * 10 + 3) * CHARS_PER_PAGE) body.push(figuresTable(rng, ++tables));
    }
  }
  body.push(paragraph([text('镇政协联工委')], 'right'), paragraph([text(LAST_LINE)], 'right'));
  return { pages, json: { type: 'doc', content: body }, quotes, chars };
}
