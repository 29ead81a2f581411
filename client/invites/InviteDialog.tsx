// Administrators invite colleagues: each link registers one account within seven days.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.js';
import { createInvite, listInvites } from '../http/invitesApi.js';
import { localeOf } from '../i18n/setupI18n.js';
import { formatFullTime } from '../lib/relativeTime.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useNow } from '../lib/useNow.js';
import { useResource } from '../lib/useResource.js';
import { InviteLinkField } from './InviteLinkField.js';
import { inviteLink, openInvites } from './inviteLink.js';

export function InviteDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const invites = useResource(listInvites, 'invites');
  const now = useNow();
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locale = localeOf(i18n.language);
  const linkOf = (code: string) => inviteLink(location.origin, code);
  const expiry = (iso: string) => t('invites.expires', { time: formatFullTime(new Date(iso), locale) });

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const invite = await createInvite();
      setCreated(invite.code);
      await invites.reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  // The new link has its own place above; the list holds the others.
  const others = invites.data ? openInvites(invites.data, now).filter((invite) => invite.code !== created) : undefined;

  return (
    <Dialog title={t('invites.title')} onClose={onClose} testId="invite-dialog" className="invite-dialog">
      <p className="muted">{t('invites.explanation')}</p>

      <button type="button" className="button button--primary" data-testid="create-invite" disabled={busy} onClick={() => void create()}>
        {busy ? t('invites.creating') : created ? t('invites.createAnother') : t('invites.create')}
      </button>

      {created && (
        <section className="invite-dialog__new" aria-label={t('invites.newLink')}>
          <p className="invite-dialog__new-label">{t('invites.newLinkHint')}</p>
          <InviteLinkField key={created} link={linkOf(created)} testId="new-invite" />
        </section>
      )}

      {error && (
        <p className="form-error" role="alert" data-testid="invite-error">
          {error}
        </p>
      )}

      <h3 className="share-dialog__heading invite-dialog__heading">{t('invites.openHeading')}</h3>
      {invites.error !== undefined && !invites.data && <p className="form-error">{t('invites.loadError')}</p>}
      {others && others.length === 0 && <p className="muted">{t('invites.none')}</p>}
      {others && others.length > 0 && (
        <ul className="invite-list">
          {others.map((invite) => (
            <li key={invite.code} className="invite-list__item" data-testid="open-invite">
              <InviteLinkField link={linkOf(invite.code)} />
              <span className="invite-list__expiry">{expiry(invite.expiresAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
