// The bare page's document schema: Tiptap's StarterKit (its own undo off, as
// Collaboration requires) and the table extension, so that the summary's
// tables are there as in Yigao. Shared by the page and the seeder.
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';

export const bareExtensions = [StarterKit.configure({ undoRedo: false }), TableKit.configure({ table: { resizable: false } })];
