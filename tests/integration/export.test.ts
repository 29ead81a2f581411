// Export through the API: which version, the draft mark, the file name, the
// formats, comments on request, and who may export.
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let viewer: TestUser;
const clients: CollabClient[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  [owner, viewer] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '李红')]);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await srv.stop();
});

async function download(id: string, query: string, token = owner.token) {
  const res = await fetch(`${srv.url}/api/documents/${id}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function docxParts(body: Buffer): Promise<{ document: string; all: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(body);
  const document = await zip.file('word/document.xml')!.async('string');
  const others = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/(header|footer|comments)\d*\.xml$/.test(f))
      .map((f) => zip.file(f)!.async('string')),
  );
  const paragraphs = document.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return { document, all: [document, ...others].join('\n'), paragraphs };
}

describe('export', () => {
  it('exports the current draft with a draft mark until there is an approved version, then the approved one without it', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', '菜花坪镇政协联工委2026年工作总结');
    await share(srv.url, owner, id, viewer, 'viewer');
    const a = connect(srv.wsUrl, id, owner.token);
    clients.push(a);
    await synced(a);
    appendParagraph(a, '定稿前写的一段');
    await saved(a);
    const draft = await download(id, 'format=docx', viewer.token);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toContain('wordprocessingml');
    const disposition = draft.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment;/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('菜花坪镇政协联工委2026年工作总结.docx');
    const draftParts = await docxParts(draft.body);
    expect(draftParts.all).toContain('草稿');
    expect(draftParts.paragraphs.some((p) => p.includes('定稿前写的一段'))).toBe(true);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token })).status).toBe(200);
    appendParagraph(a, '重新打开后写的');
    await saved(a);
    // the approved version stays the default after a reopen; the draft is there on request
    const approved = await docxParts((await download(id, 'format=docx')).body);
    expect(approved.all).not.toContain('草稿');
    expect(approved.paragraphs.some((p) => p.includes('定稿前写的一段'))).toBe(true);
    expect(approved.paragraphs.some((p) => p.includes('重新打开后写的'))).toBe(false);
    const current = await docxParts((await download(id, 'format=docx&version=current')).body);
    expect(current.paragraphs.some((p) => p.includes('重新打开后写的'))).toBe(true);
  });

  it('exports clean Markdown and HTML, any version, and comments on request', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', '<script>alert(1)</script>标题');
    const a = connect(srv.wsUrl, id, owner.token);
    clients.push(a);
    await synced(a);
    appendParagraph(a, '正文里的 <b>尖括号</b> & 符号');
    await saved(a);
    await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote: '服务发展更务实', body: '批注正文 <i>x</i>' } });
    const v = (await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '一稿' } })).body.id;
    const md = (await download(id, `format=md&version=${v}`)).body.toString();
    expect(md).toContain('服务发展更务实');
    expect(md).toContain('正文里的');
    const html = (await download(id, 'format=html&version=current&comments=1')).body.toString();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;b&gt;尖括号&lt;/b&gt; &amp; 符号');
    expect(html).toContain('批注正文 &lt;i&gt;x&lt;/i&gt;');
    const withComments = await JSZip.loadAsync((await download(id, 'format=docx&version=current&comments=1')).body);
    const comments = await withComments.file('word/comments.xml')?.async('string');
    expect(comments).toContain('批注正文');
    // the comment's range wraps exactly the commented words (the server's anchor offsets agree with the exporter's)
    const documentXml = await withComments.file('word/document.xml')!.async('string');
    const between = documentXml.split(/<w:commentRangeStart [^>]*\/>/)[1]?.split(/<w:commentRangeEnd [^>]*\/>/)[0] ?? '';
    expect([...between.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe('服务发展更务实');
    const without = await JSZip.loadAsync((await download(id, 'format=docx&version=current')).body);
    expect(without.file('word/comments.xml')?.name ? (await without.file('word/comments.xml')!.async('string')).includes('批注正文') : false).toBe(false);
  });

  it('marks unfilled guidance in every format, and leaves it out with guidance=omit, comments still on their words', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', '菜花坪镇政协联工委2026年工作总结');
    const placeholder = '〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕';
    const lead = '二是结合重点产业开展调研。';
    await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote: '结合重点产业', body: '写具体' } });

    for (const query of ['format=docx&version=current', 'format=docx&version=current&guidance=mark']) {
      const marked = await docxParts((await download(id, query)).body);
      const run = marked.document.split('</w:r>').find((r) => r.includes(placeholder)) ?? '';
      expect(run, query).toContain('<w:highlight w:val="yellow"/>');
    }
    expect((await download(id, 'format=html&version=current')).body.toString()).toContain(`<mark class="guidance">${placeholder}</mark>`);
    expect((await download(id, 'format=md&version=current')).body.toString()).toContain(`<mark>${placeholder}</mark>`);

    const omitted = await download(id, 'format=docx&version=current&guidance=omit&comments=1');
    expect(omitted.status).toBe(200);
    const parts = await docxParts(omitted.body);
    expect(parts.document).not.toContain('〔');
    expect(parts.document).not.toContain('w:highlight');
    expect(parts.paragraphs).toContain(lead);
    const between = parts.document.split(/<w:commentRangeStart [^>]*\/>/)[1]?.split(/<w:commentRangeEnd [^>]*\/>/)[0] ?? '';
    expect([...between.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe('结合重点产业');
    for (const format of ['html', 'md']) {
      const body = (await download(id, `format=${format}&version=current&guidance=omit`)).body.toString();
      expect(body, format).not.toContain('〔');
      expect(body, format).not.toContain('<mark');
      expect(body, format).toContain(lead);
    }
  });

  it('adds a signature block with the date in Arabic numerals', async () => {
    const id = await newDocument(srv.url, owner);
    const parts = await docxParts((await download(id, 'format=docx&version=current&signature=菜花坪镇政协联工委&date=2026-12-20')).body);
    expect(parts.paragraphs).toContain('菜花坪镇政协联工委');
    expect(parts.paragraphs).toContain('2026年12月20日');
  });

  it('refuses unknown formats and versions, bad dates and non-members', async () => {
    const id = await newDocument(srv.url, owner);
    expect((await download(id, 'format=exe')).status).toBe(400);
    // names every object has are no formats either
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect((await download(id, `format=${name}`)).status, name).toBe(400);
    expect((await download(id, 'format=docx&version=approved')).status).toBe(404);
    expect((await download(id, 'format=docx&version=AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await download(id, 'format=docx&signature=x&date=2026-02-30')).status).toBe(400);
    // guidance is mark or omit, and nothing every object has
    for (const value of ['__proto__', 'constructor', 'toString', 'hide', '', 'omit&guidance=mark']) {
      const refused = await download(id, `format=docx&guidance=${value}`);
      expect(refused.status, value).toBe(400);
      expect(JSON.parse(refused.body.toString()).error.message, value).toMatch(/guidance/);
    }
    const outsider = await newUser(srv.url);
    expect((await download(id, 'format=docx', outsider.token)).status).toBe(403);
  });
});
