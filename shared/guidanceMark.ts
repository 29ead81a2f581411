// The guidance mark's name, apart from the Tiptap extension (Guidance.ts), so
// that code which only reads documents (the export dialog counting
// placeholders on the document list) does not load the editor with it.
export const GUIDANCE_MARK = 'guidance';
