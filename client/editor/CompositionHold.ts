// Keeps an input method's composition on this computer. While someone types
// through an IME ("ren min" before it becomes 人民), the collaboration binding
// would write every intermediate state into the shared document and the others
// would see the pinyin. From the composition's start until just after its end
// this holds the binding's writes, and keeps remote changes off the page too
// (the binding draws them by rebuilding the document, which would drop the
// composing text and break the composition). Then the held edit is written
// once. Should the shared document have changed meanwhile, writing the page
// over it would erase the others' changes: the edit is then made on a copy of
// the document as it was when the hold began, merged into it as a Yjs update,
// and the page drawn again from the result, so both sides' text is kept
// (once the frame showing one's own committed text is painted).
// The caret shown to the others stays where the composition began meanwhile:
// placed in a document without the composing text, it would jump about.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

const key = new PluginKey('compositionHold');

/** An edit on the page that the shared document does not have yet. */
interface Hold {
  /** The shared document as it was when the hold began, copied when something else first changes it; null while nothing has. */
  base: Y.Doc | null;
  /** The plugins have finished the last composed edit (its merge may still wait for the frame to be painted). */
  finished: boolean;
}

function bindingOf(view: EditorView): ProsemirrorBinding {
  const binding = ySyncPluginKey.getState(view.state)?.binding;
  if (!binding) throw new Error('CompositionHold goes with the Collaboration extension');
  return binding;
}

/**
 * Writes the page's edit into a shared document that changed since `base`:
 * the edit is made on `base` and merged in as an update, which the binding
 * draws like a change from another person, the selection kept where it was.
 */
function merge(view: EditorView, binding: ProsemirrorBinding, base: Y.Doc) {
  const { doc } = binding;
  const type = base.getXmlFragment(Y.findRootTypeKey(binding.type));
  // A mapping that covers every node, for placing the selection in the copy.
  const { meta } = initProseMirrorDoc(type, view.state.schema);
  const before = Y.encodeStateVector(base);
  base.transact(() => updateYFragment(base, type, view.state.doc, meta), ySyncPluginKey);
  const { anchor, head } = view.state.selection;
  const selection = [anchor, head].map((pos) => absolutePositionToRelativePosition(pos, type, meta.mapping));
  const update = Y.encodeStateAsUpdate(base, before);
  base.destroy();
  // With the binding's origin (one's own edit: undo takes it back) but outside its mutex, so that the binding draws
  // it: it builds again the blocks whose types this update changed, and those the held remote changes changed
  // (their mapping went with the changes it could not show), and keeps every other block as it is.
  doc.transact(() => Y.applyUpdate(doc, update), ySyncPluginKey);
  const [from, to] = selection.map((position) => relativePositionToAbsolutePosition(doc, binding.type, position, binding.mapping));
  if (from === null || to === null) return;
  const { state } = view;
  view.dispatch(state.tr.setSelection(TextSelection.between(state.doc.resolve(from), state.doc.resolve(to))));
}

/**
 * Runs `then` in the first task after the next frame is painted, or within
 * 50 ms where no frame comes (a hidden tab draws none).
 */
function afterPaint(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 50);
}

/** What of one's awareness state says where one's caret is (the caret plugin's fields). */
const HELD_FIELDS = ['cursor', 'lastSelection'];

export interface CompositionHoldOptions {
  /** The awareness that CollaborationCaret shows this caret through, to the others. */
  awareness: Awareness | null;
}

