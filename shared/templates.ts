// Document templates as ProseMirror JSON. The server seeds a new document
// from one of these, once, when the document is created (TEMPLATE.md).
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from './Guidance.js';

export const TEMPLATE_IDS = ['year-end-summary', 'year-end-summary-three-part', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateInfo {
  id: TemplateId;
  name: string;
  description: string;
}

/** A run of text in a paragraph: plain, a bold run-in lead, or guidance to be replaced. */
type Run = string | { lead: string } | { guide: string };

const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

function runs(parts: Run[]): JSONContent[] {
  return parts.map((part) => {
    if (typeof part === 'string') return text(part);
    if ('lead' in part) return text(part.lead, [{ type: 'bold' }]);
    return text(part.guide, [{ type: GUIDANCE_MARK }]);
  });
}

/** A heading; section headings (levels 2–5) are numbered automatically (numbering.ts), so their text holds no number. */
const heading = (level: number, parts: Run[], textAlign: string | null = null): JSONContent => ({
  type: 'heading',
  attrs: { level, textAlign, numbering: 'auto' },
  content: runs(parts),
});

const paragraph = (parts: Run[], textAlign: string | null = null): JSONContent => ({
  type: 'paragraph',
  attrs: { textAlign },
  content: runs(parts),
});

const titleHeading = (title: string | undefined): JSONContent =>
  heading(1, title ? [title] : [{ guide: '〔镇名〕' }, '政协联工委', { guide: '〔年份〕' }, '年工作总结'], 'center');

/** Skeleton A (TEMPLATE.md): five sections "更…", each with 一是/二是/三是 leads. */
function yearEndSummary(title?: string): JSONContent {
  const section = (headingText: string, leads: [string, string][]): JSONContent[] => [
    heading(2, [headingText]),
    ...leads.map(([lead, guide]) => paragraph([{ lead }, { guide }])),
  ];
  return {
    type: 'doc',
    content: [
      titleHeading(title),
      paragraph([
        { guide: '〔年份〕' },
        '年，我镇政协联工委在县政协的悉心指导和镇党委的正确领导下，紧紧围绕团结和民主两大主题，认真履行政治协商、民主监督、参政议政三大职能，扎实做好建言献策、服务发展、民主监督、联络联谊四项工作，为全镇经济社会协调发展作出了积极贡献。现将一年来的工作总结如下：',
      ]),
      ...section('参政议政更主动', [
        ['一是围绕中心工作建言献策。', '〔围绕哪些中心工作；决策前征求意见、决策中提出建议、决策后督促落实的做法与成效〕'],
        ['二是结合重点产业开展调研。', '〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕'],
        ['三是联系热点问题反映民意。', '〔收集反映社情民意的条数、典型事例、党委政府采纳落实情况〕'],
      ]),
      ...section('服务发展更务实', [
        ['一是招商引资当好“桥梁”。', '〔联系在外经济人士、新引进企业和项目的数量与投资额〕'],
        ['二是支持委员投身经济建设。', '〔委员创办、扩建企业的典型事例，带动就业与税收〕'],
        ['三是优化经济发展环境。', '〔服务企业的机制，帮助解决的具体问题〕'],
      ]),
      ...section('民主监督更有效', [
        ['一是组织委员开展民主评议。', '〔评议对象、方式、满意度测评结果〕'],
        ['二是组织委员视察重点工程和项目。', '〔时间、地点、座谈会情况〕'],
        ['三是组织委员开展恳谈问政。', '〔参加企业和部门、提出与解决的问题〕'],
      ]),
      ...section('联络联谊更广泛', [
        ['一是开展专项摸底。', '〔摸底对象，建立的信息库与人数〕'],
        ['二是组织对外联谊活动。', '〔走访的地方、座谈会次数〕'],
        ['三是建立在外人士联络名册。', '〔发出信件、收录信息的份数〕'],
      ]),
      ...section('委员活动更多样', [
        ['一是组织委员参加集中学习培训。', '〔内容、天数、参加人数〕'],
        ['二是组织委员学习人民政协理论。', '〔学习内容与讨论情况〕'],
        ['三是组织委员外出参观考察。', '〔时间、考察地点、收获〕'],
      ]),
      paragraph([
        '一年来，镇政协联工委做了一定的工作，取得了一定成效，但还存在一些不足：',
        { guide: '〔如调查研究不够深入、联系群众不够紧密〕' },
        '。下一步，我们将',
        { guide: '〔改进措施和来年工作打算〕' },
        '。',
      ]),
    ],
  };
}

/** Skeleton C (TEMPLATE.md): main work / problems / plans, with signature and date. */
function yearEndSummaryThreePart(title?: string): JSONContent {
  const sub = (headingText: string, guide: string): JSONContent[] => [heading(3, [headingText]), paragraph([{ guide }])];
  return {
    type: 'doc',
    content: [
      titleHeading(title),
      paragraph([
        { guide: '〔年份〕' },
        '年，',
        { guide: '〔镇名〕' },
        '政协联工委在县政协的精心指导和镇党委的坚强领导下，',
        { guide: '〔一年工作的总体情况〕' },
        '。现将一年来工作总结如下：',
      ]),
      heading(2, [{ guide: '〔年份〕' }, '年主要工作']),
      ...sub('加强思想政治引领，提升委员履职能力', '〔理论学习、委员培训〕'),
      ...sub('围绕中心服务大局，积极协商议政', '〔协商议事会、“有事好商量”〕'),
      ...sub('聚焦民生关切，深入开展视察调研和民主监督', '〔专题调研、视察、监督性议政〕'),
      ...sub('畅通民意渠道，做好提案和社情民意工作', '〔提案件数、社情民意条数、采纳情况〕'),
      ...sub('加强自身建设，增强联工委凝聚力', '〔走访委员制度、委员工作室、联络联谊〕'),
      heading(2, ['存在的问题和不足']),
      paragraph([{ guide: '〔实事求是写明工作中的不足〕' }]),
      heading(2, [{ guide: '〔下一年份〕' }, '年工作打算']),
      paragraph(['1. ', { guide: '〔……〕' }]),
      // 署名 and 成文日期: set once in the signature block, laid out by every export (GB/T 9704 7.3.5)
      { type: 'signature', attrs: { issuer: '', date: '' } },
    ],
  };
}

function blank(title?: string): JSONContent {
  return {
    type: 'doc',
    content: [heading(1, title ? [title] : [], 'center'), { type: 'paragraph', attrs: { textAlign: null } }],
  };
}

const builders: Record<TemplateId, (title?: string) => JSONContent> = {
  'year-end-summary': yearEndSummary,
  'year-end-summary-three-part': yearEndSummaryThreePart,
  blank,
};

export const templates: readonly TemplateInfo[] = [
  {
    id: 'year-end-summary',
    name: '年终总结（五个“更”）',
    description: '导语、参政议政、服务发展、民主监督、联络联谊、委员活动五部分，每部分含一是、二是、三是，结语。',
  },
  {
    id: 'year-end-summary-three-part',
    name: '年终总结（工作·问题·打算）',
    description: '主要工作（五个方面）、存在的问题和不足、下一年工作打算，含署名和日期。',
  },
  { id: 'blank', name: '空白文档', description: '只有标题的空白文档。' },
];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** The template's content, with the document title as its first heading when one is given. */
export function templateContent(id: TemplateId, title?: string): JSONContent {
  return builders[id](title?.trim() || undefined);
}
