// The take-over of typed section numbers (shared/numbering.ts) in a live
// document, once, when its room is loaded: a heading written before automatic
// numbering loses the typed number of its level and is numbered
// automatically, or keeps its text and is marked unnumbered. Done as a
// server change (stored and relayed like any), so every copy merges it.
import * as Y from 'yjs';
import { FIRST_NUMBERED_LEVEL, LAST_NUMBERED_LEVEL, NUMBERING_ATTR, typedNumberLength } from '../../shared/numbering.js';

/** Headings of levels 2–5 without a numbering attribute: written before automatic numbering. */
export function untakenHeadings(fragment: Y.XmlFragment): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [fragment];
  while (stack.length > 0) {
    for (const child of stack.pop()!.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'heading') {
        const level = Number(child.getAttribute('level'));
        if (level >= FIRST_NUMBERED_LEVEL && level <= LAST_NUMBERED_LEVEL && child.getAttribute(NUMBERING_ATTR) === undefined) found.push(child);
      } else stack.push(child);
    }
  }
  return found;
}

/** Takes the typed numbers of `headings` over (call inside a transaction). */
export function takeOverHeadings(headings: Y.XmlElement[]): void {
  for (const heading of headings) {
    const level = Number(heading.getAttribute('level'));
    const first = heading.get(0);
    const delta = first instanceof Y.XmlText ? (first.toDelta() as { insert: unknown }[]) : [];
    const text = typeof delta[0]?.insert === 'string' ? delta[0].insert : '';
    const cut = typedNumberLength(level, text);
    if (cut > 0) (first as Y.XmlText).delete(0, cut);
    heading.setAttribute(NUMBERING_ATTR, cut > 0 ? 'auto' : 'none');
  }
}
