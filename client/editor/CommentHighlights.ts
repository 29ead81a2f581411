// The passages of comment threads, drawn over the body as inline decorations
// (the body itself never changes for a comment). Each passage is found from
// its Yjs anchor whenever the threads or the document change; a click on one
// activates its thread.
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { bindingOf, rangeOfAnchor, type PassageAnchor, type Range } from './commentAnchors.js';

export interface HighlightedPassage {
  id: string;
  anchor: PassageAnchor;
  resolved: boolean;
}

/** The passage of the comment being written, drawn like a thread's until it is sent. */
export const DRAFT_PASSAGE_ID = 'draft';

export interface CommentHighlightsState {
  passages: readonly HighlightedPassage[];
  activeId: string | null;
  showResolved: boolean;
  /** Where each passage is now, resolved ones included (the pane orders threads by it). */
  ranges: ReadonlyMap<string, Range>;
  decorations: DecorationSet;
  /** Mapped through a local edit that Yjs has not seen yet: found again from the anchors right after. */
  stale: boolean;
}

type HighlightsChange = Partial<Pick<CommentHighlightsState, 'passages' | 'activeId' | 'showResolved'>>;

export const commentHighlightsKey = new PluginKey<CommentHighlightsState>('commentHighlights');

/** A transaction that shows these passages (or the active one, or resolved ones). */
export function setHighlights(tr: Transaction, change: HighlightsChange): Transaction {
  return tr.setMeta(commentHighlightsKey, change);
}

function decorationsOf(state: EditorState, value: Omit<CommentHighlightsState, 'decorations' | 'stale'>): DecorationSet {
  const decorations: Decoration[] = [];
  for (const passage of value.passages) {
    const range = value.ranges.get(passage.id);
    if (!range || (passage.resolved && !value.showResolved)) continue;
    const draft = passage.id === DRAFT_PASSAGE_ID;
    const classes = ['comment-highlight'];
    if (passage.id === value.activeId) classes.push('comment-highlight--active');
    if (passage.resolved) classes.push('comment-highlight--resolved');
    if (draft) classes.push('comment-highlight--draft');
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          // A wrapper per passage, so that overlapping passages each keep their own thread id.
          nodeName: 'span',
          class: classes.join(' '),
          'data-testid': draft ? 'comment-draft-highlight' : 'comment-highlight',
          'data-thread-id': passage.id,
        },
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function locate(state: EditorState, passages: readonly HighlightedPassage[]): Map<string, Range> {
  const binding = bindingOf(state);
  const ranges = new Map<string, Range>();
  if (!binding) return ranges;
  for (const passage of passages) {
    const range = rangeOfAnchor(binding, passage.anchor, state.doc.content.size);
    if (range) ranges.set(passage.id, range);
  }
  return ranges;
}

function recomputed(state: EditorState, base: Pick<CommentHighlightsState, 'passages' | 'activeId' | 'showResolved'>): CommentHighlightsState {
  const ranges = locate(state, base.passages);
  const value = { ...base, ranges };
  return { ...value, decorations: decorationsOf(state, value), stale: false };
}

/** How long after one's own last edit the passages are found again from their anchors (ms). */
const REFRESH_AFTER_EDIT_MS = 300;

/**
 * Finds the passages again from their anchors once Yjs has one's own edits and typing has paused. Until then
 * each edit's own mapping carries them, which agrees with the anchors for typing; finding every passage again
 * (and drawing the highlights afresh) at each keystroke cost a second transaction per keystroke in a long
 * document. Changes from others, undo and redo come through the binding and are found again at once.
 */
function refreshAfterLocalEdits(view: EditorView) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    timer = undefined;
    if (view.isDestroyed || !commentHighlightsKey.getState(view.state)?.stale) return;
    // While an input method composes, new decorations could break the composition: a moment later.
    if (view.composing) {
      timer = setTimeout(refresh, REFRESH_AFTER_EDIT_MS);
      return;
    }
    view.dispatch(setHighlights(view.state.tr, {}));
  };
  return {
    update(current: EditorView) {
      if (!commentHighlightsKey.getState(current.state)?.stale) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, REFRESH_AFTER_EDIT_MS);
    },
    destroy() {
      clearTimeout(timer);
    },
  };
}

export interface CommentHighlightsOptions {
  /** A click on a highlighted passage. */
  onActivate: (threadId: string) => void;
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: () => {} };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<CommentHighlightsState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => recomputed(state, { passages: [], activeId: null, showResolved: false }),
          apply(tr, value, _oldState, newState) {
            const change = tr.getMeta(commentHighlightsKey) as HighlightsChange | undefined;
            if (change) return recomputed(newState, { passages: value.passages, activeId: value.activeId, showResolved: value.showResolved, ...change });
            if (!tr.docChanged) return value;
            // A remote change arrives through the binding, whose mapping already matches the new document.
            if (isChangeOrigin(tr)) return recomputed(newState, value);
            // A local edit reaches Yjs only after this transaction: follow it by the edit's own mapping until then.
            const ranges = new Map<string, Range>();
            for (const [id, range] of value.ranges) {
              const from = tr.mapping.map(range.from, 1);
              const to = tr.mapping.map(range.to, -1);
              if (to > from) ranges.set(id, { from, to });
            }
            return { ...value, ranges, decorations: value.decorations.map(tr.mapping, tr.doc), stale: true };
          },
        },
        view: refreshAfterLocalEdits,
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, _pos, event) {
            const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
            const id = target && view.dom.contains(target) ? target.getAttribute('data-thread-id') : null;
            if (id && id !== DRAFT_PASSAGE_ID) options.onActivate(id);
            // The click still places the caret as usual.
            return false;
          },
        },
      }),
    ];
  },
});
