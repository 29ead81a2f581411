import type Database from 'better-sqlite3';
import { DocumentFrozenError, type DocumentStore, type QuarantinedEntry, type StoredUpdates, type UpdateEntry } from '../DocumentStore.js';
import { type SetAsideEntry, StateRegressionError, uncoveredEntries } from '../stateCoverage.js';
import { TOUCH_DOCUMENT_EVERY_MS } from '../../collab/timing.js';
import { JournalIntake, type JournalMark, type SqliteJournalOptions } from './JournalIntake.js';

export type { SqliteJournalOptions } from './JournalIntake.js';

/** What a commit writes: entries of a document, at a time (now, unless they were accepted earlier). */
interface CommitItem {
  documentId: string;
  entries: UpdateEntry[];
  createdAt?: number;
}

/** The attribution rows remembered as stored (knownAuthors) before the memory is emptied. */
const MAX_KNOWN_AUTHORS = 100_000;
/** A compaction reads the entries it replaces this many at a time. */
const COMPACT_PAGE_ROWS = 250;

/**
 * The update log in SQLite. An append is made durable before it returns: with
 * the edit journal (a data folder on disk) as one record appended to it, and
 * SQLite takes the journal in with the other changes of the next second (or
 * of the next JOURNAL_TAKE_IN_RECORDS changes, or before anything reads);
 * without one (in memory), or when the journal cannot be written, as a SQLite
 * commit. Rooms hand over each turn's changes of a document in one append, so
 * grouping is theirs (WritePipeline).
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly exclusive = true;
  private readonly statements;
  private readonly commitBatch;
  private readonly compactTransaction;
  /** When each document's updated_at was last moved (by this store). */
  private readonly touchedAt = new Map<string, number>();
  /** The edit journal, on disk (none in memory). */
  private readonly intake: JournalIntake | null = null;
  /** Documents known not to be approved (statusChanged forgets one), so a journaled change needs no query. */
  private readonly notApproved = new Set<string>();
  /**
   * Attribution rows known to be in SQLite already, so that a keystroke does
   * not cost two more statements: (document, client) pairs of client_authors,
   * which are never deleted, and (document, user) pairs of pending_authors,
   * forgotten when a version seals them (forgetPendingAuthors). Emptied now
   * and then; a pair not found here is only inserted or ignored again.
   */
  private readonly knownAuthors = new Set<string>();

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
    journalOptions?: SqliteJournalOptions,
  ) {
    this.statements = {
      insert: db.prepare('INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES (?, ?, ?, ?)'),
      touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      load: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq'),
      loadSince: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
      ),
      status: db.prepare<[string], { status: string }>('SELECT status FROM documents WHERE id = ?'),
      deleteThrough: db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?'),
      setAside: db.prepare(
        'INSERT OR IGNORE INTO quarantined_updates (document_id, seq, data, user_id, reason, set_aside_at) SELECT document_id, seq, data, user_id, ?, ? FROM document_updates WHERE document_id = ? AND seq = ?',
      ),
      quarantined: db.prepare<[string], { seq: number; data: Buffer; user_id: string | null; reason: string; set_aside_at: number }>(
        'SELECT seq, data, user_id, reason, set_aside_at FROM quarantined_updates WHERE document_id = ? ORDER BY seq',
      ),
      lastSeqThrough: db.prepare<[string, number], { seq: number | null }>('SELECT MAX(seq) AS seq FROM document_updates WHERE document_id = ? AND seq <= ?'),
      loadPage: db.prepare<[string, number, number, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE document_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
      ),
      insertWithSeq: db.prepare('INSERT INTO document_updates (seq, document_id, data, user_id, created_at) VALUES (?, ?, ?, NULL, ?)'),
      count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?'),
      clientAuthor: db.prepare('INSERT OR IGNORE INTO client_authors (document_id, client_id, user_id) VALUES (?, ?, ?)'),
      pendingAuthor: db.prepare('INSERT OR IGNORE INTO pending_authors (document_id, user_id) VALUES (?, ?)'),
      pendingDeletes: db.prepare('INSERT INTO pending_deletes (document_id, user_id, deletes) VALUES (?, ?, ?)'),
      setJournalState: db.prepare('UPDATE journal_state SET generation = ?, position = ? WHERE id = 1'),
    };
    /** `journal`: the batch is journal records (accepted already, status checked then), taken in up to this mark. */
    const commitTransaction = db.transaction((batch: CommitItem[], journal?: JournalMark) => {
      const now = this.now();
      const results = batch.map((item): number | DocumentFrozenError => {
        if (!journal && this.statements.status.get(item.documentId)?.status === 'approved') return new DocumentFrozenError(item.documentId);
        const at = item.createdAt ?? now;
        let seq = 0;
        for (const entry of item.entries) {
          seq = Number(this.statements.insert.run(item.documentId, Buffer.from(entry.update), entry.userId, at).lastInsertRowid);
          if (entry.userId) this.recordAttribution(item.documentId, entry.userId, entry);
        }
        // One page less to write per keystroke: while people type, the list's "last edited" moves once a second.
        if (!(at - (this.touchedAt.get(item.documentId) ?? -Infinity) < TOUCH_DOCUMENT_EVERY_MS)) {
          this.statements.touch.run(at, item.documentId);
          this.touchedAt.set(item.documentId, at);
        }
        return seq;
      });
      if (journal) this.statements.setJournalState.run(journal.generation, journal.position);
      return results;
    });
    this.commitBatch = (batch: CommitItem[], journal?: JournalMark) => {
      try {
        return commitTransaction(batch, journal);
      } catch (err) {
        // Rolled back: attribution rows remembered in it were not stored after all.
        this.knownAuthors.clear();
        throw err;
      }
    };
    this.compactTransaction = db.transaction((documentId: string, state: Uint8Array, throughSeq: number, setAside: SetAsideEntry[]) => {
      // Deleted while the snapshot was being checked: nothing to replace.
      if (!this.statements.status.get(documentId)) return;
      for (const { seq, reason } of setAside) this.statements.setAside.run(reason, this.now(), documentId, seq);
      this.statements.deleteThrough.run(documentId, throughSeq);
      // The snapshot takes the place of the last entry it replaces, so order is kept.
      this.statements.insertWithSeq.run(throughSeq, documentId, Buffer.from(state), this.now());
    });
    if (journalOptions) this.intake = new JournalIntake(db, journalOptions, (records, mark) => this.commitBatch(records, mark), now);
  }

  /** Puts what the journal holds into SQLite (every read and commit does it first); throws when SQLite refuses. */
  takeIn(): void {
    this.intake?.takeIn();
  }

  private recordAttribution(documentId: string, userId: string, entry: UpdateEntry): void {
    if (this.knownAuthors.size > MAX_KNOWN_AUTHORS) this.knownAuthors.clear();
    const pending = `p\u0000${documentId}\u0000${userId}`;
    if (!this.knownAuthors.has(pending)) {
      this.statements.pendingAuthor.run(documentId, userId);
      this.knownAuthors.add(pending);
    }
    if (!entry.attribution) return;
    for (const client of entry.attribution.clients) {
      const key = `c\u0000${documentId}\u0000${client}`;
      if (this.knownAuthors.has(key)) continue;
      this.statements.clientAuthor.run(documentId, client, userId);
      this.knownAuthors.add(key);
    }
    if (entry.attribution.deletes) this.statements.pendingDeletes.run(documentId, userId, Buffer.from(entry.attribution.deletes));
  }

  /** A version has sealed (deleted) the document's pending authors: the next change of each must record them again. */
  forgetPendingAuthors(documentId: string): void {
    const prefix = `p\u0000${documentId}\u0000`;
    for (const key of this.knownAuthors) if (key.startsWith(prefix)) this.knownAuthors.delete(key);
  }

  append(documentId: string, entries: UpdateEntry[]): Promise<void> {
    try {
      if (!this.journalled(documentId, entries)) this.commit(documentId, entries);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * One write to the journal; false when there is no journal to write, or
   * the write failed (the append is then committed to SQLite instead, after
   * what the journal holds). Throws DocumentFrozenError for an approved
   * document (its status is read once, until statusChanged).
   */
  private journalled(documentId: string, entries: UpdateEntry[]): boolean {
    const intake = this.intake;
    if (!intake?.writable) return false;
    if (!this.notApproved.has(documentId)) {
      if (this.statements.status.get(documentId)?.status === 'approved') throw new DocumentFrozenError(documentId);
      this.notApproved.add(documentId);
    }
    try {
      intake.append(documentId, entries);
    } catch {
      return false;
    }
    return true;
  }

  /** A SQLite commit of its own, after whatever the journal holds. */
  private commit(documentId: string, entries: UpdateEntry[]): void {
    this.takeIn();
    const [result] = this.commitBatch([{ documentId, entries }]);
    if (result instanceof DocumentFrozenError) throw result;
  }

  async load(documentId: string): Promise<StoredUpdates> {
    this.takeIn();
    const rows = this.statements.load.all(documentId);
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1].seq : 0,
    };
  }

  async loadSince(documentId: string, afterSeq: number): Promise<StoredUpdates> {
    this.takeIn();
    const rows = this.statements.loadSince.all(documentId, afterSeq);
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.length ? rows[rows.length - 1].seq : afterSeq,
    };
  }

  /**
   * Reading the entries it replaces, and checking that the snapshot holds
   * them all, give way to typing every few milliseconds (a page of entries;
   * stateCovers): entries up to the last one there was at the start change
   * only by compaction, which a room runs for its document one at a time, and
   * what is appended meanwhile comes after them and stays.
   */
  async compact(documentId: string, state: Uint8Array, throughSeq: number, options: { setAside?: boolean } = {}): Promise<SetAsideEntry[]> {
    this.takeIn();
    const through = this.statements.lastSeqThrough.get(documentId, throughSeq)?.seq;
    if (through === null || through === undefined) return [];
    // Read a page at a time, letting typing go first between pages.
    const replaced: Uint8Array[] = [];
    const seqs: number[] = [];
    for (let after = 0; ;) {
      const rows = this.statements.loadPage.all(documentId, after, through, COMPACT_PAGE_ROWS);
      for (const row of rows) {
        replaced.push(new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
        seqs.push(row.seq);
      }
      if (rows.length < COMPACT_PAGE_ROWS) break;
      after = rows[rows.length - 1].seq;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    const uncovered = (await uncoveredEntries(state, replaced, !options.setAside)).map(({ index, reason }) => ({ seq: seqs[index], reason }));
    if (uncovered.length > 0 && !options.setAside) throw new StateRegressionError(documentId, uncovered);
    this.compactTransaction(documentId, state, through, uncovered);
    return uncovered;
  }

  async quarantined(documentId: string): Promise<QuarantinedEntry[]> {
    this.takeIn();
    return this.statements.quarantined.all(documentId).map((row) => ({
      seq: row.seq,
      update: new Uint8Array(row.data),
      userId: row.user_id,
      reason: row.reason as QuarantinedEntry['reason'],
      setAsideAt: row.set_aside_at,
    }));
  }

  async count(documentId: string): Promise<number> {
    this.takeIn();
    return this.statements.count.get(documentId)!.n;
  }

  /** Records found in the journal at opening that SQLite had not taken in (after a crash). */
  get recovered(): number {
    return this.intake?.recovered ?? 0;
  }

  /** A document's status changed (in this process's storage): the next journaled change checks it again. */
  statusChanged(documentId: string): void {
    this.notApproved.delete(documentId);
  }

  /** Commits everything pending and closes the journal (SQLite holds all of it then). */
  close(): void {
    this.intake?.close();
  }
}
