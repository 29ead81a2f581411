import { describe, expect, it } from 'vitest';
import { presentUsers, sameOrNew } from './presence.js';

const state = (name: string, username: string, color = '#1971c2') => ({ user: { name, username, color } });

describe('presentUsers', () => {
  it('lists one avatar per person, however many tabs they have open', () => {
    const users = presentUsers(
      [
        [1, state('张明', 'zhang')],
        [2, state('李华', 'li')],
        [3, state('李华', 'li')],
      ],
      1,
      'zhang',
    );
    expect(users.map((u) => u.name)).toEqual(['张明', '李华']);
  });
  it('puts oneself first and marks it, also when seen from another tab', () => {
    const users = presentUsers(
      [
        [5, state('王芳', 'wang')],
        [7, state('赵强', 'zhao')],
      ],
      99,
      'zhao',
    );
    expect(users[0]).toMatchObject({ name: '赵强', isSelf: true });
    expect(users[1]).toMatchObject({ name: '王芳', isSelf: false });
  });
  it('skips states without a user, e.g. a tab still starting up', () => {
    expect(
      presentUsers(
        [
          [1, {}],
          [2, null],
          [3, { user: { color: '#000000' } }],
        ],
        1,
        'a',
      ),
    ).toEqual([]);
  });
  it('keeps users without a username apart by client id', () => {
    const users = presentUsers(
      [
        [1, { user: { name: 'Anon' } }],
        [2, { user: { name: 'Anon' } }],
      ],
      0,
      'me',
    );
    expect(users).toHaveLength(2);
    expect(users[0].color).toMatch(/^#/);
  });
});

describe('sameOrNew', () => {
  const ann = { key: 'ann', name: '安', color: '#123456', isSelf: true };
  const bo = { key: 'bo', name: '博', color: '#654321', isSelf: false };
  it('keeps the list it had while the same people are there (a caret moving changes nothing shown)', () => {
    const current = [ann, bo];
    expect(sameOrNew(current, [{ ...ann }, { ...bo }])).toBe(current);
  });
  it('takes the new list when someone came, left, or was renamed or recoloured', () => {
    const current = [ann, bo];
    for (const next of [[ann], [ann, bo, { ...bo, key: 'cy' }], [ann, { ...bo, name: '博士' }], [ann, { ...bo, color: '#000000' }], [bo, ann]])
      expect(sameOrNew(current, next)).toBe(next);
  });
});
