// Which section's 分配 dialog is open. It opens with the members as they are
// now: someone may have been added in another tab or by another owner.
import { useCallback, useState } from 'react';

export function useAssigning(reloadMembers: () => Promise<unknown>): [string | null, (sectionId: string) => void, (sectionId: string | null) => void] {
  const [assigning, setAssigning] = useState<string | null>(null);
  const assign = useCallback(
    (sectionId: string) => {
      setAssigning(sectionId);
      void reloadMembers();
    },
    [reloadMembers],
  );
  return [assigning, assign, setAssigning];
}
