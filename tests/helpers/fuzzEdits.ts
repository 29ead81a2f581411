// Random edits of the kinds Tiptap (through y-tiptap) makes to the `default`
// fragment, for the convergence fuzz test. Every inserted string carries a
// unique token such as «c2-017», and no edit ever cuts one (offsets are moved
// to a token's edge), so in any text a token is either whole or absent.
// The text model (tokens, plain text, safe offsets, deltas) is in fuzzText.ts.
import * as Y from 'yjs';
import { chance, pick, pickWeighted, randomInt, type Rng } from '../../shared/random.js';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { appendRuns, deltaFrom, plainText, safeEnd, safeStart, textsOf, tiptapDeleteFilter, tokensIn, type TextOp } from './fuzzText.js';

export { plainText, tokensIn } from './fuzzText.js';

const PHRASES = ['政协委员', '建言献策', '参政议政', '民主监督', '联络联谊', '，', '。', '“桥梁”', 'Yigao ', 'abc', '2026', ' '];
const ASTRAL = ['𠀀', '𠮷', '𪚥'];
const MARKS = [{ bold: {} }, { italic: {} }, { bold: null }, { italic: null }] as const;

const EDIT_WEIGHTS = {
  insertText: 30,
  deleteText: 12,
  format: 10,
  split: 8,
  join: 6,
  insertParagraph: 7,
  deleteParagraph: 4,
  undo: 9,
  redo: 5,
} as const;
type EditKind = keyof typeof EDIT_WEIGHTS;

/** Half of the edits go to the first blocks, so that clients often edit the same paragraph at once. */
const HOT_BLOCKS = 4;
const HOT_SHARE = 0.5;

/** Undo steps are grouped only by stopCapturing(), so a seed groups them the same way every time. */
const CAPTURE_FOREVER_MS = 2 ** 31;

/**
 * One client's editor: random edits of its document's body in transactions
 * of its own origin, and an undo manager that tracks only that origin (as
 * Tiptap's collaboration undo does).
 */
export class FuzzEditor {
  /** The origin of this editor's transactions, as y-tiptap's ySyncPluginKey is in a browser. */
  readonly origin: { editor: number };
  readonly fragment: Y.XmlFragment;
  readonly undoManager: Y.UndoManager;
  /**
   * How often this editor wrote each token: inserted it, or copied it by
   * splitting, joining, undoing or redoing. A token may appear in the final
   * text at most as often as all editors together wrote it.
   */
  readonly written = new Map<string, number>();
  private tokenCount = 0;

  constructor(
    readonly id: number,
    readonly doc: Y.Doc,
    private readonly rng: Rng,
  ) {
    this.origin = { editor: id };
    this.fragment = doc.getXmlFragment(BODY_FRAGMENT);
    this.undoManager = new Y.UndoManager(this.fragment, {
      trackedOrigins: new Set([this.origin]),
      deleteFilter: tiptapDeleteFilter,
      captureTimeout: CAPTURE_FOREVER_MS,
    });
    this.fragment.observeDeep(this.countWrites);
  }

  /** Makes one random edit; returns what it did (for the log of a failing seed), or null if nothing applied. */
  edit(): string | null {
    if (chance(this.rng, 0.6)) this.undoManager.stopCapturing();
    for (let attempt = 0; attempt < 4; attempt++) {
      const kind: EditKind = pickWeighted(this.rng, EDIT_WEIGHTS);
      const done = this[kind]();
      if (done !== null) return `${kind} ${done}`;
    }
    return null;
  }

  destroy(): void {
    this.fragment.unobserveDeep(this.countWrites);
    this.undoManager.destroy();
  }

  private transact(change: () => void): void {
    this.doc.transact(change, this.origin);
  }

  /** One of `items` (each at a fragment index), often one of the first blocks. */
  private pickPlace<T>(items: T[], indexOf: (item: T) => number): T {
    const hot = items.filter((item) => indexOf(item) < HOT_BLOCKS);
    return pick(this.rng, hot.length > 0 && chance(this.rng, HOT_SHARE) ? hot : items);
  }

  private blocks(): Y.XmlElement[] {
    return this.fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  }

  /** A block and one of its texts with at least `minLength` characters, or null. */
  private randomText(minLength: number): { block: Y.XmlElement; text: Y.XmlText; index: number } | null {
    const candidates = this.blocks().flatMap((block) =>
      textsOf(block)
        .filter((t) => t.length >= minLength)
        .map((text) => ({ block, text })),
    );
    if (candidates.length === 0) return null;
    const children = this.fragment.toArray();
    const { block, text } = this.pickPlace(candidates, (c) => children.indexOf(c.block));
    return { block, text, index: children.indexOf(block) };
  }

  private newString(): string {
    const token = `«c${this.id}-${String(++this.tokenCount).padStart(3, '0')}»`;
    const words = (n: number) => Array.from({ length: n }, () => (chance(this.rng, 0.12) ? pick(this.rng, ASTRAL) : pick(this.rng, PHRASES))).join('');
    return words(randomInt(this.rng, 0, 2)) + token + words(randomInt(this.rng, 0, 2));
  }

  private marks(): Record<string, unknown> {
    return chance(this.rng, 0.25) ? { ...pick(this.rng, MARKS.slice(0, 2)) } : {};
  }

