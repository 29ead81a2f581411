import { describe, expect, it } from 'vitest';
import type { DiffBlockDto, PersonDto } from '../../shared/api.js';
import { changedBlockCount, diffItemsOf, hasChanges, UNKNOWN_COLOR } from './diffView.js';

const zhang: PersonDto = { username: 'zhangli', displayName: '张丽', color: '#5f3dc4' };
const wang: PersonDto = { username: 'wangming', displayName: '王明', color: '#d9480f' };

function block(partial: Partial<DiffBlockDto>): DiffBlockDto {
  const text = partial.text ?? '正文';
  return {
    status: 'equal',
    type: 'paragraph',
    level: null,
    container: null,
    textAlign: null,
    text,
    segments: [{ op: 'equal', text, author: null, suggestion: null }],
    changes: [],
    ...partial,
  };
}

const blocksOf = (items: ReturnType<typeof diffItemsOf>) => items.flatMap((item) => (item.kind === 'block' ? [item.block] : item.blocks));

describe('diffItemsOf', () => {
  it('draws headings at their level and keeps alignment', () => {
    const [title, part] = blocksOf(diffItemsOf([block({ type: 'heading', level: 1, textAlign: 'center' }), block({ type: 'heading', level: 2 })], []));
    expect(title).toMatchObject({ tag: 'h1', textAlign: 'center' });
    expect(part.tag).toBe('h2');
  });

  it('gives every inserted and deleted run its author, by username', () => {
    const [modified] = blocksOf(
      diffItemsOf(
        [
          block({
            status: 'modified',
            segments: [
              { op: 'equal', text: '一是', author: null, suggestion: null },
              { op: 'delete', text: '结合', author: 'wangming', suggestion: null },
              { op: 'insert', text: '全镇', author: 'zhangli', suggestion: null },
            ],
          }),
        ],
        [zhang, wang],
      ),
    );
    expect(modified.runs.map((run) => [run.op, run.text, run.author?.displayName ?? null])).toEqual([
      ['equal', '一是', null],
      ['delete', '结合', '王明'],
      ['insert', '全镇', '张丽'],
    ]);
    // whole-block authors are only for added and removed blocks
    expect(modified.authors).toEqual([]);
  });

  it('names a whole added or removed block after the people who wrote or removed it', () => {
    const [added] = blocksOf(
      diffItemsOf(
        [
          block({
            status: 'added',
            segments: [
              { op: 'insert', text: '王明', author: 'wangming', suggestion: null },
              { op: 'insert', text: '与张丽', author: 'zhangli', suggestion: null },
              { op: 'insert', text: '合写', author: 'wangming', suggestion: null },
            ],
          }),
        ],
        [zhang, wang],
      ),
    );
    expect(added.authors.map((p) => p.displayName)).toEqual(['王明', '张丽']);
  });

  it('shows someone the diff does not name by username, in grey', () => {
    const [b] = blocksOf(diffItemsOf([block({ status: 'added', segments: [{ op: 'insert', text: '字', author: 'gone', suggestion: null }] })], []));
    expect(b.runs[0].author).toEqual({ username: 'gone', displayName: 'gone', color: UNKNOWN_COLOR });
  });

  it('gives empty added blocks (the cells of a new table) the author of the added block next to them', () => {
    const empty = (status: DiffBlockDto['status']) => block({ status, container: 'table', text: '', segments: [] });
    const blocks = blocksOf(
      diffItemsOf(
        [
          empty('added'),
          block({ status: 'added', container: 'table', text: '表', segments: [{ op: 'insert', text: '表', author: 'zhangli', suggestion: null }] }),
          empty('added'),
          empty('added'),
          block({ text: '', segments: [] }),
          empty('removed'),
        ],
        [zhang],
      ),
    );
    expect(blocks.map((b) => b.authors.map((p) => p.username))).toEqual([['zhangli'], ['zhangli'], ['zhangli'], ['zhangli'], [], []]);
  });

  it('groups consecutive blocks of one list, and numbers ordered items as the newer side does', () => {
    const items = diffItemsOf(
      [
        block({ text: '前言' }),
        block({ container: 'orderedList', text: '甲' }),
        block({ container: 'orderedList', status: 'removed', text: '乙' }),
        block({ container: 'orderedList', text: '丙' }),
        block({ container: 'bulletList', text: '丁' }),
        block({ text: '结语' }),
      ],
      [],
    );
    expect(items.map((item) => (item.kind === 'block' ? 'block' : item.container))).toEqual(['block', 'orderedList', 'bulletList', 'block']);
    const ordered = items[1].kind === 'group' ? items[1].blocks : [];
    expect(ordered.map((b) => b.ordinal)).toEqual([1, 2, 2]);
    const bullets = items[2].kind === 'group' ? items[2].blocks : [];
    expect(bullets[0].ordinal).toBeNull();
  });

  it('starts numbering again in a list that follows a paragraph', () => {
    const items = diffItemsOf([block({ container: 'orderedList', text: '甲' }), block({ text: '插话' }), block({ container: 'orderedList', text: '乙' })], []);
    expect(items[2].kind === 'group' && items[2].blocks[0].ordinal).toBe(1);
  });

  it('lists what changed besides the text only for modified blocks, and drops what it does not know', () => {
    const [aligned, same] = blocksOf(diffItemsOf([block({ status: 'modified', changes: ['textAlign', 'marks'] }), block({ changes: ['textAlign'] })], []));
    expect(aligned.changes).toEqual(['textAlign']);
    expect(same.changes).toEqual([]);
  });

  it('draws an empty paragraph with no runs, and a horizontal rule as a rule', () => {
    const [empty, rule] = blocksOf(diffItemsOf([block({ text: '', segments: [] }), block({ type: 'horizontalRule', text: '', segments: [] })], []));
    expect(empty.runs).toEqual([]);
    expect(rule.tag).toBe('hr');
  });
});

