import type Database from 'better-sqlite3';
import type { SectionChange, SectionProgress, SectionRecord, SectionStore } from '../SectionStore.js';
import {
  changedSection,
  progressFromRows,
  SECTION_COLUMNS,
  sectionFromRow,
  sectionValues,
  TRACKED,
  type ProgressRow,
  type SectionRow,
} from '../sectionRows.js';

export class SqliteSectionStore implements SectionStore {
  private readonly statements;
  private readonly updateTransaction;
  private readonly presenceTransaction;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      list: db.prepare<[string], SectionRow>(`SELECT ${SECTION_COLUMNS} FROM section_assignments WHERE document_id = ? ORDER BY rowid`),
      get: db.prepare<[string, string], SectionRow>(`SELECT ${SECTION_COLUMNS} FROM section_assignments WHERE document_id = ? AND section_id = ?`),
      upsert: db.prepare(
        `INSERT INTO section_assignments (${SECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, section_id) DO UPDATE SET assignees = excluded.assignees, status = excluded.status, due = excluded.due,
           title = excluded.title, removed_at = excluded.removed_at, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ),
      setRemoved: db.prepare('UPDATE section_assignments SET removed_at = ? WHERE document_id = ? AND section_id = ?'),
      setTitle: db.prepare('UPDATE section_assignments SET title = ? WHERE document_id = ? AND section_id = ?'),
    };
    this.updateTransaction = db.transaction((documentId: string, sectionId: string, change: SectionChange) => {
      const row = this.statements.get.get(documentId, sectionId);
      const before = row ? sectionFromRow(row) : null;
      const after = changedSection(documentId, sectionId, before, change);
      this.statements.upsert.run(...sectionValues(after));
      return { before, after };
    });
    this.presenceTransaction = db.transaction((documentId: string, present: Map<string, string>, at: number) => {
      let changed = false;
      for (const row of this.statements.list.all(documentId)) {
        const title = present.get(row.section_id);
        const removed = title === undefined;
        if (removed !== (row.removed_at !== null)) {
          this.statements.setRemoved.run(removed ? at : null, documentId, row.section_id);
          changed = true;
        }
        if (title !== undefined && title !== row.title) this.statements.setTitle.run(title, documentId, row.section_id);
      }
      return changed;
    });
  }

  async list(documentId: string): Promise<SectionRecord[]> {
    return this.statements.list.all(documentId).map(sectionFromRow);
  }

  async update(documentId: string, sectionId: string, change: SectionChange): Promise<{ before: SectionRecord | null; after: SectionRecord }> {
    return this.updateTransaction(documentId, sectionId, change);
  }

  async setPresent(documentId: string, present: Map<string, string>, at: number): Promise<boolean> {
    return this.presenceTransaction(documentId, present, at);
  }

  async progress(documentIds: string[], today: string): Promise<Map<string, SectionProgress>> {
    if (documentIds.length === 0) return new Map();
    const rows = this.db
      .prepare<unknown[], ProgressRow>(
        `SELECT document_id, COUNT(*) AS total, SUM(status = 'done') AS done, SUM(status <> 'done' AND due IS NOT NULL AND due < ?) AS overdue
           FROM section_assignments WHERE document_id IN (SELECT value FROM json_each(?)) AND ${TRACKED} GROUP BY document_id`,
      )
      .all(today, JSON.stringify(documentIds));
    return progressFromRows(rows);
  }
}
