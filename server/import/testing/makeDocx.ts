// Small .docx files for the import's tests, made with the docx package.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Math as MathComponent,
  MathRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';

/** A run: plain text, or text with a look (size in points), a line break, a link, a picture, a footnote reference. */
export type RunSpec =
  | string
  | { text: string; bold?: boolean; italics?: boolean; underline?: boolean; strike?: boolean; font?: string; size?: number; highlight?: 'yellow' | 'green' }
  | { break: true }
  | { link: string; text: string }
  | { image: true }
  | { footnote: number }
  | { math: string };

export interface ParagraphSpec {
  align?: 'center' | 'right' | 'both' | 'left';
  /** Word's Title, or Heading 1–4. */
  style?: 'Title' | 1 | 2 | 3 | 4;
  /** Left indent in twips. */
  indentLeft?: number;
  bullet?: number;
  ordered?: number;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const HEADINGS = { Title: HeadingLevel.TITLE, 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 };
const ALIGN = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH, left: AlignmentType.LEFT };

function run(spec: RunSpec): ParagraphChild {
  if (typeof spec === 'string') return new TextRun(spec);
  if ('break' in spec) return new TextRun({ break: 1 });
  if ('link' in spec) return new ExternalHyperlink({ link: spec.link, children: [new TextRun({ text: spec.text, style: 'Hyperlink' })] });
  if ('image' in spec) return new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } });
  if ('footnote' in spec) return new FootnoteReferenceRun(spec.footnote);
  if ('math' in spec) return new MathComponent({ children: [new MathRun(spec.math)] });
  return new TextRun({
    text: spec.text,
    bold: spec.bold,
    italics: spec.italics,
    underline: spec.underline ? {} : undefined,
    strike: spec.strike,
    font: spec.font,
    size: spec.size ? spec.size * 2 : undefined,
    highlight: spec.highlight,
  });
}

export function p(runs: RunSpec | RunSpec[], spec: ParagraphSpec = {}): Paragraph {
  return new Paragraph({
    children: (Array.isArray(runs) ? runs : [runs]).map(run),
    alignment: spec.align ? ALIGN[spec.align] : undefined,
    heading: spec.style ? HEADINGS[spec.style] : undefined,
    indent: spec.indentLeft ? { left: spec.indentLeft } : undefined,
    bullet: spec.bullet !== undefined ? { level: spec.bullet } : undefined,
    numbering: spec.ordered !== undefined ? { reference: 'decimal', level: spec.ordered } : undefined,
  });
}

/** A table of text cells; a cell may span columns, or rows (the rows below leave out the cells it covers: the docx package merges them). */
export function table(rows: (string | { text: string; colSpan?: number; rowSpan?: number; bold?: boolean })[][], options: { header?: boolean } = {}): Table {
  return new Table({
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: options.header && r === 0,
          children: cells.map((cell) =>
            typeof cell === 'string'
              ? new TableCell({ children: [p(cell)] })
              : new TableCell({ children: [p({ text: cell.text, bold: cell.bold })], columnSpan: cell.colSpan, rowSpan: cell.rowSpan }),
          ),
        }),
    ),
  });
}

/** The file of a body, with one footnote (id 1) for references to use. */
export async function docxFile(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('注释')] } },
    numbering: {
      config: [
        {
          reference: 'decimal',
          levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START })),
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
