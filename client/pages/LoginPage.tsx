import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationInfoDto } from '../../shared/api.js';
import { fetchRegistrationInfo, login, register } from '../http/authApi.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { inviteCodeFrom } from '../invites/inviteLink.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource } from '../lib/useResource.js';
import { useLocation } from '../router/navigation.js';
import { useSession } from '../session/sessionContext.js';

type Mode = 'login' | 'register';

/**
 * Whether to offer registration: with an invitation always; otherwise when the
 * server takes anyone, or has no account yet (the first one becomes the
 * administrator). When the server could not say, offer it and let it decide.
 */
function canRegister(info: RegistrationInfoDto | undefined, failed: boolean, inviteCode: string | null): boolean {
  if (inviteCode) return true;
  if (!info) return failed;
  return info.mode === 'open' || info.firstAccount;
}

/** Sign in or register; the app takes the user on to where they were going once signed in. */
export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const describeError = useErrorMessage();
  const registration = useResource(fetchRegistrationInfo, 'registration');
  const { search } = useLocation();
  // Kept from the link the page was opened with, even if the user looks at the sign-in form in between.
  const [inviteCode] = useState(() => inviteCodeFrom(search));
  const [mode, setMode] = useState<Mode>(inviteCode ? 'register' : 'login');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    try {
      const user =
        mode === 'login'
          ? await login({ username, password })
          : await register({ username, password, displayName: String(form.get('displayName') ?? '').trim(), ...(inviteCode ? { inviteCode } : {}) });
      signedIn(user);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  function switchTo(next: Mode) {
    setMode(next);
    setError(null);
  }

  const isLogin = mode === 'login';
  const info = registration.data;
  const registerOffered = canRegister(info, registration.error !== undefined, inviteCode);
  return (
    <div className="login-page">
      <div className="login-page__language">
        <LanguageSwitch />
      </div>
      <main className="login-card">
        <div className="login-card__brand">
          <span className="login-card__logo">议稿</span>
          <span className="login-card__tagline">{t('app.tagline')}</span>
        </div>
        <h1 className="login-card__title">{isLogin ? t('auth.signInTitle') : t('auth.registerTitle')}</h1>
        {!isLogin && inviteCode && (
          <p className="login-card__notice" data-testid="invite-notice">
            {t('auth.invited')}
          </p>
        )}
        {!isLogin && !inviteCode && info?.firstAccount && <p className="login-card__notice">{t('auth.firstAccount')}</p>}
        <form className="form" onSubmit={submit}>
          <label className="field">
            <span className="field__label">{t('auth.username')}</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              required
              autoFocus
              autoCapitalize="none"
              spellCheck={false}
              {...(isLogin ? {} : { minLength: 2, maxLength: 40, pattern: '[\\p{L}\\p{N}_.\\-]{2,40}', title: t('auth.usernameHint') })}
            />
            {!isLogin && <span className="field__hint">{t('auth.usernameHint')}</span>}
          </label>
          {!isLogin && (
            <label className="field">
              <span className="field__label">{t('auth.displayName')}</span>
              <input className="input" name="displayName" autoComplete="name" required />
              <span className="field__hint">{t('auth.displayNameHint')}</span>
            </label>
          )}
          <label className="field">
            <span className="field__label">{t('auth.password')}</span>
            <input
              className="input"
              name="password"
              type="password"
              autoComplete={isLogin ? 'current-password' : 'new-password'}
              required
              {...(isLogin ? {} : { minLength: 8, maxLength: 200 })}
            />
            {!isLogin && <span className="field__hint">{t('auth.passwordHint')}</span>}
          </label>
          {error && (
            <p className="form-error" role="alert" data-testid="form-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? (isLogin ? t('auth.signingIn') : t('auth.registering')) : isLogin ? t('auth.signIn') : t('auth.register')}
          </button>
        </form>
        <p className="login-card__switch">
          {isLogin ? (
            registerOffered ? (
              <button type="button" className="link-button" data-testid="switch-to-register" onClick={() => switchTo('register')}>
                {t('auth.switchToRegister')}
              </button>
            ) : (
              info && (
                <span className="muted" data-testid="invite-only">
                  {t('auth.inviteOnly')}
                </span>
              )
            )
          ) : (
            <button type="button" className="link-button" data-testid="switch-to-login" onClick={() => switchTo('login')}>
              {t('auth.switchToLogin')}
            </button>
          )}
        </p>
      </main>
    </div>
  );
}
