/**
 * Text → CableFile. Splits the file into cables and each cable into its parts, in the order real cables
 * give them, tolerating repeats and gaps. Never throws: what cannot be read is left out of the model or
 * recorded as a problem.
 */
import type { AddressList, Banner, Cable, CableFile, ParseProblem } from '../model';
import { addBannerLine, isLooseBannerLine, parseBannerLine } from './banner';
import { parseBody } from './body';
import { captionKeyOf, fieldEnd, isRefItemLine, parseEoLine, parseRefs, parseSubject, type CaptionKey } from './caption';
import { parseClassifiedBy } from './classifiedBy';
import { isTagsContinuation, parseTags } from './tags';
import { cableYear, deriveCableValues } from './derive';
import { isBlank, linesRange, rangeOf, splitLines, trimmedRange, trimmedToken, type Line } from './lines';
import { completeReferenceYears } from './references';
import { gluedRowIdBefore, parseMetadataPreamble, parseRecord, startsMetadataPreamble, startsRecord } from './preamble';
import { addRoutingLine, emptyRoutingHeader, isDateTimeGroupLine, isRoutingLine } from './routing';

export interface ParseOptions {
  /** The file's name or path: a name shaped like a ref id supplies the ref id when the text has none. */
  fileName?: string;
}

const EXTRACT_NOTE = /^\s*This record is a partial extract of the original cable/i;
const PARAGRAPH_START = /^\s*(?:¶\s*)?\d{1,3}\s*\.(?=\s|\(|$)/;
const VZCZC = /^\s*VZCZC/;
const FM_LINE = /^\s*(FM|FROM)\s+\S/;

/** Parses a whole file; `options.fileName` may supply a ref id. */
export function parseCableFile(text: string, options: ParseOptions = {}): CableFile {
  try {
    return parseText(text, options);
  } catch (error) {
    // A parser bug must not take a feature down: report it as data, with its cause.
    const message = error instanceof Error ? error.message : String(error);
    return {
      cables: [],
      problems: [{ code: 'parser-failure', message: `The cable parser failed on this text: ${message}. Please report it.`, range: zeroRange() }],
      lineCount: 0,
      binary: false,
    };
  }
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/**
 * Binary text: control characters (other than tab, line breaks, form feed) or U+FFFD in the first 64 KB,
 * more than 1% of its characters other than line breaks (so CRLF and LF files are judged alike).
 */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let odd = 0;
  let breaks = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 10 || code === 13) breaks++;
    else if ((code < 32 && code !== 9 && code !== 12) || code === 0xfffd) odd++;
  }
  return odd > 8 && odd > (sample.length - breaks) / 100;
}

function parseText(text: string, options: ParseOptions): CableFile {
  const lines = splitLines(text);
  const problems: ParseProblem[] = [];
  if (looksBinary(text)) {
    problems.push({
      code: 'binary-content',
      message: 'This file looks binary (it holds control characters), not cable text: expected a plain-text cable. Nothing else is checked.',
      range: linesRange(lines[0], lines[0]),
    });
    return { cables: [], problems, lineCount: lines.length, binary: true };
  }
  const cables = splitIntoCables(lines).map(([start, end]) => parseCable(lines, start, end, options.fileName));
  return { cables, problems, lineCount: lines.length, binary: false };
}

/** A new cable starts here: a preamble, a record, `VZCZC`, the extract note, or a DTG followed by `FM`. */
function startsCable(lines: Line[], i: number): boolean {
  const text = lines[i].text;
  if (text.length > 400) return false;
  if (VZCZC.test(text) || EXTRACT_NOTE.test(text)) return true;
  if (startsMetadataPreamble(lines, i) || startsRecord(lines, i)) return true;
  return isDateTimeGroupLine(lines[i]) && /^\s*[A-Z]\s/.test(text) && (FM_LINE.test(lines[i + 1]?.text ?? '') || FM_LINE.test(lines[i + 2]?.text ?? ''));
}

/** Line ranges `[start, end)` of the cables: a cable's header may repeat until its banner, caption or body begins. */
function splitIntoCables(lines: Line[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let hasContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (hasContent && startsCable(lines, i)) {
      ranges.push([start, i]);
      start = i;
      hasContent = false;
      continue;
    }
    if (!hasContent && isContentLine(lines, i)) hasContent = true;
  }
  ranges.push([start, lines.length]);
  return ranges;
}

