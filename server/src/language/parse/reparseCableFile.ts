/**
 * The parse of a file's next version from its previous parse: the file is split again only around the edit, only
 * the parts (cables, or parts of one) the edit may have changed are parsed again, and the others' models are
 * reused, moved by the lines the edit added or removed. The result is always the model `parseCableFile` gives
 * the new text (`test/unit/incremental-reparse.test.ts` holds it to that); where that cannot be had cheaply (no
 * previous parse, binary text, another file name, a parser failure) it is that parse.
 */
import type { Cable, CableFile } from '../model';
import { joinNextPart, samecable } from './cableParts';
import { filePartsOf, rememberFileParts, type FileParts } from './fileParts';
import { isBlank, splitLines, type Line } from './lines';
import { finishCable, looksBinary, parseCable, parseCableFile, splitIntoCables, type ParseOptions } from './parseCableFile';

/** A version's text and the model a parse of this module made of it. */
export interface PreviousParse {
  text: string;
  model: CableFile;
}

/**
 * Lines beyond its own range, before and after, that a part's parse may read (a record's fields, a wrapped
 * field's next line, a glued row id before a record), counted in non-blank lines: a part is reused only when the
 * edit is further away than that, with a wide margin.
 */
const READ_MARGIN = 40;
/** Lines after a line that the split reads to judge whether a cable starts there (a record's fields, blank lines apart). */
const SPLIT_MARGIN = 8;

/**
 * The model of `text`, reusing what `previous` parsed of the parts an edit left alone; equal to
 * `parseCableFile(text, options)`, and kept for the next version's reparse (`keepParts`).
 */
export function reparseCableFile(previous: PreviousParse | undefined, text: string, options: ParseOptions = {}): CableFile {
  const whole = { ...options, keepParts: true };
  const made = previous && filePartsOf(previous.model);
  if (!previous || !made || made.fileName !== options.fileName || looksBinary(text)) return parseCableFile(text, whole);
  if (previous.text === text) return previous.model;
  try {
    return reparse(previous, made, text, options.fileName);
  } catch (error) {
    // A bug of the reparse is told (the host logs it with its stack); the whole parse then gives the model, or
    // fails again and reports it as a parser failure (CBL002).
    options.onFailure?.(error);
    return parseCableFile(text, whole);
  }
}

function reparse(previous: PreviousParse, made: FileParts, text: string, fileName: string | undefined): CableFile {
  const lines = splitLines(text);
  const prefix = commonPrefix(previous.text, text);
  const suffix = commonSuffix(previous.text, text, prefix);
  const lineDelta = lines.length - previous.model.lineCount;
  // Lines [0, cleanBefore) are the old ones; lines from cleanAfter on are the old ones lineDelta lines further on.
  // A line break split by the edit (CR before it, LF after it) is why each keeps a line's margin.
  const cleanBefore = Math.max(0, countBreaks(text, 0, prefix) - 1);
  const cleanAfter = Math.min(lines.length, lines.length - countBreaks(text, text.length - suffix, text.length) + 1);

  const ranges = splitAround(lines, made, cleanBefore, cleanAfter, lineDelta);
  const oldIndex = new Map<number, number>();
  made.ranges.forEach(([start], index) => oldIndex.set(start, index));
  const reusable = (start: number, end: number): number | undefined => {
    const index = oldIndex.get(start);
    return index !== undefined && made.ranges[index][1] === end && made.standsAlone[index] ? index : undefined;
  };

  // Each part: the old part it is (unmoved before the edit, moved by lineDelta after it), or parsed afresh.
  const reused: Array<number | undefined> = [];
  const moved: boolean[] = [];
  for (const [start, end] of ranges) {
    let index: number | undefined;
    if (afterNonBlank(lines, end, READ_MARGIN) <= cleanBefore) index = reusable(start, end);
    else if (beforeNonBlank(lines, start, READ_MARGIN) >= cleanAfter) index = reusable(start - lineDelta, end - lineDelta);
    reused.push(index);
    moved.push(index !== undefined && start >= cleanAfter && lineDelta !== 0);
  }
  const fresh = (k: number) => parseCable(lines, ranges[k][0], ranges[k][1], fileName);
  const parts: Cable[] = ranges.map((_, k) => (reused[k] === undefined ? fresh(k) : made.parts[reused[k]!]));

  // Joining changes the parts it joins, so a reused part that would join another is parsed afresh instead.
  const cables: Cable[] = [];
  const derive = (cable: Cable) => finishCable(cable, fileName);
  for (let k = 0; k < parts.length; k++) {
    if (reused[k] !== undefined) {
      const last = cables[cables.length - 1];
      const joins = (last !== undefined && samecable(last, parts[k])) || (k + 1 < parts.length && samecable(parts[k], parts[k + 1]));
      if (joins) parts[k] = fresh(k);
      else if (moved[k]) parts[k] = movedBy(parts[k], lineDelta);
    }
    joinNextPart(cables, parts[k], derive);
  }
  const model: CableFile = { cables, problems: [], lineCount: lines.length, binary: false };
  rememberFileParts(model, { fileName, ranges, parts, cables });
  return model;
}

/**
 * The new text's parts: the old ones before the edit's reach, the split resumed at the last old cable start
 * before it, until it starts a cable where an old one started in the lines after the edit; the old ones from there.
 */
function splitAround(lines: Line[], made: FileParts, cleanBefore: number, cleanAfter: number, lineDelta: number): Array<[number, number]> {
  const old = made.ranges;
  let first = 0;
  while (first + 1 < old.length && old[first + 1][0] + SPLIT_MARGIN <= cleanBefore) first++;
  const oldStarts = new Map<number, number>();
  old.forEach(([start], index) => oldStarts.set(start, index));
  let resumeAt: number | undefined;
  const split = splitIntoCables(lines, old[first][0], (start) => {
    if (start < cleanAfter) return false;
    // The old text's first part did not start at a cable start the split judged (its first line was read for content).
    const at = oldStarts.get(start - lineDelta);
    if (at === undefined || at === 0) return false;
    resumeAt = at;
    return true;
  });
  const before = old.slice(0, first).map(([start, end]): [number, number] => [start, end]);
  const after =
    resumeAt === undefined ? [] : old.slice(resumeAt).map(([start, end]): [number, number] => [start + lineDelta, end + lineDelta]);
  return [...before, ...split, ...after];
}

/** A copy of a part's model with every position `delta` lines further on (positions are the `{ line, character }` objects). */
function movedBy<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => movedBy(item, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) copy[key] = movedBy(source[key], delta);
  if (typeof copy.line === 'number' && typeof copy.character === 'number') copy.line += delta;
  return copy as T;
}

/** The index after `count` non-blank lines from `from` (or the number of lines). */
function afterNonBlank(lines: Line[], from: number, count: number): number {
  let i = from;
  for (let seen = 0; i < lines.length && seen < count; i++) if (!isBlank(lines[i])) seen++;
  return i;
}

/** The index of the `count`-th non-blank line before `from` (or 0). */
function beforeNonBlank(lines: Line[], from: number, count: number): number {
  let i = from;
  for (let seen = 0; i > 0 && seen < count;) if (!isBlank(lines[--i])) seen++;
  return i;
}

/** Characters compared at once while two texts agree: a string comparison runs far faster than a loop over characters. */
const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= length && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of `a` and `b`, not reaching into their first `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const length = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + CHUNK <= length && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < length && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Line breaks (CRLF, CR or LF) in `text[from, to)`. */
function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1))
    if (i + 1 >= to || text.charCodeAt(i + 1) !== 10) count++;
  return count;
}
