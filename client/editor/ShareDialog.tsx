// Who may open the document and in which role; only owners change it.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type MemberDto, type Role } from '../../shared/api.js';
import { canManageMembers } from '../../shared/access.js';
import { listMembers, removeMember, setMemberRole } from '../http/documentsApi.js';
import { Avatar } from '../components/Avatar.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Dialog } from '../components/Dialog.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource } from '../lib/useResource.js';

/** The roles offered when adding someone, the most common first. */
const ADD_ROLES: Role[] = ['editor', 'commenter', 'viewer', 'owner'];

interface ShareDialogProps {
  documentId: string;
  documentTitle: string;
  myRole: Role;
  myUsername: string;
  onClose: () => void;
  /** Membership changed: the caller refreshes what depends on it (one's own role). */
  onChanged: () => void;
}

export function ShareDialog({ documentId, documentTitle, myRole, myUsername, onClose, onChanged }: ShareDialogProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const load = useCallback(() => listMembers(documentId), [documentId]);
  const members = useResource(load, documentId);
  const manage = canManageMembers(myRole);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberDto | null>(null);

  async function change(action: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await action();
      await members.reload();
      onChanged();
      return true;
    } catch (caught) {
      setError(describeError(caught));
      return false;
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const name = username.trim();
    if (!name) return setError(t('share.usernameRequired'));
    setBusy(true);
    if (await change(() => setMemberRole(documentId, name, role))) setUsername('');
    setBusy(false);
  }

  return (
    <Dialog title={t('share.title')} onClose={onClose} testId="share-dialog" className="share-dialog">
      <p className="share-dialog__document">{documentTitle}</p>

      {manage && (
        <form className="share-dialog__add" onSubmit={add}>
          <h3 className="share-dialog__heading">{t('share.addHeading')}</h3>
          <div className="share-dialog__add-row">
            <input
              className="input"
              name="member-username"
              aria-label={t('share.usernameLabel')}
              placeholder={t('share.usernamePlaceholder')}
              value={username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              onChange={(event) => setUsername(event.target.value)}
            />
            <select
              className="select"
              name="member-role"
              aria-label={t('share.roleLabel')}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {ADD_ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`role.${value}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--primary" data-testid="add-member" disabled={busy}>
              {busy ? t('share.adding') : t('share.add')}
            </button>
          </div>
        </form>
      )}

      {error && (
        <p className="form-error" role="alert" data-testid="share-error">
          {error}
        </p>
      )}

      <h3 className="share-dialog__heading">{t('share.members')}</h3>
      {members.error !== undefined && !members.data && <p className="form-error">{t('share.loadError')}</p>}
      <ul className="member-list">
        {members.data?.map((member) => {
          const isMe = member.user.username === myUsername;
          return (
            <li key={member.user.username} className="member-list__item" data-testid="member-row" data-username={member.user.username}>
              <Avatar name={member.user.displayName} color={member.user.color} size={32} />
              <span className="member-list__who">
                <span className="member-list__name">
                  {member.user.displayName}
                  {isMe && t('share.you')}
                </span>
                <span className="member-list__username">{member.user.username}</span>
              </span>
              {manage ? (
                <>
                  <select
                    className="select select--small"
                    name="role"
                    aria-label={t('share.changeRole', { name: member.user.displayName })}
                    value={member.role}
                    onChange={(event) => void change(() => setMemberRole(documentId, member.user.username, event.target.value as Role))}
                  >
                    {ROLES.map((value) => (
                      <option key={value} value={value}>
                        {t(`role.${value}`)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    data-testid="remove-member"
                    disabled={isMe}
                    onClick={() => setRemoving(member)}
                  >
                    {t('share.remove')}
                  </button>
                </>
              ) : (
                <span className="member-list__role">{t(`role.${member.role}`)}</span>
              )}
            </li>
          );
        })}
      </ul>

      {!manage && <p className="muted share-dialog__note">{t('share.readOnlyNote')}</p>}

      <dl className="role-legend">
        {(['editor', 'commenter', 'viewer'] as const).map((value) => (
          <div key={value} className="role-legend__item">
            <dt>{t(`role.${value}`)}</dt>
            <dd>{t(`roleDescription.${value}`)}</dd>
          </div>
        ))}
      </dl>

      {removing && (
        <ConfirmDialog
          title={t('share.removeTitle')}
          confirmLabel={t('share.remove')}
          errorMessage={describeError}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await removeMember(documentId, removing.user.username);
            await members.reload();
            onChanged();
          }}
        >
          {t('share.removeBody', { name: removing.user.displayName })}
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
