import { describe, expect, it } from 'vitest';
import { mayOpenAssign, sectionAccess } from './sectionAccess.js';

const mine = { assignees: ['wang'] };
const others = { assignees: ['liu'] };

describe('who may change a section’s assignment', () => {
  it('owners and editors assign; the owner and the assignees set the status', () => {
    const owner = sectionAccess({ role: 'owner', status: 'draft' }, 'zhang');
    expect([owner.mayAssign, owner.mayChangeStatus(others), owner.mayChangeStatus(null)]).toEqual([true, true, true]);
    const editor = sectionAccess({ role: 'editor', status: 'draft' }, 'wang');
    expect([editor.mayAssign, editor.mayChangeStatus(mine), editor.mayChangeStatus(others)]).toEqual([true, true, false]);
  });

  it('commenters and viewers see assignments but change nothing, unless the section is theirs', () => {
    const commenter = sectionAccess({ role: 'commenter', status: 'draft' }, 'wang');
    expect([commenter.mayAssign, mayOpenAssign(commenter, others)]).toEqual([false, false]);
    expect(mayOpenAssign(commenter, mine)).toBe(true);
    const viewer = sectionAccess({ role: 'viewer', status: 'in_review' }, 'zhao');
    expect(mayOpenAssign(viewer, others)).toBe(false);
  });

  it('nothing changes once the document is approved', () => {
    const owner = sectionAccess({ role: 'owner', status: 'approved' }, 'zhang');
    expect(mayOpenAssign(owner, mine)).toBe(false);
  });
});
