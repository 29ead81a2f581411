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
import type { PostgresDatabase } from './PostgresDatabase.js';

export class PostgresSectionStore implements SectionStore {
  constructor(private readonly db: PostgresDatabase) {}

  async list(documentId: string): Promise<SectionRecord[]> {
    const { rows } = await this.db.query<SectionRow>(
      `SELECT ${SECTION_COLUMNS} FROM section_assignments WHERE document_id = $1 ORDER BY updated_at, section_id`,
      [documentId],
    );
    return rows.map(sectionFromRow);
  }

  async update(documentId: string, sectionId: string, change: SectionChange): Promise<{ before: SectionRecord | null; after: SectionRecord }> {
    return this.db.transaction(async (client) => {
      // the row locked (or, when new, the key claimed) so that two changes at once apply one after the other
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`section:${documentId}:${sectionId}`]);
      const { rows } = await client.query<SectionRow>(`SELECT ${SECTION_COLUMNS} FROM section_assignments WHERE document_id = $1 AND section_id = $2`, [
        documentId,
        sectionId,
      ]);
      const before = rows[0] ? sectionFromRow(rows[0]) : null;
      const after = changedSection(documentId, sectionId, before, change);
      await client.query(
        `INSERT INTO section_assignments (${SECTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (document_id, section_id) DO UPDATE SET assignees = EXCLUDED.assignees, status = EXCLUDED.status, due = EXCLUDED.due,
           title = EXCLUDED.title, removed_at = EXCLUDED.removed_at, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        sectionValues(after),
      );
      return { before, after };
    });
  }

  async setPresent(documentId: string, present: Map<string, string>, at: number): Promise<boolean> {
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<SectionRow>(`SELECT ${SECTION_COLUMNS} FROM section_assignments WHERE document_id = $1 FOR UPDATE`, [documentId]);
      let changed = false;
      for (const row of rows) {
        const title = present.get(row.section_id);
        const removed = title === undefined;
        if (removed !== (row.removed_at !== null)) {
          await client.query('UPDATE section_assignments SET removed_at = $1 WHERE document_id = $2 AND section_id = $3', [
            removed ? at : null,
            documentId,
            row.section_id,
          ]);
          changed = true;
        }
        if (title !== undefined && title !== row.title) {
          await client.query('UPDATE section_assignments SET title = $1 WHERE document_id = $2 AND section_id = $3', [title, documentId, row.section_id]);
        }
      }
      return changed;
    });
  }

  async progress(documentIds: string[], today: string): Promise<Map<string, SectionProgress>> {
    if (documentIds.length === 0) return new Map();
    const { rows } = await this.db.query<ProgressRow>(
      `SELECT document_id, COUNT(*)::int AS total, COUNT(*) FILTER (WHERE status = 'done')::int AS done,
              COUNT(*) FILTER (WHERE status <> 'done' AND due IS NOT NULL AND due < $1)::int AS overdue
         FROM section_assignments WHERE document_id = ANY($2) AND ${TRACKED} GROUP BY document_id`,
      [today, documentIds],
    );
    return progressFromRows(rows);
  }
}