describe('diffItemsOf and suggestions', () => {
  it('gives each run the suggestion pending on it, with its author, on top of its op', () => {
    const [modified] = blocksOf(
      diffItemsOf(
        [
          block({
            status: 'modified',
            segments: [
              { op: 'equal', text: '一是', author: null, suggestion: null },
              { op: 'equal', text: '全镇', author: null, suggestion: { kind: 'insert', id: 's1', author: 'wangming', arrived: true } },
              { op: 'equal', text: '结合', author: null, suggestion: { kind: 'delete', id: 's2', author: 'someone-gone', arrived: false } },
              { op: 'insert', text: '重点', author: 'zhangli', suggestion: null },
            ],
          }),
        ],
        [zhang, wang],
      ),
    );
    expect(
      modified.runs.map((run) => [
        run.op,
        run.text,
        run.suggestion?.kind ?? null,
        run.suggestion?.author?.displayName ?? null,
        run.suggestion?.arrived ?? null,
      ]),
    ).toEqual([
      ['equal', '一是', null, null, null],
      ['equal', '全镇', 'insert', '王明', true],
      ['equal', '结合', 'delete', 'someone-gone', false],
      ['insert', '重点', null, null, null],
    ]);
    expect(modified.runs[2].suggestion?.author?.color).toBe(UNKNOWN_COLOR);
  });
});

describe('changedBlockCount', () => {
  it('counts modified, added and removed paragraphs', () => {
    const stats = { insertedChars: 9, deletedChars: 2, addedBlocks: 1, removedBlocks: 1, modifiedBlocks: 2, newSuggestions: 0 };
    expect(changedBlockCount(stats)).toBe(4);
    expect(hasChanges(stats)).toBe(true);
    const none = { insertedChars: 0, deletedChars: 0, addedBlocks: 0, removedBlocks: 0, modifiedBlocks: 0, newSuggestions: 0 };
    expect(hasChanges(none)).toBe(false);
    // a suggestion that arrived is a change, though no agreed text changed
    expect(hasChanges({ ...none, newSuggestions: 1 })).toBe(true);
  });
});
