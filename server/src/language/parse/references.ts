/**
 * REF items: `A. 08 MEXICO 3456`, `B) STATE 12345, 23456`, e-mails, memos, reports, resolutions; every
 * telegram an item names gets its canonical ref id, with the stations dictionary spelling its origin.
 */
import type { CableCitation, Range, Reference, ReferenceKind } from '../model';
import { getDictionaries } from '../dicts/dictionaries';
import { LEVEL_SPELLINGS } from './classification';
import { joinPieces, positionInJoined, type JoinedText, type LinePiece } from './joinedText';
import { makeRefId } from './refIds';

/** A piece of REF text on one line, with its position. */
export type RefSegment = LinePiece;

/** A REF field past this length is debris (a lost line break swallowed the body): read no further. */
const MAX_FIELD = 20000;

/**
 * Splits the REF field's text (one segment per line, keyword removed) into items; an item runs on across
 * lines until the next marker. `cableYear` (two digits) completes telegrams that carry no year.
 */
export function parseReferenceItems(segments: RefSegment[], cableYear: string | undefined): Reference[] {
  const field = joinSegments(segments);
  if (!field.upper.trim()) return [];
  const items: Reference[] = [];
  const markers = findMarkers(field);
  const leadEnd = markers.length ? markers[0].start : field.upper.length;
  for (const [start, end] of splitAtSemicolons(field.upper, 0, leadEnd)) pushItem(field, items, start, start, end, undefined, cableYear);
  markers.forEach((marker, k) => {
    const end = k + 1 < markers.length ? markers[k + 1].start : field.upper.length;
    pushItem(field, items, marker.start, marker.end, end, marker, cableYear);
  });
  return items;
}

/** Gives every telegram still without a ref id the cable's year, once the cable's year is known. */
export function completeReferenceYears(items: readonly Reference[], year: string): void {
  for (const item of items) {
    for (const cable of item.cables) cable.refId ??= makeRefId(year, cable.origin, cable.serial).text;
    item.refId = item.cables[0]?.refId;
  }
}

/**
 * Reads the telegram a REF item names at its start: `08 MEXICO 3456`, `SECSTATE 74879`, `08MEXICO3456`.
 * `refId` is undefined when neither the text nor `defaultYear` gives a year.
 */
export function cableRefOf(upperText: string, defaultYear: string | undefined): { refId?: string; length: number } | undefined {
  const text = upperText.slice(0, 400).toUpperCase();
  const first = readCitations(text, 0, text.length)[0];
  if (!first || text.slice(0, first.start).trim()) return undefined;
  const year = first.year ?? defaultYear;
  return { refId: year ? makeRefId(year, first.origin, first.serial).text : undefined, length: first.end };
}

// ---- The field's text, joined across lines, with a way back to positions.

interface Field extends JoinedText {
  /** Upper-case copy of `text` (segments joined by one space) where page headers and markup are blanked out. */
  upper: string;
}

function joinSegments(segments: RefSegment[]): Field {
  const { text, pieces } = joinPieces(segments, ' ', MAX_FIELD);
  return { text, pieces, upper: blankNoise(text.toUpperCase()) };
}

/** The levels as messages write them, longest first: `SENSITIVE BUT UNCLASSIFIED`, …, `SECRET`. */
const LEVEL_WORDS = getDictionaries()
  .levels.list.map((entry) => entry.words)
  .sort((a, b) => b.length - a.length);

/** Page headers that a page break left inside the field (`PAGE 02 ROME 01196 01 OF 02 082030Z`, `ACCRA 00001437 001.2 OF 002`), markup, a glued copy of the record, and what follows a Classified By. */
const NOISE: Array<[pattern: RegExp, mayHold: (text: string) => boolean]> = [
  [
    new RegExp(
      String.raw`(?:\b(?:${LEVEL_SPELLINGS})\s+)?\bPAGE\s+\d{2,3}\s+[A-Z][A-Z ]{0,30}?\s+\d{3,8}\s+\d{2}\s+OF\s+\d{2}(?:\s+\d{6}Z?)?`,
      'g',
    ),
    (text) => text.includes('PAGE'),
  ],
  [/\b[A-Z][A-Z ]{0,30}?\s+\d{5,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b/g, (text) => text.includes('OF')],
  [/<BR\s*\/?>/g, (text) => text.includes('<BR')],
  // A second copy of the record glued on after a cut (`US... 23064 11/19/2004 15:41 04BRUSSELS4944 C O N F I D E N T I A L …`).
  [/(?:\b\d+\s+)?\b\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}\b[^]*$/, (text) => text.includes('/')],
  [/\bCLASSIFIED\s+BY\b[^]*$/, (text) => text.includes('CLASSIFIED')],
  [new RegExp(String.raw`(?:^|\s)(?:${LEVEL_WORDS.join('|')})\.?\s*$`), endsInLevelWord],
];

