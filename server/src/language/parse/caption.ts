/**
 * The caption: `E.O. 12958: DECL: 01/15/2019`, `TAGS:`, `SUBJECT:`, `REF:`, `Classified By:`; each may wrap.
 * The cable parser asks `captionKeyOf` for a line, then hands the field's lines to the matching parser.
 */
import type { ClassifiedByField, EoLine, Reason, RefsField, SubjectField, TagsField, Token } from '../model';
import { isoDate, isValidDate, parseSlashDate } from './dates';
import { groupToken, isBlank, rangeOf, tokenAt, trimmedRange, type Line } from './lines';
import { parseReferenceItems, type RefSegment } from './references';

export type CaptionKey = 'eo' | 'tags' | 'subject' | 'refs' | 'classifiedBy';

const KEYS: Array<[CaptionKey, RegExp]> = [
  ['eo', /^\s*¶?\s*(E\s?\.\s?O\.?|EO)(?=[\s:.]|\d)\s*:?\s*(?=\d|DECL|N\/A|:)/di],
  ['tags', /^\s*(TAGS(?![A-Za-z])|[Tt]ags(?=\s*:))\s*:?/d],
  ['subject', /^\s*(SUBJECT|SUBJ)\s*:/di],
  ['refs', /^\s*(REFERENCES?|REFTELS?|REFS?|REF\(S\))(?![A-Za-z])\s*[:.]?/d],
  ['classifiedBy', /^\s*(?:\([A-Z]{1,4}\)\s*)?(CLASSIFIED\s+BY)\b\s*:?/di],
];

/** Which caption field starts on this line, if any. */
export function captionKeyOf(line: Line): CaptionKey | undefined {
  if (line.text.length > 20000) return undefined;
  for (const [key, regex] of KEYS) if (regex.test(line.text)) return key;
  return undefined;
}

function keyMatch(key: CaptionKey, line: Line): { keyword: Token; after: number } {
  const match = KEYS.find(([k]) => k === key)![1].exec(line.text)!;
  return { keyword: groupToken(line, match, 1)!, after: match[0].length };
}

/** Lines of a wrapping field: from `lines[i]` while not blank, not another key and not a paragraph start. */
export function fieldEnd(lines: Line[], i: number, end: number, stop: (line: Line) => boolean): number {
  let j = i + 1;
  while (j < end && !isBlank(lines[j]) && captionKeyOf(lines[j]) === undefined && !stop(lines[j])) j++;
  return j;
}

function endOfLastLine(lines: Line[], first: number, next: number) {
  const last = lines[next - 1] ?? lines[first];
  const end = last.text.trimEnd().length;
  return rangeOf(last, end, end).end;
}

export function parseEoLine(line: Line): EoLine {
  const { keyword, after } = keyMatch('eo', line);
  const eo: EoLine = { range: trimmedRange(line), keyword, declKind: 'missing' };
  const rest = line.text.slice(after);
  const order = /^\s*(\d{5})/d.exec(rest);
  let cursor = after;
  if (order) {
    eo.order = tokenAt(line, after + order.indices![1][0], order[1]);
    cursor = after + order[0].length;
  }
  const declMatch = /^\s*[:;.,]?\s*(?:DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*)?/i.exec(line.text.slice(cursor))!;
  cursor += declMatch[0].length;
  const declText = line.text.slice(cursor).trim();
  if (!declText) return eo;
  eo.decl = tokenAt(line, cursor, declText);
  classifyDecl(eo, declText);
  return eo;
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

/** `TAGS: PGOV PREL …` with its wrapped lines `lines[i..next)`. */
export function parseTags(lines: Line[], i: number, next: number): TagsField {
  const { keyword, after } = keyMatch('tags', lines[i]);
  const tags: Token[] = [];
  for (let j = i; j < next; j++) {
    const line = lines[j];
    const from = j === i ? after : 0;
    const text = line.text.slice(from, from + 2000);
    const regex = /[^\s,;]+/g;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const word = m[0].replace(/[.:]+$/, '');
      if (word) tags.push(tokenAt(line, from + m.index, word));
    }
  }
  return { range: { start: trimmedRange(lines[i]).start, end: endOfLastLine(lines, i, next) }, keyword, tags };
}

