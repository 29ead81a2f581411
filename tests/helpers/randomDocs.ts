// Random ProseMirror documents of the shared schema, with every node, mark
// and attribute the editor can make, within the ranges the editor makes them
// (heading levels 1–4, alignments, list starts, merged and sized table cells,
// links, suggestions (修订) of every kind, overlapping ones too). Turned into Yjs changes by the binding's own updateYFragment, they
// are the honest changes the document's rules must take.
import type { Node } from '@tiptap/pm/model';
import { schema, HEADING_LEVELS } from '../../shared/schema.js';
import { chance, pick, randomInt, type Rng } from '../../shared/random.js';

const WORDS = ['乡村振兴', '调研', '提案', '委员', '履职', '协商议事', 'CPPCC', '2026年', '，', '。', '“民生”', '𠮷'];
const ALIGNS = [null, 'left', 'center', 'right', 'justify'];

function text(rng: Rng): Node[] {
  const out: Node[] = [];
  for (let i = randomInt(rng, 0, 4); i > 0; i--) {
    if (chance(rng, 0.1)) {
      out.push(schema.nodes.hardBreak.create());
      continue;
    }
    const marks = [];
    if (chance(rng, 0.3)) marks.push(schema.marks.bold.create());
    if (chance(rng, 0.2)) marks.push(schema.marks.italic.create());
    if (chance(rng, 0.1)) marks.push(schema.marks.underline.create());
    if (chance(rng, 0.1)) marks.push(schema.marks.strike.create());
    if (chance(rng, 0.1)) marks.push(schema.marks.guidance.create());
    if (chance(rng, 0.15))
      marks.push(schema.marks.link.create({ href: pick(rng, ['https://www.cppcc.gov.cn/', 'http://example.cn/a?b=1', 'mailto:weiyuan@example.cn']) }));
    marks.push(...suggestionMarks(rng));
    out.push(schema.text(pick(rng, WORDS) + pick(rng, WORDS), marks));
  }
  return out;
}

const AUTHORS = ['alice', 'wang.wei', '李_2'];
const FORMATS = ['bold', 'italic', 'underline', 'strike'];

/** Suggestion marks as the editor makes them: an insertion, a deletion (by someone else, of it too), a format change. */
function suggestionMarks(rng: Rng) {
  const common = () => ({ id: `random-${randomInt(rng, 1, 6)}`, author: pick(rng, AUTHORS), createdAt: 1_765_000_000_000 + randomInt(rng, 0, 1e6) });
  const marks = [];
  if (chance(rng, 0.1)) marks.push(schema.marks.suggestionInsert.create(common()));
  if (chance(rng, 0.1)) marks.push(schema.marks.suggestionDelete.create(common()));
  if (chance(rng, 0.05)) {
    const add = FORMATS.filter(() => chance(rng, 0.4));
    marks.push(schema.marks.suggestionFormat.create({ ...common(), add, remove: FORMATS.filter((name) => !add.includes(name) && chance(rng, 0.3)) }));
  }
  return marks;
}

const paragraph = (rng: Rng): Node => schema.nodes.paragraph.create({ textAlign: pick(rng, ALIGNS) }, text(rng));

function listItem(rng: Rng, depth: number): Node {
  const children = [paragraph(rng)];
  if (depth < 4 && chance(rng, 0.2)) children.push(list(rng, depth + 1));
  return schema.nodes.listItem.create(null, children);
}

function list(rng: Rng, depth: number): Node {
  const items = Array.from({ length: randomInt(rng, 1, 3) }, () => listItem(rng, depth));
  return chance(rng, 0.5)
    ? schema.nodes.bulletList.create(null, items)
    : schema.nodes.orderedList.create({ start: randomInt(rng, 1, 20), type: pick(rng, [null, 'a', 'I']) }, items);
}

function table(rng: Rng): Node {
  const columns = randomInt(rng, 1, 3);
  const rows = Array.from({ length: randomInt(rng, 1, 3) }, (_, r) => {
    const cells: Node[] = [];
    for (let c = 0; c < columns;) {
      const colspan = Math.min(columns - c, chance(rng, 0.2) ? 2 : 1);
      const type = r === 0 && chance(rng, 0.5) ? schema.nodes.tableHeader : schema.nodes.tableCell;
      const colwidth = chance(rng, 0.3) ? Array.from({ length: colspan }, () => randomInt(rng, 40, 300)) : null;
      cells.push(type.create({ colspan, colwidth, align: pick(rng, [null, 'left', 'center', 'right']) }, [paragraph(rng)]));
      c += colspan;
    }
    return schema.nodes.tableRow.create(null, cells);
  });
  return schema.nodes.table.create(null, rows);
}

function block(rng: Rng): Node {
  const kind = randomInt(rng, 0, 9);
  if (kind <= 3) return paragraph(rng);
  if (kind === 4)
    return schema.nodes.heading.create({ level: pick(rng, HEADING_LEVELS), textAlign: pick(rng, ALIGNS), numbering: pick(rng, ['auto', 'none']) }, text(rng));
  if (kind === 5) return schema.nodes.blockquote.create(null, [paragraph(rng)]);
  if (kind === 6) return list(rng, 0);
  if (kind === 7) return table(rng);
  if (kind === 8) return schema.nodes.horizontalRule.create();
  return paragraph(rng);
}

/** A random document of 1–8 blocks, checked against the schema. */
export function randomDoc(rng: Rng): Node {
  const blocks = Array.from({ length: randomInt(rng, 1, 8) }, () => block(rng));
  if (chance(rng, 0.2)) blocks.push(schema.nodes.signature.create({ issuer: pick(rng, ['', '青山镇政协联工委']), date: pick(rng, ['', '2026-12-20']) }));
  const doc = schema.nodes.doc.create(null, blocks);
  doc.check();
  return doc;
}

/** The next document a member could make from `doc`: some blocks kept, some replaced, some new. */
export function editedDoc(rng: Rng, doc: Node): Node {
  const blocks: Node[] = [];
  doc.forEach((child) => {
    if (chance(rng, 0.6)) blocks.push(child);
    else if (chance(rng, 0.5)) blocks.push(block(rng));
  });
  if (chance(rng, 0.5) || blocks.length === 0) blocks.splice(randomInt(rng, 0, blocks.length), 0, block(rng));
  const next = schema.nodes.doc.create(null, blocks);
  next.check();
  return next;
}
