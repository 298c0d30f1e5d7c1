/**
 * The text split into lines as the parser and the cable detector both read it: one split, so what the
 * detector calls the first line of a file is the parser's first line too. Pure: no imports, bundled into
 * the client and the server alike.
 */

/** One line of a text, e.g. `{ index: 0, text: 'VZCZCXRO3019 ', offset: 0, first: 0 }`; made by `lineOf`. */
export interface Line {
  /** Zero-based line number. */
  readonly index: number;
  /** The line's content without line break (and without a leading BOM on line 0). */
  readonly text: string;
  /** Character offset of `text` in the physical line: 1 when a BOM was dropped, else 0. */
  readonly offset: number;
  /**
   * Index in `text` of the first character that is not white space, -1 for a blank line: every reader of a line
   * asks (blank? what does it open with?), so it is found once, when the line is made.
   */
  readonly first: number;
}

/** The line `text` (a physical line, or a piece of one starting `offset` characters in) of line `index`. */
export function lineOf(index: number, text: string, offset: number): Line {
  return { index, text, offset, first: firstContentIndex(text) };
}

/** Splits on CRLF, CR or LF, as LSP clients count lines. */
export function splitLines(text: string): Line[] {
  const texts = text.split(LINE_BREAK);
  const lines: Line[] = new Array(texts.length);
  const bom = texts[0].charCodeAt(0) === 0xfeff;
  if (bom) texts[0] = texts[0].slice(1);
  for (let index = 0; index < texts.length; index++)
    lines[index] = lineOf(index, withoutContinuation(texts[index]), index === 0 && bom ? 1 : 0);
  return lines;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Some published cables end every line with a `\\` continuation mark; it is not part of the content. */
function withoutContinuation(text: string): string {
  return text.charCodeAt(text.length - 1) === 92 ? text.slice(0, -1) : text;
}

/** True for the characters `\s` matches: a first-character switch must agree with the regexes it spares. */
export function isWhiteSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Index of the first character that is not white space, or -1 for a blank text. */
export function firstContentIndex(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isWhiteSpaceCode(text.charCodeAt(i))) return i;
  return -1;
}

/** Index of the last character that is not white space, or -1 for a blank text. */
export function lastContentIndex(text: string): number {
  let end = text.length - 1;
  while (end >= 0 && isWhiteSpaceCode(text.charCodeAt(end))) end--;
  return end;
}

export function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.first < 0;
}
