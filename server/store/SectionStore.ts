import type { SectionStatus } from '../../shared/api.js';

/** A section's assignment (分工). The section itself is a heading of the document, found by its id. */
export interface SectionRecord {
  documentId: string;
  sectionId: string;
  /** User ids, in the order they were given. */
  assigneeIds: string[];
  status: SectionStatus;
  /** YYYY-MM-DD, or null. */
  due: string | null;
  /** Its number and title as last seen (`二、参政议政更主动`): what is shown once the heading is gone. */
  title: string;
  /** When its heading was found gone from the document; null while it is there. */
  removedAt: number | null;
  updatedAt: number;
  updatedBy: string | null;
}

/** What one update changes; fields left out stay as they are. */
export interface SectionChange {
  assigneeIds?: string[];
  status?: SectionStatus;
  due?: string | null;
  title: string;
  at: number;
  by: string;
}

/** How far a document's assigned sections are (those that are assigned or have a status, not removed). */
export interface SectionProgress {
  total: number;
  done: number;
  overdue: number;
}

export interface SectionStore {
  /** Every record of the document (removed ones included). */
  list(documentId: string): Promise<SectionRecord[]>;
  /**
   * Creates or changes a section's record in one step, so that changes of
   * different fields made at once are all kept. Returns the record before
   * (null when new) and after.
   */
  update(documentId: string, sectionId: string, change: SectionChange): Promise<{ before: SectionRecord | null; after: SectionRecord }>;
  /**
   * Records which sections the document holds now: records of the others are
   * marked removed (at `at`), those of these that were removed are back; the
   * titles given are remembered. Returns whether any record changed state.
   */
  setPresent(documentId: string, present: Map<string, string>, at: number): Promise<boolean>;
  /** Progress of each document that has any section assigned or with a status; due dates before `today` (YYYY-MM-DD) count as overdue. */
  progress(documentIds: string[], today: string): Promise<Map<string, SectionProgress>>;
}
