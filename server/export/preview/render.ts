// Renders an exported DOCX, as exported, with LibreOffice to PDF and PNGs of
// its first and last pages, so that a person (or a test) can look at it.
// Previews only: the official fonts are drawn by free stand-ins (fonts.conf
// beside this file).
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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

export interface Rendering {
  pdf: Buffer;
  pages: number;
  /** The first and the last page at 80 dpi, when asked for and pdftoppm is installed. */
  png: { first: Buffer; last: Buffer } | null;
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
    const pages = await pageCount(pdf, dir);
    const pdftoppm = findProgram('pdftoppm');
    const pagePng = async (tool: string, page: number): Promise<Buffer> => {
      const out = join(dir, `page${page}`);
      await run(tool, ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'document.pdf'), out], { env, timeout: 60_000 });
      return readFile(`${out}.png`);
    };
    const png = options.png && pdftoppm ? { first: await pagePng(pdftoppm, 1), last: await pagePng(pdftoppm, pages) } : null;
    return { pdf, pages, png, ms: performance.now() - started };
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
