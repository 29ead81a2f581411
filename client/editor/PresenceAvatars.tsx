import { useTranslation } from 'react-i18next';
import { Avatar } from '../components/Avatar.js';
import type { PresenceUser } from './presence.js';

const MAX_SHOWN = 5;

/** Everyone who has the document open, one avatar each; a "+N" for the rest. */
export function PresenceAvatars({ users }: { users: PresenceUser[] }) {
  const { t } = useTranslation();
  const shown = users.slice(0, MAX_SHOWN);
  const hidden = users.slice(MAX_SHOWN);
  return (
    <div className="presence" data-testid="presence" role="group" aria-label={t('editor.presence')}>
      {shown.map((user) => (
        <Avatar key={user.key} name={user.name} color={user.color} size={28} testId="presence-user" />
      ))}
      {hidden.length > 0 && (
        <span className="presence__more" title={hidden.map((user) => user.name).join('、')}>
          +{hidden.length}
        </span>
      )}
    </div>
  );
}
