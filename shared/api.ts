// Shapes of the public HTTP API (API.md), shared by server and client.

export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const VERSION_KINDS = ['auto', 'named', 'approved'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'approved'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** What an export does with unfilled guidance (〔…〕 placeholders): marks it visibly, or leaves it out. */
export const GUIDANCE_EXPORTS = ['mark', 'omit'] as const;
export type GuidanceExport = (typeof GUIDANCE_EXPORTS)[number];

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  /** The colour of this person's caret and avatar, derived from the account. */
  color: string;
  /** Administrators can invite people when registration is by invitation. */
  isAdmin: boolean;
}

export interface RegistrationInfoDto {
  /** `invite`: registering needs an invitation code from an administrator. */
  mode: 'open' | 'invite';
  /** No account exists yet: the next one registers freely and becomes the administrator. */
  firstAccount: boolean;
}

export interface InviteDto {
  code: string;
  createdAt: string;
  expiresAt: string;
  /** Username of the account that used it. */
  usedBy: string | null;
}

export interface DocumentSummaryDto {
  id: string;
  title: string;
  status: DocumentStatus;
  role: Role;
  createdAt: string;
  updatedAt: string;
  owner: Pick<UserDto, 'username' | 'displayName'>;
  /** 分工: how far the assigned sections are (null while no section is assigned or has a status or a due date). */
  progress: SectionProgressDto | null;
  /** 修订: the owner asked every editor to suggest rather than edit (PUT /api/documents/:id/review). */
  suggestOnly: boolean;
}

export interface DocumentDto extends DocumentSummaryDto {}

