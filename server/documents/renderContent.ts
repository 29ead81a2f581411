// The stored state of a document as {json, html, text}, read through the
// shared schema (never from toString() of Yjs types).
import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { ContentDto } from '../../shared/api.js';
import { schema, schemaExtensions } from '../../shared/schema.js';

/**
 * Drops node and mark types the schema does not know (a client could write
 * any XML element into the fragment), so that what is left can be parsed.
 */
export function keepKnownTypes(json: JSONContent): JSONContent {
  const content = json.content
    ?.filter((child) => child.type !== undefined && child.type in schema.nodes)
    .map(keepKnownTypes);
  const marks = json.marks?.filter((mark) => mark.type in schema.marks);
  const out: JSONContent = { ...json };
  if (content) out.content = content;
  if (marks) out.marks = marks;
  return out;
}

export function toProseMirrorNode(fragment: Y.XmlFragment): Node {
  const json = keepKnownTypes(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent);
  try {
    const node = Node.fromJSON(schema, json);
    node.check();
    return node;
  } catch {
    // Structure the schema does not allow: keep the text of every block rather than fail.
    return schema.node('doc', null, textBlocks(json));
  }
}

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

/** Plain text: one line per block; a hard break is a line break. */
export function plainText(node: Node): string {
  return node.textBetween(0, node.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''));
}

export function renderContent(fragment: Y.XmlFragment): ContentDto {
  const node = toProseMirrorNode(fragment);
  const json = node.toJSON() as JSONContent;
  return {
    json,
    html: renderToHTMLString({ content: json, extensions: schemaExtensions }),
    text: plainText(node),
  };
}
