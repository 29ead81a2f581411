import { describe, expect, it } from 'vitest';
import { dayLabel, groupByDay, mergeNewest, neighbourOf, shownVersions } from './versionTimeline.js';

const at = (mo: number, d: number, h: number, mi = 0, y = 2026) => new Date(y, mo - 1, d, h, mi).toISOString();
const v = (id: string, createdAt: string, kind: 'auto' | 'named' = 'auto') => ({ id, createdAt, kind });
const words = { today: '今天', yesterday: '昨天' };

describe('groupByDay', () => {
  it('puts versions of one local day together, keeping newest first', () => {
    const days = groupByDay([v('c', at(11, 28, 23, 59)), v('b', at(11, 28, 0, 1)), v('a', at(11, 27, 18))]);
    expect(days.map((day) => day.versions.map((x) => x.id))).toEqual([['c', 'b'], ['a']]);
    expect(days[0].date).toEqual(new Date(2026, 10, 28));
    expect(days[0].key).not.toBe(days[1].key);
  });

  it('gives nothing for no versions', () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe('dayLabel', () => {
  const now = new Date(2026, 10, 28, 9, 30);
  it('says today and yesterday in words', () => {
    expect(dayLabel(new Date(2026, 10, 28), now, 'zh-CN', words)).toBe('今天');
    expect(dayLabel(new Date(2026, 10, 27), now, 'zh-CN', words)).toBe('昨天');
  });

  it('gives the month and day for older days this year, and the year for earlier years', () => {
    expect(dayLabel(new Date(2026, 10, 20), now, 'zh-CN', words)).toContain('11月20日');
    expect(dayLabel(new Date(2025, 11, 31), now, 'zh-CN', words)).toBe('2025年12月31日');
  });

  it('knows yesterday across the turn of a month', () => {
    expect(dayLabel(new Date(2026, 10, 30), new Date(2026, 11, 1, 8), 'zh-CN', words)).toBe('昨天');
  });
});

describe('shownVersions', () => {
  it('hides automatic versions when only named ones are wanted', () => {
    const list = [v('a', at(11, 28, 10)), v('b', at(11, 28, 9), 'named')];
    expect(shownVersions(list, true).map((x) => x.id)).toEqual(['b']);
    expect(shownVersions(list, false)).toBe(list);
  });
});

describe('mergeNewest', () => {
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  it('adds the new versions on top and keeps the older pages', () => {
    const merged = mergeNewest([{ id: 'c' }, { id: 'b' }, { id: 'a' }], [{ id: 'e' }, { id: 'd' }, { id: 'c' }]);
    expect(ids(merged.versions)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(merged.kept).toBe(true);
  });

  it('starts again from the fresh page when it does not reach the loaded versions', () => {
    const merged = mergeNewest([{ id: 'b' }, { id: 'a' }], [{ id: 'z' }, { id: 'y' }]);
    expect(ids(merged.versions)).toEqual(['z', 'y']);
    expect(merged.kept).toBe(false);
  });

  it('takes the first page as it is when nothing was loaded', () => {
    expect(ids(mergeNewest([], [{ id: 'a' }]).versions)).toEqual(['a']);
  });
});

describe('neighbourOf', () => {
  const list = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
  it('prefers the version just before, else the one just after', () => {
    expect(neighbourOf(list, 'b')?.id).toBe('a');
    expect(neighbourOf(list, 'a')?.id).toBe('b');
    expect(neighbourOf([{ id: 'a' }], 'a')).toBeNull();
    expect(neighbourOf(list, 'x')).toBeNull();
  });
});
