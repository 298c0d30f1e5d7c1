/**
 * The text split into lines as the parser and the cable detector both read it: one split, so what the
 * detector calls the first line of a file is the parser's first line too. Pure: no imports, bundled into
 * the client and the server alike.
 */

/** One line of a text, e.g. `{ index: 0, text: 'VZCZCXRO3019 ', offset: 0 }`. */
export interface Line {
  /** Zero-based line number. */
  index: number;
  /** The line's content without line break (and without a leading BOM on line 0). */
  text: string;
  /** Character offset of `text` in the physical line: 1 when a BOM was dropped, else 0. */
  offset: number;
}

/** Splits on CRLF, CR or LF, as LSP clients count lines. */
export function splitLines(text: string): Line[] {
  const texts = text.split(LINE_BREAK);
  const lines: Line[] = new Array(texts.length);
  for (let index = 0; index < texts.length; index++) lines[index] = { index, text: withoutContinuation(texts[index]), offset: 0 };
  const first = lines[0];
  if (first.text.charCodeAt(0) === 0xfeff) {
    first.text = first.text.slice(1);
    first.offset = 1;
  }
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

export function isBlank(line: Line | undefined): boolean {
  return line === undefined || firstContentIndex(line.text) < 0;
}
