// The stored state of a document as {json, html, text}, read through the
// shared schema (never from toString() of Yjs types).
import type { JSONContent } from '@tiptap/core';
import { Node, type NodeType } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ContentDto } from '../../shared/api.js';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { takeOverTypedNumbers } from '../../shared/numbering.js';
import { officialDateText } from '../../shared/officialDate.js';
import { SIGNATURE_NODE } from '../../shared/Signature.js';
import { HEADING_LEVELS, MAX_TABLE_SPAN, schema } from '../../shared/schema.js';
import { agreedDoc } from '../../shared/suggestions.js';
import { saneMarkAttrs } from './saneMarks.js';
import { exportSignature } from '../export/content.js';
import { htmlBody } from '../export/htmlBody.js';

/**
 * Drops node and mark types the schema does not know (a client could write
 * any XML element into the fragment), and brings attributes into the ranges
 * renderers can walk in time linear in the document (a heading of level 1e9,
 * a cell spanning a million columns), so that what is left can be parsed and
 * rendered. Headings written before automatic numbering have their typed
 * numbers taken over (numbering.ts), so no number is shown twice.
 */
export function keepKnownTypes(json: JSONContent): JSONContent {
  const kept = keepKnown(json);
  takeOverTypedNumbers(kept);
  return kept;
}

function keepKnown(json: JSONContent): JSONContent {
  const content = json.content?.filter((child) => child.type !== undefined && Object.hasOwn(schema.nodes, child.type)).map(keepKnown);
  const marks = json.marks?.filter((mark) => Object.hasOwn(schema.marks, mark.type)).map(saneMarkAttrs);
  const out: JSONContent = { ...json };
  if (content) out.content = content;
  if (marks) out.marks = marks;
  if (json.attrs) out.attrs = saneAttrs(json.type, json.attrs);
  return out;
}

const within = (value: unknown, min: number, max: number): number => {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
};

function saneAttrs(type: string | undefined, attrs: Record<string, unknown>): Record<string, unknown> {
  if (type === 'heading') return { ...attrs, level: within(attrs.level, HEADING_LEVELS[0], HEADING_LEVELS[HEADING_LEVELS.length - 1]) };
  if (type === 'tableCell' || type === 'tableHeader') {
    const colspan = within(attrs.colspan ?? 1, 1, MAX_TABLE_SPAN);
    const widths = Array.isArray(attrs.colwidth) ? attrs.colwidth.slice(0, colspan).map((w) => (typeof w === 'number' && Number.isFinite(w) ? w : null)) : null;
    return { ...attrs, colspan, rowspan: within(attrs.rowspan ?? 1, 1, MAX_TABLE_SPAN), colwidth: widths && widths.length === colspan ? widths : null };
  }
  return attrs;
}

export function toProseMirrorNode(fragment: Y.XmlFragment): Node {
  let json: JSONContent;
  try {
    json = keepKnownTypes(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent);
  } catch {
    // Types the binding cannot read (a Y.Array where elements belong), or nesting too deep for its recursion.
    return schema.node('doc', null, textBlocksOf(fragment));
  }
  try {
    const node = Node.fromJSON(schema, json);
    node.check();
    return node;
  } catch {
    // Structure the schema does not allow: mend it node by node, keeping what fits as it is.
    return fitted(json) ?? schema.node('doc', null, textBlocks(json));
  }
}

/** Nodes nest at most this deep when mended (the binding's recursion ends well before). */
const MAX_FIT_DEPTH = 200;

/**
 * The document with each node the schema does not allow where it is mended:
 * wrapped when a wrapper makes it fit (text straight in a list), else replaced
 * by its children (a cell outside a table by its paragraphs), dropped when
 * it is an empty leaf that fits nowhere; and each node filled with what its
 * content must have (an empty quote gets a paragraph). Null when even that
 * does not make a document.
 */
