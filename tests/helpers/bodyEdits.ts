// Edits of a client's document body as the editor makes them, for tests that
// drive stock clients: a whole new ProseMirror state diffed into the Yjs body
// (what y-prosemirror's binding does), and the text that holds some words.
import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { schema } from '../../shared/schema.js';
import type { CollabClient } from './collabClient.js';

/** Rewrites the body's top-level blocks as `change` returns them, diffed into the Yjs body like the editor's binding does. */
export function rewriteBody(c: CollabClient, change: (blocks: JSONContent[]) => JSONContent[]): void {
  const json = yXmlFragmentToProsemirrorJSON(c.fragment) as JSONContent;
  const next = Node.fromJSON(schema, { ...json, content: change(structuredClone(json.content ?? [])) });
  c.doc.transact(() => updateYFragment(c.doc, c.fragment, next, { mapping: new Map(), isOMark: new Map() }));
}

/** The Y.XmlText whose text contains `needle`; throws when there is none. */
export function textContaining(c: CollabClient, needle: string): Y.XmlText {
  const visit = (el: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(needle)) return child;
      if (child instanceof Y.XmlElement) {
        const hit = visit(child);
        if (hit) return hit;
      }
    }
    return null;
  };
  const hit = visit(c.fragment);
  if (!hit) throw new Error(`no text containing ${needle}`);
  return hit;
}
