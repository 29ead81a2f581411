// The edit journal: the durable step of a lone change with the embedded
// store. A SQLite commit writes every page it touches to the WAL (four pages
// of 4 KB and a dozen system calls for a keystroke), and the others would wait
// for it; appending the change to this file is one write. The change is then
// relayed, and SQLite takes it in with the others of the next second (before
// that if anything reads), recording how far into the journal it has got in
// the same transaction (journal_state). After a crash, whatever the journal
// holds past that point is put into SQLite before anything is served
// (SqliteDocumentStore).
//
// The file: a header (magic, generation) and records, each its length, its
// CRC-32 and the record. A torn last record (the process died in the middle
// of the write) fails its check and is dropped with everything after it. A
// new file, with the next generation, replaces the old once SQLite holds all
// of it; a journal of a later generation than SQLite recorded has not been
// taken in at all, one of an earlier generation has been, whole.
import fs from 'node:fs';
import zlib from 'node:zlib';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { UpdateEntry } from '../DocumentStore.js';

export interface JournalRecord {
  documentId: string;
  /** When the change was accepted (the entries' created_at). */
  createdAt: number;
  entries: UpdateEntry[];
}

/** A record read back, with where it ends in the file. */
export interface ReadRecord {
  record: JournalRecord;
  start: number;
  end: number;
}

const MAGIC = 0x59474a31; // "YGJ1"
export const JOURNAL_HEADER_BYTES = 16;
const RECORD_HEAD_BYTES = 8;
/** A record longer than this is not a record (the file is damaged past it). */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export class Journal {
  /** True once a failed write could not be cut off: no more records may follow it. */
  broken = false;

  private constructor(
    private readonly file: string,
    private fd: number,
    readonly generation: number,
    private size: number,
    private readonly syncEachWrite: boolean,
  ) {}

  /**
   * Starts an empty journal of `generation` in place of whatever is at `file`
   * (written beside it and renamed over it, so the old one stays whole until
   * the new one is).
   */
  static create(file: string, generation: number, syncEachWrite: boolean): Journal {
    const header = Buffer.alloc(JOURNAL_HEADER_BYTES);
    header.writeUInt32BE(MAGIC, 0);
    header.writeBigUInt64BE(BigInt(generation), 8);
    const temporary = `${file}.new`;
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeSync(fd, header);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    return new Journal(file, fs.openSync(file, 'a'), generation, JOURNAL_HEADER_BYTES, syncEachWrite);
  }

  /** The journal at `file`: its generation and every whole record; null when there is none (or no header). */
  static read(file: string): { generation: number; records: ReadRecord[] } | null {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (bytes.length < JOURNAL_HEADER_BYTES || bytes.readUInt32BE(0) !== MAGIC) return null;
    const generation = Number(bytes.readBigUInt64BE(8));
    const records: ReadRecord[] = [];
    let at = JOURNAL_HEADER_BYTES;
    while (at + RECORD_HEAD_BYTES <= bytes.length) {
      const length = bytes.readUInt32BE(at);
      const checksum = bytes.readUInt32BE(at + 4);
      const end = at + RECORD_HEAD_BYTES + length;
      if (length > MAX_RECORD_BYTES || end > bytes.length) break;
      const body = bytes.subarray(at + RECORD_HEAD_BYTES, end);
      if (zlib.crc32(body) !== checksum) break;
      let record: JournalRecord;
      try {
        record = decodeRecord(body);
      } catch {
        break;
      }
      records.push({ record, start: at, end });
      at = end;
    }
    return { generation, records };
  }

  /** Bytes in the file: where the next record starts. */
  get end(): number {
    return this.size;
  }

  /**
   * Appends one record in one write (and, with `syncEachWrite`, waits for the
   * disk); the offset it ends at. A failed write is cut off again, so a later
   * record never lands behind a partial one.
   */
  append(record: JournalRecord): number {
    const body = encodeRecord(record);
    const framed = Buffer.allocUnsafe(RECORD_HEAD_BYTES + body.length);
    framed.writeUInt32BE(body.length, 0);
    framed.writeUInt32BE(zlib.crc32(body), 4);
    framed.set(body, RECORD_HEAD_BYTES);
    try {
      const written = fs.writeSync(this.fd, framed);
      if (written !== framed.length) throw new Error(`journal: wrote ${written} of ${framed.length} bytes`);
      if (this.syncEachWrite) fs.fdatasyncSync(this.fd);
    } catch (err) {
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        // The next read stops at the partial record; nothing after it is lost, as nothing is written after it.
        this.broken = true;
      }
      throw err;
    }
    this.size += framed.length;
    return this.size;
  }

  close(): void {
    if (this.fd < 0) return;
    fs.closeSync(this.fd);
    this.fd = -1;
  }

  get path(): string {
    return this.file;
  }
}

function encodeRecord(record: JournalRecord): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, record.documentId);
  encoding.writeFloat64(encoder, record.createdAt);
  encoding.writeVarUint(encoder, record.entries.length);
  for (const entry of record.entries) {
    encoding.writeUint8(encoder, entry.userId === null ? 0 : 1);
    if (entry.userId !== null) encoding.writeVarString(encoder, entry.userId);
    encoding.writeVarUint8Array(encoder, entry.update);
    const attribution = entry.attribution;
    encoding.writeUint8(encoder, attribution ? 1 : 0);
    if (attribution) {
      encoding.writeVarUint(encoder, attribution.clients.length);
      for (const client of attribution.clients) encoding.writeVarUint(encoder, client);
      encoding.writeUint8(encoder, attribution.deletes ? 1 : 0);
      if (attribution.deletes) encoding.writeVarUint8Array(encoder, attribution.deletes);
    }
  }
  return encoding.toUint8Array(encoder);
}

function decodeRecord(body: Uint8Array): JournalRecord {
  const decoder = decoding.createDecoder(body);
  const documentId = decoding.readVarString(decoder);
  const createdAt = decoding.readFloat64(decoder);
  const count = decoding.readVarUint(decoder);
  const entries: UpdateEntry[] = [];
  for (let i = 0; i < count; i++) {
    const userId = decoding.readUint8(decoder) === 1 ? decoding.readVarString(decoder) : null;
    const update = decoding.readVarUint8Array(decoder).slice();
    let attribution: UpdateEntry['attribution'];
    if (decoding.readUint8(decoder) === 1) {
      const clients: number[] = [];
      const n = decoding.readVarUint(decoder);
      for (let c = 0; c < n; c++) clients.push(decoding.readVarUint(decoder));
      const deletes = decoding.readUint8(decoder) === 1 ? decoding.readVarUint8Array(decoder).slice() : null;
      attribution = { clients, deletes };
    }
    entries.push({ update, userId, attribution });
  }
  if (decoder.pos !== body.length) throw new Error('journal record has trailing bytes');
  return { documentId, createdAt, entries };
}
