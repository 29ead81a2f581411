// A Word paragraph's children in order, with consecutive runs of one link
// wrapped in one hyperlink (docxBody.ts writes the runs and comment marks).
import type { Mark } from '@tiptap/pm/model';
import { ExternalHyperlink, type ParagraphChild } from 'docx';
import { safeHref } from './content.js';

/**
 * Collects a paragraph's children, wrapping consecutive runs of one link in
 * one hyperlink. A comment mark met inside a link waits until the next run
 * shows whether the link goes on, so that it lands inside or after it.
 */
export class LinkedRuns {
  private readonly out: ParagraphChild[] = [];
  private link: { mark: Mark; children: ParagraphChild[] } | null = null;
  private waiting: ParagraphChild[] = [];

  addMarks(marks: ParagraphChild[]): void {
    (this.link ? this.waiting : this.out).push(...marks);
  }

  addRuns(link: Mark | null, runs: ParagraphChild[]): void {
    if (link && this.link?.mark.eq(link)) {
      this.link.children.push(...this.waiting, ...runs);
      this.waiting = [];
      return;
    }
    this.closeLink();
    if (link) this.link = { mark: link, children: [...runs] };
    else this.out.push(...runs);
  }

  finish(): ParagraphChild[] {
    this.closeLink();
    return this.out;
  }

  private closeLink(): void {
    if (this.link) this.out.push(new ExternalHyperlink({ link: safeHref(this.link.mark.attrs.href) ?? '', children: this.link.children }));
    this.link = null;
    this.out.push(...this.waiting);
    this.waiting = [];
  }
}
