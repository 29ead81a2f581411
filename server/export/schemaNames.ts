// The schema's node and mark names as types, so that every exporter's mapping
// (a Record over these names) stops compiling when a name is added here, and
// schemaNames.test.ts fails when the schema gains a name that is not here.

export const NODE_NAMES = [
  'doc',
  'paragraph',
  'text',
  'hardBreak',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'horizontalRule',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'signature',
] as const;
export type NodeName = (typeof NODE_NAMES)[number];

/** The inline nodes: everything else is a block or a container of blocks. */
export const INLINE_NODE_NAMES = ['text', 'hardBreak'] as const satisfies readonly NodeName[];
export type InlineNodeName = (typeof INLINE_NODE_NAMES)[number];
export type BlockNodeName = Exclude<NodeName, InlineNodeName>;

export const MARK_NAMES = ['link', 'bold', 'italic', 'strike', 'underline', 'guidance', 'suggestionInsert', 'suggestionDelete', 'suggestionFormat'] as const;
export type MarkName = (typeof MARK_NAMES)[number];

/**
 * The order marks nest in when an exporter writes them as nested elements:
 * a link outermost, so that a link whose text is partly bold stays one link;
 * then guidance, so that a placeholder partly bold is marked once; then the
 * suggestions (修订), so that a proposed insertion partly bold is one <ins>.
 */
export const MARK_NESTING: readonly MarkName[] = [
  'link',
  'guidance',
  'suggestionInsert',
  'suggestionDelete',
  'suggestionFormat',
  'bold',
  'italic',
  'strike',
  'underline',
];
