// The parts of @tiptap/y-tiptap the editor uses besides those server/y-tiptap.d.ts
// declares (the package's own types point at a file it does not ship): the
// binding between ProseMirror positions and Yjs relative positions.
declare module '@tiptap/y-tiptap' {
  import type { Node, Schema } from '@tiptap/pm/model';
  import type { PluginKey } from '@tiptap/pm/state';
  import type * as Y from 'yjs';

  /** Each Yjs type of the body to its ProseMirror node (an array of text nodes for a Y.XmlText). */
  export type ProsemirrorMapping = Map<Y.AbstractType<unknown>, Node | Node[]>;

  export interface ProsemirrorBinding {
    doc: Y.Doc;
    type: Y.XmlFragment;
    mapping: ProsemirrorMapping;
  }

  export interface YSyncPluginState {
    doc: Y.Doc;
    type: Y.XmlFragment;
    binding: ProsemirrorBinding | null;
    isChangeOrigin: boolean;
  }

  export const ySyncPluginKey: PluginKey<YSyncPluginState>;
  export function absolutePositionToRelativePosition(pos: number, type: Y.XmlFragment, mapping: ProsemirrorMapping): Y.RelativePosition;
  export function relativePositionToAbsolutePosition(y: Y.Doc, documentType: Y.XmlFragment, relPos: Y.RelativePosition, mapping: ProsemirrorMapping): number | null;
  export function initProseMirrorDoc(yXmlFragment: Y.XmlFragment, schema: Schema): { doc: Node; mapping: ProsemirrorMapping };
}