function fitted(json: JSONContent): Node | null {
  const fit = (node: JSONContent, depth: number): Node[] => {
    if (node.type === 'text') {
      if (!node.text) return [];
      return [
        safely(() =>
          schema.text(
            node.text!,
            (node.marks ?? []).map((mark) => schema.markFromJSON(mark)),
          ),
        ) ?? schema.text(node.text),
      ];
    }
    const type = schema.nodes[node.type ?? ''];
    if (!type || depth > MAX_FIT_DEPTH) return textBlocks(node);
    const children = fitInto(
      type,
      (node.content ?? []).flatMap((child) => fit(child, depth + 1)),
    );
    const made = safely(() => type.createAndFill(node.attrs, children));
    return made ? [made] : children;
  };
  return safely(() =>
    schema.nodes.doc.createAndFill(
      null,
      fitInto(
        schema.nodes.doc,
        (json.content ?? []).flatMap((child) => fit(child, 1)),
      ),
    ),
  );
}

/** `children` made to follow `type`'s content expression, in order (see fitted). */
function fitInto(type: NodeType, children: Node[]): Node[] {
  const out: Node[] = [];
  let match = type.contentMatch;
  const queue = [...children];
  while (queue.length > 0) {
    const child = queue.shift()!;
    const next = match.matchType(child.type);
    if (next) {
      out.push(child);
      match = next;
      continue;
    }
    const wrapping = match.findWrapping(child.type);
    const wrapped = wrapping && safely(() => wrapping.reduceRight<Node | null>((inner, wrapper) => inner && wrapper.createAndFill(null, inner), child));
    if (wrapped && match.matchType(wrapped.type)) {
      out.push(wrapped);
      match = match.matchType(wrapped.type)!;
    } else if (child.isInline && !type.inlineContent) {
      queue.unshift(schema.node('paragraph', null, [child]));
    } else if (child.childCount > 0) {
      queue.unshift(...child.content.content);
    }
  }
  return out;
}

const safely = <T>(make: () => T): T | null => {
  try {
    return make();
  } catch {
    return null;
  }
};

function textBlocks(json: JSONContent): Node[] {
  const blocks: Node[] = [];
  const visit = (node: JSONContent, inBlock: string[] | null): void => {
    if (node.type === 'text' && inBlock) inBlock.push(node.text ?? '');
    const isTextBlock = node.type === 'paragraph' || node.type === 'heading';
    const collected = isTextBlock ? [] : inBlock;
    node.content?.forEach((child) => visit(child, collected));
    if (isTextBlock && collected) {
      const text = collected.join('');
      blocks.push(schema.node('paragraph', null, text ? [schema.text(text)] : []));
    }
  };
  visit(json, null);
  return blocks.length ? blocks : [schema.node('paragraph')];
}

/** The text of each top-level block as a paragraph, read without recursion and whatever the types inside. */
function textBlocksOf(fragment: Y.XmlFragment): Node[] {
  const blocks: Node[] = [];
  for (const block of fragment.toArray()) {
    const parts: string[] = [];
    const stack: unknown[] = [block];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node instanceof Y.XmlText) {
        for (const op of node.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') parts.push(op.insert);
      } else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
        const children = node.toArray();
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      }
    }
    const text = parts.join('');
    if (text) blocks.push(schema.node('paragraph', null, [schema.text(text)]));
  }
  return blocks.length ? blocks : [schema.node('paragraph')];
}

/** Plain text: one line per block; a hard break is a line break. */
export function plainText(node: Node): string {
  return node.textBetween(0, node.content.size, '\n', (leaf) => {
    if (leaf.type.name === 'hardBreak') return '\n';
    if (leaf.type.name === SIGNATURE_NODE)
      return [String(leaf.attrs.issuer ?? ''), officialDateText(String(leaf.attrs.date ?? '')) ?? ''].filter(Boolean).join('\n');
    return '';
  });
}

/**
 * The stored content (json, without numbers) and as a reader sees it (html and
 * text, with the headings' numbers). The html is the HTML export's body
 * (htmlBody.ts), the signature block after it, with the suggestions (修订)
 * shown; the text is as agreed so far: proposed insertions left out,
 * proposed deletions kept, proposed format changes not applied.
 */
export function renderContent(fragment: Y.XmlFragment): ContentDto {
  const node = toProseMirrorNode(fragment);
  const numbered = withHeadingNumbers(agreedDoc(node));
  return {
    json: node.toJSON() as JSONContent,
    html: htmlBody(node, { signature: exportSignature(node, null) }),
    text: plainText(numbered),
  };
}
