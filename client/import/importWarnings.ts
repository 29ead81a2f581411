// What an import could not carry over (server/import/types.ts ImportWarning),
// worded for the dialog and the notice in the editor; and the warnings kept
// for the editor, to be shown once after the document is created.

/** A warning as the server sends it: its code, how many, and its own English words. */
export interface ImportWarningDto {
  code: string;
  count: number;
  message?: string;
}

export const WARNING_CODES = ['images', 'headers_footers', 'fields', 'comments', 'tracked_changes', 'notes', 'objects'] as const;
export type KnownWarningCode = (typeof WARNING_CODES)[number];

export type WarningTranslate = (key: `import.warnings.${KnownWarningCode}`, options: { count: number }) => string;

const isKnown = (code: string): code is KnownWarningCode => (WARNING_CODES as readonly string[]).includes(code);

/** One line for a warning in the user's language; a code this client does not know yet in the server's words. */
export function describeWarning(warning: ImportWarningDto, translate: WarningTranslate): string {
  if (isKnown(warning.code)) return translate(`import.warnings.${warning.code}`, { count: warning.count });
  return warning.message ?? warning.code;
}

/** The warnings worth a line, in the order of WARNING_CODES (unknown codes last). */
export function warningsToShow(warnings: readonly ImportWarningDto[]): ImportWarningDto[] {
  const rank = (code: string) => (isKnown(code) ? WARNING_CODES.indexOf(code) : WARNING_CODES.length);
  return warnings.filter((warning) => warning.count > 0).sort((a, b) => rank(a.code) - rank(b.code));
}

const storageKey = (documentId: string) => `yigao.importWarnings.${documentId}`;

/** Keeps the warnings of a document just imported, for its editor to show once. */
export function keepWarningsFor(documentId: string, warnings: readonly ImportWarningDto[]): void {
  if (warningsToShow(warnings).length === 0) return;
  try {
    sessionStorage.setItem(storageKey(documentId), JSON.stringify(warnings));
  } catch {
    // Storage full or forbidden: the dialog showed them already.
  }
}

/** The warnings kept for a document (not removed: see forgetWarningsFor). */
export function keptWarningsFor(documentId: string): ImportWarningDto[] {
  try {
    const text = sessionStorage.getItem(storageKey(documentId));
    const value: unknown = text ? JSON.parse(text) : [];
    if (!Array.isArray(value)) return [];
    return warningsToShow(
      value.filter(
        (item): item is ImportWarningDto => typeof item === 'object' && item !== null && typeof item.code === 'string' && typeof item.count === 'number',
      ),
    );
  } catch {
    return [];
  }
}

export function forgetWarningsFor(documentId: string): void {
  try {
    sessionStorage.removeItem(storageKey(documentId));
  } catch {
    // Nothing kept.
  }
}
