/**
 * The routing header, one line at a time: `VZCZC…`, the precedence line, `DE`, the security line,
 * the date-time group, `FM`/`TO`/`INFO` with continuation lines, and the older `PAGE`/`ACTION` forms.
 */
import type { Address, AddressList, DateTimeGroup, DeLine, RoutingHeader, SecurityLine, Token } from '../model';
import { fullYear, isoDateTime, isValidDate, isValidTime, monthNumber } from './dates';
import {
  isDigitCode,
  isUpperCode,
  orderedGroupStarts,
  orderedGroupTokens,
  rangeOf,
  tokenAt,
  trimmedRange,
  trimmedToken,
  type Line,
} from './lines';
// The DTG and address lines are read in `shared/cableLines/routingLines.ts`, as the cable detector reads them.
import { ADDRESS_KEY, DTG, DTG_TAIL, hasDateTimeGroupShape, matchDateTimeGroup } from '../../../../shared/cableLines/routingLines';

// Without the `d` flag: group positions come from `orderedGroupTokens` (see there for why).
const TRANSMISSION_ID = /^\s*(VZCZC\S*)/;
const PRECEDENCE_LINE = /^\s*(?!DE|TO|FM)([A-Z]{2})\s+(R[A-Z]{3,7}(?:\s+R[A-Z]{3,7})*)\s*$/;
const DE_START = /^\s*DE\s+\S/;
const DE_LINE = /^\s*DE\s+([A-Z0-9]{4,8})\s+#\s?(\d{1,5})(?:\/(\d{1,3}))?\s+(\d{7})\s*$/;
const SECURITY_LINE = /^\s*(ZN[YR])\b\s*(\S+)?\s*(\S+)?/;
const PAGE_LINE = /^\s*PAGE\s+\d{1,3}\s+[A-Z]/;
const OFFICE_LIST = /^\s*(ACTION|INFO)\s+[A-Z0-9]+-\d{2}\b/;
const OFFICE_CONTINUATION = /^\s+(?:[A-Z0-9]+-\d{2}\s+){2,}/;
const PRECEDENCE_WORD = /^(.*?)\s+(NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)\b\s*(\d{1,6})?\s*$/;
const TRAILING_SERIAL = /^(.*?)\s+(\d{1,6})\s*$/;
/** Old headers' transmission trailer: `------------------A54E38  291401Z /38`. */
const DASH_TRAILER = /^\s*-{5,}[A-Z0-9]*\s+\d{6}Z/;

export function emptyRoutingHeader(line: Line): RoutingHeader {
  return { range: trimmedRange(line), relayIndicators: [], pageLines: [], officeLists: [] };
}

/** Line kinds the routing header knows; the cable parser asks before handing a line over. */
export function isRoutingLine(line: Line): boolean {
  const text = line.text;
  // Every routing line opens with a capital, a digit (a DTG without precedence) or a dash (a trailer).
  const first = text.charCodeAt(line.first);
  if (!(isUpperCode(first) || isDigitCode(first) || first === 45)) return false;
  return (
    TRANSMISSION_ID.test(text) ||
    PRECEDENCE_LINE.test(text) ||
    DE_START.test(text) ||
    SECURITY_LINE.test(text) ||
    isDateTimeGroupLine(line) ||
    ADDRESS_KEY.test(text) ||
    PAGE_LINE.test(text) ||
    OFFICE_LIST.test(text) ||
    DASH_TRAILER.test(text)
  );
}

export function isDateTimeGroupLine(line: Line): boolean {
  const match = matchDateTimeGroup(line.text);
  // With a precedence letter the shape alone says DTG, so a misspelt month is still read (and reported).
  return match !== undefined && (monthNumber(match[4]) > 0 || hasDateTimeGroupShape(match));
}

/**
 * Adds one header line to `header`. `state.list` is the address list that continuation lines extend.
 * Returns false when the line is no routing line (and not a continuation).
 */
export function addRoutingLine(header: RoutingHeader, line: Line, state: { list?: AddressList }): boolean {
  const text = line.text;
  let match: RegExpExecArray | null;
  if ((match = TRANSMISSION_ID.exec(text))) {
    header.transmissionId = orderedGroupTokens(line, match)[1];
    state.list = undefined;
  } else if (DE_START.test(text)) {
    header.de = parseDeLine(line);
    state.list = undefined;
  } else if ((match = PRECEDENCE_LINE.exec(text))) {
    const [, precedence, relays] = orderedGroupTokens(line, match);
    header.precedence = precedence;
    header.relayIndicators = wordsOf(line, relays!.range.start.character - line.offset, relays!.range.end.character - line.offset);
    state.list = undefined;
  } else if ((match = SECURITY_LINE.exec(text))) {
    header.security = parseSecurityLine(line, match);
    state.list = undefined;
  } else if (isDateTimeGroupLine(line)) {
    header.dtg = parseDateTimeGroup(line);
    state.list = undefined;
  } else if (OFFICE_LIST.test(text) || (state.list === undefined && OFFICE_CONTINUATION.test(text) && header.officeLists.length)) {
    header.officeLists.push(trimmedToken(line));
  } else if ((match = ADDRESS_KEY.exec(text))) {
    const list = startAddressList(line, match);
    if (list.keyword.text === 'TO') header.to = list;
    else if (list.keyword.text === 'INFO') header.info = list;
    else header.from = list;
    state.list = list.keyword.text === 'FM' || list.keyword.text === 'FROM' ? undefined : list;
  } else if (PAGE_LINE.test(text)) {
    header.pageLines.push(trimmedToken(line));
  } else if (DASH_TRAILER.test(text)) {
    header.officeLists.push(trimmedToken(line));
  } else if (state.list && isAddressContinuation(text)) {
    state.list.addresses.push(parseAddress(line, line.text.length - line.text.trimStart().length, line.text.trimEnd().length));
    state.list.range = { start: state.list.range.start, end: trimmedRange(line).end };
  } else {
    return false;
  }
  header.range = { start: header.range.start, end: trimmedEnd(line) };
  return true;
}

