/**
 * Text → CableFile. Splits the file into cables and each cable into its parts, in the order real cables
 * give them, tolerating repeats and gaps. Never throws: what cannot be read is left out of the model or
 * recorded as a problem.
 */
import type { AddressList, Banner, Cable, CableFile, ClassifiedByField, ParseProblem } from '../model';
import { getDictionaries } from '../dicts/dictionaries';
import { addBannerLine, isLooseBannerLine, parseBannerLine } from './banner';
import { LEVEL_SPELLINGS } from './classification';
import { isDashedLine, isSectionBreakLine, parseBody } from './body';
import {
  captionKeyOf,
  fieldEnd,
  isDeclLine,
  isRefItemLine,
  keyMatch,
  parseEoLine,
  parseRefs,
  parseSubject,
  type CaptionKey,
} from './caption';
import { joinCableParts } from './cableParts';
import { emptyBody, emptyCaption, newCable } from './modelShapes';
import { rememberFileParts } from './fileParts';
import { isParagraphPiece, splitCaptionItems } from './captionItems';
import { parseExtractDate } from './extractDate';
import { parseClassifiedBy } from './classifiedBy';
import { isTagsContinuation, parseTags } from './tags';
import { cableYear, deriveCableValues } from './derive';
import {
  isBlank,
  isDigitCode,
  isUpperCode,
  isWhiteSpaceCode,
  lineOf,
  linesRange,
  rangeOf,
  splitLines,
  trimmedRange,
  trimmedToken,
  type Line,
} from './lines';
import { completeReferenceYears } from './references';
import { groupHeadingSections } from './headingSections';
import { gluedRowIdBefore, parseMetadataPreamble, parseRecord, startsMetadataPreamble, startsRecord } from './preamble';
import { addRoutingLine, emptyRoutingHeader, isDateTimeGroupLine, isRoutingLine } from './routing';

export interface ParseOptions {
  /** The file's name or path: a name shaped like a ref id supplies the ref id when the text has none. */
  fileName?: string;
  /** Hears a parser bug (it is also reported as a CBL002 problem), so the host can log the error's stack. */
  onFailure?: (error: unknown) => void;
  /**
   * Keep what `reparseCableFile` reuses of this parse (its parts), for a document that will be edited. Off by
   * default: keeping it costs a whole parse a third more in collection, for nothing when no edit follows.
   */
  keepParts?: boolean;
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
    // A parser bug must not take a feature down: report it as data, with its cause; the host logs the stack.
    try {
      options.onFailure?.(error);
    } catch {
      // A listener that fails cannot make the parser throw.
    }
    return parserFailureModel(error);
  }
}

