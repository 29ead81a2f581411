import type { ReactNode } from 'react';
import { Link } from '../router/Link.js';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';

interface HeaderProps {
  /** Page-specific content after the logo (the editor's title and status). */
  children?: ReactNode;
  /** Page-specific actions before the language switch and the account menu. */
  actions?: ReactNode;
}

/** The bar on top of every signed-in page: logo, page content, notifications, language, account. */
export function Header({ children, actions }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__logo" aria-label={t('app.name')}>
        议稿
      </Link>
      <div className="app-header__main">{children}</div>
      <div className="app-header__actions">
        {actions}
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