function trimmedEnd(line: Line) {
  return rangeOf(line, line.text.trimEnd().length, line.text.trimEnd().length).end;
}

/** Continuation addressees are upper-case lines: `RUEAWJA/DEPT OF JUSTICE WASHDC`, `AMEMBASSY NAIROBI`. */
function isAddressContinuation(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 120 && !/[a-z:]/.test(trimmed) && /^[A-Z]/.test(trimmed);
}

function wordsOf(line: Line, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const regex = /\S+/g;
  const slice = line.text.slice(start, end);
  for (let m = regex.exec(slice); m; m = regex.exec(slice)) tokens.push(tokenAt(line, start + m.index, m[0]));
  return tokens;
}

export function parseDeLine(line: Line): DeLine {
  const match = DE_LINE.exec(line.text);
  const range = trimmedRange(line);
  if (!match) {
    const station = /^\s*DE\s+(\S+)/.exec(line.text);
    return { range, wellFormed: false, station: station ? orderedGroupTokens(line, station)[1] : undefined };
  }
  const [, station, serial, section, dayTimeToken] = orderedGroupTokens(line, match);
  const dayTime = dayTimeToken!;
  return {
    range,
    station,
    serial,
    section,
    dayTime,
    dayOfYear: +dayTime.text.slice(0, 3),
    hour: +dayTime.text.slice(3, 5),
    minute: +dayTime.text.slice(5, 7),
    wellFormed: true,
  };
}

function parseSecurityLine(line: Line, match: RegExpExecArray): SecurityLine {
  const [, prosign, letters, trailer] = orderedGroupTokens(line, match);
  const repeated = letters && /^([A-Z])\1{4}$/.exec(letters.text);
  return {
    range: trimmedRange(line),
    prosign: prosign!,
    letters,
    letter: repeated ? repeated[1] : undefined,
    trailer,
  };
}

/** `R 041708Z FEB 09` → parts, and an ISO date-time when every part is valid. */
export function parseDateTimeGroup(line: Line): DateTimeGroup | undefined {
  const match = line.text.length > 200 ? null : DTG.exec(line.text);
  if (!match) return undefined;
  const groups = orderedGroupTokens(line, match);
  const dayTime = groups[3]!;
  const month = groups[4]!;
  const year = groups[5]!;
  const day = +dayTime.text.slice(0, 2);
  const hour = +dayTime.text.slice(2, 4);
  const minute = +dayTime.text.slice(4, 6);
  const monthNo = monthNumber(month.text);
  const yearNo = year.text.length === 4 ? +year.text : fullYear(+year.text);
  const dtg: DateTimeGroup = {
    range: rangeOf(line, match.index + (match[0].length - match[0].trimStart().length), match.index + match[0].length),
    precedence: groups[1],
    dayTime,
    month,
    year,
    day,
    hour,
    minute,
    monthNumber: monthNo,
    fullYear: yearNo,
  };
  // `O P 011212Z …`: the first letter is the action addressees' precedence, the second the info addressees'.
  const infoPrecedence = groups[2];
  if (infoPrecedence) dtg.infoPrecedence = infoPrecedence;
  const tail = DTG_TAIL.exec(line.text.slice(match[0].length));
  if (tail?.[1]) dtg.serviceText = tokenAt(line, match[0].length + orderedGroupStarts(tail)[1], tail[1].trimEnd());
  if (isValidDate(yearNo, monthNo, day) && isValidTime(hour, minute)) {
    dtg.iso = isoDateTime(yearNo, monthNo, day, hour, minute);
  }
  return dtg;
}

function startAddressList(line: Line, match: RegExpExecArray): AddressList {
  const keyword = orderedGroupTokens(line, match)[1]!;
  const start = match[0].length;
  const end = line.text.trimEnd().length;
  const addresses = end > start ? [parseAddress(line, start, end)] : [];
  return { range: trimmedRange(line), keyword, addresses };
}

/** One addressee in `line.text[start, end)`: `RUEHC/SECSTATE WASHDC PRIORITY 4318`. */
export function parseAddress(line: Line, start: number, end: number): Address {
  let text = line.text.slice(start, end);
  const address: Address = { range: rangeOf(line, start, end), name: tokenAt(line, start, text) };
  let nameStart = start;
  const slash = /^(R[A-Z0-9]{3,8})\//.exec(text);
  if (slash) {
    address.indicator = tokenAt(line, start, slash[1]);
    nameStart = start + slash[0].length;
    text = text.slice(slash[0].length);
  }
  if (text.length > 300) {
    address.name = tokenAt(line, nameStart, text);
    return address;
  }
  let nameText = text;
  const withPrecedence = PRECEDENCE_WORD.exec(text);
  if (withPrecedence) {
    nameText = withPrecedence[1];
    const starts = orderedGroupStarts(withPrecedence);
    address.precedence = tokenAt(line, nameStart + starts[2], withPrecedence[2]);
    if (withPrecedence[3]) address.serial = tokenAt(line, nameStart + starts[3], withPrecedence[3]);
  } else {
    const withSerial = TRAILING_SERIAL.exec(text);
    if (withSerial) {
      nameText = withSerial[1];
      address.serial = tokenAt(line, nameStart + orderedGroupStarts(withSerial)[2], withSerial[2]);
    }
  }
  address.name = tokenAt(line, nameStart, nameText.trimEnd());
  return address;
}
