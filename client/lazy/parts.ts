// Every part of the app loaded on demand, in one place (docs/performance.md,
// "What is loaded when"). A page's first load carries only what its first
// paint needs; these come when first shown, from the service worker's cache
// when offline (it precaches every built file, lazy ones included).
import { lazyPart } from './lazyPart.js';

// The pages: each route loads its own (App.tsx starts fetching it before the session is known).
export const LoginPagePart = lazyPart(() => import('../pages/LoginPage.js').then((m) => m.LoginPage));
export const DocumentListPagePart = lazyPart(() => import('../pages/DocumentListPage.js').then((m) => m.DocumentListPage));
// Tiptap, Yjs, the editor's plugins: most of the code.
export const EditorPagePart = lazyPart(() => import('../pages/EditorPage.js').then((m) => m.EditorPage));

// Dialogs, opened from a button. The export dialog brings the document schema's
// Tiptap code to the list page only when it is opened.
export const ExportDialogPart = lazyPart(() => import('../export/ExportDialog.js').then((m) => m.ExportDialog));
export const NewDocumentDialogPart = lazyPart(() => import('../documents/NewDocumentDialog.js').then((m) => m.NewDocumentDialog));
export const InviteDialogPart = lazyPart(() => import('../invites/InviteDialog.js').then((m) => m.InviteDialog));
export const ShareDialogPart = lazyPart(() => import('../editor/ShareDialog.js').then((m) => m.ShareDialog));
export const SaveVersionDialogPart = lazyPart(() => import('../versions/SaveVersionDialog.js').then((m) => m.SaveVersionDialog));
export const ApprovalDialogPart = lazyPart(() => import('../approval/ApprovalDialog.js').then((m) => m.ApprovalDialog));
export const SectionAssignDialogPart = lazyPart(() => import('../editor/SectionAssignDialog.js').then((m) => m.SectionAssignDialog));

// The editor's side panels, all closed when a document opens, and a version shown instead of the editor (with its diff).
export const CommentsPanelPart = lazyPart(() => import('../comments/CommentsPanel.js').then((m) => m.CommentsPanel));
export const SuggestionsPanelPart = lazyPart(() => import('../suggestions/SuggestionsPanel.js').then((m) => m.SuggestionsPanel));
export const HistoryPanelPart = lazyPart(() => import('../versions/HistoryPanel.js').then((m) => m.HistoryPanel));
export const VersionViewPart = lazyPart(() => import('../versions/VersionView.js').then((m) => m.VersionView));
