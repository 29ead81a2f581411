import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyDialog } from '../lazy/LazyPlaces.js';
import { InviteDialogPart } from '../lazy/parts.js';
import { useCurrentUser, useSession } from '../session/sessionContext.js';
import { Avatar } from './Avatar.js';
import { DropdownMenu, type MenuItem } from './DropdownMenu.js';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { signOut } = useSession();
  const [inviting, setInviting] = useState(false);
  const items: MenuItem[] = [
    ...(user.isAdmin ? [{ label: t('header.invite'), onSelect: () => setInviting(true), testId: 'invite-colleagues' }] : []),
    { label: t('header.signOut'), onSelect: () => void signOut(), testId: 'sign-out' },
  ];
  return (
    <>
      <DropdownMenu
        label={t('header.userMenu')}
        triggerClassName="user-menu__button"
        triggerTestId="user-menu"
        trigger={
          <>
            <Avatar name={user.displayName} color={user.color} size={26} />
            <span className="user-menu__name">{user.displayName}</span>
          </>
        }
        header={t('header.signedInAs', { name: user.displayName, username: user.username })}
        items={items}
      />
      {/* Only administrators invite, and seldom: loaded when opened. */}
      {inviting && (
        <LazyDialog onClose={() => setInviting(false)}>
          <InviteDialogPart.Component onClose={() => setInviting(false)} />
        </LazyDialog>
      )}
    </>
  );
}
