// Finding a comment's words in a version as it is drawn: the text comes in
// pieces (text nodes, split by the diff's marks), and the words may run over
// several pieces and, joined by line breaks, over several paragraphs.

export interface TextPiece {
  text: string;
  /** Pieces of one paragraph share a block number; a new one starts a new line. */
  block: number;
}

export interface PieceSpan {
  piece: number;
  start: number;
  end: number;
}

/**
 * Where `quote` first occurs across the pieces, as spans of pieces. When the
 * whole quote is not found (an empty paragraph inside it has no piece), each
 * of its lines is looked for after the one before.
 */
export function locateQuote(pieces: readonly TextPiece[], quote: string): PieceSpan[] {
  let all = '';
  const offsets: number[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0 && piece.block !== pieces[index - 1].block) all += '\n';
    offsets.push(all.length);
    all += piece.text;
  });

  const found: [number, number][] = [];
  const whole = quote ? all.indexOf(quote) : -1;
  if (whole >= 0) found.push([whole, whole + quote.length]);
  else {
    let from = 0;
    for (const line of quote.split('\n').filter((part) => part.trim() !== '')) {
      const at = all.indexOf(line, from);
      if (at < 0) return [];
      found.push([at, at + line.length]);
      from = at + line.length;
    }
  }

  const spans: PieceSpan[] = [];
  for (const [start, end] of found) {
    pieces.forEach((piece, index) => {
      const s = Math.max(start, offsets[index]);
      const e = Math.min(end, offsets[index] + piece.text.length);
      if (e > s) spans.push({ piece: index, start: s - offsets[index], end: e - offsets[index] });
    });
  }
  return spans;
}
