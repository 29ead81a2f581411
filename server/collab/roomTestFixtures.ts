// Shared set-up for the Room tests (Room.*.test.ts): stores whose commits the
// test controls, a room with a join helper, and small document helpers.
import pino from 'pino';
import { expect, vi } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../shared/api.js';
import type { DocumentStore, UpdateEntry } from '../store/DocumentStore.js';
import type { SetAsideEntry } from '../store/stateCoverage.js';
import { Connection, type ConnectionRates } from './Connection.js';
import { encodeUpdate } from './protocol.js';
import { Room } from './Room.js';
import { TestSocket } from './testSocket.js';

/** A store whose commits happen only when the test says so, or fail when told to. */
export class ControlledStore implements DocumentStore {
  exclusive = false;
  loadSinceCalls = 0;
  readonly committed: UpdateEntry[] = [];
  private waiting: { entries: UpdateEntry[]; resolve: () => void; reject: (e: Error) => void }[] = [];
  failNext = 0;
  compactions: { state: Uint8Array; throughSeq: number }[] = [];

  append(_id: string, entries: UpdateEntry[]): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.push({ entries, resolve, reject }));
  }
  /** Commits (or fails) everything waiting, then lets the room react. */
  async commit(): Promise<void> {
    await vi.advanceTimersByTimeAsync(0);
    const batch = this.waiting.splice(0);
    for (const w of batch) {
      if (this.failNext > 0) {
        this.failNext--;
        w.reject(new Error('disk full'));
      } else {
        this.committed.push(...w.entries);
        w.resolve();
      }
    }
    await vi.advanceTimersByTimeAsync(0);
  }
  get pendingCount(): number {
    return this.waiting.length;
  }
  async load() {
    return { updates: [], lastSeq: 0 };
  }
  async loadSince(_id: string, afterSeq: number) {
    this.loadSinceCalls++;
    const updates = this.committed.slice(afterSeq).map((e) => e.update);
    return { updates, lastSeq: Math.max(afterSeq, this.committed.length) };
  }
  async compact(_id: string, state: Uint8Array, throughSeq: number): Promise<SetAsideEntry[]> {
    this.compactions.push({ state, throughSeq });
    return [];
  }
  async quarantined() {
    return [];
  }
  async count() {
    return this.committed.length;
  }
}

/** A store whose appends are durable at once (as SQLite's journal is), or refuse once. */
export class ImmediateStore extends ControlledStore {
  /** What the next append does: commit, or fail with this (once). */
  next: 'commit' | Error = 'commit';
  /** The number of entries of each append. */
  readonly appends: number[] = [];
  override append(_id: string, entries: UpdateEntry[]): Promise<void> {
    this.appends.push(entries.length);
    const next = this.next;
    this.next = 'commit';
    if (next instanceof Error) return Promise.reject(next);
    this.committed.push(...entries);
    return Promise.resolve();
  }
}

export function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getXmlFragment('default').toString();
}

export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [p]);
  return Y.encodeStateAsUpdate(doc);
}

/** Each text as a new paragraph from `connection`, committed before the next. */
export async function storeParagraphs(room: Room, connection: Connection, store: ControlledStore, texts: string[]): Promise<void> {
  for (const t of texts) {
    room.receive(connection, encodeUpdate(paragraphUpdate(t)));
    await store.commit();
  }
}

/** The compaction snapshot holds exactly what the room's document holds. */
export function expectSnapshotOf(room: Room, state: Uint8Array): void {
  const snapshotDoc = new Y.Doc();
  Y.applyUpdate(snapshotDoc, state);
  expect(Y.encodeStateVector(snapshotDoc)).toEqual(Y.encodeStateVector(room.doc));
}

export function setupRoom(options: { compactAfterUpdates?: number; store?: ControlledStore } = {}) {
  const store = options.store ?? new ControlledStore();
  const onEmpty = vi.fn();
  const room = new Room(
    {
      documentId: 'doc1',
      status: 'draft',
      store,
      logger: pino({ level: 'silent' }),
      compactAfterUpdates: options.compactAfterUpdates ?? 1000,
      onEmpty,
      retryDelayMs: () => 10,
    },
    { updates: [], lastSeq: 0 },
  );
  let n = 0;
  const join = (role: Role, name = `user${++n}`, extended = true, rates?: ConnectionRates) => {
    const socket = new TestSocket();
    const connection = new Connection(socket, { id: `id-${name}`, username: name, displayName: name.toUpperCase(), color: '#123456' }, role, extended, rates);
    room.join(connection);
    return { socket, connection };
  };
  return { store, room, join, onEmpty };
}
