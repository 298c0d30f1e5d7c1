/**
 * The text split into lines, each with where its content starts, so every parser builds exact ranges
 * from a line index and a character index without re-reading the text. The split itself and the blank
 * test live in `shared/cableLines/textLines.ts`, where the cable detector reads them too.
 */
import type { Range, Token } from '../model';
import { lastContentIndex, type Line } from '../../../../shared/cableLines/textLines';

export {
  firstContentIndex,
  isBlank,
  isWhiteSpaceCode,
  lastContentIndex,
  lineOf,
  splitLines,
  type Line,
} from '../../../../shared/cableLines/textLines';

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
  return rangeOf(line, start, lastContentIndex(text) + 1);
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

/**
 * The start of each capture group of `match` in the text it was run on (-1 where a group did not take part), for a
 * regex without the `d` flag: building a match's indices costs a runtime call, about twice the match itself. Only
 * for patterns whose groups come in order and where what stands before a group (white space, `#`, `/`, a keyword, a
 * group before it) cannot hold the group's text: each group is then the first occurrence of its text after the end
 * of the group before it.
 */
export function orderedGroupStarts(match: RegExpExecArray): number[] {
  const starts = [match.index];
  const whole = match[0];
  let from = 0;
  for (let group = 1; group < match.length; group++) {
    const text = match[group];
    if (text === undefined) {
      starts.push(-1);
      continue;
    }
    const at = whole.indexOf(text, from);
    starts.push(match.index + at);
    from = at + text.length;
  }
  return starts;
}

/** Each capture group of `match` (see `orderedGroupStarts`) as a token of `line`, undefined where a group did not take part. */
export function orderedGroupTokens(line: Line, match: RegExpExecArray): Array<Token | undefined> {
  return orderedGroupStarts(match).map((start, group) =>
    group === 0 || match[group] === undefined ? undefined : tokenAt(line, start, match[group]),
  );
}
