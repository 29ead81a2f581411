import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errorMessage.js';

/** errorMessage() with the fallback sentences in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorMessage(error, { network: t('errors.network'), unknown: t('errors.unknown') }), [t]);
}
