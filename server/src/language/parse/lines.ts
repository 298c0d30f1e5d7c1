/**
 * The text split into lines, each with where its content starts, so every parser builds exact ranges
 * from a line index and a character index without re-reading the text. The split itself and the blank
 * test live in `shared/cableLines/textLines.ts`, where the cable detector reads them too.
 */
import type { Range, Token } from '../model';
import { isWhiteSpaceCode, type Line } from '../../../../shared/cableLines/textLines';

export { firstContentIndex, isBlank, isWhiteSpaceCode, lineOf, splitLines, type Line } from '../../../../shared/cableLines/textLines';

export const isDigitCode = (code: number) => code >= 48 && code <= 57;
export const isUpperCode = (code: number) => code >= 65 && code <= 90;
export const isLowerCode = (code: number) => code >= 97 && code <= 122;

/** Range of `line.text[start, end)`. */
export function rangeOf(line: Line, start: number, end: number): Range {
  return {
    start: { line: line.index, character: line.offset + start },
    end: { line: line.index, character: line.offset + end },
  };
}

export function tokenAt(line: Line, start: number, text: string): Token {
  return { text, range: rangeOf(line, start, start + text.length) };
}

/** Range of the line's content without leading and trailing white space (empty range at 0 for a blank line). */
export function trimmedRange(line: Line): Range {
  const text = line.text;
  const start = line.first;
  if (start < 0) return rangeOf(line, 0, 0);
  let end = text.length;
  while (isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  return rangeOf(line, start, end);
}

export function trimmedToken(line: Line): Token {
  return { text: line.text.trim(), range: trimmedRange(line) };
}

/** A range from the start of one range to the end of another. */
export function spanRange(from: Range, to: Range): Range {
  return { start: from.start, end: to.end };
}

/** Range covering whole lines `first..last` (content, not the line break). */
export function linesRange(first: Line, last: Line): Range {
  return {
    start: { line: first.index, character: first.offset },
    end: { line: last.index, character: last.offset + last.text.length },
  };
}

/** Finds `regex` (with the `y` or `g` flag cleared) in `line.text` and returns its match and token, or undefined. */
export function matchToken(line: Line, regex: RegExp, group = 0): { match: RegExpExecArray; token: Token } | undefined {
  const match = regex.exec(line.text);
  if (!match || match[group] === undefined) return undefined;
  const start = groupStart(match, group);
  return { match, token: tokenAt(line, start, match[group]) };
}

/** Start index of a capture group; needs the `d` flag on the regex for groups other than 0. */
export function groupStart(match: RegExpExecArray, group: number): number {
  if (group === 0) return match.index;
  const indices = match.indices?.[group];
  if (indices) return indices[0];
  const offset = match[0].indexOf(match[group]);
  return match.index + Math.max(0, offset);
}

/** Token for capture `group` of a match made with the `d` flag. */
export function groupToken(line: Line, match: RegExpExecArray, group: number): Token | undefined {
  const value = match[group];
  if (value === undefined) return undefined;
  return tokenAt(line, groupStart(match, group), value);
}

/**
 * Each capture group of `match` as a token (undefined where a group did not take part), for a regex without the `d`
 * flag: building a match's indices costs a runtime call, about twice the match itself. Only for patterns whose groups
 * come in order and where what stands before a group (white space, `#`, `/`, a keyword, a group before it) cannot hold
 * the group's text: each group is then the first occurrence of its text after the end of the group before it.
 */
export function orderedGroupTokens(line: Line, match: RegExpExecArray): Array<Token | undefined> {
  const tokens: Array<Token | undefined> = [undefined];
  const whole = match[0];
  let from = 0;
  for (let group = 1; group < match.length; group++) {
    const text = match[group];
    if (text === undefined) {
      tokens.push(undefined);
      continue;
    }
    const at = whole.indexOf(text, from);
    tokens.push(tokenAt(line, match.index + at, text));
    from = at + text.length;
  }
  return tokens;
}
