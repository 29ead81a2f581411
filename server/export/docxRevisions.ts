// 修订 (suggestions) in the Word export, as Word's tracked changes, so that a
// reviewer sees them in Word and can accept or reject them there:
// - a proposed insertion is a w:ins, a deletion a w:del (its text w:delText),
//   each with w:author (the author's display name, else username) and w:date;
//   text proposed by one person and proposed for deletion by another is a
//   w:del (Word nests no deletion in an insertion this package writes);
// - a proposed format change is the run with the change applied and the
//   formatting before it in w:rPrChange, as Word records one.
import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Mark } from '@tiptap/pm/model';
import { FORMAT_MARK_NAMES } from '../../shared/suggestions.js';
import type { RunFormat } from './docxFormat.js';
import { suggestionAuthor, suggestionIsoDate, suggestionMarks, type AuthorNames } from './suggestionMarks.js';

/** Revision ids start here, clear of the comments' ids (0, 1, …). */
const FIRST_ID = 10_000;

export class Revisions {
  private next = FIRST_ID;

  constructor(private readonly authors: AuthorNames = {}) {}

  private change(mark: Mark) {
    return { id: this.next++, author: suggestionAuthor(mark, this.authors), date: suggestionIsoDate(mark) };
  }

  /**
   * The runs for text or a line break carrying `marks`: `runs(format)` makes
   * their options in a format; `withMarks` applies marks to a format.
   */
  write(
    marks: readonly Mark[],
    base: RunFormat,
    withMarks: (base: RunFormat, marks: readonly Mark[]) => RunFormat,
    runs: (format: RunFormat) => IRunOptions[],
  ): ParagraphChild[] {
    const suggested = suggestionMarks(marks);
    const before = withMarks(base, marks);
    let options = runs(before);
    if (suggested.format) {
      const after = withMarks(base, proposedMarks(marks, suggested.format));
      const revision = { ...before, ...this.change(suggested.format) };
      options = runs(after).map((run) => ({ ...run, revision }));
    }
    if (suggested.delete) {
      const change = this.change(suggested.delete);
      return options.map((run) => new DeletedTextRun({ ...run, ...change }));
    }
    if (suggested.insert) {
      const change = this.change(suggested.insert);
      return options.map((run) => new InsertedTextRun({ ...run, ...change }));
    }
    return options.map((run) => new TextRun(run));
  }
}

/** The marks as a format suggestion would leave them: its remove cleared, its add set. */
function proposedMarks(marks: readonly Mark[], format: Mark): Mark[] {
  const names = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((name): name is string => (FORMAT_MARK_NAMES as readonly unknown[]).includes(name)) : [];
  const remove = names(format.attrs.remove);
  const add = names(format.attrs.add);
  const kept = marks.filter((mark) => !remove.includes(mark.type.name) && !add.includes(mark.type.name));
  const schema = format.type.schema;
  return [...kept, ...add.map((name) => schema.marks[name].create())];
}
