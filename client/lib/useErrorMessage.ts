import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errorMessage.js';

/** errorMessage() in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) =>
      errorMessage(error, {
        network: t('errors.network'),
        unknown: t('errors.unknown'),
        forCode: (code, serverMessage) => {
          const key = `errors.codes.${code}`;
          return i18n.exists(key) ? t(key as never, { detail: serverMessage }) : null;
        },
      }),
    [t, i18n],
  );
}
