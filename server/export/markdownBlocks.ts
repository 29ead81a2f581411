// The block half of the Markdown serializer's mappings (NODES): paragraphs,
// headings, quotes, lists, rules and GFM tables, and the serializers built
// from them with the inline mappings (markdownInline): one for the body and
// one that writes a table cell's textblocks each on a single line.
import type { Node as PMNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import { MarkdownSerializer } from 'prosemirror-markdown';
import { MARKS, type NodeMapping, type State, writeHardBreak, writeInline, writeText } from './markdownInline.js';
import type { NodeName } from './schemaNames.js';

/**
 * A list inside an item follows the item's paragraph without a blank line,
 * so that the outer list stays tight; but CommonMark lets an ordered list
 * interrupt a paragraph only when it starts at 1.
 */
function followsDirectly(node: PMNode): boolean {
  return node.type.name === 'bulletList' || (node.type.name === 'orderedList' && (node.attrs.start ?? 1) === 1);
}

function writeList(state: State, list: PMNode, indent: string, marker: (index: number) => string): void {
  let tight = true;
  list.forEach((item) =>
    item.forEach((child, _offset, i) => {
      if (i > 0 && !followsDirectly(child)) tight = false;
    }),
  );
  // The serializer reads a list's tightness from its options when the list starts.
  state.options.tightLists = tight;
  state.renderList(list, indent, marker);
}

const tableLine = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** A table cell on one line: each of its textblocks written by the cell serializer, joined by <br>. */
function cellMarkdown(cell: PMNode): string {
  const parts: string[] = [];
  cell.descendants((node) => {
    if (!node.isTextblock) return true;
    parts.push(cellSerializer.serialize(cell.type.create(null, node)));
    return false;
  });
  return parts.filter((part) => part !== '').join('<br>');
}

const NODES: Record<NodeName, NodeMapping> = {
  // serialize() writes the document's children; the title is a heading of the body by then (prepare).
  doc: (state, node) => state.renderContent(node),
  paragraph: (state, node) => {
    writeInline(state, node, '\\\n');
    state.closeBlock(node);
  },
  heading: (state, node) => {
    state.write('#'.repeat(node.attrs.level as number) + (node.childCount ? ' ' : ''));
    writeInline(state, node, '<br>');
    state.closeBlock(node);
  },
  blockquote: (state, node) => state.wrapBlock('> ', null, node, () => state.renderContent(node)),
  bulletList: (state, node) => writeList(state, node, '  ', () => '- '),
  orderedList: (state, node) => {
    const start = Number.isInteger(node.attrs.start) && node.attrs.start >= 0 ? (node.attrs.start as number) : 1;
    const width = String(start + node.childCount - 1).length;
    writeList(state, node, ' '.repeat(width + 2), (i) => `${String(start + i).padStart(width)}. `);
  },
  listItem: (state, node) => state.renderContent(node),
  // printed once, after the body (exportSignature)
  signature: () => {},
  horizontalRule: (state, node) => {
    state.write('---');
    state.closeBlock(node);
  },
  table: (state, node) => {
    const map = TableMap.get(node);
    for (let row = 0; row < map.height; row += 1) {
      const cells: string[] = [];
      for (let col = 0; col < map.width; col += 1) {
        const pos = map.map[row * map.width + col];
        const rect = map.findCell(pos);
        // A merged cell's text goes in its first grid position; GFM has no spans.
        cells.push(rect.left === col && rect.top === row ? cellMarkdown(node.nodeAt(pos)!) : '');
      }
      if (row > 0) state.ensureNewLine();
      state.write(tableLine(cells));
      if (row === 0) {
        state.ensureNewLine();
        state.write(tableLine(cells.map(() => '---')));
      }
    }
    state.closeBlock(node);
  },
  // Rows are written by table, which knows where merged cells put them in the grid.
  tableRow: (state, node) => {
    const cells: string[] = [];
    node.forEach((cell) => cells.push(cellMarkdown(cell)));
    state.write(tableLine(cells));
    state.closeBlock(node);
  },
  tableCell: (state, node) => state.write(cellMarkdown(node)),
  tableHeader: (state, node) => state.write(cellMarkdown(node)),
  text: writeText,
  hardBreak: writeHardBreak,
};

const OPTIONS = { hardBreakNodeName: 'hardBreak' satisfies NodeName };

export const serializer = new MarkdownSerializer(NODES, MARKS, OPTIONS);

/** For table cells: a textblock is one line, its breaks <br>. */
const cellLine: NodeMapping = (state, node) => writeInline(state, node, '<br>');
const cellSerializer = new MarkdownSerializer({ ...NODES, paragraph: cellLine, heading: cellLine }, MARKS, OPTIONS);