/** Continuation lines of TAGS hold only short upper-case codes. */
export function isTagsContinuation(line: Line): boolean {
  return /^\s*[A-Z0-9]{2,6}(?:[\s,]+[A-Z0-9]{2,6})*[\s,]*$/.test(line.text) && line.text.length < 120;
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

const SECTION_NUMBER = /\b(1)\s?\.\s?([45])\b/g;
const REASON_LETTER = /\(\s*([A-Za-z])\s*\)|(?<![A-Za-z.'])([A-Ha-h])(?![A-Za-z.'])/g;
const AUTHORITY_END = /(?:[,;.]?\s*(?:for|under)?\s*reasons?\b|\b1\s?\.\s?[45]\b)/i;
const TITLE_WORDS =
  /^(AMBASSADOR|AMB|POLCOUNS|ECONCOUNS|POLECON|POLOFF|ECONOFF|DCM|CDA|CHARGE|D'AFFAIRES|POLITICAL|ECONOMIC|PUBLIC|AFFAIRS|MINISTER|MINISTER-COUNSELOR|COUNSELOR|COUNSELLOR|CONSUL|CONSUL-GENERAL|GENERAL|PRINCIPAL|OFFICER|DEPUTY|CHIEF|OF|MISSION|SECTION|ACTING|DIRECTOR|ASSISTANT|SECRETARY|ATTACHE|DEFENSE|REGIONAL|SECURITY|POL|ECON|PO|CG|DAS|A\/DCM|A\/POLCOUNS|MGMT|MANAGEMENT|SENIOR|ADVISOR|ADVISER|AND|POL\/ECON|POL-ECON|CHIEF,|DEPT|OFFICE|COORDINATOR|SPECIAL|ENVOY|REPRESENTATIVE|PERMANENT|AMBASSADOR-AT-LARGE|INTERNAL|EXTERNAL|UNIT|AMERICAN|INSTITUTE|PRESIDENT)$/i;

/** `Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)` with wrapped lines `lines[i..next)`. */
export function parseClassifiedBy(lines: Line[], i: number, next: number): ClassifiedByField {
  const { keyword, after } = keyMatch('classifiedBy', lines[i]);
  const field: ClassifiedByField = {
    range: { start: trimmedRange(lines[i]).start, end: endOfLastLine(lines, i, next) },
    keyword,
    reasons: [],
  };
  readAuthority(field, lines[i], after);
  let section: string | undefined;
  let reasonsStart: Range['start'] | undefined;
  let reasonsEnd: Range['end'] | undefined;
  for (let j = i; j < next; j++) {
    const line = lines[j];
    const from = j === i ? after : 0;
    const text = line.text.slice(0, Math.min(line.text.length, from + 2000));
    const events = collectReasonEvents(text, from);
    for (const event of events) {
      if (event.kind === 'section') {
        section = event.text;
        if (!reasonsStart) reasonsStart = rangeOf(line, reasonWordStart(text, event.start), 0).start;
        reasonsEnd = rangeOf(line, event.end, event.end).end;
      } else if (section) {
        field.reasons.push({ range: rangeOf(line, event.start, event.end), section, letter: event.text.toLowerCase() } satisfies Reason);
        reasonsEnd = rangeOf(line, event.end, event.end).end;
      }
    }
  }
  if (reasonsStart && reasonsEnd) field.reasonsRange = { start: reasonsStart, end: reasonsEnd };
  return field;
}

interface ReasonEvent {
  kind: 'section' | 'letter';
  text: string;
  start: number;
  end: number;
}

function collectReasonEvents(text: string, from: number): ReasonEvent[] {
  const events: ReasonEvent[] = [];
  // A flattened copy runs the first paragraph on after the reasons: `(b), (d) 1. (U) This…`.
  const next = /\s(?:¶\s*)?\d{1,3}\.\s+\(/.exec(text.slice(from));
  const slice = next ? text.slice(from, from + next.index) : text.slice(from);
  for (const m of slice.matchAll(SECTION_NUMBER)) {
    events.push({ kind: 'section', text: `${m[1]}.${m[2]}`, start: from + m.index!, end: from + m.index! + m[0].length });
  }
  if (!events.length && !/^\s*(?:\(|and\b|or\b|&|,|[A-Ha-h]\b)/i.test(slice)) return events;
  for (const m of slice.matchAll(REASON_LETTER)) {
    const start = from + m.index!;
    if (events.some((e) => e.kind === 'section' && start >= e.start && start < e.end)) continue;
    events.push({ kind: 'letter', text: m[1] ?? m[2], start, end: start + m[0].length });
  }
  return events.sort((a, b) => a.start - b.start);
}

/** Start of `REASONS` before the section number when present, else of the number. */
function reasonWordStart(text: string, sectionStart: number): number {
  const before = text.slice(Math.max(0, sectionStart - 20), sectionStart);
  const word = /reasons?\s*:?\s*$/i.exec(before);
  return word ? sectionStart - before.length + word.index : sectionStart;
}

function readAuthority(field: ClassifiedByField, line: Line, after: number) {
  const rest = line.text.slice(after, after + 400);
  const endMatch = AUTHORITY_END.exec(rest);
  const raw = (endMatch ? rest.slice(0, endMatch.index) : rest).replace(/[\s,;.:]+$/, '');
  const text = raw.trim();
  if (!text) return;
  field.authority = tokenAt(line, after + raw.indexOf(text), text);
  const comma = text.indexOf(',');
  if (comma > 0) {
    field.name = text.slice(0, comma).trim();
    field.title = text.slice(comma + 1).trim().replace(/[.,;]+$/, '') || undefined;
    return;
  }
  const words = text.split(/\s+/);
  let k = 0;
  while (k < words.length - 1 && TITLE_WORDS.test(words[k].replace(/[.,]$/, ''))) k++;
  field.title = k ? words.slice(0, k).join(' ') : undefined;
  field.name = words.slice(k).join(' ').replace(/[.,;]+$/, '') || undefined;
}
