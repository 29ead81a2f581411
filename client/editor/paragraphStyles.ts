// The paragraph styles of the toolbar's style list, as Word users know them,
// mapped onto the schema's paragraph and heading levels (shared/schema.ts).
import type { HeadingLevel } from '../../shared/schema.js';

export const PARAGRAPH_STYLES = ['paragraph', 'h1', 'h2', 'h3', 'h4', 'h5'] as const;
export type ParagraphStyle = (typeof PARAGRAPH_STYLES)[number];

/** The heading level a style stands for; the body text style has none. */
export function headingLevelOf(style: ParagraphStyle): HeadingLevel | null {
  return style === 'paragraph' ? null : (Number(style.slice(1)) as HeadingLevel);
}

/** The style of a text block, or null for anything the list does not offer. */
export function styleOfBlock(typeName: string, level: unknown): ParagraphStyle | null {
  if (typeName === 'paragraph') return 'paragraph';
  if (typeName === 'heading') {
    const style = `h${String(level)}`;
    return (PARAGRAPH_STYLES as readonly string[]).includes(style) ? (style as ParagraphStyle) : null;
  }
  return null;
}

/** Tiptap's shortcut for each style (Ctrl+Alt+0 for body text, Ctrl+Alt+N for heading N). */
export function shortcutOf(style: ParagraphStyle): string {
  return `Mod-Alt-${headingLevelOf(style) ?? 0}`;
}