/** The last word, past white space and a full stop, is a level's last word: the end pattern may match. */
function endsInLevelWord(text: string): boolean {
  const trimmed = text.trimEnd();
  const end = trimmed.endsWith('.') ? trimmed.length - 1 : trimmed.length;
  return LEVEL_END.test(trimmed.slice(Math.max(0, end - 12), end));
}

const LEVEL_END = new RegExp(`(?:${[...new Set(LEVEL_WORDS.map((words) => words.split(' ').pop()))].join('|')})$`);

/** Blanks each kind of noise out; a pattern runs only on a text that may hold it (most hold none). */
function blankNoise(upper: string): string {
  let text = upper;
  for (const [pattern, mayHold] of NOISE) {
    if (!mayHold(text)) continue;
    text = text.replace(pattern, (found) => ' '.repeat(found.length));
  }
  return text;
}

function rangeAt(field: Field, start: number, end: number): Range {
  return { start: positionInJoined(field, start), end: positionInJoined(field, end, true) };
}

// ---- Item markers: `A.`, `B)`, `C.)`, `(D)`, `[E]`, `F:`, `(1)`, `2.`, `¶G.`, glued `…MEXICO 123B. MEXICO 456`.

interface Marker {
  start: number;
  end: number;
  /** The letter or number, where it stands. */
  key: string;
  keyStart: number;
}

const MARKER = /¶?(?:\(([A-Z]|[1-9]\d?)\)|\[([A-Z]|[1-9]\d?)\]|([A-Z]|[1-9]\d?)(?:\.\)|\)|[.:](?=\s)))/g;

/** Markers in order; a letter counts only where it goes on the sequence, so an initial (`O. MOSS`) is no item. */
function findMarkers(field: Field): Marker[] {
  const upper = field.upper;
  const markers: Marker[] = [];
  let previous: number | undefined;
  let numeric = false;
  // An `exec` loop rather than `matchAll`, which copies the regex on every call; nothing in the loop uses MARKER.
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(upper); match; match = MARKER.exec(upper)) {
    const start = match.index;
    const key = match[1] ?? match[2] ?? match[3];
    const isNumber = /\d/.test(key);
    const before = start > 0 ? upper[start - 1] : ' ';
    const glued = !isNumber && match[3] !== undefined && /\d/.test(before);
    if (!glued && !/[\s;,:]/.test(before)) continue;
    const ordinal = isNumber ? Number(key) : key.charCodeAt(0) - 64;
    const lineStart = startsPiece(field, start);
    if (previous === undefined) {
      if (ordinal !== 1 && !lineStart && upper.slice(0, start).trim()) continue;
      numeric = isNumber;
    } else if (isNumber !== numeric || !(ordinal === previous || ordinal === previous + 1 || (lineStart && ordinal > previous))) continue;
    previous = ordinal;
    const keyStart = start + match[0].indexOf(key);
    markers.push({ start, end: start + match[0].length, key, keyStart });
  }
  return markers;
}

function startsPiece(field: Field, offset: number): boolean {
  for (const piece of field.pieces) {
    if (piece.from > offset) break;
    if (offset <= piece.from + piece.length && !field.upper.slice(piece.from, offset).trim()) return true;
  }
  return false;
}

/**
 * An unlettered list (`STATE 112900; PANAMA 00571`, `ABUJA 207; FEB 24 TELCON`) is one item per reference: it is
 * cut at a semicolon beside a telegram, not inside a list of names (`TELCON: O. MOSS; AF DUTY, C. LAMORA`).
 */