/** The model of a text the parser failed on: no cables, one `parser-failure` problem (CBL002) with the error's message. */
export function parserFailureModel(error: unknown): CableFile {
  const message = error instanceof Error ? error.message : String(error);
  return {
    cables: [],
    problems: [
      { code: 'parser-failure', message: `The cable parser failed on this text: ${message}. Please report it.`, range: zeroRange() },
    ],
    lineCount: 0,
    binary: false,
  };
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/**
 * Binary text: control characters (other than tab, line breaks, form feed) or U+FFFD in the first 64 KB,
 * more than 1% of its characters other than line breaks (so CRLF and LF files are judged alike).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  // Most texts hold none of those characters: one regex scan says so without a loop in script.
  if (!ODD_CHARACTER.test(sample)) return false;
  let odd = 0;
  let breaks = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 10 || code === 13) breaks++;
    else if ((code < 32 && code !== 9 && code !== 12) || code === 0xfffd) odd++;
  }
  return odd > 8 && odd > (sample.length - breaks) / 100;
}

const ODD_CHARACTER = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

function parseText(text: string, options: ParseOptions): CableFile {
  const lines = splitLines(text);
  const problems: ParseProblem[] = [];
  if (looksBinary(text)) {
    problems.push({
      code: 'binary-content',
      message:
        'This file looks binary (it holds control characters), not cable text: expected a plain-text cable. Nothing else is checked.',
      range: linesRange(lines[0], lines[0]),
    });
    return { cables: [], problems, lineCount: lines.length, binary: true };
  }
  const ranges = splitIntoCables(lines);
  const parts = ranges.map(([start, end]) => parseCable(lines, start, end, options.fileName));
  const cables = joinCableParts(parts, (cable) => finishCable(cable, options.fileName));
  const model: CableFile = { cables, problems, lineCount: lines.length, binary: false };
  if (options.keepParts) rememberFileParts(model, { fileName: options.fileName, ranges, parts, cables });
  return model;
}

/** A new cable starts here: a preamble, a record, `VZCZC`, the extract note, or a DTG followed by `FM`. */
function startsCable(lines: Line[], i: number): boolean {
  const text = lines[i].text;
  if (text.length > 400) return false;
  // Each opening is told by its first character: `VZCZC`, `This record…`, a digit, `id:` or `<<` for the
  // preamble and records, a precedence letter for the DTG.
  const first = text.charCodeAt(lines[i].first);
  if (first === 86 && VZCZC.test(text)) return true;
  if ((first === 84 || first === 116) && EXTRACT_NOTE.test(text)) return true;
  if ((isDigitCode(first) || first === 105 || first === 60) && (startsMetadataPreamble(lines, i) || startsRecord(lines, i))) return true;
  return (
    isUpperCode(first) &&
    isWhiteSpaceCode(text.charCodeAt(lines[i].first + 1)) &&
    isDateTimeGroupLine(lines[i]) &&
    (FM_LINE.test(lines[i + 1]?.text ?? '') || FM_LINE.test(lines[i + 2]?.text ?? ''))
  );
}

/**
 * Line ranges `[start, end)` of the cables: a cable's header may repeat until its banner, caption or body begins.
 * `from` (0, or where an earlier split started a cable) resumes a split there; the split stops early at the first
 * cable start `stopAt` accepts, the last range then ending there.
 */
export function splitIntoCables(lines: Line[], from = 0, stopAt?: (start: number) => boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = from;
  let hasContent = false;
  // A cable start was judged at `from` itself, so a resumed split reads from the line after it.
  for (let i = from === 0 ? 0 : from + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (hasContent && startsCable(lines, i)) {
      ranges.push([start, i]);
      if (stopAt?.(i)) return ranges;
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
  /** The cable's lines with its header lines cut into caption items (see `headerLines`). */
  lines: Line[];
  end: number;
  /** Last line taken by a header, banner or caption part; the body starts after it. */
  lastConsumed: number;
  bodyTextSeen: boolean;
  list: { list?: AddressList };
  /** Index in `lines` where each caption field was read, and where the banner was. */
  captionLines: Map<CaptionKey, number>;
  bannerAt: number;
}

/** Header lines are cut into caption items up to the first paragraph, and no further than this. */
const HEADER_SPLIT_LINES = 80;

/**
 * The cable's lines for the header reader, `lines[start, end)`: each line before the first paragraph cut into its
 * caption items (`splitCaptionItems`), the lines after it as they are. When no line is cut (most cables), the
 * file's own lines serve, uncopied.
 */
function headerLines(lines: Line[], start: number, end: number): { lines: Line[]; start: number; end: number } {
  let out: Line[] | undefined;
  let i = start;
  for (; i < end && i - start < HEADER_SPLIT_LINES; i++) {
    const line = lines[i];
    if (opensBody(line)) break;
    const pieces = line.text.indexOf('\t') >= 0 ? [line] : splitCaptionItems(line);
    if (pieces.length === 1 && !out) continue;
    out ??= lines.slice(start, i);
    for (const piece of pieces) out.push(piece);
    if (pieces.length > 1 && isParagraphPiece(pieces[pieces.length - 1])) {
      i++;
      break;
    }
  }
  if (!out) return { lines, start, end };
  for (; i < end; i++) out.push(lines[i]);
  return { lines: out, start: 0, end: out.length };
}

/** Parses the cable (or part of one) on `lines[start, end)`, finished as if it stood alone. */
export function parseCable(lines: Line[], start: number, end: number, fileName: string | undefined): Cable {
  const first = lines[start];
  const last = lines[Math.max(start, end - 1)];
  const cable = newCable(linesRange(first, last), emptyCaption(), emptyBody());
  const header = headerLines(lines, start, end);
  const state: CableState = {
    cable,
    lines: header.lines,
    end: header.end,
    lastConsumed: header.start - 1,
    bodyTextSeen: false,
    list: {},
    captionLines: new Map(),
    bannerAt: -1,
  };
  let i = header.start;
  while (i < header.end) {
    const line = header.lines[i];
    if (isBlank(line)) {
      state.list = {};
      i++;
      continue;
    }
    if (opensBody(line)) break;
    const next = readHeaderPart(state, i);
    if (next > i) {
      state.lastConsumed = next - 1;
      i = next;
      continue;
    }
    if (cable.banner || state.captionLines.size) state.bodyTextSeen = true;
    i++;
  }
  const { bodyLines, bodyStart } = bodyLinesAfter(lines, header, state.lastConsumed + 1, end);
  cable.body = parseBody(bodyLines, bodyStart, end);
  cable.caption.classifiedBy ??= classifiedByInFirstParagraph(cable, bodyLines);
  trimCable(cable, lines, start, end);
  finishCable(cable, fileName);
  return cable;
}

/** What is derived from a cable's parts: the caption's range, the cable-level values, REF years. */
export function finishCable(cable: Cable, fileName: string | undefined) {
  setCaptionRange(cable);
  deriveCableValues(cable, fileName);
  resolveReferenceYears(cable);
  groupHeadingSections(cable.body);
}

/** The 1990s form, inside paragraph 1: `1. (U) CLASSIFIED BY DCM JOHN DOE. REASON: 1.5 (D).` */
const CLASSIFIED_BY_IN_PARAGRAPH = /^\s*(?:¶\s*)?1\s*\.\s*(?:\([A-Za-z/ ]{1,12}\)\s*)?(?=CLASSIFIED\s+BY\b)/i;

function classifiedByInFirstParagraph(cable: Cable, lines: Line[]): ClassifiedByField | undefined {
  const paragraph = cable.body.paragraphs[0];
  if (!paragraph || paragraph.number !== 1) return undefined;
  const line = lines[paragraph.range.start.line];
  const lead = CLASSIFIED_BY_IN_PARAGRAPH.exec(line.text.slice(0, 200));
  if (!lead) return undefined;
  const at = lead[0].length;
  const pieces: Line[] = [lineOf(line.index, line.text.slice(at), line.offset + at)];
  // The classifier's sentence may wrap onto the paragraph's next lines.
  for (let k = line.index + 1; k <= Math.min(paragraph.range.end.line, line.index + 3) && !isBlank(lines[k]); k++) pieces.push(lines[k]);
  return parseClassifiedBy(pieces, 0, pieces.length);
}

/**
 * The body's lines, indexed by line number as the body parser expects: the physical lines, except that a body
 * starting mid-line (`… REASONS 1.4 (b) and (d) ¶1. (C) Summary …`) starts with that line's remainder.
 */
function bodyLinesAfter(
  lines: Line[],
  header: { lines: Line[]; end: number },
  from: number,
  end: number,
): { bodyLines: Line[]; bodyStart: number } {
  if (from >= header.end) return { bodyLines: lines, bodyStart: end };
  const first = header.lines[from];
  const physical = lines[first.index];
  if (first.offset === physical.offset) return { bodyLines: lines, bodyStart: first.index };
  const bodyLines = lines.slice();
  const at = first.offset - physical.offset;
  bodyLines[first.index] = lineOf(physical.index, physical.text.slice(at), first.offset);
  return { bodyLines, bodyStart: first.index };
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
  const extractDate = beforeBanner && !cable.extractDate ? parseExtractDate(line) : undefined;
  if (extractDate) {
    cable.extractDate = extractDate;
    return i + 1;
  }
  const glued = beforeBanner ? splitGluedBanner(line) : undefined;
  if (glued) {
    // `RUEATRS/DEPT OF TREASURY WASHINGTON DC⇥C O N F I D E N T I A L …`: an addressee, then the banner.
    if (cable.routing && state.list.list) addRoutingLine(cable.routing, glued.before, state.list);
    cable.banner = glued.banner;
    state.bannerAt = i;
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
      state.bannerAt = i;
      return i + 1;
    }
  }
  const key = captionKeyOf(line);
  if (key && (!state.bodyTextSeen || !cable.caption[key])) return readCaptionField(state, key, i);
  if (
    cable.banner &&
    !state.bodyTextSeen &&
    !captionAfter(state, state.bannerAt) &&
    (addBannerLine(cable.banner, line) || isLooseBannerLine(cable.banner, line))
  ) {
    cable.banner.range = { start: cable.banner.range.start, end: trimmedRange(line).end };
    return i + 1;
  }
  return i;
}

/** A banner glued by a tab to the end of a header line, with the part before it as a line of its own. */
function splitGluedBanner(line: Line): { before: Line; banner: Banner } | undefined {
  // Most lines hold no tab: indexOf (a fast scan) says so before lastIndexOf (a slower call) finds the last.
  if (line.text.length > 400 || line.text.indexOf('\t') < 0) return undefined;
  const tab = line.text.lastIndexOf('\t');
  if (tab <= 0 || !line.text.slice(0, tab).trim()) return undefined;
  const rest = lineOf(line.index, line.text.slice(tab + 1), line.offset + tab + 1);
  const banner = parseBannerLine(rest);
  if (!banner) return undefined;
  return { before: lineOf(line.index, line.text.slice(0, tab), line.offset), banner };
}

/** True when a caption field was read after `line` (the banner's lines end where the caption begins). */
function captionAfter(state: CableState, line: number): boolean {
  for (const at of state.captionLines.values()) if (at > line) return true;
  return false;
}

const isParagraphStart = (line: Line) => PARAGRAPH_START.test(line.text.slice(0, 400));

/** The header ends at the first paragraph. */
const opensBody = (line: Line) => line.text.length <= 20000 && PARAGRAPH_START.test(line.text);

function readCaptionField(state: CableState, key: CaptionKey, i: number): number {
  const { cable, lines, end } = state;
  const existing = state.captionLines.get(key);
  const replace = existing === undefined || (cable.banner !== undefined && existing < state.bannerAt);
  let next: number;
  switch (key) {
    case 'eo': {
      // `E.O. 12958:` alone, its `DECL: 05/05/2015` on the next line: the field then ends on that line.
      const eo = parseEoLine(lines[i], isDeclLine(lines[i + 1]) ? lines[i + 1] : undefined);
      next = eo.range.end.line > lines[i].index ? i + 2 : i + 1;
      if (replace) cable.caption.eo = eo;
      break;
    }
    case 'tags':
      next = i + 1;
      while (
        next < end &&
        !isBlank(lines[next]) &&
        isTagsContinuation(lines[next]) &&
        captionKeyOf(lines[next]) === undefined &&
        !parseBannerLine(lines[next])
      )
        next++;
      if (replace) cable.caption.tags = parseTags(lines, i, next);
      break;
    case 'subject':
      next = subjectEnd(lines, i, end);
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

/**
 * The subject wraps until a blank line, the next caption item, the first paragraph, a page or section marker, a
 * dashed rule, a handling notice or, under an upper-case subject, a line of prose. An empty `SUBJECT:` takes the
 * text after the blank line that follows it.
 */
function subjectEnd(lines: Line[], i: number, end: number): number {
  const first = lines[i];
  const upper = !/[a-z]/.test(first.text);
  const stop = (line: Line) => endsSubject(line, upper);
  const next = fieldEnd(lines, i, end, stop);
  if (next > i + 1 || /\S/.test(first.text.slice(keyMatch('subject', first).after))) return next;
  let j = next;
  while (j < end && isBlank(lines[j])) j++;
  if (j >= end || j - next > 2 || captionKeyOf(lines[j]) !== undefined || stop(lines[j])) return next;
  return fieldEnd(lines, j, end, stop);
}

/**
 * Besides the body's dashed rules and section markers: a page header, a handling notice (a control's phrase,
 * `SENSITIVE BUT UNCLASSIFIED, PLEASE PROTECT`, in capitals or as a sentence), a control or level word alone.
 */
const SUBJECT_STOP = subjectStop();

function subjectStop(): RegExp {
  const { controls } = getDictionaries();
  const phrases = controls.list
    .flatMap((control) => control.phrases)
    .flatMap((phrase) => [phrase, phrase[0] + phrase.slice(1).toLowerCase()]);
  const alone = [...controls.list.filter((control) => control.banner).map((control) => control.code), LEVEL_SPELLINGS];
  return new RegExp(String.raw`^\s*(?:PAGE\s+\d{1,3}\b|${phrases.join('|')}|(?:${alone.join('|')})\s*$)`);
}

function endsSubject(line: Line, upperSubject: boolean): boolean {
  const head = line.text.slice(0, 200);
  if (isParagraphStart(line) || isDashedLine(head) || isSectionBreakLine(head) || SUBJECT_STOP.test(head)) return true;
  // An upper-case subject does not wrap into a sentence of prose.
  return upperSubject && /[a-z]{3,}.*[a-z]{3,}/.test(line.text.slice(0, 200)) && /[a-z]/.test(line.text.trim()[1] ?? '');
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
  cable.range = {
    start: trimmedRange(lines[first]).start,
    end: rangeOf(lines[last], lines[last].text.trimEnd().length, lines[last].text.trimEnd().length).end,
  };
}

function setCaptionRange(cable: Cable) {
  const parts = [cable.caption.eo, cable.caption.tags, cable.caption.subject, cable.caption.refs, cable.caption.classifiedBy].filter(
    (p) => p !== undefined,
  );
  if (!parts.length) {
    cable.caption.range = undefined;
    return;
  }
  const starts = parts.map((p) => p!.range.start);
  const ends = parts.map((p) => p!.range.end);
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  cable.caption.range = {
    start: starts.reduce((a, b) => (before(b, a) ? b : a)),
    end: ends.reduce((a, b) => (before(a, b) ? b : a)),
  };
}

/** REF items without a year take the cable's year once it is known (the ref id may give it, even from the file name). */
function resolveReferenceYears(cable: Cable) {
  const year = (cable.year !== undefined ? String(cable.year).slice(2, 4) : undefined) ?? cable.refId?.value.year;
  if (!year || !cable.caption.refs) return;
  completeReferenceYears(cable.caption.refs.items, year);
}
