// The document's 署名 and 成文日期 (GB/T 9704 7.3.5): the issuing body and the
// date, set once as part of the document (not typed as right-aligned
// paragraphs), so that every export lays them out as the standard asks and
// none prints them twice. A block the editor shows at the end of the body,
// with fields to fill in (client/editor/SignatureView.ts); at most one is
// exported, the last.
import { mergeAttributes, Node } from '@tiptap/core';
import { officialDateText } from './officialDate.js';

export const SIGNATURE_NODE = 'signature';
/** The issuing body's name is at most this long. */
export const MAX_ISSUER_LENGTH = 100;

export const Signature = Node.create({
  name: SIGNATURE_NODE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      issuer: { default: '', parseHTML: (element) => element.getAttribute('data-issuer') ?? '' },
      /** YYYY-MM-DD, or '' while not set. */
      date: { default: '', parseHTML: (element) => element.getAttribute('data-date') ?? '' },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-signature]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const issuer = String(node.attrs.issuer ?? '');
    const date = officialDateText(String(node.attrs.date ?? '')) ?? '';
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-signature': '',
        'data-issuer': issuer,
        'data-date': node.attrs.date,
        class: 'signature',
        style: 'text-align: right',
      }),
      ['p', {}, issuer],
      ['p', {}, date],
    ];
  },
  renderText({ node }) {
    return [String(node.attrs.issuer ?? ''), officialDateText(String(node.attrs.date ?? '')) ?? ''].filter(Boolean).join('\n');
  },
});

/** The document's own 署名 and 成文日期 (its last signature block with anything in it), read from its JSON; null when none. */
export function documentSignature(json: { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }): { issuer: string; date: string } | null {
  let own: { issuer: string; date: string } | null = null;
  const stack = [json];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === SIGNATURE_NODE) {
      const issuer = String(node.attrs?.issuer ?? '').trim();
      const date = officialDateText(String(node.attrs?.date ?? '')) ?? '';
      // the last in document order wins: the stack visits children last to first
      if ((issuer || date) && own === null) own = { issuer, date };
      continue;
    }
    for (const child of (node.content ?? []) as (typeof json)[]) stack.push(child);
  }
  return own;
}
