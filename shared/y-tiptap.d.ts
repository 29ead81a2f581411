// @tiptap/y-tiptap 3.0.9 points its "types" at a file it does not ship: these
// are the parts the server (seeding, rendering, restore) and the editor (the
// binding between ProseMirror positions and Yjs relative positions) use,
// typed as in its source.
declare module '@tiptap/y-tiptap' {
  import type { Node, Schema } from '@tiptap/pm/model';
  import type { PluginKey } from '@tiptap/pm/state';
  import type * as Y from 'yjs';

  export function prosemirrorJSONToYDoc(schema: Schema, state: unknown, xmlFragment?: string): Y.Doc;
  export function prosemirrorJSONToYXmlFragment(schema: Schema, state: unknown, xmlFragment?: Y.XmlFragment): Y.XmlFragment;
  export function updateYFragment(
    y: Y.Doc,
    yDomFragment: Y.XmlFragment,
    pNode: Node,
    meta: { mapping: Map<unknown, unknown>; isOMark: Map<unknown, unknown> },
  ): void;
  export function yXmlFragmentToProsemirrorJSON(xmlFragment: Y.XmlFragment): { type: string; content: unknown[] };

  /** Each Yjs type of the body to its ProseMirror node (an array of text nodes for a Y.XmlText). */
  export type ProsemirrorMapping = Map<Y.AbstractType<unknown>, Node | Node[]>;

  export interface ProsemirrorBinding {
    doc: Y.Doc;
    type: Y.XmlFragment;
    mapping: ProsemirrorMapping;
    /** Runs `f` unless the binding is inside one of its own updates already (lib0's mutex). */
    mux(f: () => void): void;
    /** Draws the whole document afresh from Yjs. */
    _forceRerender(): void;
    /** Writes the document into Yjs: the sync plugin's view calls it on every update. */
    _prosemirrorChanged(doc: Node): void;
  }

  export interface YSyncPluginState {
    doc: Y.Doc;
    type: Y.XmlFragment;
    binding: ProsemirrorBinding | null;
    isChangeOrigin: boolean;
  }

  export const ySyncPluginKey: PluginKey<YSyncPluginState>;
  export function absolutePositionToRelativePosition(pos: number, type: Y.XmlFragment, mapping: ProsemirrorMapping): Y.RelativePosition;
  export function relativePositionToAbsolutePosition(
    y: Y.Doc,
    documentType: Y.XmlFragment,
    relPos: Y.RelativePosition,
    mapping: ProsemirrorMapping,
  ): number | null;
  export function initProseMirrorDoc(
    yXmlFragment: Y.XmlFragment,
    schema: Schema,
  ): { doc: Node; mapping: ProsemirrorMapping; meta: { mapping: ProsemirrorMapping; isOMark: Map<unknown, unknown> } };
}
