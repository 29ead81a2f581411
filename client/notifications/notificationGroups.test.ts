import { describe, expect, it } from 'vitest';
import type { NotificationDto, PersonDto } from '../../shared/api.js';
import { badgeText, groupNotifications } from './notificationGroups.js';

const zhang: PersonDto = { username: 'zhangli', displayName: '张丽', color: '#c00' };
const wang: PersonDto = { username: 'wangming', displayName: '王明', color: '#0c0' };

const note = (id: string, threadId: string, actor: PersonDto, read: boolean, documentId = 'd1'): NotificationDto => ({
  id,
  document: { id: documentId, title: '工作总结' },
  threadId,
  commentId: id,
  actor,
  excerpt: `摘要 ${id}`,
  createdAt: '2026-11-28T10:00:00.000Z',
  read,
});

describe('groupNotifications', () => {
  it("shows the mentions of one thread as one entry, in the order of each thread's newest", () => {
    const groups = groupNotifications([
      note('n4', 't2', wang, false),
      note('n3', 't1', zhang, false),
      note('n2', 't2', zhang, true),
      note('n1', 't2', wang, true),
    ]);
    expect(groups.map((g) => [g.latest.id, g.ids, g.unreadIds])).toEqual([
      ['n4', ['n4', 'n2', 'n1'], ['n4']],
      ['n3', ['n3'], ['n3']],
    ]);
    expect(groups[0].actors).toEqual([wang, zhang]);
  });

  it('keeps threads of different documents apart', () => {
    expect(groupNotifications([note('a', 't1', wang, true, 'd1'), note('b', 't1', wang, true, 'd2')])).toHaveLength(2);
    expect(groupNotifications([])).toEqual([]);
  });
});

describe('badgeText', () => {
  it('says nothing at zero and stops counting at 99', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
