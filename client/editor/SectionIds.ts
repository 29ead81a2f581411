// Gives each section heading (一、 and （一）, shared/SectionIdentity.ts) the
// user writes an id of its own, so that an assignment follows its section
// (分工). Only this user's own edits are looked at: what arrives from others
// (or from Yjs undo) was given its ids where it was written, and the server
// gives ids to anything else. A heading that existed before the edit keeps
// its id; a copy of it (a pasted duplicate, the second half of a split
// heading) gets a fresh one; a heading moved by cut and paste keeps its own.
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { isSectionHeadingLevel, newSectionId, SECTION_ID_ATTR } from '../../shared/SectionIdentity.js';

export const sectionIdsKey = new PluginKey('sectionIds');

interface SectionHeading {
  pos: number;
  id: string | null;
}

/** The body's top-level headings of the section levels, with their ids. */
function sectionHeadings(doc: PMNode): SectionHeading[] {
  const found: SectionHeading[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'heading' && isSectionHeadingLevel(node.attrs.level))
      found.push({ pos, id: (node.attrs[SECTION_ID_ATTR] as string | null) ?? null });
  });
  return found;
}

/** The user's own edits (none of them from Yjs: a remote change or an undo arrives as it was made). */
const ownEdits = (transactions: readonly Transaction[]) => transactions.some((tr) => tr.docChanged) && !transactions.some((tr) => isChangeOrigin(tr));

/** The ids to set after these edits, by heading position in the new document. */
export function idsToGive(oldDoc: PMNode, newDoc: PMNode, mapping: Mapping): Map<number, string> {
  const headings = sectionHeadings(newDoc);
  const byPos = new Map(headings.map((heading) => [heading.pos, heading.id]));
  // A heading that was there before and still is, where it went: it keeps its id.
  const kept = new Set<number>();
  const taken = new Set<string>();
  for (const before of sectionHeadings(oldDoc)) {
    if (!before.id) continue;
    const result = mapping.mapResult(before.pos, 1);
    if (result.deleted || byPos.get(result.pos) !== before.id) continue;
    kept.add(result.pos);
    taken.add(before.id);
  }
  const give = new Map<number, string>();
  for (const { pos, id } of headings) {
    if (kept.has(pos)) continue;
    if (id && !taken.has(id)) {
      // moved here (cut and paste), or the first of new copies
      taken.add(id);
      continue;
    }
    give.set(pos, newSectionId());
  }
  return give;
}

/** The extension's one plugin, on its own so that it can be tried on an editor without a view. */
export function sectionIdsPlugin(isEditable: () => boolean): Plugin {
  return new Plugin({
    key: sectionIdsKey,
    appendTransaction(transactions, oldState, newState) {
      if (!isEditable() || !ownEdits(transactions)) return null;
      const mapping = new Mapping();
      for (const tr of transactions) mapping.appendMapping(tr.mapping);
      const give = idsToGive(oldState.doc, newState.doc, mapping);
      if (give.size === 0) return null;
      const tr = newState.tr;
      for (const [pos, id] of give) tr.setNodeAttribute(pos, SECTION_ID_ATTR, id);
      return tr;
    },
  });
}

export const SectionIds = Extension.create({
  name: 'sectionIds',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [sectionIdsPlugin(() => editor.isEditable)];
  },
});