/** A line that belongs past the header: a caption key or a paragraph (a banner alone may precede a header, as in forwarded cables). */
function isContentLine(lines: Line[], i: number): boolean {
  const line = lines[i];
  if (line.text.length > 400) return true;
  return captionKeyOf(line) !== undefined || PARAGRAPH_START.test(line.text);
}

interface CableState {
  cable: Cable;
  lines: Line[];
  end: number;
  /** Last line taken by a header, banner or caption part; the body starts after it. */
  lastConsumed: number;
  bodyTextSeen: boolean;
  list: { list?: AddressList };
  captionLines: Map<CaptionKey, number>;
}

function parseCable(lines: Line[], start: number, end: number, fileName: string | undefined): Cable {
  const first = lines[start];
  const last = lines[Math.max(start, end - 1)];
  const cable: Cable = {
    range: linesRange(first, last),
    caption: {},
    body: { paragraphs: [], headings: [], spans: [], sectionBreaks: [], footers: [] },
  };
  const state: CableState = { cable, lines, end, lastConsumed: start - 1, bodyTextSeen: false, list: {}, captionLines: new Map() };
  let i = start;
  while (i < end) {
    const line = lines[i];
    if (isBlank(line)) {
      state.list = {};
      i++;
      continue;
    }
    if (line.text.length <= 20000 && PARAGRAPH_START.test(line.text) && !isRefItemLine(line)) break;
    const next = readHeaderPart(state, i);
    if (next > i) {
      state.lastConsumed = next - 1;
      i = next;
      continue;
    }
    if (cable.banner || Object.keys(cable.caption).length) state.bodyTextSeen = true;
    i++;
  }
  cable.body = parseBody(lines, state.lastConsumed + 1, end);
  trimCable(cable, lines, start, end);
  setCaptionRange(cable);
  deriveCableValues(cable, fileName);
  resolveReferenceYears(cable);
  return cable;
}

/** Reads one header, banner or caption part at `lines[i]`; returns the index after it, or `i` when none. */
function readHeaderPart(state: CableState, i: number): number {
  const { cable, lines } = state;
  const line = lines[i];
  if (line.text.length > 20000) return i;
  const beforeBanner = !cable.banner && !state.bodyTextSeen;
  if (beforeBanner && startsMetadataPreamble(lines, i)) {
    const { preamble, next } = parseMetadataPreamble(lines, i);
    cable.preamble ??= preamble;
    return next;
  }
  if (beforeBanner && startsRecord(lines, i)) {
    const glued = gluedRowIdBefore(lines, i);
    const { record, next, rest } = parseRecord(lines, i, glued);
    cable.record ??= record;
    if (rest) addRoutingLine((cable.routing ??= emptyRoutingHeader(rest)), rest, state.list);
    return next;
  }
  if (beforeBanner && EXTRACT_NOTE.test(line.text)) {
    cable.extractNote = trimmedToken(line);
    return i + 1;
  }
  const glued = beforeBanner ? splitGluedBanner(line) : undefined;
  if (glued) {
    // `RUEATRS/DEPT OF TREASURY WASHINGTON DC⇥C O N F I D E N T I A L …`: an addressee, then the banner.
    if (cable.routing && state.list.list) addRoutingLine(cable.routing, glued.before, state.list);
    cable.banner = glued.banner;
    state.list = {};
    return i + 1;
  }
  if (beforeBanner && (isRoutingLine(line) || (state.list.list && !parseBannerLine(line)))) {
    if (VZCZC.test(line.text) && cable.routing?.de) {
      // A repeated routing header (the sample gives it twice): the later, complete copy wins.
      cable.routing = undefined;
    }
    const routing = (cable.routing ??= emptyRoutingHeader(line));
    if (addRoutingLine(routing, line, state.list)) return i + 1;
    state.list = {};
  }
  if (!cable.banner && !state.bodyTextSeen) {
    const banner = parseBannerLine(line);
    if (banner) {
      cable.banner = banner;
      return i + 1;
    }
  }
  const key = captionKeyOf(line);
  if (key && (!state.bodyTextSeen || !cable.caption[key])) return readCaptionField(state, key, i);
  if (cable.banner && !state.bodyTextSeen && !captionAfter(state, cable.banner.range.start.line) && (addBannerLine(cable.banner, line) || isLooseBannerLine(cable.banner, line))) {
    cable.banner.range = { start: cable.banner.range.start, end: trimmedRange(line).end };
    return i + 1;
  }
  return i;
}

