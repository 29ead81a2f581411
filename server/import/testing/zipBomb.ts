// A zip bomb for tests: a tiny archive with a Word body that inflates past any limit.
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** A zip that inflates to `bytes` of zeros, made without holding them (streamed). */
export function zipBomb(bytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(strToU8(data), true);
  }
  const bomb = new ZipDeflate('word/media/image1.png', { level: 9 });
  zip.add(bomb);
  const zeros = new Uint8Array(1024 * 1024);
  for (let n = 0; n < bytes; n += zeros.length) bomb.push(zeros, n + zeros.length >= bytes);
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}
