// Export of a document to Word (as a GB/T 9704 official document), Markdown and HTML.
export type { ExportComment, ExportInput } from './types.js';
export { exportDocx } from './docx.js';
export { exportMarkdown } from './markdown.js';
export { exportHtml } from './html.js';
export { documentTexts } from './documentTexts.js';
