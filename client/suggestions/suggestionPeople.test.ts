import { describe, expect, it } from 'vitest';
import type { SuggestionSummary } from '../../shared/suggestions.js';
import { authorsOf, excerpt, NEUTRAL_COLOR, peopleByUsername, personOf } from './suggestionPeople.js';

const suggestion = (id: string, author: string): SuggestionSummary => ({ id, author, kind: 'insert', text: 'x', createdAt: 0 });

describe('authorsOf', () => {
  it('counts each author once, in the order their first suggestion appears', () => {
    const list = [suggestion('1', 'li'), suggestion('2', 'wang'), suggestion('3', 'li')];
    expect(authorsOf(list)).toEqual([
      { author: 'li', count: 2 },
      { author: 'wang', count: 1 },
    ]);
    expect(authorsOf([])).toEqual([]);
  });
});

describe('personOf', () => {
  it('finds members and shows anyone else by username in grey', () => {
    const people = peopleByUsername([{ username: 'li', displayName: '李华', color: '#e03131' }]);
    expect(personOf(people, 'li')).toEqual({ username: 'li', displayName: '李华', color: '#e03131' });
    expect(personOf(people, 'gone')).toEqual({ username: 'gone', displayName: 'gone', color: NEUTRAL_COLOR });
  });
});

describe('excerpt', () => {
  it('keeps short text as it is', () => {
    expect(excerpt('全年召开会议')).toBe('全年召开会议');
  });

  it('cuts long text with an ellipsis, counting characters not UTF-16 units', () => {
    expect(excerpt('一二三四五六', 4)).toBe('一二三…');
    expect(excerpt('𠀀𠀁𠀂𠀃𠀄', 3)).toBe('𠀀𠀁…');
  });

  it('shows paragraph breaks as ¶ on one line', () => {
    expect(excerpt('第一段\n第二段')).toBe('第一段 ¶ 第二段');
  });
});
