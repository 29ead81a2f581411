// Who may change what of a section's assignment (分工), as the server decides
// it: owners and editors assign and set the due date, the owner and the
// section's assignees set its status; nothing changes once the document is approved.
import type { DocumentDto, SectionDto } from '../../shared/api.js';

export interface SectionAccess {
  self: string;
  mayAssign: boolean;
  mayChangeStatus: (record: Pick<SectionDto, 'assignees'> | null) => boolean;
}

export function sectionAccess(doc: Pick<DocumentDto, 'role' | 'status'>, self: string): SectionAccess {
  const open = doc.status !== 'approved';
  return {
    self,
    mayAssign: open && (doc.role === 'owner' || doc.role === 'editor'),
    mayChangeStatus: (record) => open && (doc.role === 'owner' || (record?.assignees.includes(self) ?? false)),
  };
}

/** Whether the 分配 dialog has anything for this person to change. */
export const mayOpenAssign = (access: SectionAccess, record: Pick<SectionDto, 'assignees'> | null): boolean =>
  access.mayAssign || access.mayChangeStatus(record);
