/**
 * The two metadata layouts that precede a cable in published collections:
 * the five-line form (ref id, title, date, classification, origin) and the cables.csv record form
 * (row id, date-time, ref id, origin, classification, referenced ids).
 */
import type { MetadataPreamble, RecordPreamble, RecordReference, Token } from '../model';
import { parseClassificationWords } from './classification';
import { isoDate, isoDateTime, isValidDate, isValidTime, monthNumber } from './dates';
import { isBlank, lineOf, rangeOf, tokenAt, trimmedRange, trimmedToken, type Line } from './lines';
import { isRoutingLine } from './routing';
import { parseRefId } from './refIds';
import {
  CSV_RECORD,
  isRecordDateLine,
  isRefIdLine,
  nextFilled,
  ONE_LINE_RECORD_MAX,
  RECORD_DATE,
  RECORD_US_DATE,
  ROW_ID,
  TAB_RECORD,
} from '../../../../shared/cableLines/preambleLines';

// Where a preamble or a record starts is read in `shared/cableLines/preambleLines.ts`, as the cable detector reads it.
export { isRecordDateLine, isRefIdLine, startsRecord } from '../../../../shared/cableLines/preambleLines';

/** `Wed Feb 04 00:00:00 +0100 2009` */
const LONG_DATE = /^\s*[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) [+-]\d{4} (\d{4})\s*$/;
/** The key-value record: `id: 81871`, `date: 10/13/2006 20:26`, `refid: 06QUITO2529`, …, `header:`. */
/** The record's referenced ids: `06MEXICO5318|06MEXICO6278`. */
const REFERENCE_LIST = /^\s*\d{2}[A-Z][A-Z0-9]*\d+(?:\|\d{2}[A-Z][A-Z0-9]*\d+)*\s*$/;
/** An origin as the records name it: `Embassy Mexico`, `Secretary of State`, `US Delegation, Secretary`. */
const RECORD_ORIGIN = /^\s*[A-Z][A-Za-z.,'()/-]*(?: [A-Za-z.,'()/-]+){0,6}\s*$/;
const KEY_VALUE = /^\s*(id|date|refid|origin|classification|destination|header)\s*:\s?(.*)$/d;

/** From the first character of `first` to the last non-blank character of `last`. */
function contentRange(first: Line, last: Line) {
  return { start: trimmedRange(first).start, end: trimmedRange(last).end };
}

/** True when the five-line preamble starts at `lines[i]`: a ref id line with a long date two lines on. */
export function startsMetadataPreamble(lines: Line[], i: number): boolean {
  return isRefIdLine(lines[i]) && lines[i + 2] !== undefined && LONG_DATE.test(lines[i + 2].text);
}

function parseLongDate(line: Line): Token & { iso?: string } {
  const token = trimmedToken(line);
  const match = LONG_DATE.exec(line.text);
  if (!match) return token;
  const year = +match[6];
  const month = monthNumber(match[1]);
  const day = +match[2];
  return isValidDate(year, month, day) ? { text: token.text, range: token.range, iso: isoDate(year, month, day) } : token;
}

export function parseRecordDate(line: Line): Token & { iso?: string } {
  const token = trimmedToken(line);
  const match = RECORD_DATE.exec(line.text);
  if (!match) {
    const iso = usDateTime(token.text);
    return iso ? { text: token.text, range: token.range, iso } : token;
  }
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((g) => +(match[g] ?? 0));
  const valid = isValidDate(year, month, day) && isValidTime(hour, minute, second);
  return valid ? { text: token.text, range: token.range, iso: isoDateTime(year, month, day, hour, minute, second) } : token;
}

function refIdToken(line: Line) {
  const token = trimmedToken(line);
  return { text: token.text, range: token.range, refId: parseRefId(token.text) };
}

function classificationToken(line: Line) {
  const token = trimmedToken(line);
  return { text: token.text, range: token.range, classification: parseClassificationWords(token.text) };
}

