// The edit journal as the SQLite store uses it: each change is one record
// appended to it (durable once written), and SQLite takes the records in
// together later (JOURNAL_TAKE_IN_AFTER_MS after a change, or once
// JOURNAL_TAKE_IN_RECORDS wait, or before anything reads), recording in the
// same transaction how far into the journal it has got. At opening, whatever
// the journal holds past that point (the process died between the two) is
// taken in first. A new journal replaces the old once SQLite holds all of it.
import type Database from 'better-sqlite3';
import { JOURNAL_TAKE_IN_AFTER_MS, JOURNAL_TAKE_IN_RECORDS, JOURNAL_TAKE_IN_RETRY_MS } from '../../collab/timing.js';
import type { UpdateEntry } from '../DocumentStore.js';
import { Journal, JOURNAL_HEADER_BYTES, type JournalRecord } from './Journal.js';

export interface SqliteJournalOptions {
  /** The journal file (beside the database). */
  file: string;
  /** Whether each record waits for the disk (synchronous=FULL). */
  syncEachWrite: boolean;
  /** A new journal is started once SQLite holds all of one this large (bytes). */
  rotateBytes?: number;
}

/** How far into which journal SQLite holds everything. */
export interface JournalMark {
  generation: number;
  position: number;
}

const DEFAULT_ROTATE_BYTES = 4 * 1024 * 1024;

export class JournalIntake {
  private journal: Journal;
  /** Journal records SQLite has not taken in yet, in order. */
  private unflushed: JournalRecord[] = [];
  private takeInTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly rotateBytes: number;
  /** Records found at opening that SQLite had not taken in (after a crash). */
  readonly recovered: number = 0;
  private readonly statements;

  /** `commit` writes records into SQLite and the mark, in one transaction. */
  constructor(
    db: Database.Database,
    private readonly options: SqliteJournalOptions,
    private readonly commit: (records: JournalRecord[], mark: JournalMark) => void,
    private readonly now: () => number,
  ) {
    this.statements = {
      mark: db.prepare<[], JournalMark>('SELECT generation, position FROM journal_state WHERE id = 1'),
      setMark: db.prepare('UPDATE journal_state SET generation = ?, position = ? WHERE id = 1'),
    };
    this.rotateBytes = options.rotateBytes ?? DEFAULT_ROTATE_BYTES;
    const state = this.statements.mark.get() ?? { generation: 0, position: 0 };
    const found = Journal.read(options.file);
    // SQLite records a generation before anything is appended to it, and moves on to the next only once it
    // holds all of it: an older journal (its replacement lost, say, by a power cut) is all in SQLite, and a newer
    // one (SQLite's record of it lost) is not in it at all.
    if (found && found.generation >= state.generation) {
      const from = found.generation === state.generation ? state.position : JOURNAL_HEADER_BYTES;
      const missing = found.records.filter((r) => r.start >= from);
      if (missing.length > 0) {
        commit(
          missing.map((r) => r.record),
          { generation: found.generation, position: missing[missing.length - 1].end },
        );
        this.recovered = missing.length;
      }
    }
    const generation = Math.max(state.generation, found?.generation ?? 0) + 1;
    this.journal = Journal.create(options.file, generation, options.syncEachWrite);
    this.statements.setMark.run(generation, JOURNAL_HEADER_BYTES);
  }

  /** Whether records can still be appended (a failed write that could not be cut off stops them). */
  get writable(): boolean {
    return !this.journal.broken;
  }

  /** One record, durable when this returns; throws when the write fails (nothing of it is kept). */
  append(documentId: string, entries: UpdateEntry[]): void {
    const record = { documentId, createdAt: this.now(), entries };
    this.journal.append(record);
    this.unflushed.push(record);
    if (this.unflushed.length === JOURNAL_TAKE_IN_RECORDS) {
      // Soon, but never on this change's own way to the others.
      if (this.takeInTimer) clearTimeout(this.takeInTimer);
      this.takeInTimer = setTimeout(this.scheduledTakeIn, 0);
      this.takeInTimer.unref?.();
    } else if (!this.takeInTimer) {
      this.takeInTimer = setTimeout(this.scheduledTakeIn, JOURNAL_TAKE_IN_AFTER_MS);
      this.takeInTimer.unref?.();
    }
  }

  /**
   * Puts what the journal holds into SQLite (every read and commit of the
   * store does it first, so nothing is read or committed past it). Throws
   * when SQLite refuses; the records stay in the journal and are tried again.
   */
  takeIn(): void {
    if (this.takeInTimer) clearTimeout(this.takeInTimer);
    this.takeInTimer = null;
    if (this.unflushed.length === 0) return;
    const journal = this.journal;
    try {
      this.commit(this.unflushed, { generation: journal.generation, position: journal.end });
    } catch (err) {
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        try {
          this.takeIn();
        } catch {
          // tried again on the next read or commit, and by the next timer
        }
      }, JOURNAL_TAKE_IN_RETRY_MS);
      this.retryTimer.unref?.();
      throw err;
    }
    this.unflushed = [];
    if (journal.end >= this.rotateBytes) this.rotate(journal);
  }

  private readonly scheduledTakeIn = (): void => {
    this.takeInTimer = null;
    try {
      this.takeIn();
    } catch {
      // kept; see takeIn
    }
  };

  /** A new, empty journal once SQLite holds all of the old one. */
  private rotate(old: Journal): void {
    const next = Journal.create(old.path, old.generation + 1, this.options.syncEachWrite);
    this.statements.setMark.run(next.generation, JOURNAL_HEADER_BYTES);
    old.close();
    this.journal = next;
  }

  /** Takes everything in and closes the journal (SQLite holds all of it then). */
  close(): void {
    this.takeIn();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.journal.close();
  }
}
