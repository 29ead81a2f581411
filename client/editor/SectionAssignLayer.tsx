// 分配 for the section being assigned, over the page: the section as it is
// now (its title and 字数 follow the typing), found among the live sections.
import type { MemberDto, SectionUpdateDto } from '../../shared/api.js';
import { LazyDialog } from '../lazy/LazyPlaces.js';
import { SectionAssignDialogPart } from '../lazy/parts.js';
import type { SectionAccess } from './sectionAccess.js';
import { useLiveSectionList, type LiveSections } from './useSections.js';

interface SectionAssignLayerProps {
  /** The id of the section whose 分配 is open. */
  sectionId: string;
  live: LiveSections;
  members: readonly MemberDto[];
  access: SectionAccess;
  onSave: (sectionId: string, change: SectionUpdateDto) => Promise<boolean>;
  onClose: () => void;
}

export function SectionAssignLayer({ sectionId, live, members, access, onSave, onClose }: SectionAssignLayerProps) {
  const assigned = useLiveSectionList(live).find((section) => section.id === sectionId);
  if (!assigned) return null;
  return (
    <LazyDialog key={sectionId} onClose={onClose}>
      <SectionAssignDialogPart.Component
        section={{ ...assigned, id: sectionId }}
        members={members}
        mayAssign={access.mayAssign}
        mayChangeStatus={access.mayChangeStatus(assigned.record)}
        onSave={(change) => onSave(sectionId, change)}
        onClose={onClose}
      />
    </LazyDialog>
  );
}
