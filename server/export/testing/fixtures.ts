// Documents the exporter tests share: the year-end-summary template as seeded
// and as a committee would fill it in, a document with every node and mark,
// and a long document for timing.
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from '../../../shared/Guidance.js';
import { templateContent } from '../../../shared/templates.js';
import type { ExportInput } from '../types.js';

export const SUMMARY_TITLE = '青山镇政协联工委2026年工作总结';

/** What a committee writes in place of each 〔…〕 placeholder (invented, not from the seed text). */
const FILLED: Record<string, string> = {
  '〔年份〕': '2026',
  '〔围绕哪些中心工作；决策前征求意见、决策中提出建议、决策后督促落实的做法与成效〕':
    '围绕乡村振兴、集镇改造和产业园区建设等中心工作，决策前组织委员深入村组征求意见，决策中召开协商座谈会提出建议，决策后跟踪督促落实，提出的意见建议大多被镇党委、政府采纳。',
  '〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕':
    '围绕茶叶产业提质增效开展专题调研，走访茶企12家、村组8个，形成调研报告1篇、提案3件，相关部门已采纳并列入明年工作计划。',
  '〔收集反映社情民意的条数、典型事例、党委政府采纳落实情况〕': '全年收集反映社情民意26条，农村饮水安全、学生上下学交通安全等问题得到及时解决。',
  '〔联系在外经济人士、新引进企业和项目的数量与投资额〕': '通过委员联系在外经济人士40余人，协助引进农产品加工企业2家，协议投资1.5亿元。',
  '〔委员创办、扩建企业的典型事例，带动就业与税收〕': '委员创办的竹木加工厂今年扩建生产线，新增就业岗位60个。',
  '〔服务企业的机制，帮助解决的具体问题〕': '建立委员联系企业制度，帮助企业解决用地、用电、融资等具体问题15个。',
  '〔评议对象、方式、满意度测评结果〕': '组织委员对镇财政所、派出所等7个站所开展民主评议，采取听取汇报、个别走访、问卷测评等方式，群众满意度均在90%以上。',
  '〔时间、地点、座谈会情况〕': '6月和10月两次组织委员视察集镇污水管网改造、高标准农田建设等项目，并召开座谈会提出建议9条。',
  '〔参加企业和部门、提出与解决的问题〕': '邀请镇直部门负责人和企业代表参加恳谈问政活动，现场提出问题21个，已解决18个。',
  '〔摸底对象，建立的信息库与人数〕': '对全镇在外创业人士和知名人士进行专项摸底，建立信息库，收录人员信息130人。',
  '〔走访的地方、座谈会次数〕': '先后赴省城、市区走访在外乡贤，召开座谈会3次。',
  '〔发出信件、收录信息的份数〕': '向在外人士发出《致家乡在外人士的一封信》200余份，收录回执信息96份。',
  '〔内容、天数、参加人数〕': '组织委员参加县政协举办的履职能力培训班，集中学习3天，参加委员35人次。',
  '〔学习内容与讨论情况〕': '通过专题辅导、交流研讨等形式，组织委员学习人民政协理论和政协章程，交流学习体会。',
  '〔时间、考察地点、收获〕': '9月组织委员赴邻县考察特色农业和乡村旅游发展，学习先进经验，拓宽了发展思路。',
  '〔如调查研究不够深入、联系群众不够紧密〕': '调查研究还不够深入，联系群众还不够紧密，委员作用发挥还不够均衡',
  '〔改进措施和来年工作打算〕': '进一步加强委员学习培训，深入开展调查研究，积极建言献策，为全镇经济社会高质量发展作出新的贡献',
};

/** The template as seeded, guidance and all. */
export function summaryTemplate(): JSONContent {
  return templateContent('year-end-summary', SUMMARY_TITLE);
}

/** The template with every placeholder written out. */
export function filledSummary(): JSONContent {
  const fill = (node: JSONContent): JSONContent => {
    if (node.type === 'text' && node.marks?.some((mark) => mark.type === GUIDANCE_MARK)) {
      const written = FILLED[node.text ?? ''];
      if (written) {
        const marks = node.marks.filter((mark) => mark.type !== GUIDANCE_MARK);
        return marks.length ? { type: 'text', text: written, marks } : { type: 'text', text: written };
      }
    }
    return node.content ? { ...node, content: node.content.map(fill) } : node;
  };
  return fill(summaryTemplate());
}

