// Edits the `default` XmlFragment the way Tiptap's Yjs binding does: the
// body is a list of XmlElements (paragraph, heading) each holding one
// XmlText; typing inserts into that text, Enter adds an element after the
// current one, and the caret travels as presence (relative positions).
import * as Y from 'yjs';
import { mulberry32 as rng } from '../../shared/random.js';

export const BODY = 'default';

/** Deterministic pseudo-random numbers (the project's one seeded generator), so every server gets the same edits. */
export { mulberry32 as rng } from '../../shared/random.js';

// What a year-end summary is made of, to draw characters from.
const CORPUS =
  '今年以来，联工委在镇党委的领导下，围绕中心、服务大局，组织委员深入村组开展调研视察，' +
  '形成提案和社情民意信息，推动民生实事落地见效。一是加强学习，提升履职能力；二是聚焦发展，' +
  '助推乡村振兴；三是强化监督，促进工作落实；四是广泛联络，凝聚各方共识。2025年共开展活动36次，' +
  '参与委员128人次。';

export function words(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const start = Math.floor(random() * CORPUS.length);
    out += CORPUS.slice(start, start + Math.min(length - out.length, 1 + Math.floor(random() * 12)));
  }
  return out;
}

export function paragraph(text: string, type = 'paragraph', attrs: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(type);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** A person's presence as Tiptap's CollaborationCaret keeps it: who, and where the caret is (relative positions as JSON). */
export interface Presence {
  user: { name: string; color: string };
  cursor: { anchor: unknown; head: unknown };
}

/** Where a Typist types: a replica, and a way to tell the others where its caret is. */
export interface Keyboard {
  readonly doc: Y.Doc;
  setPresence(state: Presence): void;
}

export interface TypistOptions {
  name: string;
  color: string;
  /** Send the caret as presence with every edit, as CollaborationCaret does. */
  presence: boolean;
  seed: number;
}

/** One simulated person typing into their own part of the document. */
export class Typist {
  private readonly random: () => number;
  private element: Y.XmlElement | null = null;
  private text: Y.XmlText | null = null;
  private caret = 0;

  constructor(
    readonly client: Keyboard,
    private readonly options: TypistOptions,
  ) {
    this.random = rng(options.seed);
  }

  private get body(): Y.XmlFragment {
    return this.client.doc.getXmlFragment(BODY);
  }

  /** Starts a paragraph of one's own at the end of the body (clicking below the text and pressing Enter). */
  begin(): void {
    this.element = paragraph('');
    this.body.insert(this.body.length, [this.element]);
    this.text = this.element.get(0) as Y.XmlText;
    this.caret = 0;
    this.sendCaret();
  }

  /**
   * One edit: a keystroke or an IME commit of 1–3 characters at the caret,
   * sometimes replacing the character before it; now and then the caret
   * moves, or Enter starts a new paragraph. Every edit inserts, so it
   * advances the sender's clock (which is how receivers recognise it).
   */
  type(): void {
    if (!this.text || !this.element) throw new Error('begin() first');
    const r = this.random();
    if (r < 0.03) {
      // Enter at the end: a new paragraph right after the current one.
      const index = this.body.toArray().indexOf(this.element);
      this.element = paragraph(words(this.random, 1));
      this.body.insert(index + 1, [this.element]);
      this.text = this.element.get(0) as Y.XmlText;
      this.caret = 1;
    } else {
      const length = this.text.length;
      if (r < 0.1) this.caret = Math.floor(this.random() * (length + 1));
      const typed = words(this.random, 1 + Math.floor(this.random() * 3));
      const text = this.text;
      const replace = r > 0.85 && this.caret > 0;
      this.client.doc.transact(() => {
        if (replace) {
          text.delete(this.caret - 1, 1);
          this.caret--;
        }
        text.insert(this.caret, typed);
      });
      this.caret += typed.length;
    }
    if (this.options.presence) this.sendCaret();
  }

  private sendCaret(): void {
    if (!this.text) return;
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.text, this.caret));
    this.client.setPresence({ user: { name: this.options.name, color: this.options.color }, cursor: { anchor: position, head: position } });
  }
}
