// Where the text of a PDF sits, from poppler's `pdftotext -bbox`: its words
// in points from the top left of each page, gathered into lines, so that a
// test can measure a rendered page as a person would with a ruler.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfBox {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface PdfWord extends PdfBox {
  text: string;
}
export interface PdfLine extends PdfBox {
  words: PdfWord[];
  /** The words' text without the spaces between them. */
  text: string;
}
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

export const POINTS_PER_MM = 72 / 25.4;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The pages of a PDF, each with its lines of text from top to bottom. */
export async function pdfPages(pdftotext: string, pdf: Buffer): Promise<PdfPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yigao-pdftext-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const { stdout } = await run(pdftotext, ['-bbox', join(dir, 'in.pdf'), '-'], { maxBuffer: 256 * 1024 * 1024 });
    return parseBbox(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads `pdftotext -bbox` output (XHTML with a <page> per page and a <word> per word). */
export function parseBbox(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  for (const page of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = [];
    for (const word of page[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      const [xMin, yMin, xMax, yMax] = word.slice(1, 5).map(Number);
      words.push({ xMin, yMin, xMax, yMax, text: word[5].replace(/&(\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole) });
    }
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines: gatherLines(words) });
  }
  return pages;
}

/**
 * Words whose vertical middles lie within a few points of each other share a
 * line: pdftotext's own lines split a justified line where its gaps widen,
 * and fonts of one line (仿宋 and Times New Roman) differ a little in height.
 */
function gatherLines(words: PdfWord[]): PdfLine[] {
  const middle = (box: PdfBox) => (box.yMin + box.yMax) / 2;
  const sorted = [...words].sort((a, b) => middle(a) - middle(b) || a.xMin - b.xMin);
  const lines: PdfWord[][] = [];
  for (const word of sorted) {
    const current = lines[lines.length - 1];
    if (current && Math.abs(middle(current[0]) - middle(word)) < 6) current.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => {
    const ordered = line.sort((a, b) => a.xMin - b.xMin);
    return {
      words: ordered,
      text: ordered.map((word) => word.text).join(''),
      xMin: Math.min(...ordered.map((w) => w.xMin)),
      yMin: Math.min(...ordered.map((w) => w.yMin)),
      xMax: Math.max(...ordered.map((w) => w.xMax)),
      yMax: Math.max(...ordered.map((w) => w.yMax)),
    };
  });
}

/** Chinese characters and full-width punctuation only: no half-width digits or letters. */
const ALL_CHINESE = /^[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF“”‘’—…]+$/u;

/**
 * The body lines that run the whole measure (from the type area's left edge
 * to within half a character of its right one) and hold Chinese only, with
 * how many characters each holds: what "characters a line" is counted on.
 */
export function fullLines(lines: PdfLine[], area: { left: number; right: number; char: number }): { line: PdfLine; count: number }[] {
  return lines
    .filter((line) => ALL_CHINESE.test(line.text) && Math.abs(line.xMin - area.left) < 2 && line.xMax > area.right - area.char / 2)
    .map((line) => ({ line, count: [...line.text].length }));
}

/** "5 × 27, 63 × 28": how many full lines hold how many characters. */
export const tally = (counts: number[]): string =>
  [...new Set(counts)]
    .sort()
    .map((count) => `${counts.filter((c) => c === count).length} × ${count}`)
    .join(', ');
