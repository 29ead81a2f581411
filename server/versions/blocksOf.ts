// A document as a flat list of text blocks, each character with the Yjs id
// of the item that holds it: what the compare view diffs and attributes. The
// text is all the text the document holds, each character with the pending
// suggestion (修订) it belongs to, if any: a proposed insertion's text is not
// agreed text yet, a proposed deletion's still is (diffBlocks.ts compares
// the agreed texts and shows the suggestions on top).
import * as Y from 'yjs';
import { headingNumbers, NUMBERING_ATTR, typedNumberLength, type Numbering } from '../../shared/numbering.js';
import { schema } from '../../shared/schema.js';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '../../shared/Suggestion.js';

export interface Block {
  type: 'paragraph' | 'heading' | 'horizontalRule';
  level: number | null;
  /** The innermost list, table or quote the block sits in. */
  container: 'bulletList' | 'orderedList' | 'table' | 'blockquote' | null;
  textAlign: string | null;
  text: string;
  /** Per UTF-16 unit of `text`: the client and clock of its Yjs item (-1 when it has none). */
  clients: number[];
  clocks: number[];
  /** Per UTF-16 unit of `text`: the pending suggestion it is part of, or null for plain agreed text. */
  pending: (PendingSuggestion | null)[];
}

/** A pending suggestion on a character: an insertion (not agreed yet) or a deletion (agreed until accepted). */
export interface PendingSuggestion {
  kind: 'insert' | 'delete';
  id: string;
  /** The author's username, as the mark holds it. */
  author: string;
}

const CONTAINERS: Record<string, Block['container']> = {
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  table: 'table',
  blockquote: 'blockquote',
};

/** The blocks of a document, numbered headings with their numbers in front (as a reader sees them). */
export function blocksOf(fragment: Y.XmlFragment): Block[] {
  const { blocks, numbering } = textBlocksOf(fragment);
  const numbers = headingNumbers(numbering.map(({ block, attr }) => ({ level: block.level ?? 0, numbering: attr })));
  numbering.forEach(({ block }, i) => {
    const number = numbers[i];
    if (number === null || typedNumberLength(block.level ?? 0, block.text) > 0) return;
    block.text = number + block.text;
    block.clients.unshift(...Array<number>(number.length).fill(-1));
    block.clocks.unshift(...Array<number>(number.length).fill(-1));
    block.pending.unshift(...Array<null>(number.length).fill(null));
  });
  return blocks;
}

/** The blocks, and each heading's block with its numbering attribute (a heading stored before numbering: by its typed number). */
function textBlocksOf(fragment: Y.XmlFragment): { blocks: Block[]; numbering: { block: Block; attr: Numbering | null }[] } {
  const blocks: Block[] = [];
  const numbering: { block: Block; attr: Numbering | null }[] = [];
  // depth first, in document order, without recursion (a stored log may nest elements thousands deep)
  const frames: { children: unknown[]; next: number; container: Block['container'] }[] = [{ children: fragment.toArray(), next: 0, container: null }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.children.length) {
      frames.pop();
      continue;
    }
    const child = frame.children[frame.next++];
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (name === 'paragraph' || name === 'heading') {
      const block = textBlock(child, name, frame.container);
      blocks.push(block);
      if (name === 'heading') numbering.push({ block, attr: numberingOf(child, block) });
    } else if (name === 'horizontalRule')
      blocks.push({ type: 'horizontalRule', level: null, container: frame.container, textAlign: null, text: '', clients: [], clocks: [], pending: [] });
    // Nodes the schema does not know are not shown anywhere, so not compared either.
    else if (Object.hasOwn(schema.nodes, name)) {
      frames.push({ children: child.toArray(), next: 0, container: Object.hasOwn(CONTAINERS, name) ? CONTAINERS[name] : frame.container });
    }
  }
  return { blocks, numbering };
}

function numberingOf(heading: Y.XmlElement, block: Block): Numbering | null {
  const attr = heading.getAttribute(NUMBERING_ATTR) as unknown;
  if (attr === 'none' || attr === 'auto') return attr;
  // written before automatic numbering: numbered when its text starts with a typed number (shown as typed)
  return typedNumberLength(block.level ?? 0, block.text) > 0 ? 'auto' : 'none';
}

/** A mark written as formatting: its name, or name--hash for marks that may overlap (as updateRules.ts). */
const isKeyOf = (mark: string, key: string): boolean => key === mark || key.startsWith(`${mark}--`);

/**
 * The pending suggestion of text formatted with `open` (key → the mark's
 * attributes). Text both proposed for insertion and for deletion is not
 * agreed text: it counts as the insertion.
 */
function pendingOf(open: Map<string, unknown>): PendingSuggestion | null {
  let found: PendingSuggestion | null = null;
  for (const [key, value] of open) {
    const kind = isKeyOf(SUGGESTION_INSERT, key) ? 'insert' : isKeyOf(SUGGESTION_DELETE, key) ? 'delete' : null;
    if (kind === null || (found?.kind === 'insert' && kind === 'delete')) continue;
    const attrs = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    found = { kind, id: String(attrs.id ?? ''), author: String(attrs.author ?? '') };
  }
  return found;
}

/** The block's text, with the ids of its characters and the suggestions pending on them. (The binding keeps no marks on a line break.) */
function textBlock(el: Y.XmlElement, type: 'paragraph' | 'heading', container: Block['container']): Block {
  let text = '';
  const clients: number[] = [];
  const clocks: number[] = [];
  const pending: (PendingSuggestion | null)[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      // the formatting open at each item: its key and value, gone where it ends (value null)
      const open = new Map<string, unknown>();
      let suggestion: PendingSuggestion | null = null;
      for (let item = child._start; item !== null; item = item.right) {
        if (item.deleted) continue;
        if (item.content instanceof Y.ContentFormat) {
          if (item.content.value === null) open.delete(item.content.key);
          else open.set(item.content.key, item.content.value);
          suggestion = pendingOf(open);
          continue;
        }
        if (!(item.content instanceof Y.ContentString)) continue;
        const str = item.content.str;
        text += str;
        for (let i = 0; i < str.length; i++) {
          clients.push(item.id.client);
          clocks.push(item.id.clock + i);
          pending.push(suggestion);
        }
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      text += '\n';
      clients.push(child._item?.id.client ?? -1);
      clocks.push(child._item?.id.clock ?? -1);
      pending.push(null);
    }
  }
  const level = type === 'heading' ? Number(el.getAttribute('level')) || 1 : null;
  const align = el.getAttribute('textAlign');
  return { type, level, container, textAlign: typeof align === 'string' ? align : null, text, clients, clocks, pending };
}
