// Reading a small test file as the import does, with its outline (for readDocxContent's tests).
import { readDocxContent } from '../readDocxContent.js';
import { docxFile, p, type ParagraphSpec, type RunSpec } from './makeDocx.js';
import { checkSchema, outline } from './outline.js';

export async function read(children: Parameters<typeof docxFile>[0]) {
  const result = await readDocxContent(await docxFile(children));
  checkSchema(result.json);
  return { ...result, lines: outline(result.json) };
}

export const body = (runs: RunSpec | RunSpec[], spec?: ParagraphSpec) => p(runs, spec);
export const LONG = '全年共组织委员开展视察调研活动十二次，形成调研报告五篇，其中两篇得到县委主要领导批示，有关部门据此出台了具体措施。';