export const approvedSummary = (content: JSONContent = filledSummary()): ExportInput => ({
  title: SUMMARY_TITLE,
  content,
  draft: false,
  guidance: 'mark',
  comments: null,
  signature: { issuer: '青山镇政协联工委', date: '2026年12月20日' },
});

const text = (value: string, ...marks: JSONContent['marks'] & object): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const bold = { type: 'bold' };
const italic = { type: 'italic' };
const strike = { type: 'strike' };
const underline = { type: 'underline' };
const link = (href: string) => ({ type: 'link', attrs: { href } });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const aligned = (textAlign: string, ...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { textAlign }, content });
const h = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const cell = (type: 'tableCell' | 'tableHeader', value: string, attrs: Record<string, unknown> = {}): JSONContent => ({
  type,
  attrs,
  content: [p(text(value))],
});
const hardBreak: JSONContent = { type: 'hardBreak' };

export const XSS_TEXT = '<script>alert("x")</script> & <b>不是标签</b>';
export const MARKDOWN_SYNTAX_TEXT = '*不是强调* [不是链接](x) `代码` ~~波浪~~ | 竖线 \\ 反斜杠 _下划_ &amp;';
export const CONTROL_TEXT = 'A\u0001B\u0008C\u000bD\u001fE\uFFFEF\uD800G\u000dH';
export const CONTROL_TEXT_CLEAN = 'ABCDEFGH';

/** Every node type and mark of the schema, links good and bad, and text that is markup elsewhere. */
export function richDocument(): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1, textAlign: 'center' }, content: [text('综合测试文档')] },
      h(2, '一、格式与链接'),
      p(
        text('普通文本，'),
        text('加粗', bold),
        text('、'),
        text('斜体', italic),
        text('、'),
        text('删除线', strike),
        text('、'),
        text('下划线', underline),
        text('、'),
        text('粗', bold),
        text('斜', bold, italic),
        text('。链接：'),
        text('政协网站', link('https://www.cppcc.gov.cn/')),
        text('，'),
        text('邮箱', link('mailto:office@example.org')),
        text('，'),
        text('坏链接', link('javascript:alert(1)')),
        text('，'),
        text('数据', link('data:text/html,<script>alert(1)</script>')),
        hardBreak,
        text('第二行 Times New Roman 2026'),
      ),
      p(text(XSS_TEXT)),
      p(text(MARKDOWN_SYNTAX_TEXT)),
      p(text('# 不是标题')),
      p(text('1. 不是列表'), hardBreak, text('- 也不是'), hardBreak, text('> 不是引用')),
      p(text(CONTROL_TEXT)),
      h(3, '（一）列表'),
      {
        type: 'bulletList',
        content: [
          item(p(text('第一项'))),
          item(p(text('第二项')), { type: 'orderedList', attrs: { start: 3 }, content: [item(p(text('嵌套三'))), item(p(text('嵌套四')))] }),
        ],
      },
      { type: 'orderedList', attrs: { start: 1 }, content: [item(p(text('步骤一'))), item(p(text('步骤二')), p(text('步骤二的说明')))] },
      h(4, '1. 引用、分隔线与表格'),
      { type: 'blockquote', content: [p(text('引用的话。'))] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', '项目'), cell('tableHeader', '数量'), cell('tableHeader', '备注')] },
          { type: 'tableRow', content: [cell('tableCell', '委员', { rowspan: 2 }), cell('tableCell', '35'), cell('tableCell', '含新任')] },
          { type: 'tableRow', content: [cell('tableCell', '36'), cell('tableCell', '年底')] },
          { type: 'tableRow', content: [cell('tableCell', '合计', { colspan: 2 }), cell('tableCell', '|竖线|')] },
        ],
      },
      aligned('right', text('右对齐')),
      aligned('center', text('居中')),
      aligned('left', text('左对齐')),
      aligned('justify', text('两端对齐')),
    ],
  };
}

/** About `pages` pages of filled-in summary, counted in 28-character lines, 22 to a page. */
export function longDocument(pages: number): JSONContent {
  const [title, ...body] = filledSummary().content ?? [];
  const textOf = (node: JSONContent): string => node.text ?? (node.content ?? []).map(textOf).join('');
  const lines = body.reduce((sum, block) => sum + Math.ceil((textOf(block).length + 2) / 28), 0);
  const copies = Math.max(1, Math.round((pages * 22) / lines));
  return { type: 'doc', content: [title, ...Array.from({ length: copies }, () => body).flat()] };
}
