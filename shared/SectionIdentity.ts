// A section's identity (分工, API.md "Sections and assignment"): every heading
// of the first two 公文 levels (一、 and （一）) carries an id of its own as an
// attribute, so that its assignment follows it through edits, renumbering,
// moves (the attribute travels with a cut and paste), splits (the first part
// keeps it), joins (the heading that stays keeps its own) and restores (an
// older version's headings bring theirs back). Ids are given by the editor
// for what its user writes (client/editor/SectionIds.ts) and by the server
// for anything else (server/sections/sectionIds.ts); a copy's duplicate gets
// a fresh one. Part of the schema, shared by the editor and the server.
import { Extension } from '@tiptap/core';

export const SECTION_ID_ATTR = 'sectionId';

/** Heading levels that are sections: 2 (一、, the first 公文 level) and 3 (（一）). */
export const SECTION_HEADING_LEVELS: readonly number[] = [2, 3];

/** What an id looks like: 96 random bits, 16 URL-safe characters (like the server's other ids). */
export const SECTION_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A fresh section id (Web Crypto: the same in the browser and in Node). */
export function newSectionId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

export function isSectionHeadingLevel(level: unknown): boolean {
  return SECTION_HEADING_LEVELS.includes(Number(level));
}

export const SectionIdentity = Extension.create({
  name: 'sectionIdentity',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          [SECTION_ID_ATTR]: {
            default: null,
            // kept through copy and paste inside the editor (a duplicate gets a fresh id)
            parseHTML: (element) => {
              const id = element.getAttribute('data-section-id');
              return id && SECTION_ID_PATTERN.test(id) ? id : null;
            },
            renderHTML: (attributes) => (attributes[SECTION_ID_ATTR] ? { 'data-section-id': attributes[SECTION_ID_ATTR] as string } : {}),
          },
        },
      },
    ];
  },
});