  private insertText(): string | null {
    const blocks = this.blocks();
    if (blocks.length === 0) return null;
    const block = this.pickPlace(blocks, (b) => this.fragment.toArray().indexOf(b));
    const texts = textsOf(block);
    const inserted = this.newString();
    const attributes = this.marks();
    // Yjs fills the attributes object in (marks to end at the insertion point); describe it before.
    const described = Object.keys(attributes).length > 0 ? ` ${JSON.stringify(attributes)}` : '';
    let at = 0;
    this.transact(() => {
      let text = texts.length > 0 ? pick(this.rng, texts) : null;
      if (!text) {
        // typing into an empty paragraph creates its text node
        text = new Y.XmlText();
        block.insert(block.length, [text]);
      }
      const current = plainText(text);
      at = safeStart(current, randomInt(this.rng, 0, current.length));
      text.insert(at, inserted, attributes);
    });
    return `#${this.fragment.toArray().indexOf(block)}@${at} ${inserted}${described}`;
  }

  private range(text: string): [number, number] {
    const from = randomInt(this.rng, 0, text.length - 1);
    const to = Math.min(text.length, from + randomInt(this.rng, 1, 16));
    return [safeStart(text, from), safeEnd(text, to)];
  }

  private deleteText(): string | null {
    const target = this.randomText(1);
    if (!target) return null;
    const [from, to] = this.range(plainText(target.text));
    this.transact(() => target.text.delete(from, to - from));
    return `#${target.index}[${from},${to})`;
  }

  private format(): string | null {
    const target = this.randomText(1);
    if (!target) return null;
    const [from, to] = this.range(plainText(target.text));
    const mark = { ...pick(this.rng, MARKS) };
    this.transact(() => target.text.format(from, to - from, mark));
    return `#${target.index}[${from},${to}) ${JSON.stringify(mark)}`;
  }

  /** Enter inside a paragraph: its tail, with marks, moves into a new block after it, in one transaction. */
  private split(): string | null {
    const target = this.randomText(0);
    if (!target) return null;
    const { block, text, index } = target;
    const current = plainText(text);
    const at = safeStart(current, randomInt(this.rng, 0, current.length));
    this.transact(() => {
      const tail = deltaFrom(text.toDelta() as TextOp[], at);
      if (at < current.length) text.delete(at, current.length - at);
      // Enter at the end of a heading starts a paragraph; in its middle, the heading splits in two.
      const next = new Y.XmlElement(at < current.length ? block.nodeName : 'paragraph');
      if (next.nodeName === block.nodeName) {
        for (const [key, value] of Object.entries(block.getAttributes())) next.setAttribute(key, value as string);
      }
      this.fragment.insert(index + 1, [next]);
      if (tail.length > 0) {
        const moved = new Y.XmlText();
        next.insert(0, [moved]);
        appendRuns(moved, tail);
      }
    });
    return `#${index}@${at}`;
  }

  /** Backspace at the start of a block: its text moves to the end of the block before, and it goes. */
  private join(): string | null {
    const children = this.fragment.toArray();
    const pairs = children.flatMap((node, i) =>
      i + 1 < children.length && node instanceof Y.XmlElement && children[i + 1] instanceof Y.XmlElement ? [i] : [],
    );
    if (pairs.length === 0) return null;
    const index = this.pickPlace(pairs, (i) => i);
    const first = children[index] as Y.XmlElement;
    const second = children[index + 1] as Y.XmlElement;
    this.transact(() => {
      const moved = textsOf(second).flatMap((t) => t.toDelta() as TextOp[]);
      this.fragment.delete(index + 1, 1);
      if (moved.length === 0) return;
      let target = textsOf(first).at(-1);
      if (!target) {
        target = new Y.XmlText();
        first.insert(first.length, [target]);
      }
      appendRuns(target, moved);
    });
    return `#${index}+#${index + 1}`;
  }

  private insertParagraph(): string | null {
    const at = randomInt(this.rng, 0, this.fragment.length);
    const content = chance(this.rng, 0.85) ? this.newString() : '';
    const attributes = this.marks();
    this.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      this.fragment.insert(at, [paragraph]);
      if (content) {
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        text.insert(0, content, attributes);
      }
    });
    return `#${at} ${content || '(empty)'}`;
  }

  private deleteParagraph(): string | null {
    if (this.fragment.length <= 1) return null;
    const at = this.pickPlace(
      Array.from({ length: this.fragment.length }, (_, i) => i),
      (i) => i,
    );
    this.transact(() => this.fragment.delete(at, 1));
    return `#${at}`;
  }

  private undo(): string | null {
    if (this.undoManager.undoStack.length === 0) return null;
    this.undoManager.undo();
    return `(${this.undoManager.undoStack.length} left)`;
  }

  private redo(): string | null {
    if (this.undoManager.redoStack.length === 0) return null;
    this.undoManager.redo();
    return `(${this.undoManager.redoStack.length} left)`;
  }

  /** Counts the tokens in everything this editor's own transactions inserted (new copies included). */
  private readonly countWrites = (events: Y.YEvent<any>[], transaction: Y.Transaction): void => {
    if (transaction.origin !== this.origin && transaction.origin !== this.undoManager) return;
    for (const event of events) {
      // Runs of inserts are contiguous in the new text; a retain ends one.
      let run = '';
      const runs: string[] = [];
      for (const op of event.delta as { insert?: unknown; retain?: number }[]) {
        if (op.retain !== undefined) {
          runs.push(run);
          run = '';
        } else if (typeof op.insert === 'string') {
          run += op.insert;
        } else if (Array.isArray(op.insert)) {
          run += op.insert.map((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? plainText(node) : '')).join('\n');
        }
      }
      runs.push(run);
      for (const token of runs.flatMap(tokensIn)) this.written.set(token, (this.written.get(token) ?? 0) + 1);
    }
  };
}
