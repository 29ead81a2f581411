import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocx, MAX_INFLATED_BYTES } from './docxArchive.js';
import { streamedZip, zipBomb } from './testing/streamedZip.js';
import { InvalidDocxError } from './types.js';

const docx = async (doc: Document) => new Uint8Array(await Packer.toBuffer(doc));
const simple = () => docx(new Document({ sections: [{ children: [new Paragraph('一、参政议政更主动')] }] }));
const reason = (file: Uint8Array): string => {
  try {
    checkDocx(file);
  } catch (err) {
    if (err instanceof InvalidDocxError) return err.reason;
    throw err;
  }
  return 'accepted';
};

describe('checking an uploaded .docx', () => {
  it('takes a Word file and hands on its parts, pictures emptied', async () => {
    const { clean, warnings } = checkDocx(await simple());
    const parts = unzipSync(clean);
    expect(new TextDecoder().decode(parts['word/document.xml'])).toContain('参政议政更主动');
    expect(warnings).toEqual([]);
  });

  it('says what is an OLE file (encrypted .docx, .doc, .wps), a PDF, or no zip at all', () => {
    expect(reason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/password-protected|\.doc/);
    expect(reason(strToU8('%PDF-1.7\n%âãÏÓ'))).toBe('a PDF file');
    expect(reason(strToU8('plain text renamed .docx'))).toBe('not a zip archive');
    expect(reason(new Uint8Array(0))).toBe('not a zip archive');
  });

  it('refuses a damaged archive, and one without a Word body', async () => {
    const file = await simple();
    expect(reason(file.subarray(0, Math.floor(file.length / 2)))).not.toBe('accepted');
    expect(reason(zipSync({ 'hello.txt': strToU8('hi') }))).toBe('no Word document body in the archive');
  });

  it('stops a zip bomb while it inflates, whatever sizes it declares', () => {
    const bomb = zipBomb(MAX_INFLATED_BYTES + 8 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(reason(bomb)).toMatch(/inflates past/);
  });

  it('refuses XML that declares a DOCTYPE (external entities, entity expansion)', async () => {
    const parts = unzipSync(await simple());
    const xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>';
    expect(reason(zipSync({ ...parts, 'word/document.xml': strToU8(xxe) }))).toBe('word/document.xml declares a DOCTYPE');
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Relationships/>';
    expect(reason(zipSync({ ...parts, 'word/_rels/document.xml.rels': strToU8(laughs) }))).toMatch(/DOCTYPE/);
  });

  it('counts the headers and footers with something in them, comments, tracked changes, fields and objects', async () => {
    const file = await docx(
      new Document({
        sections: [
          {
            headers: { default: new Header({ children: [new Paragraph('菜花坪镇政协联工委')] }) },
            footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
            children: [new Paragraph('正文')],
          },
        ],
      }),
    );
    const parts = unzipSync(file);
    const body = new TextDecoder()
      .decode(parts['word/document.xml'])
      .replace(
        '<w:t xml:space="preserve">正文</w:t>',
        '<w:t>正文</w:t></w:r><w:ins w:id="1" w:author="王明"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2" w:author="王明"><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t></w:t>',
      );
    expect(body).toContain('w:ins');
    const { warnings } = checkDocx(zipSync({ ...parts, 'word/document.xml': strToU8(body) }));
    expect(warnings).toEqual([
      { code: 'headers_footers', count: 2 },
      { code: 'tracked_changes', count: 2 },
    ]);
  });

  it('reads a .docx whose zip entries carry their sizes after the data (as LibreOffice and other streaming writers make them)', async () => {
    const streamed = streamedZip(unzipSync(await simple()));
    // general-purpose flag bit 3 of the first local header: sizes in a data descriptor after the data
    expect(streamed[6] & 0x08).toBe(0x08);
    const { clean } = checkDocx(streamed);
    expect(new TextDecoder().decode(unzipSync(clean)['word/document.xml'])).toContain('参政议政更主动');
  });
});
