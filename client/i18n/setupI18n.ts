// Starts i18next with the stored language (Chinese unless the user chose otherwise).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zh } from './zh.js';

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

export function setupI18n(): typeof i18next {
  const lng = storedLanguage();
  document.documentElement.lang = localeOf(lng);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh',
    resources: { zh: { translation: zh }, en: { translation: en } },
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}

export function changeLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = localeOf(lng);
  void i18next.changeLanguage(lng);
}
