// The data check (npm run check-data): reads every document's stored log as
// a room would, and lists what would trouble it: entries Yjs cannot read,
// changes that wait for what nobody stored, content
// that breaks the schema (documentProblems), and entries compactions set
// aside before. With repair: sets the unreadable and waiting entries aside
// (compacting the rest into one snapshot) and stores one change that mends the content, as any member's change.
// Run it with the server stopped, or on a backup of the data.
import * as Y from 'yjs';
import type { QuarantinedEntry } from '../store/DocumentStore.js';
import type { Storage } from '../store/Storage.js';
import { type DocumentProblem, documentProblems, repairDocument, WAITING } from './documentProblems.js';

export interface DocumentCheck {
  id: string;
  title: string;
  entries: number;
  /** Positions (from 1) in the log of entries Yjs cannot read. */
  unreadable: number[];
  /** Changes wait in Yjs for changes nobody stored. */
  waiting: boolean;
  problems: DocumentProblem[];
  quarantined: QuarantinedEntry[];
  /** With repair: entries set aside and problems mended. */
  repaired?: { setAside: number; mended: number };
}

export interface DataCheck {
  documents: number;
  /** Documents with anything to report. */
  findings: DocumentCheck[];
}

export async function checkData(storage: Storage, options: { repair?: boolean; documentId?: string } = {}): Promise<DataCheck> {
  const records = await storage.records.listAllDocuments();
  const chosen = options.documentId ? records.filter((record) => record.id === options.documentId) : records;
  const findings: DocumentCheck[] = [];
  for (const record of chosen) {
    const check = await checkDocument(storage, record.id, record.title, options.repair === true);
    if (check.unreadable.length > 0 || check.waiting || check.problems.length > 0 || check.quarantined.length > 0) findings.push(check);
  }
  return { documents: chosen.length, findings };
}

async function checkDocument(storage: Storage, id: string, title: string, repair: boolean): Promise<DocumentCheck> {
  const stored = await storage.documents.load(id);
  const doc = new Y.Doc();
  const unreadable: number[] = [];
  doc.transact(() => {
    stored.updates.forEach((update, i) => {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        unreadable.push(i + 1);
      }
    });
  });
  const check: DocumentCheck = {
    id,
    title,
    entries: stored.updates.length,
    unreadable,
    waiting: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
    problems: documentProblems(doc).filter((p) => !WAITING.includes(p.problem)),
    quarantined: await storage.documents.quarantined(id),
  };
  if (!repair || (unreadable.length === 0 && !check.waiting && check.problems.length === 0)) return check;
  let setAside = 0;
  if (unreadable.length > 0 || check.waiting) {
    // the snapshot without what waits: the entries holding it are set aside (kept in the quarantine)
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    setAside = (await storage.documents.compact(id, Y.encodeStateAsUpdate(doc), stored.lastSeq, { setAside: true })).length;
  }
  let mended = 0;
  if (check.problems.length > 0) {
    const before = Y.encodeStateVector(doc);
    mended = repairDocument(doc).length;
    const change = Y.encodeStateAsUpdate(doc, before);
    if (mended > 0) await storage.documents.append(id, [{ update: change, userId: null }]);
  }
  check.repaired = { setAside, mended };
  return check;
}

/** The report, one block per document, for the command line. */
export function describeCheck(result: DataCheck, repair: boolean): string {
  const lines = [`checked ${result.documents} document(s); ${result.findings.length} with findings`];
  for (const f of result.findings) {
    lines.push('', `${f.title} (${f.id}): ${f.entries} stored entries`);
    if (f.unreadable.length > 0) lines.push(`  unreadable entries (position in the log): ${f.unreadable.join(', ')}`);
    if (f.waiting) lines.push('  changes that wait for changes nobody stored (every snapshot keeps them until those arrive)');
    for (const p of f.problems) lines.push(`  at ${p.at}: ${p.problem}`);
    for (const q of f.quarantined) lines.push(`  set aside earlier: entry ${q.seq} (${q.reason}), ${new Date(q.setAsideAt).toISOString()}`);
    if (f.repaired) lines.push(`  repaired: ${f.repaired.setAside} entries set aside, ${f.repaired.mended} problems mended`);
  }
  if (!repair && result.findings.some((f) => f.unreadable.length > 0 || f.waiting || f.problems.length > 0)) {
    lines.push('', 'run again with --repair to set the blocking entries aside and mend the content (with the server stopped, or on a backup)');
  }
  return lines.join('\n');
}
