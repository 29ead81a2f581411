import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { outlineOf } from './outline.js';

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
