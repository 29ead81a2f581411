import { describe, expect, it } from 'vitest';
import { HEADING_LEVELS } from '../../shared/schema.js';
import { headingLevelOf, PARAGRAPH_STYLES, shortcutOf, styleOfBlock } from './paragraphStyles.js';

describe('paragraph styles', () => {
  it('offers body text and every heading level of the schema', () => {
    expect(PARAGRAPH_STYLES.map(headingLevelOf)).toEqual([null, ...HEADING_LEVELS]);
  });
  it('finds the style of a block', () => {
    expect(styleOfBlock('paragraph', undefined)).toBe('paragraph');
    expect(styleOfBlock('heading', 2)).toBe('h2');
  });
  it('has no style for blocks the list does not offer', () => {
    expect(styleOfBlock('heading', 6)).toBeNull();
    expect(styleOfBlock('tableCell', undefined)).toBeNull();
  });
  it("uses Tiptap's shortcuts", () => {
    expect(shortcutOf('paragraph')).toBe('Mod-Alt-0');
    expect(shortcutOf('h3')).toBe('Mod-Alt-3');
  });
});
