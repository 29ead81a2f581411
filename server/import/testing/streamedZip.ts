// Zips for the import's tests written as streaming writers (LibreOffice, fflate's Zip) write them: each
// entry's sizes come after its data (general-purpose flag bit 3), so a reader cannot trust a local header.
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** Writes the entries `add` makes into one streamed zip. */
function streamed(add: (zip: Zip) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  add(zip);
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

/** `parts` as a streamed zip. */
export function streamedZip(parts: Record<string, Uint8Array>): Uint8Array {
  return streamed((zip) => {
    for (const [name, data] of Object.entries(parts)) {
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(data, true);
    }
  });
}

/** A zip with a Word body that inflates to `bytes` of zeros besides, made without holding them. */
export function zipBomb(bytes: number): Uint8Array {
  return streamed((zip) => {
    for (const [name, data] of Object.entries({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })) {
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(strToU8(data), true);
    }
    const bomb = new ZipDeflate('word/media/image1.png', { level: 9 });
    zip.add(bomb);
    const zeros = new Uint8Array(1024 * 1024);
    for (let n = 0; n < bytes; n += zeros.length) bomb.push(zeros, n + zeros.length >= bytes);
  });
}
