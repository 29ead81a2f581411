// Markdown escaping of text: the characters that Markdown would read as
// syntax anywhere in a line (escapeText) and at the start of one
// (escapeLineStart). Full-width punctuation never needs escaping.

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Characters that are Markdown syntax anywhere in a line. Full-width
 * punctuation never is; `_` between two letters or digits cannot open or
 * close emphasis, so it stays as it is there (snake_case).
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c: string, i: number) => (c === '_' && isWordChar(text[i - 1]) && isWordChar(text[i + 1]) ? c : `\\${c}`))
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/(\s)#/g, '$1\\#');
}

/** Characters that are Markdown syntax at the start of a line: headings, lists, quotes, setext underlines, indented code. */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
