import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { blocksOf } from './blocksOf.js';

const ins = (id: string) => ({ type: 'suggestionInsert', attrs: { id, author: 'alice', createdAt: 1 } });
const del = (id: string) => ({ type: 'suggestionDelete', attrs: { id, author: 'bob', createdAt: 1 } });
const text = (value: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const blocks = (...content: JSONContent[]) => blocksOf(prosemirrorJSONToYDoc(schema, { type: 'doc', content }, BODY_FRAGMENT).getXmlFragment(BODY_FRAGMENT));

describe('blocksOf: the whole text, with the suggestions pending on it', () => {
  it('reads proposed insertions and deletions with their suggestion, and the ids of every character', () => {
    const [block] = blocks({
      type: 'paragraph',
      content: [
        text('会议', { type: 'bold' }),
        text('于周五', del('d')),
        text('在村委会', ins('i'), { type: 'bold' }),
        text('新增', ins('a'), del('b')),
        text('召开'),
      ],
    });
    expect(block.text).toBe('会议于周五在村委会新增召开');
    expect(block.clients).toHaveLength(block.text.length);
    expect(block.clocks).toHaveLength(block.text.length);
    const kinds = block.pending.map((p) => (p ? `${p.kind}:${p.id}:${p.author}` : '-'));
    // text both proposed for insertion and deletion is not agreed: it counts as the insertion
    expect(kinds).toEqual([
      ...Array<string>(2).fill('-'),
      ...Array<string>(3).fill('delete:d:bob'),
      ...Array<string>(4).fill('insert:i:alice'),
      ...Array<string>(2).fill('insert:a:alice'),
      ...Array<string>(2).fill('-'),
    ]);
  });

  it('reads a block without suggestions as it is', () => {
    const [block] = blocks({ type: 'paragraph', content: [text('甲'), { type: 'hardBreak' }, text('乙', { type: 'italic' })] });
    expect(block.text).toBe('甲\n乙');
    expect(block.pending).toEqual([null, null, null]);
  });
});
