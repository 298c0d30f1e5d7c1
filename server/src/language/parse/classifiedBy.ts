/** `Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)`: authority, name, title and reasons. */
import type { ClassifiedByField, Range, Reason } from '../model';
import { endOfLastLine, keyMatch } from './caption';
import { rangeOf, tokenAt, trimmedRange, type Line } from './lines';

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
