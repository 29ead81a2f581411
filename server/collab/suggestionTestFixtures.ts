// Shared set-up for the suggest-only rule's tests (suggestionRules*.test.ts):
// documents of the real schema, and changes made as the editor makes them (a
// ProseMirror transform diffed into a copy of the document by the binding's
// updateYFragment), not applied to the room's document.
import type { JSONContent } from '@tiptap/core';
import type { Mark, Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, type SuggestionMarkName } from '../../shared/Suggestion.js';

export const ALICE = 'alice';
export const BOB = 'bob';

export const docFromJSON = (json: JSONContent): Y.Doc => prosemirrorJSONToYDoc(schema, json, BODY_FRAGMENT);

export function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What the room's document reads as, for checking it was left alone. */
export const bodyOf = (doc: Y.Doc): string => doc.getXmlFragment(BODY_FRAGMENT).toJSON();

/** The ProseMirror document the editor would show for `doc`. */
export const pmDoc = (doc: Y.Doc): Node => initProseMirrorDoc(doc.getXmlFragment(BODY_FRAGMENT), schema).doc;

/** The change an editor holding a copy of `server` sends after `edit` transforms its document (`server` is not changed). */
export function editorChange(server: Y.Doc, edit: (tr: Transform) => void): Uint8Array {
  const client = clone(server);
  const fragment = client.getXmlFragment(BODY_FRAGMENT);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const tr = new Transform(doc);
  edit(tr);
  client.transact(() => updateYFragment(client, fragment, tr.doc, meta));
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

/** The change a client sends after writing into its copy of `server` with Yjs directly (forgeries the editor would not make). */
export function rawChange(server: Y.Doc, write: (body: Y.XmlFragment) => void): Uint8Array {
  const client = clone(server);
  client.transact(() => write(client.getXmlFragment(BODY_FRAGMENT)));
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

let ids = 0;
/** A suggestion mark of `author` with a fresh id (or the one given). */
export function suggestion(name: SuggestionMarkName, author: string, id = `s${++ids}`): Mark {
  const attrs: Record<string, unknown> = { id, author, createdAt: 1_760_000_000_000 + ids };
  if (name === SUGGESTION_FORMAT) Object.assign(attrs, { add: ['bold'], remove: [] });
  return schema.marks[name].create(attrs);
}

export const insertMark = (author: string, id?: string) => suggestion(SUGGESTION_INSERT, author, id);
export const deleteMark = (author: string, id?: string) => suggestion(SUGGESTION_DELETE, author, id);
export const formatMark = (author: string, id?: string) => suggestion(SUGGESTION_FORMAT, author, id);

/** The ProseMirror position where `needle` starts in `doc`'s text; throws when it has none. */
export function positionOf(doc: Node, needle: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const at = node.isText ? node.text!.indexOf(needle) : -1;
    if (at >= 0) found = pos + at;
    return true;
  });
  if (found < 0) throw new Error(`no text ${needle}`);
  return found;
}

/** The marks of `author`'s suggestions of kind `name` in `doc`, each with the ranges of text it covers. */
export function suggestionsIn(doc: Node, name: SuggestionMarkName, author: string): { mark: Mark; from: number; to: number }[] {
  const out: { mark: Mark; from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name === name && mark.attrs.author === author) out.push({ mark, from: pos, to: pos + node.nodeSize });
    }
    return false;
  });
  return out;
}
