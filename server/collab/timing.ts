// Every timing constant of the write path, in one place, with the reason it
// has the value it has. Nothing else in server/collab or server/store
// schedules work by a number of milliseconds of its own; the figures quoted
// are from the benchmark's lab notes (bench/findings.md in git history before
// issue 22, summed up in docs/performance.md; the item numbers are its items).

/**
 * The one point where batches are cut: once the reads of the current turn of
 * the event loop are done (`setImmediate`). A room takes the changes it
 * received in the turn to the store in one append there, and frames sent in
 * the turn leave each socket in one write (the transport corks a socket at
 * its first frame). A quiet server thus stores and relays a change as soon as
 * its frame's callback is over; a busy one writes each socket once a turn,
 * which is what its capacity rests on (items 4, 14, 25).
 */
export function atEndOfTurn(work: () => void): void {
  setImmediate(work);
}

/** A failing store is tried again after 100 ms, doubling up to 5 s (README: "retries, withholds acknowledgements"). */
export function storeRetryDelayMs(attempt: number): number {
  return Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));
}

/**
 * Compaction encodes the whole document and checks the snapshot against
 * every entry it replaces (up to 15–27 ms for a long log): it waits for this
 * long a pause in the typing (item 1)…
 */
export const COMPACT_WHEN_IDLE_MS = 1_000;
/** …unless the log has grown this many times past the threshold without one (item 15). */
export const COMPACT_ANYWAY_FACTOR = 4;

/**
 * The edit journal is taken into SQLite a second after a change, or as soon
 * as this many changes wait: a take-in is mostly the transaction's own cost
 * (about 1 ms on a cold core), and a change arriving during one waits for it;
 * fewer, larger take-ins hold up fewer changes (items 22, 26, 33).
 */
export const JOURNAL_TAKE_IN_AFTER_MS = 1_000;
export const JOURNAL_TAKE_IN_RECORDS = 64;
/** After a failed take-in, the next attempt (reads and commits also try at once). */
export const JOURNAL_TAKE_IN_RETRY_MS = 1_000;
/** While people type, a document's "last edited" moves at most this often: one page less per commit (item 12). */
export const TOUCH_DOCUMENT_EVERY_MS = 1_000;

/**
 * Scaled out, every loaded room reads what it may have missed from the
 * database this often (a safety net for pub/sub messages lost while Redis was
 * away; at once when Redis comes back). Checked every CATCH_UP_CHECK_MS.
 */
export const CATCH_UP_EVERY_MS = 5_000;
export const CATCH_UP_CHECK_MS = 500;

/**
 * While a large document loads, its first readers are answered from the
 * stored bytes (storedAnswer.ts); the room is built once their answers have
 * left, or after this long.
 */
export const EARLY_ANSWER_WAIT_MS = 100;

/** A client that does not answer the close handshake is cut off after this long. */
export const CLOSE_HANDSHAKE_MS = 5_000;
