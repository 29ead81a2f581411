// Renders an exported DOCX with LibreOffice to PDF and a PNG of its first
// page, so that a person (or a test) can look at it. Previews only: the
// official fonts are drawn by free stand-ins (fonts.conf beside this file).
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);

export const PREVIEW_FONTS_CONF = fileURLToPath(new URL('./fonts.conf', import.meta.url));

/** The full path of a program on the PATH, or null. */
export function findProgram(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * LibreOffice 7.4 puts a CJK character wider than the grid's character pitch
 * into two grid cells, where Word narrows the pitch of every character: with
 * GB/T 9704's pitch (16 pt − 848/4096 pt) it draws 14 characters a line
 * instead of 28. For the picture only, a copy with the pitch at the font size
 * (charSpace 0) shows the page as Word lays it out, give or take one
 * character a line (27 instead of 28).
 */
export async function withLibreOfficeGrid(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('No word/document.xml in the DOCX');
  const xml = await part.async('string');
  zip.file('word/document.xml', xml.replace(/(<w:docGrid\b[^>]*\bw:charSpace=")-?\d+"/, (_match, start: string) => `${start}0"`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface Rendering {
  pdf: Buffer;
  pages: number;
  /** The first page at 80 dpi, when asked for and pdftoppm is installed. */
  png: Buffer | null;
  ms: number;
}

export async function renderDocx(soffice: string, docx: Buffer, options: { png?: boolean } = {}): Promise<Rendering> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'yigao-render-'));
  try {
    await writeFile(join(dir, 'document.docx'), docx);
    // A throwaway HOME and profile: LibreOffice must not touch (or wait on) a real one.
    const env = { ...process.env, HOME: dir, FONTCONFIG_FILE: PREVIEW_FONTS_CONF };
    await run(
      soffice,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'document.docx')],
      { env, timeout: 120_000 },
    );
    const pdf = await readFile(join(dir, 'document.pdf'));
    let png: Buffer | null = null;
    const pdftoppm = findProgram('pdftoppm');
    if (options.png && pdftoppm) {
      await run(pdftoppm, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'document.pdf'), join(dir, 'page1')], { env, timeout: 60_000 });
      png = await readFile(join(dir, 'page1.png'));
    }
    return { pdf, pages: await pageCount(pdf, dir), png, ms: performance.now() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pageCount(pdf: Buffer, dir: string): Promise<number> {
  const pdfinfo = findProgram('pdfinfo');
  if (pdfinfo) {
    const path = join(dir, 'count.pdf');
    await writeFile(path, pdf);
    const { stdout } = await run(pdfinfo, [path]);
    const pages = /^Pages:\s+(\d+)/m.exec(stdout);
    if (pages) return Number(pages[1]);
  }
  // LibreOffice writes an uncompressed page tree: count its page objects.
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
