// Reading and comparing document states for the convergence fuzz test: the
// store as it is at an instant, what a replica has that another lacks, and a
// short fingerprint of a replica for the trace of a run.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { Journal } from '../../server/store/sqlite/Journal.js';
import { JOURNAL_FILE_NAME } from '../../server/store/sqlite/openSqliteStorage.js';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { SECTION_ID_ATTR, SECTION_ID_PATTERN } from '../../shared/SectionIdentity.js';
import { plainText } from './fuzzEdits.js';

export type SelectUpdates = Database.Statement<[string, number], { seq: number; data: Buffer }>;

/**
 * The stored state of one document, read synchronously from the update log.
 * Reads only rows added since the last read: a compaction replaces rows with
 * a snapshot of what they held, under the seq of the last of them, so it
 * never hides a row not yet read.
 */
export class StoredState {
  readonly doc = new Y.Doc();
  private lastSeq = 0;

  constructor(
    private readonly documentId: string,
    private readonly selectUpdates: SelectUpdates,
    private readonly dataDir: string,
  ) {}

  /**
   * Rows added since the last read, as updates. What the edit journal holds
   * is stored too (SQLite takes it in shortly after, or at the next start
   * after a crash): it goes into the state, not into the rows returned.
   */
  readNew(): Uint8Array[] {
    const rows = this.selectUpdates.all(this.documentId, this.lastSeq);
    const updates = rows.map((row) => new Uint8Array(row.data));
    for (const update of updates) Y.applyUpdate(this.doc, update);
    if (rows.length > 0) this.lastSeq = rows[rows.length - 1].seq;
    for (const { record } of Journal.read(path.join(this.dataDir, JOURNAL_FILE_NAME))?.records ?? []) {
      if (record.documentId === this.documentId) for (const entry of record.entries) Y.applyUpdate(this.doc, entry.update);
    }
    return updates;
  }
}

/**
 * Structs deleted in `a` but alive in `b`, formatting markers aside: after a
 * remote change Yjs deletes the markers it finds redundant, in a transaction
 * of its own. Which markers a replica deletes so depends on how its updates
 * arrived (a marker tidied away too early can even change the marks it shows),
 * and the server's are server changes, in its live document before they are
 * stored. `b` must know every struct of `a`.
 */
export function deletedOnlyIn(a: Y.Doc, b: Y.Doc): string[] {
  const found: string[] = [];
  for (const [client, ranges] of Y.snapshot(a).ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len;) {
        const struct = Y.getItem(b.store, Y.createID(client, at)) as Y.Item | Y.GC;
        const marker = struct instanceof Y.Item && struct.content instanceof Y.ContentFormat;
        if (!struct.deleted && !marker) found.push(`${client}:${struct.id.clock}..${struct.id.clock + struct.length - 1}`);
        at = struct.id.clock + struct.length;
      }
    }
  }
  return found;
}

/** What of `doc` `stored` lacks (structs, and deletions other than of formatting markers), or null if nothing. */
export function missingFrom(stored: Y.Doc, doc: Y.Doc): string | null {
  const have = Y.decodeStateVector(Y.encodeStateVector(stored));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((have.get(client) ?? 0) < clock) return `changes of ${client} up to clock ${clock} (stored up to ${have.get(client) ?? 0})`;
  }
  const deletions = deletedOnlyIn(doc, stored);
  return deletions.length > 0 ? `the deletion of ${deletions.join(', ')}` : null;
}

export const sameState = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));

export const bodyJson = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).toJSON();

/**
 * The blocks of a body with their attributes and plain text, marks left out:
 * marks can differ between replicas whose updates arrived differently, when
 * one of them tidied away a formatting marker (see deletedOnlyIn).
 */
export const blocksOf = (doc: Y.Doc): string[] =>
  doc
    .getXmlFragment(BODY_FRAGMENT)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement ? `${node.nodeName} ${JSON.stringify(node.getAttributes())} ${plainText(node)}` : plainText(node as Y.XmlText),
    );

/**
 * A short fingerprint of a replica: its body, and its state vector with the
 * clients of the run named by `names` (the template's client ids are random:
 * its clients count by their clocks only; so are its section ids: named in order). Remembered until the replica changes.
 */
export function fingerprint(doc: Y.Doc, names: ReadonlyMap<number, string>): string {
  let print = prints.get(doc);
  if (print === undefined) {
    const clocks = [...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([client, clock]) => `${names.get(client) ?? 'other'}:${clock}`).sort();
    print = createHash('sha1')
      .update(JSON.stringify([withSectionIdsInOrder(bodyJson(doc)), clocks]))
      .digest('hex')
      .slice(0, 12);
    prints.set(doc, print);
    if (!watched.has(doc)) {
      watched.add(doc);
      doc.on('update', () => prints.delete(doc));
    }
  }
  return print;
}

const prints = new WeakMap<Y.Doc, string>();

/** The body's XML with each section id (random per document, see shared/SectionIdentity.ts) named by its first appearance. */
function withSectionIdsInOrder(xml: string): string {
  const names = new Map<string, string>();
  return xml.replace(/sectionId="([^"]*)"/g, (_, id: string) => {
    if (!names.has(id)) names.set(id, `s${names.size}`);
    return `sectionId="${names.get(id)}"`;
  });
}
const watched = new WeakSet<Y.Doc>();

/** A body's XML without its section ids (the server gives them when it loads a document: shared/SectionIdentity.ts). */
export const withoutSectionIds = (xml: string): string => xml.replace(/ sectionId="[^"]*"/g, '');

/**
 * What an update holds besides section ids set on headings (the server's own
 * changes, see server/sections/sectionIds.ts): described, for an assertion
 * that there is nothing else. An attribute set again names its key only
 * through the item it follows, so a decoded one is known by its value; one
 * the server replaced since is garbage collected (allowed when not of one of
 * `clients`, those whose changes the update is measured against).
 */
export function otherThanSectionIds(update: Uint8Array, clients: ReadonlySet<number>): string[] {
  const isSectionId = (item: Y.Item) => {
    const [value, ...more] = item.content.getContent() as unknown[];
    return (item.parentSub === SECTION_ID_ATTR || item.parentSub === null) && more.length === 0 && typeof value === 'string' && SECTION_ID_PATTERN.test(value);
  };
  return Y.decodeUpdate(update).structs.flatMap((struct) =>
    (struct instanceof Y.Item && isSectionId(struct)) || (struct instanceof Y.GC && !clients.has(struct.id.client))
      ? []
      : [`${struct.constructor.name} ${struct.id.client}:${struct.id.clock}`],
  );
}
