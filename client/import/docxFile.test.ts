import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { MAX_IMPORT_BYTES, formatSize, problemOfAnswer, problemOfFile, sniffFileKind, titleFromFileName } from './docxFile.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const utf16 = (text: string) => [...Buffer.from(text, 'utf16le')];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('sniffFileKind', () => {
  it('takes a real .docx for a .docx', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('关于做好年终总结的通知')] }] }));
    expect(sniffFileKind(new Uint8Array(docx))).toBe('docx');
  });
  it('tells a zip without Word parts (an .xlsx, an archive) from a .docx', () => {
    expect(sniffFileKind(bytes([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'))).toBe('zip');
    expect(sniffFileKind(bytes([0x50, 0x4b, 0x05, 0x06], new Array(18).fill(0)))).toBe('zip');
  });
  it('tells a password-protected .docx (OLE with an EncryptedPackage stream) from a .doc or .wps', () => {
    expect(sniffFileKind(bytes(OLE, new Array(500).fill(0), utf16('EncryptionInfo'), [0, 0], utf16('EncryptedPackage')))).toBe('encrypted');
    expect(sniffFileKind(bytes(OLE, new Array(500).fill(0), utf16('WordDocument'), [0, 0], utf16('1Table')))).toBe('legacy');
    // the name in one byte per character is not a stream name
    expect(sniffFileKind(bytes(OLE, 'EncryptedPackage'))).toBe('legacy');
  });
  it('knows a PDF, even with a little junk before its header, and RTF', () => {
    expect(sniffFileKind(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(sniffFileKind(bytes([0xef, 0xbb, 0xbf], '%PDF-1.4'))).toBe('pdf');
    expect(sniffFileKind(bytes('{\\rtf1\\ansi\\ansicpg936'))).toBe('rtf');
  });
  it('calls anything else other, and nothing empty', () => {
    expect(sniffFileKind(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('other');
    expect(sniffFileKind(bytes('PK'))).toBe('other');
    expect(sniffFileKind(bytes('一份纯文本'))).toBe('other');
    expect(sniffFileKind(new Uint8Array(0))).toBe('empty');
  });
});

describe('problemOfFile and problemOfAnswer', () => {
  it('sends a .docx within the limit, and nothing else', () => {
    expect(problemOfFile('docx', 1000)).toBeNull();
    expect(problemOfFile('docx', MAX_IMPORT_BYTES + 1)).toBe('tooLarge');
    expect(problemOfFile('legacy', 1000)).toBe('legacy');
    expect(problemOfFile('encrypted', 1000)).toBe('encrypted');
    expect(problemOfFile('pdf', 1000)).toBe('pdf');
    expect(problemOfFile('rtf', 1000)).toBe('rtf');
    expect(problemOfFile('zip', 1000)).toBe('notWord');
    expect(problemOfFile('other', 1000)).toBe('notWord');
    expect(problemOfFile('empty', 0)).toBe('empty');
  });
  it("words the server's file errors, and leaves the others to the general messages", () => {
    expect(problemOfAnswer('invalid_docx')).toBe('damaged');
    expect(problemOfAnswer('too_large')).toBe('tooLarge');
    expect(problemOfAnswer('unsupported_media_type')).toBe('notWord');
    expect(problemOfAnswer('invalid_input')).toBeNull();
    expect(problemOfAnswer('network_error')).toBeNull();
  });
});

describe('titleFromFileName and formatSize', () => {
  it('drops .docx from the name', () => {
    expect(titleFromFileName('2026年工作总结.docx')).toBe('2026年工作总结');
    expect(titleFromFileName('总结（定稿）.DOCX')).toBe('总结（定稿）');
    expect(titleFromFileName('总结.docx.docx')).toBe('总结.docx');
  });
  it('says sizes as people read them', () => {
    expect(formatSize(10)).toBe('1 KB');
    expect(formatSize(850 * 1024)).toBe('850 KB');
    expect(formatSize(21.4 * 1024 * 1024)).toBe('21.4 MB');
  });
});
