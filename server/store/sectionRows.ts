// Section records (SectionStore.ts) as rows, the same for SQLite and PostgreSQL.
import { SECTION_STATUSES, type SectionStatus } from '../../shared/api.js';
import type { SectionChange, SectionProgress, SectionRecord } from './SectionStore.js';

export interface SectionRow {
  document_id: string;
  section_id: string;
  assignees: string;
  status: string;
  due: string | null;
  title: string;
  removed_at: number | null;
  updated_at: number;
  updated_by: string | null;
}

export const SECTION_COLUMNS = 'document_id, section_id, assignees, status, due, title, removed_at, updated_at, updated_by';

const statusOf = (value: string): SectionStatus => ((SECTION_STATUSES as readonly string[]).find((s) => s === value) as SectionStatus | undefined) ?? 'todo';

function idsOf(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export const sectionFromRow = (r: SectionRow): SectionRecord => ({
  documentId: r.document_id,
  sectionId: r.section_id,
  assigneeIds: idsOf(r.assignees),
  status: statusOf(r.status),
  due: r.due,
  title: r.title,
  removedAt: r.removed_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** The record after `change` (a new one when there was none). */
export function changedSection(documentId: string, sectionId: string, before: SectionRecord | null, change: SectionChange): SectionRecord {
  return {
    documentId,
    sectionId,
    assigneeIds: change.assigneeIds ?? before?.assigneeIds ?? [],
    status: change.status ?? before?.status ?? 'todo',
    due: change.due !== undefined ? change.due : (before?.due ?? null),
    title: change.title,
    removedAt: null,
    updatedAt: change.at,
    updatedBy: change.by,
  };
}

/** A record's values in SECTION_COLUMNS order. */
export const sectionValues = (r: SectionRecord) => [
  r.documentId,
  r.sectionId,
  JSON.stringify(r.assigneeIds),
  r.status,
  r.due,
  r.title,
  r.removedAt,
  r.updatedAt,
  r.updatedBy,
];

/** Records that take part in progress: assigned, or given a status, and still in the document. */
export const TRACKED = `removed_at IS NULL AND (assignees <> '[]' OR status <> 'todo')`;

export interface ProgressRow {
  document_id: string;
  total: number;
  done: number;
  overdue: number;
}

export const progressFromRows = (rows: ProgressRow[]): Map<string, SectionProgress> =>
  new Map(rows.map((r) => [r.document_id, { total: Number(r.total), done: Number(r.done), overdue: Number(r.overdue) }]));