export const CompositionHold = Extension.create<CompositionHoldOptions>({
  name: 'compositionHold',

  addOptions() {
    return { awareness: null };
  },

  addProseMirrorPlugins() {
    const { awareness } = this.options;
    let hold: Hold | null = null;
    let settling: ReturnType<typeof setTimeout> | undefined;

    /** `now`: merges without waiting for the frame (it has been painted, or the page is going away). */
    const settle = (view: EditorView, now = false) => {
      if (hold === null || view.composing || view.isDestroyed) return;
      if (!hold.finished) {
        // Plugins that finish a composed edit once it ends (修订 marks it as the member's suggestion, guidance
        // becomes written text) do so first, in a transaction of its own, while the binding still holds its writes.
        hold.finished = true;
        view.dispatch(view.state.tr);
      }
      const { base } = hold;
      // The committed text is on the page already. Others changed the document meanwhile: merging draws their
      // blocks too, which waits until this keystroke's frame is painted (one's own typing first, as in a
      // word processor); the hold keeps everything as it is until then.
      if (base && !now) {
        afterPaint(() => settle(view, true));
        return;
      }
      hold = null;
      if (base) merge(view, bindingOf(view), base);
      // Nothing else changed the document: the binding writes the edit as after any other transaction.
      else view.dispatch(view.state.tr);
    };
    // After the task that ended the composition: ProseMirror reads the committed text in a microtask of it.
    const settleSoon = (view: EditorView) => {
      clearTimeout(settling);
      settling = setTimeout(() => settle(view));
    };
    const begin = () => {
      if (hold) hold.finished = false;
      else hold = { base: null, finished: false };
      return false;
    };

    return [
      new Plugin({
        key,
        // Remote changes wait too: the binding draws them by rebuilding the page from Yjs, which lacks the held edit.
        filterTransaction: (tr) => hold === null || !tr.getMeta(ySyncPluginKey)?.isChangeOrigin,
        view(view) {
          const binding = bindingOf(view);
          const write = binding._prosemirrorChanged;
          binding._prosemirrorChanged = (doc) => {
            if (hold === null) write.call(binding, doc);
          };
          const copyBeforeOthers = (transaction: Y.Transaction) => {
            if (hold !== null && hold.base === null && transaction.origin !== ySyncPluginKey) {
              // The copy keeps a client id of its own: an update bringing a doc items under its own id
              // makes Yjs think another client took that id, and change it.
              hold.base = new Y.Doc();
              Y.applyUpdate(hold.base, Y.encodeStateAsUpdate(binding.doc));
            }
          };
          binding.doc.on('beforeTransaction', copyBeforeOthers);
          // A merge waiting for the frame is made at once when the page goes away (the tab closed meanwhile).
          const settleNow = () => settle(view, true);
          window.addEventListener('pagehide', settleNow);
          // The caret the others see stays where the composition began: a position in the pinyin means
          // nothing in their copy. The caret plugin writes it as a field, or (y-tiptap 3.3) as the whole
          // state with the field's last selection beside it.
          const setField = awareness?.setLocalStateField;
          const setState = awareness?.setLocalState;
          if (awareness && setField && setState) {
            awareness.setLocalStateField = (field, value) => {
              if (hold === null || !HELD_FIELDS.includes(field)) setField.call(awareness, field, value);
            };
            awareness.setLocalState = (state) => {
              const current = awareness.getLocalState();
              if (hold === null || state === null || current === null) return setState.call(awareness, state);
              const kept: Record<string, unknown> = { ...state };
              for (const field of HELD_FIELDS) kept[field] = current[field];
              setState.call(awareness, kept);
            };
          }
          return {
            // The composition can also end without a compositionend event (ProseMirror ends it on a plain key).
            update: (current) => {
              if (hold !== null && !current.composing) settleSoon(current);
            },
            destroy: () => {
              binding.doc.off('beforeTransaction', copyBeforeOthers);
              window.removeEventListener('pagehide', settleNow);
              binding._prosemirrorChanged = write;
              if (awareness && setField && setState) {
                awareness.setLocalStateField = setField;
                awareness.setLocalState = setState;
              }
            },
          };
        },
        props: {
          // Run before ProseMirror's own handlers, which may already change the document (deleting the selection).
          handleDOMEvents: {
            compositionstart: begin,
            compositionupdate: begin,
            compositionend(view) {
              settleSoon(view);
              return false;
            },
          },
        },
      }),
    ];
  },
});
