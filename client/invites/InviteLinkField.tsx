import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/copyText.js';

const COPIED_NOTICE_MS = 2000;

/** An invitation link, shown whole so it can be checked, with a button that copies it. */
export function InviteLinkField({ link, testId }: { link: string; testId?: string }) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLElement>(null);
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult(null), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [result]);

  async function copy() {
    const copied = await copyText(link);
    setResult(copied ? 'copied' : 'failed');
    // If the copy failed, select the link: Ctrl+C is then one key away.
    if (!copied && textRef.current) getSelection()?.selectAllChildren(textRef.current);
  }

  return (
    <div className="invite-link" data-testid={testId}>
      <div className="invite-link__row">
        <code ref={textRef} className="invite-link__text" data-testid="invite-link">
          {link}
        </code>
        <button type="button" className="button" data-testid="copy-invite-link" onClick={() => void copy()}>
          {result === 'copied' ? t('invites.copied') : t('invites.copy')}
        </button>
      </div>
      {result === 'failed' && (
        <p className="invite-link__hint" role="status">
          {t('invites.copyFailed')}
        </p>
      )}
    </div>
  );
}
