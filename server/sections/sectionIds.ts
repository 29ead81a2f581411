// Section ids in a live document (shared/SectionIdentity.ts), from the
// server's side: every top-level heading of level 2 or 3 gets an id when it
// has none (written by a client without the editor, seeded, imported, or from
// before 分工), and a duplicate (two copies of one heading from concurrent
// splits) gets a fresh one, the first in document order keeping its own.
// Done as a server change, so that every copy merges it.
import * as Y from 'yjs';
import { headingNumbers, NUMBERING_ATTR, typedNumberLength, type Numbering } from '../../shared/numbering.js';
import { isSectionHeadingLevel, newSectionId, SECTION_ID_ATTR, SECTION_ID_PATTERN } from '../../shared/SectionIdentity.js';

/** The top-level section headings of the body, in document order. */
export function sectionHeadings(body: Y.XmlFragment): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  for (const child of body.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'heading' && isSectionHeadingLevel(child.getAttribute('level'))) found.push(child);
  }
  return found;
}

/** The id each section heading has now (null: none, or a bad one). */
export const sectionIdOf = (heading: Y.XmlElement): string | null => {
  const id = heading.getAttribute(SECTION_ID_ATTR) as unknown;
  return typeof id === 'string' && SECTION_ID_PATTERN.test(id) ? id : null;
};

/** The headings that need a fresh id: none yet, a malformed one, or the id of an earlier heading. */
export function headingsWithoutId(body: Y.XmlFragment): Y.XmlElement[] {
  const seen = new Set<string>();
  return sectionHeadings(body).filter((heading) => {
    const id = sectionIdOf(heading);
    if (id === null || seen.has(id)) return true;
    seen.add(id);
    return false;
  });
}

/** Gives each heading a fresh id (call inside a transaction). */
export function giveSectionIds(headings: Y.XmlElement[]): void {
  for (const heading of headings) heading.setAttribute(SECTION_ID_ATTR, newSectionId());
}

/** The ids of the document's sections now, in document order (each once). */
export function presentSectionIds(body: Y.XmlFragment): string[] {
  const ids = sectionHeadings(body)
    .map(sectionIdOf)
    .filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

const textOf = (element: Y.XmlElement): string =>
  element
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText ? (child.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('') : '',
    )
    .join('');

/** Every heading of the body (nested ones too, as numbering counts them), in document order. */
function allHeadings(body: Y.XmlFragment): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'heading') found.push(child);
      else walk(child);
    }
  };
  walk(body);
  return found;
}

/**
 * Each section's number and title as a reader sees them (`二、参政议政更主动`),
 * by id, read from the Yjs document without building the whole ProseMirror
 * one (this runs shortly after every burst of typing).
 */
export function sectionTitles(body: Y.XmlFragment): Map<string, string> {
  const headings = allHeadings(body);
  const texts = headings.map(textOf);
  const numbers = headingNumbers(
    headings.map((h) => ({ level: Number(h.getAttribute('level')), numbering: (h.getAttribute(NUMBERING_ATTR) ?? null) as Numbering | null })),
  );
  const titles = new Map<string, string>();
  headings.forEach((heading, i) => {
    if (heading.parent !== body || !isSectionHeadingLevel(heading.getAttribute('level'))) return;
    const id = sectionIdOf(heading);
    const level = Number(heading.getAttribute('level'));
    const shown = numbers[i] !== null && typedNumberLength(level, texts[i]) === 0 ? numbers[i] : '';
    if (id !== null && !titles.has(id)) titles.set(id, `${shown}${texts[i]}`);
  });
  return titles;
}

/**
 * For each top-level block of the body, the sections it belongs to: its
 * first-level section (一、) and its second-level one (（一）), as
 * shared/sections.ts bounds them (the title heading ends both).
 */
export function sectionsOfBlocks(body: Y.XmlFragment): Map<Y.XmlElement | Y.XmlText, string[]> {
  const owners = new Map<Y.XmlElement | Y.XmlText, string[]>();
  let first: string | null = null;
  let second: string | null = null;
  for (const child of body.toArray()) {
    if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) continue;
    if (child instanceof Y.XmlElement && child.nodeName === 'heading') {
      const level = Number(child.getAttribute('level'));
      if (level <= 1) first = second = null;
      else if (level === 2) [first, second] = [sectionIdOf(child), null];
      else if (level === 3) second = sectionIdOf(child);
    }
    owners.set(
      child,
      [first, second].filter((id): id is string => id !== null),
    );
  }
  return owners;
}

/** The top-level block of the body that holds `type`; null when it is not in the body. */
export function topLevelBlock(body: Y.XmlFragment, type: Y.XmlText | Y.XmlElement): Y.XmlElement | Y.XmlText | null {
  let current: Y.XmlText | Y.XmlElement | null = type;
  while (current && current.parent !== body) current = current.parent instanceof Y.XmlElement ? current.parent : null;
  return current;
}