/** Parses the five-line preamble at `lines[i]`; returns it and the index after it. */
export function parseMetadataPreamble(lines: Line[], i: number): { preamble: MetadataPreamble; next: number } {
  let last = Math.min(i + 4, lines.length - 1);
  while (last > i + 2 && isBlank(lines[last])) last--;
  const preamble: MetadataPreamble = {
    range: contentRange(lines[i], lines[last]),
    refId: refIdToken(lines[i]),
    title: trimmedToken(lines[i + 1]),
    date: parseLongDate(lines[i + 2]),
  };
  if (i + 3 <= last && !isBlank(lines[i + 3])) preamble.classification = classificationToken(lines[i + 3]);
  if (i + 4 <= last && !isBlank(lines[i + 4])) preamble.origin = originToken(lines[i + 4]);
  return { preamble, next: last + 1 };
}

/**
 * The origin line may be glued to the routing header (`Embassy MexicoVZCZCXRO3019`): keep what precedes it.
 */
function originToken(line: Line): Token {
  const glued = /VZCZC/.exec(line.text);
  if (!glued || glued.index === 0) return trimmedToken(line);
  const text = line.text.slice(0, glued.index).trim();
  const start = line.text.indexOf(text);
  return tokenAt(line, start, text);
}

/**
 * Parses a record at `lines[i]`. `gluedRowId` is a row id found glued to the end of the line before
 * (the sample's `…COLLECTIVE190450`).
 */
export function parseRecord(lines: Line[], i: number, gluedRowId?: Token): { record: RecordPreamble; next: number; rest?: Line } {
  if (/^\s*id:/.test(lines[i].text)) return parseKeyValueRecord(lines, i);
  const tab = lines[i].text.length < ONE_LINE_RECORD_MAX ? TAB_RECORD.exec(lines[i].text) : null;
  // One-line forms: the record ends at the next line of `lines` (whose indices need not be line numbers).
  if (tab) return { ...parseTabRecord(lines[i], tab), next: i + 1 };
  const csv = lines[i].text.length < ONE_LINE_RECORD_MAX ? CSV_RECORD.exec(lines[i].text) : null;
  if (csv) return { ...parseCsvRecord(lines[i], csv), next: i + 1 };
  let j = i;
  const record: RecordPreamble = { range: trimmedRange(lines[i]) };
  if (ROW_ID.test(lines[j].text)) record.rowId = trimmedToken(lines[j++]);
  else if (gluedRowId) record.rowId = gluedRowId;
  j = nextFilled(lines, j);
  record.date = parseRecordDate(lines[j]);
  j = nextFilled(lines, j + 1);
  record.refId = refIdToken(lines[j]);
  let last = j;
  // Origin, classification and the referenced ids follow in either order, blank lines apart in some exports.
  for (
    let field = 0, k = nextFilled(lines, j + 1);
    field < 3 && k < lines.length && !isBlank(lines[k]);
    field++, k = nextFilled(lines, k + 1)
  ) {
    const line = lines[k];
    if (!record.references && REFERENCE_LIST.test(line.text)) record.references = splitIds(line);
    else if (!record.classification && line.text.trim().length < 40 && parseClassificationWords(line.text))
      record.classification = classificationToken(line);
    else if (!record.origin && RECORD_ORIGIN.test(line.text)) record.origin = trimmedToken(line);
    else break;
    last = k;
  }
  record.range = contentRange(lines[i], lines[last]);
  return { record, next: last + 1 };
}

