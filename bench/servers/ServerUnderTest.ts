// What the scenarios need from a server under test, whichever it is.
import type { Wire } from '../client/wire.js';
import type { ProcessSample } from '../procStats.js';
import type { HeapSample } from './ServerProcess.js';

export const SERVER_NAMES = ['yigao', 'reference', 'hocuspocus'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export interface StartOptions {
  /** A fresh, empty directory for the server's store. */
  dataDir: string;
  /** How long an unused document stays loaded (Yigao's ROOM_IDLE_SECONDS; the peers unload on the last leave). */
  roomIdleSeconds: number;
  /** Write a V8 CPU profile of the server here (node --cpu-prof). */
  cpuProfileDir?: string;
}

export interface BenchDocument {
  readonly id: string;
}

export interface ServerUnderTest {
  readonly name: ServerName;
  /** What runs, with its store, for the report. */
  readonly description: string;
  readonly pid: number;
  /** Creates documents that `editors` different people may edit. */
  createDocuments(count: number, editors: number): Promise<BenchDocument[]>;
  /** How the person in `seat` (0 … editors − 1) connects to the document. */
  wire(document: BenchDocument, seat: number): Wire;
  sample(): ProcessSample;
  /** A full garbage collection in the server; its heap right after. */
  collectGarbage(): Promise<HeapSample>;
  /** How the last stop went (SIGTERM, or SIGKILL after the grace time). */
  readonly lastStop: { ms: number; killed: boolean } | null;
  /** The last lines the server printed. */
  output(): string;
  /** Stops the process (gracefully where the server supports it) and starts it again on the same store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Yigao only: its HTTP API as the document's owner. */
  readonly http?: { base: string; token: string };
}
