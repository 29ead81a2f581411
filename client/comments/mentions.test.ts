import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../shared/api.js';
import { insertMention, matchMembers, mentionQueryAt, segmentsOf } from './mentions.js';

const zhang: PersonDto = { username: 'zhangli', displayName: '张丽', color: '#c00' };
const wang: PersonDto = { username: 'wangming', displayName: '王明', color: '#0c0' };
const li: PersonDto = { username: 'lihong', displayName: '李红', color: '#00c' };
const people = [zhang, wang, li];

describe('segmentsOf', () => {
  it('cuts a body into text and the mentions of members', () => {
    expect(segmentsOf('@zhangli 请核对，@WangMing 知悉', people)).toEqual([
      { kind: 'mention', text: '@zhangli', person: zhang },
      { kind: 'text', text: ' 请核对，' },
      { kind: 'mention', text: '@WangMing', person: wang },
      { kind: 'text', text: ' 知悉' },
    ]);
  });

  it('leaves as text what the server would not notify: strangers, and a username run on into other words', () => {
    expect(segmentsOf('@nobody 和 @zhangli请核对', people)).toEqual([{ kind: 'text', text: '@nobody 和 @zhangli请核对' }]);
    expect(segmentsOf('', people)).toEqual([]);
  });

  it('keeps markup and line breaks as the characters they are', () => {
    const body = '<img src=x onerror=alert(1)>\n第二行 @lihong';
    const segments = segmentsOf(body, people);
    expect(segments.map((s) => s.text).join('')).toBe(body);
    expect(segments[0]).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)>\n第二行 ' });
  });
});

describe('mentionQueryAt', () => {
  it('finds the "@…" being typed at the caret, also right after Chinese words', () => {
    expect(mentionQueryAt('请@zh', 4)).toEqual({ start: 1, query: 'zh' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('hello @wang and', 11)).toEqual({ start: 6, query: 'wang' });
  });

  it('finds none after a space, inside an e-mail address, or without an "@"', () => {
    expect(mentionQueryAt('@wang ', 6)).toBeNull();
    expect(mentionQueryAt('mail me@home', 12)).toBeNull();
    expect(mentionQueryAt('没有提到谁', 5)).toBeNull();
  });
});

describe('matchMembers', () => {
  it('matches usernames and names, those starting with the query first, leaving out the writer', () => {
    expect(matchMembers(people, '', 'zhangli')).toEqual([wang, li]);
    expect(matchMembers(people, 'ming', null)).toEqual([wang]);
    expect(matchMembers(people, '李', null)).toEqual([li]);
    expect(matchMembers(people, 'li', null)).toEqual([li, zhang]);
    expect(matchMembers(people, 'ZHANG', null)).toEqual([zhang]);
    expect(matchMembers(people, 'x', null)).toEqual([]);
  });
});

describe('insertMention', () => {
  it('completes the mention with a space after it and puts the caret after that', () => {
    expect(insertMention('请@zh核对', { start: 1, query: 'zh' }, 4, 'zhangli')).toEqual({ text: '请@zhangli 核对', caret: 10 });
    expect(insertMention('@w tomorrow', { start: 0, query: 'w' }, 2, 'wangming')).toEqual({ text: '@wangming tomorrow', caret: 10 });
  });
});