function splitAtSemicolons(upper: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = start;
  let previous = start;
  for (let i = upper.indexOf(';', start); i !== -1 && i < end; previous = i + 1, i = upper.indexOf(';', i + 1)) {
    const next = upper.indexOf(';', i + 1);
    // Only the pieces beside this semicolon are read, so a long list costs one pass.
    const before = readCitations(upper, previous, i);
    const after = readCitations(upper, i + 1, next === -1 || next > end ? end : next);
    const endsWithCable = before.length > 0 && !upper.slice(before[before.length - 1].end, i).trim();
    const startsWithCable = after.length > 0 && !upper.slice(i + 1, after[0].start).trim();
    if (!endsWithCable && !startsWithCable) continue;
    parts.push([from, i]);
    from = i + 1;
  }
  parts.push([from, end]);
  return parts;
}

// ---- Items.

function pushItem(
  field: Field,
  items: Reference[],
  itemStart: number,
  bodyFrom: number,
  bodyTo: number,
  marker: Marker | undefined,
  cableYear: string | undefined,
) {
  const upper = field.upper;
  let start = bodyFrom;
  let end = bodyTo;
  while (start < end && isSpace(upper.charCodeAt(start))) start++;
  while (end > start && isSpace(upper.charCodeAt(end - 1))) end--;
  // The keyword said again around a marker (`REF A: VATICAN 5286; REF B: …`, `A. REF: KATHMANDU 2282`).
  const leading = LEADING_KEYWORD.exec(upper.slice(start, end));
  if (leading) start += leading[0].length;
  const trailing = TRAILING_KEYWORD.exec(upper.slice(Math.max(start, end - 12), end));
  if (trailing) end -= trailing[0].length;
  while (end > start && isSpace(upper.charCodeAt(end - 1))) end--;
  if (end > start && (upper[end - 1] === ';' || upper[end - 1] === ',')) end--;
  while (end > start && isSpace(upper.charCodeAt(end - 1))) end--;
  // A doubled marker (`A. A) MEXICO 1963`): the second one carries the item.
  if (end <= start) return;
  const text = field.text.slice(start, end).replace(/\s+/g, ' ');
  const citations = citationsOf(upper, start, end, items[items.length - 1]);
  const kind = kindOf(upper.slice(start, end), citations, start);
  const cables = kind === 'cable' ? citations.map((c) => toCitation(field, c, cableYear)) : [];
  items.push({
    range: rangeAt(field, marker ? marker.start : itemStart === bodyFrom ? start : itemStart, end),
    letter: marker
      ? {
          text: field.text.slice(marker.keyStart, marker.keyStart + marker.key.length),
          range: rangeAt(field, marker.keyStart, marker.keyStart + marker.key.length),
        }
      : undefined,
    text,
    kind,
    refId: cables[0]?.refId,
    refIdRange: cables[0]?.range,
    cables,
  });
}

const LEADING_KEYWORD = /^REF(?:TEL)?S?\s*[:.]?\s+/;
const TRAILING_KEYWORD = /[\s;,]REF(?:TEL)?S?$/;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160;
}

function toCitation(field: Field, c: RawCitation, cableYear: string | undefined): CableCitation {
  const year = c.year ?? cableYear;
  const citation: CableCitation = {
    text: field.text.slice(c.start, c.end).replace(/\s+/g, ' '),
    range: rangeAt(field, c.start, c.end),
    origin: c.origin,
    serial: String(Number(c.serial)),
  };
  if (c.year) citation.year = c.year;
  if (year) citation.refId = makeRefId(year, c.origin, c.serial).text;
  return citation;
}

/** What an item is that names no telegram first, by the words it uses. */
const KIND_WORDS: Array<[ReferenceKind, RegExp]> = [
  ['email', /\bE-?MAILS?\b|@/],
  ['fax', /\bFAX(?:ES)?\b/],
  ['memcon', /\bMEMCONS?\b/],
  ['memo', /\bMEMO(?:RANDUM)?S?\b|\bNON-?PAPERS?\b/],
  ['letter', /\bLETTERS?\b/],
  ['resolution', /\bUNSCR\b|\bRESOLUTIONS?\b|\bUNGA\b/],
  ['dtg', /\b\d{6}Z\b/],
  ['call', /\bTELE?CONS?\b|\bTELEPHONE\b|\bPHONE\b|\bCALLS?\b|\bDVC\b|\bVTC\b|\bVIDEO ?CONFERENCE\b/],
  ['meeting', /\bMEETINGS?\b|\bMTGS?\b|\bCONVERSATIONS?\b|\bDISCUSSIONS?\b/],
  ['report', /\bREPORTS?\b|\bIIRS?\b|\bTD-?\s?314\b|^314\/|\bFBIS\b|\bINTSUM\b|\bDAILY\b|\bSITREP\b/],
  ['demarche', /\bDEMARCHES?\b/],
];

