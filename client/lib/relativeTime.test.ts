import { describe, expect, it } from 'vitest';
import { formatFullTime, formatRelativeTime } from './relativeTime.js';

const now = new Date(2026, 11, 20, 15, 30, 0);
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe('formatRelativeTime', () => {
  it('says "just now" within the first minute, also for a clock slightly ahead', () => {
    expect(formatRelativeTime(ago(20_000), now, 'zh-CN', '刚刚')).toBe('刚刚');
    expect(formatRelativeTime(ago(-5_000), now, 'en', 'just now')).toBe('just now');
  });
  it('counts minutes and hours in the chosen language', () => {
    expect(formatRelativeTime(ago(5 * MIN), now, 'zh-CN', '刚刚')).toBe('5分钟前');
    expect(formatRelativeTime(ago(5 * MIN), now, 'en', 'just now')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 60 * MIN), now, 'zh-CN', '刚刚')).toBe('3小时前');
  });
  it('counts calendar days for the last week', () => {
    expect(formatRelativeTime(new Date(2026, 11, 19, 9, 0), now, 'zh-CN', '刚刚')).toBe('昨天');
    expect(formatRelativeTime(new Date(2026, 11, 17, 9, 0), now, 'en', 'just now')).toBe('3 days ago');
  });
  it('shows the date for older times, with the year only when it differs', () => {
    expect(formatRelativeTime(new Date(2026, 2, 5), now, 'zh-CN', '刚刚')).toBe('3月5日');
    expect(formatRelativeTime(new Date(2025, 2, 5), now, 'zh-CN', '刚刚')).toBe('2025年3月5日');
  });
});

describe('formatFullTime', () => {
  it('gives date and time', () => {
    expect(formatFullTime(now, 'zh-CN')).toBe('2026年12月20日 15:30');
  });
});
