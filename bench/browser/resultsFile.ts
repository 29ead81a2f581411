// bench/RESULTS.md holds two reports: `npm run bench`'s (the server) and,
// between two markers at its end, `npm run bench:browser`'s. Each command
// rewrites only its own part: the browser run replaces the marked section,
// and the server run (bench/runRecord.ts) carries the section over.
import fs from 'node:fs';

const START = '<!-- bench:browser start: written by npm run bench:browser -->';
const END = '<!-- bench:browser end -->';

/** The marked browser section of `text` (markers included), or '' when it has none. */
export function browserSection(text: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  return start >= 0 && end > start ? text.slice(start, end + END.length) : '';
}

/** `text` with its browser section replaced by `report` (appended when it had none). */
export function withBrowserSection(text: string, report: string): string {
  const section = `${START}\n\n${report.trim()}\n\n${END}`;
  const old = browserSection(text);
  return old ? text.replace(old, () => section) : `${text.trimEnd()}\n\n${section}\n`;
}

export function writeBrowserSection(file: string, report: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  fs.writeFileSync(file, withBrowserSection(text, report));
}
