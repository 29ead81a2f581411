import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { headingPositions, outlineOf, sameHeadings } from './outline.js';

const h = (level: number, text: string, numbering = 'auto') => schema.nodes.heading.create({ level, numbering }, text ? [schema.text(text)] : []);
const p = (text: string) => schema.nodes.paragraph.create(null, [schema.text(text)]);

describe('outlineOf', () => {
  it('lists every heading in order with its number as the page shows it', () => {
    const doc = schema.nodes.doc.create(null, [
      h(1, '年终总结'),
      p('导语'),
      h(2, '参政议政'),
      h(3, '建言献策'),
      h(2, '结语', 'none'),
      h(2, '服务发展'),
      h(2, ''),
    ]);
    expect(outlineOf(doc).map(({ level, number, text }) => [level, number, text])).toEqual([
      [1, '', '年终总结'],
      [2, '一、', '参政议政'],
      [3, '（一）', '建言献策'],
      [2, '', '结语'],
      [2, '二、', '服务发展'],
      [2, '三、', ''],
    ]);
  });
});

describe('sameHeadings and headingPositions', () => {
  const table = (inner: ReturnType<typeof h>) =>
    schema.nodes.table.create(null, [schema.nodes.tableRow.create(null, [schema.nodes.tableCell.create(null, [inner])])]);
  const base = schema.nodes.doc.create(null, [h(2, '参政议政'), p('导语'), table(h(3, '表中标题')), p('正文'), h(2, '服务发展')]);

  it('finds the headings where they are after typing into a paragraph, without reading the outline again', () => {
    const typed = base.copy(base.content.replaceChild(1, p('导语写得更长一些')));
    expect(sameHeadings(base, typed)).toBe(true);
    const items = outlineOf(base);
    const fresh = outlineOf(typed);
    expect(fresh.map(({ level, number, text }) => [level, number, text])).toEqual(items.map(({ level, number, text }) => [level, number, text]));
    const where: number[] = [];
    typed.descendants((node, pos) => {
      if (node.type.name === 'heading') where.push(pos);
    });
    expect(headingPositions(typed, items)).toEqual(where);
  });

  it('reads again when a heading, a table or the number of blocks changed, or a paragraph became a heading', () => {
    expect(sameHeadings(base, base.copy(base.content.replaceChild(0, h(2, '参政议政改'))))).toBe(false);
    expect(sameHeadings(base, base.copy(base.content.replaceChild(2, table(h(3, '改')))))).toBe(false);
    expect(sameHeadings(base, base.copy(base.content.replaceChild(1, h(2, '导语'))))).toBe(false);
    expect(sameHeadings(base, base.copy(base.content.addToEnd(p('新段'))))).toBe(false);
  });

  it('knows which headings are top-level blocks (sections) and which sit in a table', () => {
    expect(outlineOf(base).map(({ block, topLevel }) => [block, topLevel])).toEqual([
      [0, true],
      [2, false],
      [4, true],
    ]);
  });
});