/** A telegram when the item names one before any word of another kind; else the kind its words say. */
function kindOf(upperText: string, citations: RawCitation[], start: number): ReferenceKind {
  const head = citations.length ? upperText.slice(0, citations[0].start - start) : upperText;
  for (const [kind, words] of KIND_WORDS) if (words.test(head)) return kind;
  return citations.length ? 'cable' : 'other';
}

// ---- Telegrams named in an item: `[YEAR] STATION SERIAL [(YEAR)] {, SERIAL | AND SERIAL}`.

interface RawCitation {
  start: number;
  end: number;
  origin: string;
  serial: string;
  year?: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[A-Z]+|\d+|[^\sA-Z\d]/g;

function wordsOf(upper: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = start;
  for (let match = WORD.exec(upper); match && match.index < end; match = WORD.exec(upper))
    words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return words;
}

function citationsOf(upper: string, start: number, end: number, previous: Reference | undefined): RawCitation[] {
  const citations = readCitations(upper, start, end);
  if (citations.length) return citations;
  const words = wordsOf(upper, start, end).filter((w) => w.text !== '.');
  // `B) 1206` after `A) SOFIA 1219`: the same post's serial.
  const last = previous?.cables[previous.cables.length - 1];
  if (words.length === 1 && isSerial(words[0].text) && last)
    return [{ start: words[0].start, end: words[0].end, origin: last.origin, serial: words[0].text }];
  // `00821 ASMARA`: serial before the post.
  if (words.length >= 2 && isSerial(words[0].text)) {
    const station = stationAt(words, 1);
    if (station && station.next === words.length)
      return [{ start: words[0].start, end: words[words.length - 1].end, origin: station.origin, serial: words[0].text }];
  }
  return [];
}

/** Every telegram named in `upper[start, end)`, in order. */
function readCitations(upper: string, start: number, end: number): RawCitation[] {
  const words = wordsOf(upper, start, end);
  const found: RawCitation[] = [];
  for (let i = 0; i < words.length;) {
    const citation = citationAt(words, i);
    if (!citation) {
      i++;
      continue;
    }
    found.push(citation.citation);
    i = citation.next;
    // `STATE 12345, 23456`, `LIMA 12 AND 34`: more serials of the same post.
    for (let more = continuationAt(words, i); more !== undefined; more = continuationAt(words, i)) {
      const serial = words[more];
      found.push({
        start: serial.start,
        end: serial.end,
        origin: citation.citation.origin,
        serial: serial.text,
        year: citation.citation.year,
      });
      i = more + 1;
    }
  }
  return found;
}

function citationAt(words: Word[], i: number): { citation: RawCitation; next: number } | undefined {
  const year = yearAt(words, i);
  if (year) {
    const cited = stationAndSerial(words, year.next, words[i].start, year.year);
    if (cited) return cited;
  }
  return /^[A-Z]/.test(words[i].text) && !gluedLetters(words, i) ? stationAndSerial(words, i, words[i].start, undefined) : undefined;
}

function stationAndSerial(
  words: Word[],
  i: number,
  start: number,
  year: string | undefined,
): { citation: RawCitation; next: number } | undefined {
  const station = stationAt(words, i);
  if (!station) return undefined;
  let j = station.next;
  if (words[j]?.text === '-' && words[j].start === words[j - 1].end) j++;
  const serial = words[j];
  if (!serial || !isSerial(serial.text) || !serialEnds(words, j)) return undefined;
  let end = serial.end;
  let next = j + 1;
  let citedYear = year;
  // `DOHA 152 (08)`: the year after the serial.
  if (!citedYear && words[next]?.text === '(' && isYear(words[next + 1]?.text) && words[next + 2]?.text === ')') {
    citedYear = words[next + 1].text.slice(-2);
    end = words[next + 2].end;
    next += 3;
  }
  return { citation: { start, end, origin: station.origin, serial: serial.text, year: citedYear }, next };
}

/** `08`, `2008`, `'08`, `(08)` before a post, with an optional `-` (`10-OTTAWA-57`). */
function yearAt(words: Word[], i: number): { year: string; next: number } | undefined {
  const word = words[i];
  let j = i;
  let year: string | undefined;
  if ((word.text === "'" || word.text === '’') && words[i + 1]?.text.length === 2 && /^\d\d$/.test(words[i + 1].text)) {
    year = words[i + 1].text;
    j = i + 2;
  } else if (word.text === '(' && isYear(words[i + 1]?.text) && words[i + 2]?.text === ')') {
    year = words[i + 1].text.slice(-2);
    j = i + 3;
  } else if (isYear(word.text)) {
    year = word.text.slice(-2);
    j = i + 1;
  }
  if (!year) return undefined;
  if (words[j]?.text === '-' && words[j].start === words[j - 1].end) j++;
  return { year, next: j };
}

function isYear(text: string | undefined): boolean {
  return text !== undefined && (/^\d\d$/.test(text) || /^(?:19|20)\d\d$/.test(text));
}

/** Up to seven digits, padded with zeros up to eight (`RECIFE 00000074`). */
function isSerial(text: string): boolean {
  return text.length <= 8 && /^\d+$/.test(text) && /[1-9]/.test(text) && String(Number(text)).length <= 7;
}

/** A word glued to letters before it (`XMEXICO` is one word already; `AB-MEXICO`) starts no post. */
function gluedLetters(words: Word[], i: number): boolean {
  const before = words[i - 1];
  return before !== undefined && before.end === words[i].start && /^[A-Z]/.test(before.text);
}

/** A serial is no serial when it goes on as a date-time group (`041708Z`), a date or a number (`314/07696-07`, `08.11.20`, `14:50`). */
function serialEnds(words: Word[], j: number): boolean {
  const next = words[j + 1];
  if (!next || next.start !== words[j].end) return true;
  if (next.text === 'Z' || next.text.startsWith('Z')) return false;
  if (next.text === '/') return false;
  const after = words[j + 2];
  const gluedNumber = after !== undefined && after.start === next.end && /^\d/.test(after.text);
  return !((next.text === '-' || next.text === '.' || next.text === ':') && gluedNumber);
}

/** `, 23456`, `AND 34`, `, AND 34`, `& 34` after a telegram, when the number starts no telegram of its own. */
function continuationAt(words: Word[], i: number): number | undefined {
  let j = i;
  if (words[j]?.text === ',') j++;
  if (words[j]?.text === 'AND' || words[j]?.text === '&') j++;
  if (j === i || !words[j] || !isSerial(words[j].text) || !serialEnds(words, j)) return undefined;
  const after = words[j + 1];
  if (after && /^[A-Z]/.test(after.text) && (stationAt(words, j + 1) || after.text === 'OF')) return undefined;
  return j;
}

// ---- Station names, from the dictionary: the longest name that starts at a word.

interface StationIndex {
  /** Name with single spaces for hyphens (`PORT AU PRINCE`) → canonical origin. */
  names: Map<string, string>;
  longest: number;
}

let stationIndex: StationIndex | undefined;

function getStationIndex(): StationIndex {
  if (stationIndex) return stationIndex;
  const names = new Map<string, string>();
  let longest = 1;
  for (const [name, origin] of getDictionaries().stationNames) {
    const key = name.replace(/[\s-]+/g, ' ');
    names.set(key, origin);
    longest = Math.max(longest, key.split(' ').length);
  }
  stationIndex = { names, longest };
  return stationIndex;
}

/** The station whose name starts at `words[i]`: its origin and the index after its last word. */
function stationAt(words: Word[], i: number): { origin: string; next: number } | undefined {
  const index = getStationIndex();
  let key = '';
  let best: { origin: string; next: number } | undefined;
  for (let j = i, count = 0; j < words.length && count < index.longest; j++) {
    const word = words[j];
    if (word.text === '-' && count > 0 && word.start === words[j - 1].end && /^[A-Z]/.test(words[j + 1]?.text ?? '')) continue;
    if (!/^[A-Z]/.test(word.text)) break;
    key = count ? `${key} ${word.text}` : word.text;
    count++;
    const origin = index.names.get(key);
    if (origin) best = { origin, next: j + 1 };
  }
  return best;
}
