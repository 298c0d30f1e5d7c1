/**
 * The caption: `E.O. 12958: DECL: 01/15/2019`, `TAGS:`, `SUBJECT:`, `REF:`, `Classified By:`; each may wrap.
 * The cable parser asks `captionKeyOf` for a line, then hands the field's lines to the matching parser.
 */
import type { EoLine, RefsField, SubjectField, Token } from '../model';
import { isoDate, isValidDate, parseSlashDate } from './dates';
import { isBlank, orderedGroupTokens, rangeOf, tokenAt, trimmedRange, type Line } from './lines';
import { parseReferenceItems, type RefSegment } from './references';

export type CaptionKey = 'eo' | 'tags' | 'subject' | 'refs' | 'classifiedBy';

// E.O. may be misread by OCR (`E.M. 12958: N'A`): any `E.X.` before an order number and its colon is one.
// Group 1 is the keyword, after white space (and `¶`, a marking): no `d` flag, see `orderedGroupTokens`.
const KEYS: Array<[CaptionKey, RegExp]> = [
  ['eo', /^\s*¶?\s*(E\s?\.\s?[O0]\.?|EO|E\.[A-Z]\.(?=\s?1[0-3]\d{3}\s*:))(?=[\s:.]|\d)\s*:?\s*(?=\d|DECL|N\/A|:)/i],
  // `TAGS:`, `TAGS PGOV`, `Tags:`, `TAG:`, `TGS:`.
  ['tags', /^\s*(TAGS(?![A-Za-z])|TAG(?=\s*:|\s+[A-Z]{2,6}(?:[\s,]|$))|TGS(?=\s*:)|[Tt]ags?(?=\s*:))\s*:?/],
  // `SUBJECT:`, `Subject:`, `SUBJ:`, and upper-case `SUBJECT` without its colon.
  ['subject', /^\s*((?:SUBJECT|SUBJ|[Ss]ubject|[Ss]ubj)(?=\s*:)|SUBJECT(?=\s+[A-Z0-9("']))\s*:?/],
  // Upper-case keywords stand alone (`REF A. STATE 1234`); mixed-case ones need their colon (`Refs:`).
  ['refs', /^\s*(REFERENCES?|REFTELS?|REFS?|REF\(S\)|(?:References?|Reftels?|Refs?|Ref\(s\))(?=\s*:))(?![A-Za-z])\s*[:.]?/],
  ['classifiedBy', /^\s*(?:\([A-Z]{1,4}\)\s*)?(CLASSIFIED\s+BY)\b\s*:?/i],
];

const KEY_PATTERN = new Map(KEYS);

/**
 * The keys a line may open, by its first character (each pattern opens with `^\s*` and then one of a few
 * characters): most lines are told without running a pattern.
 */
const [ONLY_EO, ONLY_TAGS, ONLY_SUBJECT, ONLY_REFS, ONLY_CLASSIFIEDBY] = KEYS.map(([key]) => [key] as const);
const NONE: readonly CaptionKey[] = [];

function keysStartingWith(code: number): readonly CaptionKey[] {
  switch (code) {
    case 0xb6: // ¶ E e
    case 69:
    case 101:
      return ONLY_EO;
    case 84: // T t
    case 116:
      return ONLY_TAGS;
    case 83: // S s
    case 115:
      return ONLY_SUBJECT;
    case 82: // R
      return ONLY_REFS;
    case 40: // ( C c
    case 67:
    case 99:
      return ONLY_CLASSIFIEDBY;
    default:
      return NONE;
  }
}

/** Which caption field starts on this line, if any. */
export function captionKeyOf(line: Line): CaptionKey | undefined {
  const text = line.text;
  if (text.length > 20000) return undefined;
  const first = line.first;
  if (first < 0) return undefined;
  for (const key of keysStartingWith(text.charCodeAt(first))) if (KEY_PATTERN.get(key)!.test(text)) return key;
  return undefined;
}

export function keyMatch(key: CaptionKey, line: Line): { keyword: Token; after: number } {
  const match = KEY_PATTERN.get(key)!.exec(line.text)!;
  return { keyword: orderedGroupTokens(line, match)[1]!, after: match[0].length };
}

/** Lines of a wrapping field: from `lines[i]` while not blank, not another key and not a paragraph start. */
export function fieldEnd(lines: Line[], i: number, end: number, stop: (line: Line) => boolean): number {
  let j = i + 1;
  while (j < end && !isBlank(lines[j]) && captionKeyOf(lines[j]) === undefined && !stop(lines[j])) j++;
  return j;
}

export function endOfLastLine(lines: Line[], first: number, next: number) {
  const last = lines[next - 1] ?? lines[first];
  const end = last.text.trimEnd().length;
  return rangeOf(last, end, end).end;
}

/** `E.O. 12958: DECL: 01/15/2019`; `declLine` is the next line when the order stands alone (`E.O. 12958:` then `DECL: …`). */
export function parseEoLine(line: Line, declLine?: Line): EoLine {
  const { keyword, after } = keyMatch('eo', line);
  const eo: EoLine = { range: trimmedRange(line), keyword, declKind: 'missing' };
  const rest = line.text.slice(after);
  const order = /^\s*(\d{5})/.exec(rest);
  let cursor = after;
  if (order) {
    eo.order = tokenAt(line, after + order[0].length - order[1].length, order[1]);
    cursor = after + order[0].length;
  }
  // The keyword may be doubled: `DECL: DECL: 06/09/2016`.
  const declMatch = /^\s*[:;.,]?\s*(?:DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*){0,2}/i.exec(line.text.slice(cursor))!;
  const declKeyword = declKeywordIn(line, cursor, declMatch[0]);
  if (declKeyword) eo.declKeyword = declKeyword;
  cursor += declMatch[0].length;
  const declText = line.text.slice(cursor).trim();
  if (!declText) return declLine ? readDeclLine(eo, declLine) : eo;
  eo.decl = tokenAt(line, cursor + line.text.slice(cursor).indexOf(declText), declText);
  classifyDecl(eo, declText);
  return eo;
}

/** A `DECL: 05/05/2015` line under its E.O. line: the instruction, and the field's range grows to it. */
function readDeclLine(eo: EoLine, line: Line): EoLine {
  const match = DECL_LINE.exec(line.text);
  if (!match) return eo;
  const text = line.text.slice(match[0].length).trim();
  if (!text) return eo;
  const keyword = declKeywordIn(line, 0, match[0]);
  if (keyword) eo.declKeyword = keyword;
  eo.decl = tokenAt(line, match[0].length + line.text.slice(match[0].length).indexOf(text), text);
  eo.range = { start: eo.range.start, end: trimmedRange(line).end };
  classifyDecl(eo, text);
  return eo;
}

/** The keyword words in `matched` (read at `start` of `line`), without the colon: `DECL`, `Declassify on`, `DECL: DECL`. */
function declKeywordIn(line: Line, start: number, matched: string): Token | undefined {
  const words = /DECL[\s\S]*?(?=[\s:.]*$)/i.exec(matched);
  return words ? tokenAt(line, start + words.index, words[0]) : undefined;
}

const DECL_LINE = /^\s*DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*/i;

/** True when `line` is a lone `DECL: …` line, the second half of an E.O. line. */
export function isDeclLine(line: Line | undefined): boolean {
  return line !== undefined && /^\s*DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*\S/i.test(line.text) && line.text.length < 200;
}

function classifyDecl(eo: EoLine, text: string) {
  const upper = text.toUpperCase();
  const dateText = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/.exec(text);
  if (dateText) {
    const parts = parseSlashDate(dateText[0]);
    eo.declKind = 'date';
    if (parts && isValidDate(parts.year, parts.month, parts.day)) eo.declIso = isoDate(parts.year, parts.month, parts.day);
    else eo.declInvalidDate = true;
  } else if (/^N\s*\/\s*A\b|^NA\b/.test(upper)) eo.declKind = 'na';
  else if (/^OADR\b/.test(upper)) eo.declKind = 'oadr';
  else if (/^(GDS|RDS|XDS|25X\d|X\d|\d\.\d\s*X\d|TWENTY|TEN|\d+\s*YEARS)/.test(upper)) eo.declKind = 'marking';
  else eo.declKind = 'other';
}

export function parseSubject(lines: Line[], i: number, next: number): SubjectField {
  const { keyword, after } = keyMatch('subject', lines[i]);
  const parts: string[] = [];
  let textStart: Range['start'] | undefined;
  for (let j = i; j < next; j++) {
    const line = lines[j];
    const from = j === i ? after : 0;
    const piece = line.text.slice(from).trim();
    if (!piece) continue;
    if (!textStart) textStart = rangeOf(line, from + line.text.slice(from).indexOf(piece), 0).start;
    parts.push(piece);
  }
  const end = endOfLastLine(lines, i, next);
  return {
    range: { start: trimmedRange(lines[i]).start, end },
    keyword,
    text: parts.join(' '),
    textRange: textStart ? { start: textStart, end } : undefined,
  };
}

type Range = import('../model').Range;

/** `REF: A. 08 MEXICO 3456` and its item lines `lines[i..next)`. */
export function parseRefs(lines: Line[], i: number, next: number, cableYear: string | undefined): RefsField {
  const { keyword, after } = keyMatch('refs', lines[i]);
  const segments: RefSegment[] = [];
  for (let j = i; j < next; j++) {
    const line = lines[j];
    if (isBlank(line)) continue;
    segments.push({ line, start: j === i ? after : 0, end: Math.min(line.text.trimEnd().length, 5000) });
  }
  return {
    range: { start: trimmedRange(lines[i]).start, end: endOfLastLine(lines, i, next) },
    keyword,
    items: parseReferenceItems(segments, cableYear),
  };
}

/** A REF item line after a blank line: `B. STATE 12345`, `(C) MEXICO 123`. */
export function isRefItemLine(line: Line): boolean {
  return /^\s*¶?\(?[A-Z][.)]\s+\S/.test(line.text) && line.text.length < 400;
}
