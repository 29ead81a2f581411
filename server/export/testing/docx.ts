// Reading an exported DOCX back in tests: its parts, parsed.
import JSZip from 'jszip';
import { parseXml, type XmlElement } from './xml.js';

export interface DocxParts {
  names: string[];
  text(name: string): Promise<string | undefined>;
  xml(name: string): Promise<XmlElement>;
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  return {
    names: Object.keys(zip.files),
    text: async (name) => zip.file(name)?.async('string'),
    xml: async (name) => {
      const source = await zip.file(name)?.async('string');
      if (source === undefined) throw new Error(`No part ${name} in the DOCX`);
      return parseXml(source);
    },
  };
}