/** Section status (分工): 待写 → 起草中 → 待审 → 已完成. */
export const SECTION_STATUSES = ['todo', 'drafting', 'review', 'done'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/** One first- or second-level section (一、 or （一）) with its assignment (GET /api/documents/:id/sections). */
export interface SectionDto {
  id: string;
  /** 1 for 一、, 2 for （一）. */
  level: 1 | 2;
  /** As shown (`一、`); '' when the heading is unnumbered. */
  number: string;
  title: string;
  /** Usernames of the members it is assigned to. */
  assignees: string[];
  status: SectionStatus;
  /** YYYY-MM-DD, or null. */
  due: string | null;
  /** 字数 of the section's body. */
  chars: number;
  /** Comment threads in the section that are not resolved. */
  openThreads: number;
  /** The assignees as people (names and colours for avatars), in the order of `assignees`. */
  people: PersonDto[];
  /** Due before today (the server's date) and not done. */
  overdue: boolean;
  /** With `?include=removed`: its heading is gone from the document (kept, as orphaned comments are); listed after the others. */
  removed?: boolean;
}

/** PUT /api/documents/:id/sections/:sectionId: what to change (at least one). */
export interface SectionUpdateDto {
  assignees?: string[];
  status?: SectionStatus;
  due?: string | null;
}

/** 已完成 3/5: sections that are assigned or have a status or a due date, still in the document. */
export interface SectionProgressDto {
  total: number;
  done: number;
  overdue: number;
}

export interface MemberDto {
  user: Pick<UserDto, 'username' | 'displayName' | 'color'>;
  role: Role;
}

export interface ContentDto {
  json: unknown;
  html: string;
  text: string;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface PersonDto {
  username: string;
  displayName: string;
  color: string;
}

/** The version a restore brought back, as it was when restored. */
export interface RestoredFromDto {
  id: string;
  /** Its name; null for an automatic version (known by its time) or an approved one. */
  name: string | null;
  kind: VersionKind;
  createdAt: string;
}

export interface VersionDto {
  id: string;
  /**
   * Null for automatic versions. Versions the server makes are named in Chinese, the product's language:
   * "定稿" for an approval, "恢复到“…”" for a restore, "导入：<file>" for an import. A UI in another language
   * words them from `kind`, `restoredFrom` and `importedFrom` instead.
   */
  name: string | null;
  kind: VersionKind;
  /** Set on the version a restore made: what it brought back. Null otherwise. */
  restoredFrom: RestoredFromDto | null;
  /** Set on the first version of a document imported from Word: the file's name ("导入：<file>"). Null otherwise. */
  importedFrom: string | null;
  createdAt: string;
  /** Username of who took it; null for automatic versions. */
  createdBy: string | null;
  /** Who took it, with name and colour; null for automatic versions. */
  creator: PersonDto | null;
  /** The members whose changes were stored since the version before. */
  authors: PersonDto[];
}

export interface VersionDetailDto extends VersionDto, ContentDto {
  /** The comment threads whose passage exists in this version, with the words they covered then. */
  comments: { threadId: string; quote: string; resolved: boolean }[];
  /** The authors of the suggestions (修订) pending in it (its html marks them <ins>/<del> with data-author, their username). */
  suggestionAuthors: PersonDto[];
}

export interface DiffSegmentDto {
  /** How the agreed text changed: a pending suggestion's text is 'equal' until it is accepted (then 'insert' or 'delete'). */
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** Username of who inserted or deleted it, when known. */
  author: string | null;
  /** The suggestion (修订) pending on this text on the newer side; `arrived` when it was not pending on it on the older side. */
  suggestion: DiffSuggestionDto | null;
}

export interface DiffSuggestionDto {
  kind: 'insert' | 'delete';
  id: string;
  /** Its author's username. */
  author: string;
  arrived: boolean;
}

export interface DiffBlockDto {
  status: 'equal' | 'added' | 'removed' | 'modified';
  type: 'paragraph' | 'heading' | 'horizontalRule';
  level: number | null;
  container: 'bulletList' | 'orderedList' | 'table' | 'blockquote' | null;
  textAlign: string | null;
  /** The block's text on the newer side (the older side's for a removed block), pending suggestions' text included. */
  text: string;
  segments: DiffSegmentDto[];
  /** Besides the text: 'type', 'level', 'container', 'textAlign'. */
  changes: string[];
}

export interface DiffSideDto {
  /** A version id, or "current". */
  id: string;
  name: string | null;
  kind: VersionKind | 'current';
  createdAt: string | null;
  /** As in VersionDto (absent for "current"). */
  restoredFrom?: RestoredFromDto | null;
}

export interface DiffDto {
  from: DiffSideDto;
  to: DiffSideDto;
  blocks: DiffBlockDto[];
  authors: PersonDto[];
  stats: {
    insertedChars: number;
    deletedChars: number;
    addedBlocks: number;
    removedBlocks: number;
    modifiedBlocks: number;
    /** Suggestions pending on the newer side that were not on the older one. */
    newSuggestions: number;
  };
}

export interface CommentDto {
  id: string;
  author: PersonDto;
  /** Plain text; @username mentions stay as written. */
  body: string;
  createdAt: string;
}

export interface ThreadDto extends CommentDto {
  /** The words the thread is anchored to now (the last words it had, when orphaned). */
  quote: string;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: PersonDto | null;
  /** The whole passage was deleted: the thread is kept with the quote it last had. */
  orphaned: boolean;
  /** Where the passage is: two Yjs relative positions (JSON) in the body fragment, for the editor to highlight; null when orphaned. */
  anchor: { start: unknown; end: unknown } | null;
  replies: CommentDto[];
}

export interface NotificationDto {
  id: string;
  /**
   * `mention`: someone mentioned the user in a comment; `assigned`: a section
   * was assigned to the user; `suggested`: `actor` suggested changes (修订) to a
   * document the user owns, or in a section assigned to the user (`excerpt`:
   * the first suggestion's text).
   */
  kind: 'mention' | 'assigned' | 'suggested';
  document: { id: string; title: string };
  /** The thread and the comment that mention the user (mentions only). */
  threadId: string | null;
  commentId: string | null;
  /** The section assigned (assignments), or the section the suggestions are in (suggested; null outside every section). */
  sectionId: string | null;
  actor: PersonDto;
  excerpt: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationsDto {
  unread: number;
  items: NotificationDto[];
}

export interface ApprovalWarningsDto {
  /** Guidance placeholders (〔…〕) still in the text. */
  placeholders: string[];
  /** Comment threads not resolved. */
  openThreads: { id: string; quote: string; body: string; author: PersonDto; orphaned: boolean }[];
  /** 分工 in use: the sections not 已完成 (every section, once any is assigned or has a status or a due date). */
  sections: Pick<SectionDto, 'id' | 'number' | 'title' | 'status' | 'assignees' | 'people'>[];
}

export interface ApprovalDto {
  document: DocumentDto;
  /** The frozen approved version. */
  version: VersionDto;
  /** What was unfinished when it was approved. */
  warnings: ApprovalWarningsDto;
}
