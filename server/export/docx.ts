// The Word export, laid out as an official document (公文, GB/T 9704-2012;
// ../shared/GONGWEN.md): the page, grid, footers and parts around the body
// that docxBody.ts writes.
import type { Node as PMNode } from '@tiptap/pm/model';
import { Document, DocumentGridType, Packer } from 'docx';
import { cleanText, exportSignature, findTitle } from './content.js';
import { anchorComments, indexTexts } from './documentTexts.js';
import { writeBody } from './docxBody.js';
import { FONT_TABLE_PART } from './docxFonts.js';
import { contentToWrite } from './guidance.js';
import { commentOptions, documentStyles, draftHeader, pageNumberFooter, signatureBlock, TITLE_STYLE_XML } from './docxPage.js';
import { FOOTER_DISTANCE_MM, GRID, HEADER_DISTANCE_MM, MARGIN_MM, PAGE_TWIPS, twipsFromMm } from './gongwen.js';
import { CommentBoundaries } from './inline.js';
import type { ExportInput } from './types.js';

export async function exportDocx(input: ExportInput): Promise<Buffer> {
  const content = contentToWrite(input);
  const doc = content.doc;
  const index = indexTexts(doc);
  const comments = content.comments ?? [];
  const anchors = anchorComments(comments, index);
  const documentTitle = cleanText(input.title).trim();
  const signature = exportSignature(doc, input.signature);
  // the signature never stands alone on a page: the body's last paragraph (and empty ones after it) go with it
  const body = writeBody({
    keepWithNext: signature ? lastParagraphs(doc) : new Set(),
    doc,
    index,
    boundaries: content.comments ? new CommentBoundaries(anchors) : null,
    title: findTitle(doc),
    documentTitle,
    // With no text to hang them on, comments go on the title.
    unanchored: anchors.length === 0 ? comments.map((_, i) => i) : [],
    authors: input.authors,
  });
  if (signature) body.blocks.push(...signatureBlock(signature));

  const document = new Document({
    title: documentTitle,
    creator: '议稿',
    lastModifiedBy: '议稿',
    styles: documentStyles(),
    externalStyles: TITLE_STYLE_XML,
    numbering: { config: body.numbering },
    comments: comments.length ? { children: comments.map(commentOptions) } : undefined,
    evenAndOddHeaderAndFooters: true,
    // A justified line that ends in a hard break keeps its spacing rather than spreading across the line.
    compatibility: { doNotExpandShiftReturn: true },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: {
              top: twipsFromMm(MARGIN_MM.top),
              bottom: twipsFromMm(MARGIN_MM.bottom),
              left: twipsFromMm(MARGIN_MM.left),
              right: twipsFromMm(MARGIN_MM.right),
              header: twipsFromMm(HEADER_DISTANCE_MM),
              footer: twipsFromMm(FOOTER_DISTANCE_MM),
              gutter: 0,
            },
          },
          // Lines only: the characters are spaced on the runs (gongwen.ts says why).
          grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitchTwips },
        },
        headers: input.draft ? { default: draftHeader(), even: draftHeader() } : undefined,
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body.blocks,
      },
    ],
  });
  return Packer.toBuffer(document, false, [FONT_TABLE_PART]);
}

/**
 * The body's last top-level paragraph with text (blank ones at the end are
 * not written: withoutTrailingBlanks), skipping signature blocks; none when
 * the body ends in something else (a table, a list).
 */
function lastParagraphs(doc: PMNode): Set<PMNode> {
  const found = new Set<PMNode>();
  for (let i = doc.childCount - 1; i >= 0; i--) {
    const child = doc.child(i);
    if (child.type.name === 'signature') continue;
    if (child.type.name !== 'paragraph') return new Set();
    found.add(child);
    if (child.textContent.trim() !== '') return found;
  }
  return found;
}
