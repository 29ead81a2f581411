import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { NotificationDto, PersonDto } from '../../shared/api.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import { badgeText, groupNotifications, notificationPath, notificationTitle } from './notificationGroups.js';

const zhang: PersonDto = { username: 'zhangli', displayName: '张丽', color: '#c00' };
const wang: PersonDto = { username: 'wangming', displayName: '王明', color: '#0c0' };

const note = (id: string, threadId: string, actor: PersonDto, read: boolean, documentId = 'd1'): NotificationDto => ({
  id,
  kind: 'mention',
  document: { id: documentId, title: '工作总结' },
  threadId,
  commentId: id,
  sectionId: null,
  actor,
  excerpt: `摘要 ${id}`,
  createdAt: '2026-11-28T10:00:00.000Z',
  read,
});

const assignment = (id: string, sectionId: string, actor: PersonDto, read: boolean, documentId = 'd1'): NotificationDto => ({
  id,
  kind: 'assigned',
  document: { id: documentId, title: '工作总结' },
  threadId: null,
  commentId: null,
  sectionId,
  actor,
  excerpt: '二、参政议政更主动',
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

  it('shows the assignments of one section as one entry, apart from mentions and other sections', () => {
    const groups = groupNotifications([
      assignment('a3', 's2', wang, false),
      note('n2', 's2', zhang, false),
      assignment('a2', 's1', zhang, false),
      assignment('a1', 's2', zhang, true),
      assignment('a0', 's2', zhang, true, 'd2'),
    ]);
    expect(groups.map((g) => [g.latest.id, g.ids, g.unreadIds])).toEqual([
      ['a3', ['a3', 'a1'], ['a3']],
      ['n2', ['n2'], ['n2']],
      ['a2', ['a2'], ['a2']],
      ['a0', ['a0'], []],
    ]);
    expect(groups[0].actors).toEqual([wang, zhang]);
  });
});

describe('notificationPath', () => {
  it('opens a mention at its thread and an assignment at its section', () => {
    expect(notificationPath(note('n1', 't1', wang, false))).toBe('/d/d1?thread=t1');
    expect(notificationPath(assignment('a1', 's1', zhang, false))).toBe('/d/d1?section=s1');
  });
  it('opens the document itself when the thread or section is not given', () => {
    expect(notificationPath({ ...assignment('a1', 's1', zhang, false), sectionId: null })).toBe('/d/d1');
    expect(notificationPath({ ...note('n1', 't1', zhang, false), threadId: null })).toBe('/d/d1');
  });
});

describe('notificationTitle', () => {
  it('words an assignment with who assigned which section', () => {
    expect(notificationTitle(assignment('a1', 's1', zhang, false))).toEqual({
      key: 'notifications.assigned',
      values: { name: '张丽', title: '工作总结', section: '二、参政议政更主动' },
    });
  });
  it('reads "张丽 把「二、参政议政更主动」分配给了您" in Chinese, and in English too', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh', resources: { zh: { translation: zh }, en: { translation: en } }, interpolation: { escapeValue: false } });
    const { key, values } = notificationTitle(assignment('a1', 's1', zhang, false));
    expect(i18n.t(key, values)).toBe('张丽 把「二、参政议政更主动」分配给了您');
    expect(i18n.t(key, { ...values, lng: 'en' })).toBe('张丽 assigned “二、参政议政更主动” to you');
  });
  it('words suggestions (修订) with who suggested in which document, and opens their section', async () => {
    const item = { ...assignment('g1', 's1', wang, false), kind: 'suggested' as const, excerpt: '新增文字' };
    const { key, values } = notificationTitle(item);
    expect(key).toBe('notifications.suggested');
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh', resources: { zh: { translation: zh }, en: { translation: en } }, interpolation: { escapeValue: false } });
    expect(i18n.t(key, values)).toBe('王明 对《工作总结》提出了修订');
    expect(i18n.t(key, { ...values, lng: 'en' })).toBe('王明 suggested changes to “工作总结”');
    // the section, as an assignment of it opens
    expect(notificationPath(item)).toBe(notificationPath(assignment('a1', 's1', zhang, false)));
    expect(groupNotifications([item, { ...item, id: 'g2' }, { ...item, id: 'g3', sectionId: 's2' }]).map((g) => g.ids)).toEqual([['g1', 'g2'], ['g3']]);
  });
  it('words a mention with who mentioned the user in which document', () => {
    const { key, values } = notificationTitle(note('n1', 't1', wang, false));
    expect(key).toBe('notifications.mentioned');
    expect(values).toMatchObject({ name: '王明', title: '工作总结' });
  });
});

describe('badgeText', () => {
  it('says nothing at zero and stops counting at 99', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
