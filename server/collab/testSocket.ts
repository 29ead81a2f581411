// An in-memory socket for room tests: records what the server sent and how it closed.
import * as decoding from 'lib0/decoding';
import type { Wire } from './transport.js';

export class TestSocket implements Wire {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  closeCode: number | null = null;
  /** How often a connection flushed this socket. */
  flushes = 0;

  get isOpen(): boolean {
    return this.readyState === 1;
  }
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  async sendFlushed(data: Uint8Array): Promise<void> {
    this.sent.push(data);
  }
  flush(): void {
    this.flushes++;
  }
  close(code: number): void {
    this.closeCode = code;
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
  ping(): void {}
  onPong(): void {}

  /** The document updates the server sent (sync step 2 and live updates), decoded. */
  get updates(): Uint8Array[] {
    return this.sent
      .map((frame) => {
        const d = decoding.createDecoder(frame);
        if (decoding.readVarUint(d) !== 0) return null;
        const step = decoding.readVarUint(d);
        return step === 0 ? null : decoding.readVarUint8Array(d);
      })
      .filter((u): u is Uint8Array => u !== null);
  }

  /** The acknowledgement counts the server sent. */
  get acks(): number[] {
    return this.sent
      .map((frame) => {
        const d = decoding.createDecoder(frame);
        return decoding.readVarUint(d) === 100 ? decoding.readVarUint(d) : null;
      })
      .filter((n): n is number => n !== null);
  }

  /** The awareness updates the server sent, as raw payloads. */
  get awareness(): Uint8Array[] {
    return this.sent
      .map((frame) => {
        const d = decoding.createDecoder(frame);
        return decoding.readVarUint(d) === 1 ? decoding.readVarUint8Array(d) : null;
      })
      .filter((u): u is Uint8Array => u !== null);
  }

  /** The events (type 101) the server sent, parsed. */
  get events(): { type: string }[] {
    return this.sent
      .map((frame) => {
        const d = decoding.createDecoder(frame);
        return decoding.readVarUint(d) === 101 ? (JSON.parse(decoding.readVarString(d)) as { type: string }) : null;
      })
      .filter((e): e is { type: string } => e !== null);
  }
}