/** Reads the comma-separated row; what follows its last comma (`"VZCZCXYZ0000"`) is handed on as a line. */
function parseCsvRecord(line: Line, match: RegExpExecArray): { record: RecordPreamble; rest?: Line } {
  const record = rowRecord(line, match);
  const refs = cellToken(line, match, 6);
  if (refs) record.references = splitIds(lineOf(line.index, ' '.repeat(refs.range.start.character - line.offset) + refs.text, line.offset));
  const restStart = match.indices![7][0] + (/^"*/.exec(match[7])?.[0].length ?? 0);
  const rest = lineOf(line.index, line.text.slice(restStart), line.offset + restStart);
  record.range = rangeOf(line, trimmedRange(line).start.character - line.offset, match.indices![6][1]);
  return { record, rest: isRoutingLine(rest) ? rest : undefined };
}

/** The cells a one-line row (tab- or comma-separated) holds in groups 1–5: row id, date, ref id, origin, classification. */
function rowRecord(line: Line, match: RegExpExecArray): RecordPreamble {
  const refId = cellToken(line, match, 3);
  const classification = cellToken(line, match, 5);
  return {
    range: trimmedRange(line),
    rowId: cellToken(line, match, 1),
    date: dateToken(line, cellToken(line, match, 2)),
    refId: refId && { ...refId, refId: parseRefId(refId.text) },
    origin: cellToken(line, match, 4),
    classification: classification && { ...classification, classification: parseClassificationWords(classification.text) },
  };
}

function splitIds(line: Line): RecordReference[] {
  const tokens: RecordReference[] = [];
  const regex = /[^|\s]+/g;
  for (let m = regex.exec(line.text); m; m = regex.exec(line.text)) tokens.push(recordReference(tokenAt(line, m.index, m[0])));
  return tokens;
}

/** A reference list's id with its parts when it reads as one (`06MEXICO5318`); the list may hold other text. */
function recordReference(token: Token): RecordReference {
  const refId = parseRefId(token.text);
  return refId ? { ...token, refId } : token;
}

/** A row id glued to the end of a routing line: `…COLLECTIVE190450` followed by a record date line. */
export function gluedRowIdBefore(lines: Line[], i: number): Token | undefined {
  const previous = lines[i - 1];
  if (!previous || !isRecordDateLine(lines[i])) return undefined;
  const match = /[A-Za-z](\d{1,7})\s*$/.exec(previous.text);
  if (!match) return undefined;
  return tokenAt(previous, match.index + 1, match[1]);
}

function cellToken(line: Line, match: RegExpExecArray, group: number): Token | undefined {
  const value = match[group];
  if (!value || !value.trim()) return undefined;
  const start = match.indices![group][0] + (value.length - value.trimStart().length);
  return tokenAt(line, start, value.trim());
}

/** Same-line date text parsed like a record date line. */
function dateToken(line: Line, token: Token | undefined): (Token & { iso?: string }) | undefined {
  if (!token) return undefined;
  const parsed = parseRecordDate(lineOf(line.index, token.text, line.offset));
  return { ...token, iso: parsed.iso };
}

/** The one-line tab-separated record; what follows the last tab (`VZCZC…`) is handed back as `rest`. */
function parseTabRecord(line: Line, match: RegExpExecArray): { record: RecordPreamble; rest?: Line } {
  const record = rowRecord(line, match);
  const references = cellToken(line, match, 6);
  if (references) record.references = [recordReference(references)];
  const restStart = match.indices![7][0];
  const rest = match[7].trim() ? lineOf(line.index, line.text.slice(restStart), line.offset + restStart) : undefined;
  return { record, rest };
}

/** `id:`/`date:`/`refid:`/`origin:`/`classification:`/`destination:`/`header:` lines. */
function parseKeyValueRecord(lines: Line[], i: number): { record: RecordPreamble; next: number } {
  const record: RecordPreamble = { range: trimmedRange(lines[i]) };
  let j = i;
  for (; j < lines.length; j++) {
    const match = KEY_VALUE.exec(lines[j].text);
    if (!match) break;
    const value = cellToken(lines[j], match, 2);
    const key = match[1];
    if (key === 'id') record.rowId = value;
    else if (key === 'date' && value) record.date = { ...value, iso: usDateTime(value.text) };
    else if (key === 'refid' && value) record.refId = { ...value, refId: parseRefId(value.text) };
    else if (key === 'origin') record.origin = value;
    else if (key === 'classification' && value) record.classification = { ...value, classification: parseClassificationWords(value.text) };
    else if (key === 'destination' && value)
      record.references = splitIds(
        lineOf(lines[j].index, ' '.repeat(value.range.start.character - lines[j].offset) + value.text, lines[j].offset),
      );
    record.range = { start: record.range.start, end: trimmedRange(lines[j]).end };
    if (key === 'header') {
      j++;
      break;
    }
  }
  return { record, next: j };
}

/** `10/13/2006 20:26` → ISO. */
function usDateTime(text: string): string | undefined {
  const match = RECORD_US_DATE.exec(text);
  if (!match) return undefined;
  const [month, day, year, hour, minute] = [1, 2, 3, 4, 5].map((g) => +match[g]);
  return isValidDate(year, month, day) && isValidTime(hour, minute) ? isoDateTime(year, month, day, hour, minute) : undefined;
}
