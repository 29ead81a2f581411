// Yigao only: a 30-page summary exported as DOCX (the current draft), timed
// over several runs.
import type { History } from '../client/histories.js';
import type { ServerUnderTest } from '../servers/ServerUnderTest.js';
import { median } from '../stats.js';
import { connectClient } from './common.js';

export interface ExportCase {
  pages: number;
  runs: number;
}

export interface ExportResult {
  server: 'yigao';
  case: ExportCase;
  characters: number;
  timesMs: number[];
  firstMs: number;
  p50Ms: number;
  docxBytes: number;
}

export async function runExport(server: ServerUnderTest, spec: ExportCase, history: History): Promise<ExportResult> {
  if (!server.http) throw new Error('export is a Yigao endpoint');
  const [document] = await server.createDocuments(1, 1);
  const writer = await connectClient(server.wire(document, 0));
  for (const update of history.updates) writer.sendRawUpdate(update);
  await writer.settled();
  writer.destroy();
  const { base, token } = server.http;
  const timesMs: number[] = [];
  let docxBytes = 0;
  for (let i = 0; i < spec.runs; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/documents/${document.id}/export?format=docx&version=current`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = new Uint8Array(await res.arrayBuffer());
    timesMs.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`export failed: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    // A DOCX is a zip: "PK".
    if (body[0] !== 0x50 || body[1] !== 0x4b) throw new Error('export did not return a DOCX');
    docxBytes = body.length;
  }
  return {
    server: 'yigao',
    case: spec,
    characters: history.characters,
    timesMs,
    firstMs: timesMs[0],
    p50Ms: median(timesMs),
    docxBytes,
  };
}
