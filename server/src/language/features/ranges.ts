/** Position and range arithmetic shared by the features, and the word under the cursor for hovers. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when `position` is on the text of `range` (end exclusive, so the cursor after a token is not on it). */
export function isOn(range: Range | undefined, position: Position): boolean {
  return range !== undefined && comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) < 0;
}

/** True when `position` lies in `range`, its end included (for ranges that span lines, such as a cable). */
export function isWithin(range: Range | undefined, position: Position): boolean {
  return range !== undefined && comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** The smallest range holding both. */
export function unionRange(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

/**
 * `position` moved into the document: clients may send a character past the line's end (or a line past the
 * last), which the protocol reads as the end of that line. Features answer with ranges inside the text.
 */
export function clampPosition(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}

/** The text of one line without its line break. */
export function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/**
 * Lines of a text read in order without the document's line table, which costs a pass over the whole text
 * to build: each call moves on from the last line read (or starts again, for an earlier line).
 */
export class ForwardLineReader {
  private line = 0;
  private offset = 0;
  private readonly breaks = /\r\n|\r|\n/g;

  constructor(private readonly text: string) {}

  /** The text of `line` without its line break; empty past the last line. */
  lineText(line: number): string {
    if (line < this.line) {
      this.line = 0;
      this.offset = 0;
    }
    while (this.line < line) {
      this.breaks.lastIndex = this.offset;
      const found = this.breaks.exec(this.text);
      if (!found) return '';
      this.offset = found.index + found[0].length;
      this.line++;
    }
    this.breaks.lastIndex = this.offset;
    const end = this.breaks.exec(this.text);
    return this.text.slice(this.offset, end ? end.index : this.text.length);
  }
}

/** A piece of the document's text with its range. */
export interface TextAt {
  text: string;
  range: Range;
}

/**
 * The word under the cursor: the run of letters and digits at `position` or just before it (a cursor that
 * ends a word still names it). Undefined between words.
 */
export function wordAt(document: TextDocument, position: Position): TextAt | undefined {
  const text = lineText(document, position.line);
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
  let start = position.character;
  let end = position.character;
  if (!isWordChar(text[start])) {
    if (!isWordChar(text[start - 1])) return undefined;
    start--;
    end--;
  }
  while (start > 0 && isWordChar(text[start - 1])) start--;
  while (isWordChar(text[end])) end++;
  return {
    text: text.slice(start, end),
    range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } },
  };
}