/** A banner glued by a tab to the end of a header line, with the part before it as a line of its own. */
function splitGluedBanner(line: Line): { before: Line; banner: Banner } | undefined {
  const tab = line.text.lastIndexOf('\t');
  if (tab <= 0 || line.text.length > 400 || !line.text.slice(0, tab).trim()) return undefined;
  const rest: Line = { index: line.index, text: line.text.slice(tab + 1), offset: line.offset + tab + 1 };
  const banner = parseBannerLine(rest);
  if (!banner) return undefined;
  return { before: { index: line.index, text: line.text.slice(0, tab), offset: line.offset }, banner };
}

/** True when a caption field was read after `line` (the banner's lines end where the caption begins). */
function captionAfter(state: CableState, line: number): boolean {
  for (const at of state.captionLines.values()) if (at > line) return true;
  return false;
}

const isParagraphStart = (line: Line) => PARAGRAPH_START.test(line.text.slice(0, 400));

function readCaptionField(state: CableState, key: CaptionKey, i: number): number {
  const { cable, lines, end } = state;
  const existing = state.captionLines.get(key);
  const replace = existing === undefined || (cable.banner !== undefined && existing < cable.banner.range.start.line);
  let next: number;
  switch (key) {
    case 'eo':
      next = i + 1;
      if (replace) cable.caption.eo = parseEoLine(lines[i]);
      break;
    case 'tags':
      next = i + 1;
      while (next < end && !isBlank(lines[next]) && isTagsContinuation(lines[next]) && captionKeyOf(lines[next]) === undefined && !parseBannerLine(lines[next])) next++;
      if (replace) cable.caption.tags = parseTags(lines, i, next);
      break;
    case 'subject':
      next = fieldEnd(lines, i, end, isParagraphStart);
      if (replace) cable.caption.subject = parseSubject(lines, i, next);
      break;
    case 'refs':
      next = refsEnd(lines, i, end);
      if (replace) cable.caption.refs = parseRefs(lines, i, next, cableYear(cable));
      break;
    case 'classifiedBy':
      next = fieldEnd(lines, i, end, isParagraphStart);
      if (replace) cable.caption.classifiedBy = parseClassifiedBy(lines, i, next);
      break;
  }
  if (replace) state.captionLines.set(key, i);
  return next;
}

/** REF items run to a blank line, then go on while lines after blank lines start with an item letter. */
function refsEnd(lines: Line[], i: number, end: number): number {
  let next = fieldEnd(lines, i, end, isParagraphStart);
  for (;;) {
    let j = next;
    while (j < end && isBlank(lines[j])) j++;
    if (j >= end || !isRefItemLine(lines[j]) || captionKeyOf(lines[j]) !== undefined) return next;
    next = fieldEnd(lines, j, end, isParagraphStart);
  }
}

/** The cable's range ends at its last non-blank line. */
function trimCable(cable: Cable, lines: Line[], start: number, end: number) {
  let last = end - 1;
  while (last > start && isBlank(lines[last])) last--;
  let first = start;
  while (first < last && isBlank(lines[first])) first++;
  cable.range = { start: trimmedRange(lines[first]).start, end: rangeOf(lines[last], lines[last].text.trimEnd().length, lines[last].text.trimEnd().length).end };
}

function setCaptionRange(cable: Cable) {
  const parts = [cable.caption.eo, cable.caption.tags, cable.caption.subject, cable.caption.refs, cable.caption.classifiedBy].filter((p) => p !== undefined);
  if (!parts.length) return;
  const starts = parts.map((p) => p!.range.start);
  const ends = parts.map((p) => p!.range.end);
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);
  cable.caption.range = {
    start: starts.reduce((a, b) => (before(b, a) ? b : a)),
    end: ends.reduce((a, b) => (before(a, b) ? b : a)),
  };
}

/** REF items without a year take the cable's year once it is known (the ref id may give it, even from the file name). */
function resolveReferenceYears(cable: Cable) {
  const year = cableYear(cable) ?? cable.refId?.value.year;
  if (!year || !cable.caption.refs) return;
  completeReferenceYears(cable.caption.refs.items, year);
}
