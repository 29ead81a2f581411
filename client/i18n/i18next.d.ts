// Types every t() key against the Chinese dictionary, so a typo fails to compile.
import type { Dictionary } from './zh.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Dictionary };
  }
}
