// Import from Word through the API: a .docx becomes the caller's document
// with its 公文 structure, listed with a first version named after the file;
// every bad file is answered as API.md says, with nothing half-created; and a
// document exported by Yigao comes back the same (each template, filled).
import type { JSONContent } from '@tiptap/core';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filledTemplate } from '../../server/export/testing/report.js';
import { MAX_INFLATED_BYTES } from '../../server/import/docxArchive.js';
import { zipBomb } from '../../server/import/testing/streamedZip.js';
import { api, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { rewriteBody } from '../helpers/bodyEdits.js';
import { connect, saved, synced, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let srv: TestServer;
let owner: TestUser;
const clients: CollabClient[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  owner = await newUser(srv.url, '张丽');
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await srv?.stop();
});

async function upload(file: Uint8Array, query = '', headers: Record<string, string> = {}, token = owner.token) {
  const res = await fetch(`${srv.url}/api/documents/import${query}`, {
    method: 'POST',
    headers: { 'Content-Type': DOCX, Authorization: `Bearer ${token}`, ...headers },
    body: Buffer.from(file),
  });
  return { status: res.status, body: await res.json() };
}

const documentIds = async () => ((await api(srv.url, 'GET', '/api/documents', { token: owner.token })).body as { id: string }[]).map((d) => d.id).sort();

async function content(id: string): Promise<{ json: JSONContent; text: string }> {
  const res = await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token });
  expect(res.status).toBe(200);
  return res.body;
}

/** The document's blocks as a reader sees their kinds: heading levels, tables, the signature, and leads. */
function structure(json: JSONContent): string[] {
  return (json.content ?? []).map((block) => {
    if (block.type === 'heading') return `h${block.attrs?.level}`;
    if (block.type === 'signature') return `signature ${block.attrs?.issuer} ${block.attrs?.date}`;
    if (block.type === 'table') return `table ${block.content?.length}×${block.content?.[0]?.content?.length}`;
    const first = block.content?.[0];
    return first?.marks?.some((m) => m.type === 'bold') ? 'lead' : (block.type ?? '?');
  });
}

const summary = () =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '菜花坪镇政协联工委2025年工作总结', size: 44 })] }),
            new Paragraph('2025年，我镇政协联工委在县政协的指导下认真履职。'),
            new Paragraph({ children: [new TextRun({ text: '一、参政议政更主动', bold: true })] }),
            new Paragraph({ children: [new TextRun({ text: '一是围绕中心建言献策。', bold: true }), new TextRun('全年提出建议十二条。')] }),
            new Paragraph({ children: [new TextRun({ text: '二、服务发展更务实', bold: true })] }),
            new Paragraph('引进企业三家。'),
          ],
        },
      ],
    }),
  ).then((b) => new Uint8Array(b));

describe('importing a .docx', () => {
  it('creates the caller’s document with its structure, titled from the file, with a first version named after it', async () => {
    const before = await documentIds();
    const preview = await upload(await summary(), '?dryRun=1');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toEqual({ title: '菜花坪镇政协联工委2025年工作总结', warnings: [] });
    expect(await documentIds()).toEqual(before);

    const res = await upload(await summary(), '', { 'X-File-Name': encodeURIComponent('2025年总结（定稿）.docx') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: '菜花坪镇政协联工委2025年工作总结', role: 'owner', status: 'draft', warnings: [] });
    const { json, text } = await content(res.body.id);
    expect(structure(json)).toEqual(['h1', 'paragraph', 'h2', 'lead', 'h2', 'paragraph']);
    // numbers are automatic: shown once, never doubled
    expect(text).toContain('一、参政议政更主动\n一是围绕中心建言献策。全年提出建议十二条。\n二、服务发展更务实');
    expect(text).not.toContain('一、一、');
    const versions = await api(srv.url, 'GET', `/api/documents/${res.body.id}/versions`, { token: owner.token });
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0]).toMatchObject({ name: '导入：2025年总结（定稿）.docx', importedFrom: '2025年总结（定稿）.docx', kind: 'named' });
    // a title given wins; the sections have ids for 分工
    const titled = await upload(await summary(), `?title=${encodeURIComponent('今年的总结')}`);
    expect(titled.body.title).toBe('今年的总结');
    const sections = await api(srv.url, 'GET', `/api/documents/${titled.body.id}/sections`, { token: owner.token });
    expect(sections.body.map((s: { number: string; title: string }) => s.number + s.title)).toEqual(['一、参政议政更主动', '二、服务发展更务实']);
    // it is a live document: a member types into it
    const c = connect(srv.wsUrl, res.body.id, owner.token);
    clients.push(c);
    await synced(c);
    expect(c.fragment.length).toBeGreaterThan(3);
  });

  it('answers every bad file as the API says, creating nothing', async () => {
    const before = await documentIds();
    const good = await summary();
    const parts = unzipSync(good);
    const xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>';
    const cases: [string, Uint8Array, number, string][] = [
      ['corrupt', good.subarray(0, good.length >> 1), 400, 'invalid_docx'],
      ['password-protected (OLE)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]), 400, 'invalid_docx'],
      ['a .pdf renamed', strToU8('%PDF-1.7\n1 0 obj << >> endobj'), 400, 'invalid_docx'],
      ['a text file renamed', strToU8('年终总结'), 400, 'invalid_docx'],
      ['a zip without Word', zipSync({ 'a.txt': strToU8('x') }), 400, 'invalid_docx'],
      ['XXE', zipSync({ ...parts, 'word/document.xml': strToU8(xxe) }), 400, 'invalid_docx'],
      ['a zip bomb', zipBomb(MAX_INFLATED_BYTES + 8 * 1024 * 1024), 400, 'invalid_docx'],
      ['empty', new Uint8Array(0), 400, 'invalid_docx'],
      ['over 20 MB', new Uint8Array(20 * 1024 * 1024 + 1), 413, 'payload_too_large'],
    ];
    for (const [what, file, status, code] of cases) {
      const res = await upload(file);
      expect(res.status, what).toBe(status);
      expect(res.body.error.code, what).toBe(code);
      expect(res.body.error.message, what).toBeTruthy();
    }
    const wrongType = await fetch(`${srv.url}/api/documents/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/pdf', Authorization: `Bearer ${owner.token}` },
      body: good,
    });
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error.code).toBe('unsupported_media_type');
    expect((await fetch(`${srv.url}/api/documents/import`, { method: 'POST', headers: { 'Content-Type': DOCX }, body: good })).status).toBe(401);
    expect((await upload(good, `?title=${'长'.repeat(201)}`)).status).toBe(400);
    expect(await documentIds()).toEqual(before);
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });

  it.each(['year-end-summary', 'year-end-summary-three-part'] as const)('brings a filled %s exported by Yigao back the same', async (template) => {
    const id = await newDocument(srv.url, owner, template);
    const c = connect(srv.wsUrl, id, owner.token);
    clients.push(c);
    await synced(c);
    const filled = filledTemplate(template);
    rewriteBody(c, () => filled.content ?? []);
    await saved(c);
    const original = await content(id);
    const exported = await fetch(`${srv.url}/api/documents/${id}/export?format=docx&version=current`, { headers: { Authorization: `Bearer ${owner.token}` } });
    expect(exported.status).toBe(200);
    const res = await upload(new Uint8Array(await exported.arrayBuffer()), '', { 'X-File-Name': encodeURIComponent(`${template}.docx`) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const imported = await content(res.body.id);
    expect(structure(imported.json)).toEqual(structure(original.json));
    expect(imported.text).toBe(original.text);
  });
});
