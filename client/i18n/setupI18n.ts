// Starts i18next with the stored language (Chinese unless the user chose otherwise).
// Chinese comes with the page; another language's dictionary is fetched when
// it is chosen, or before the first render for those who chose it before:
// most people never use it, and it would be 8 KB more on every first load.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh, type Dictionary } from './zh.js';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'yigao.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The page's lang attribute: Simplified Chinese is zh-CN, so browsers pick Simplified glyphs. */
const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

/** The BCP 47 locale for Intl formatting and the page's lang attribute. */
export function localeOf(language: string): string {
  return isLanguage(language) ? HTML_LANG[language] : language;
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh';
  } catch {
    return 'zh';
  }
}

/** The dictionaries not in the first load (Chinese always is: it is the default and the fallback). */
const DICTIONARIES: Record<Exclude<Language, 'zh'>, () => Promise<Dictionary>> = {
  en: () => import('./en.js').then((module) => module.en),
};

/** A language's dictionary, or null when it cannot be fetched (offline before the service worker cached it). */
async function fetchDictionary(lng: Exclude<Language, 'zh'>): Promise<Dictionary | null> {
  try {
    return await DICTIONARIES[lng]();
  } catch {
    return null;
  }
}

/**
 * Starts i18next in the stored language. Resolves at once for Chinese; for
 * another language once its dictionary is here (the page is rendered after,
 * so that it does not flash in Chinese first), or in Chinese if it cannot be had.
 */
export async function setupI18n(): Promise<void> {
  const stored = storedLanguage();
  const resources: Resource = { zh: { translation: zh } };
  if (stored !== 'zh') {
    const dictionary = await fetchDictionary(stored);
    if (dictionary) resources[stored] = { translation: dictionary };
  }
  const lng = resources[stored] ? stored : 'zh';
  document.documentElement.lang = localeOf(lng);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh',
    resources,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}

export async function changeLanguage(lng: Language): Promise<void> {
  if (lng !== 'zh' && !i18next.hasResourceBundle(lng, 'translation')) {
    const dictionary = await fetchDictionary(lng);
    // Without it the page stays as it is (the switch shows the current language again).
    if (!dictionary) return;
    i18next.addResourceBundle(lng, 'translation', dictionary);
  }
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = localeOf(lng);
  await i18next.changeLanguage(lng);
}
