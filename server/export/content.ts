// What every exporter does first: read the content through the shared schema,
// find the title, and make text and links safe to write.
import type { JSONContent } from '@tiptap/core';
import { Fragment, Node as PMNode } from '@tiptap/pm/model';
import { takeOverTypedNumbers } from '../../shared/numbering.js';
import { LINK_PROTOCOLS, schema } from '../../shared/schema.js';
import { documentSignature, SIGNATURE_NODE } from '../../shared/Signature.js';

/** The content as a ProseMirror node, or an Error saying why the schema rejects it. */
export function parseContent(content: JSONContent): PMNode {
  let doc: PMNode;
  try {
    // headings written before automatic numbering: their typed numbers taken over (numbering.ts)
    const json = structuredClone(content);
    takeOverTypedNumbers(json);
    doc = PMNode.fromJSON(schema, json);
    doc.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot export: the content does not match the document schema (${reason})`, { cause: error });
  }
  if (doc.type.name !== 'doc') {
    throw new Error(`Cannot export: the content must be a doc node, not ${doc.type.name}`);
  }
  return doc;
}

/**
 * The document without the blank paragraphs at the end of the body (the
 * editor always keeps one there to type into): an export would print them as
 * blank lines before the signature. Signature blocks among them stay.
 */
export function withoutTrailingBlanks(doc: PMNode): PMNode {
  const children: PMNode[] = [];
  doc.forEach((child) => children.push(child));
  const isBlank = (node: PMNode) => node.type.name === 'paragraph' && node.textContent.trim() === '' && !node.content.content.some((inline) => !inline.isText);
  let end = children.length;
  const kept: PMNode[] = [];
  while (end > 0 && (isBlank(children[end - 1]) || children[end - 1].type.name === SIGNATURE_NODE)) {
    end -= 1;
    if (!isBlank(children[end])) kept.unshift(children[end]);
  }
  if (end === children.length) return doc;
  const content = [...children.slice(0, end), ...kept];
  return content.length === 0 ? doc : doc.copy(Fragment.fromArray(content));
}

/**
 * Where the title comes from. GB/T 9704 has one title, centred above the body:
 * the first level-1 heading at the top level, unless it is empty; otherwise the
 * document's title, written before the body (`node` null) or in place of the
 * empty heading.
 */
export interface TitleSource {
  node: PMNode | null;
  /** Use the document title rather than the node's own text. */
  useDocumentTitle: boolean;
}

export function findTitle(doc: PMNode): TitleSource {
  for (let index = 0; index < doc.childCount; index += 1) {
    const child = doc.child(index);
    if (child.type.name === 'heading' && child.attrs.level === 1) {
      return { node: child, useDocumentTitle: cleanText(child.textContent).trim() === '' };
    }
  }
  return { node: null, useDocumentTitle: true };
}

// C0 controls except tab (09) and newline (0A), the non-characters FFFE/FFFF,
// and surrogates without their pair: XML 1.0 (so Word) cannot hold them.
const UNWRITABLE = /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(UNWRITABLE, '');
}

const ALLOWED_PROTOCOLS = new Set<string>(LINK_PROTOCOLS.map((protocol) => `${protocol}:`));

/** The link target when it is http, https or mailto (normalised), else null: the text stays, the link goes. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = cleanText(href).trim();
  if (!/^(https?|mailto):/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Textblock alignment as the editor's TextAlign extension stores it; null when the writer set none. */
export type TextAlign = 'left' | 'center' | 'right' | 'justify';

export function textAlignOf(node: PMNode): TextAlign | null {
  const value: unknown = node.attrs.textAlign ?? node.attrs.align;
  return value === 'left' || value === 'center' || value === 'right' || value === 'justify' ? value : null;
}

/** Comment dates as a Chinese reader writes them, in China's time zone. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
}

/**
 * The 署名 and 成文日期 to print: the document's own (its last signature block
 * with anything in it), else the one asked for with the export; never both.
 */
export function exportSignature(doc: PMNode, requested: { issuer: string; date: string } | null): { issuer: string; date: string } | null {
  const own = documentSignature(doc.toJSON());
  return own ? { issuer: cleanText(own.issuer).trim(), date: own.date } : requested;
}
