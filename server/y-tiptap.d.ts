// @tiptap/y-tiptap 3.0.9 points its "types" at a file it does not ship; these
// are the functions the server uses, typed as in its source.
declare module '@tiptap/y-tiptap' {
  import type { Schema } from '@tiptap/pm/model';
  import type * as Y from 'yjs';
  export function prosemirrorJSONToYDoc(schema: Schema, state: unknown, xmlFragment?: string): Y.Doc;
  export function prosemirrorJSONToYXmlFragment(schema: Schema, state: unknown, xmlFragment?: Y.XmlFragment): Y.XmlFragment;
  export function updateYFragment(
    y: Y.Doc,
    yDomFragment: Y.XmlFragment,
    pNode: import('@tiptap/pm/model').Node,
    meta: { mapping: Map<unknown, unknown>; isOMark: Map<unknown, unknown> },
  ): void;
  export function yXmlFragmentToProsemirrorJSON(xmlFragment: Y.XmlFragment): { type: string; content: unknown[] };
}
