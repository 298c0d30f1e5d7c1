/**
 * A field that wraps over several lines, read as one text: its pieces of lines joined by a separator, with a map
 * back to positions in the lines, so a reader can match across a line break and still give exact ranges.
 */
import type { Position } from '../model';
import { rangeOf, type Line } from './lines';

/** `line.text[start, end)`, one piece of the field. */
export interface LinePiece {
  line: Line;
  start: number;
  end: number;
}

export interface JoinedText {
  text: string;
  /** Per piece: its line, where it starts in the line and in `text`, and its length. */
  pieces: Array<{ line: Line; lineStart: number; from: number; length: number }>;
}

/** Joins `parts` with `separator`, reading no more than `maxLength` characters in all. */
export function joinPieces(parts: LinePiece[], separator: string, maxLength = Infinity): JoinedText {
  const pieces: JoinedText['pieces'] = [];
  let text = '';
  for (const part of parts) {
    if (text.length >= maxLength) break;
    const piece = part.line.text.slice(part.start, Math.min(part.end, part.start + maxLength - text.length));
    if (pieces.length) text += separator;
    pieces.push({ line: part.line, lineStart: part.start, from: text.length, length: piece.length });
    text += piece;
  }
  return { text, pieces };
}

/**
 * The position of `offset` in the joined text. At the boundary between two pieces, an end (`isEnd`) stays at the
 * end of the earlier piece, a start goes to the start of the later one.
 */
export function positionInJoined(joined: JoinedText, offset: number, isEnd = false): Position {
  let piece = joined.pieces[0];
  for (const candidate of joined.pieces) {
    if (isEnd ? candidate.from >= offset : candidate.from > offset) break;
    piece = candidate;
  }
  const character = piece.lineStart + Math.min(Math.max(offset - piece.from, 0), piece.length);
  return rangeOf(piece.line, character, character).start;
}
