// Comment passages between ProseMirror and Yjs: a selection becomes two Yjs
// relative positions (what the server stores and keeps up to date), and those
// positions become a range of the editor's document again, through the
// mapping the collaboration binding keeps between Yjs types and nodes.
import type { Node } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey, type ProsemirrorMapping } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** Two Yjs relative positions as JSON (Y.relativePositionToJSON): the passage's first character and its end. */
export interface PassageAnchor {
  start: unknown;
  end: unknown;
}

export interface Range {
  from: number;
  to: number;
}

/** What converting positions needs: the Y.Doc, the body fragment, and the binding's mapping. */
export interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The collaboration binding of an editor state, once the editor view has one. */
export function bindingOf(state: EditorState): YBinding | null {
  const binding = ySyncPluginKey.getState(state)?.binding;
  return binding ? { doc: binding.doc, type: binding.type, mapping: binding.mapping } : null;
}

/**
 * The selection narrowed to the text it covers: a triple click selects from
 * before a paragraph to after it, and the server wants positions in text.
 * Null when there is no text in it.
 */
export function textRangeOf(doc: Node, from: number, to: number): Range | null {
  let first: number | null = null;
  let last: number | null = null;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    if (end <= start) return false;
    if (first === null) first = start;
    last = end;
    return false;
  });
  return first !== null && last !== null ? { from: first, to: last } : null;
}

/** The anchor of the text between `from` and `to` (positions in text), or null when the binding cannot place them. */
export function anchorOfRange(binding: YBinding, range: Range): PassageAnchor | null {
  try {
    const start = absolutePositionToRelativePosition(range.from, binding.type, binding.mapping);
    const end = absolutePositionToRelativePosition(range.to, binding.type, binding.mapping);
    return { start: Y.relativePositionToJSON(onFirstCharacter(binding.doc, start)), end: Y.relativePositionToJSON(end) };
  } catch {
    return null;
  }
}

/**
 * The binding ties a position to the character before it; the start of a
 * passage belongs to its first character, as the server anchors it, so that
 * typing just before the passage stays outside it.
 */
function onFirstCharacter(doc: Y.Doc, position: Y.RelativePosition): Y.RelativePosition {
  const at = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : position;
}

function absolute(binding: YBinding, json: unknown): number | null {
  try {
    return relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromJSON(json), binding.mapping);
  } catch {
    // Positions from another document, or garbage: nowhere.
    return null;
  }
}

/** Where an anchored passage is in the document now; null when it is not there (deleted, or not synced yet). */
export function rangeOfAnchor(binding: YBinding, anchor: PassageAnchor, docSize: number): Range | null {
  const from = absolute(binding, anchor.start);
  const to = absolute(binding, anchor.end);
  if (from === null || to === null || to <= from || from < 0 || to > docSize) return null;
  return { from, to };
}
