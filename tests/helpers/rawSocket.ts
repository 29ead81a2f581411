// A raw WebSocket to the collaboration endpoint: sends frames as they are,
// and reports how the server ended it (HTTP status or close code).
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

export interface Outcome {
  httpStatus: number | null;
  closeCode: number | null;
}

/** Opens a raw socket, sends frames once open, and reports how the server ended it. */
export function rawSocket(
  url: string,
  frames: (Buffer | Uint8Array)[] = [],
  options: { headers?: Record<string, string>; waitMs?: number } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: options.headers });
    const out: Outcome = { httpStatus: null, closeCode: null };
    const timer = setTimeout(() => {
      ws.terminate();
      resolve(out);
    }, options.waitMs ?? 5000);
    ws.on('unexpected-response', (_req, res) => {
      out.httpStatus = res.statusCode ?? null;
      clearTimeout(timer);
      ws.terminate();
      resolve(out);
    });
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('close', (code) => {
      clearTimeout(timer);
      out.closeCode = code;
      resolve(out);
    });
    ws.on('error', () => {});
  });
}

/** A y-websocket sync message: step 0 (state vector), 1 (step 2) or 2 (update). */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
