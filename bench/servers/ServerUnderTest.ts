// What the scenarios need from a server under test, whichever it is.
import type { Wire } from '../client/wire.js';
import type { ProcessSample } from '../procStats.js';
import type { HeapSample } from './ServerProcess.js';
import type { People } from './yigao.js';

export const SERVER_NAMES = ['yigao', 'reference'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export interface StartOptions {
  /** A fresh, empty directory for the server's store. */
  dataDir: string;
  /** How long an unused document stays loaded (Yigao's ROOM_IDLE_SECONDS; the peers unload on the last leave). */
  roomIdleSeconds: number;
  /** Yigao only: as real users meet it, at its default limits, every person with an account of their own (bench/servers/yigao.ts). */
  people?: People;
  /** Yigao only: the built client to serve (dist/) for the browser benchmark; by default none. */
  clientDir?: string;
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
  /** Starts the peak RSS that `sample` reports again from now; false where the kernel does not allow it (the peak then runs from the start). */
  resetPeakRss(): boolean;
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

/** What a server under test run as one child process gets from that process. */
export type ProcessBacked = Pick<ServerUnderTest, 'pid' | 'lastStop' | 'output' | 'sample' | 'resetPeakRss' | 'collectGarbage' | 'restart' | 'stop'>;

/** `own` completed with the members that come from the process (`pid` and `lastStop` stay live across restarts). */
export function processBacked(handle: ProcessHandle, own: Omit<ServerUnderTest, keyof ProcessBacked>): ServerUnderTest {
  return Object.defineProperties(own, Object.getOwnPropertyDescriptors(fromProcess(handle))) as ServerUnderTest;
}

interface ProcessHandle {
  readonly pid: number;
  readonly lastStop: ServerUnderTest['lastStop'];
  output(): string;
  sample(): ProcessSample;
  resetPeakRss(): boolean;
  collectGarbage(): Promise<HeapSample>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function fromProcess(handle: ProcessHandle): ProcessBacked {
  return {
    get pid() {
      return handle.pid;
    },
    get lastStop() {
      return handle.lastStop;
    },
    output: () => handle.output(),
    sample: () => handle.sample(),
    resetPeakRss: () => handle.resetPeakRss(),
    collectGarbage: () => handle.collectGarbage(),
    async restart() {
      await handle.stop();
      await handle.start();
    },
    stop: () => handle.stop(),
  };
}
