/**
 * `Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)`: authority (title and name, in either
 * order), then the reasons; whatever follows the reasons (prose, the next paragraph) is not part of the field.
 */
import { getDictionaries } from '../dicts/dictionaries';
import type { ClassifiedByField, Reason } from '../model';
import { endOfLastLine, keyMatch } from './caption';
import { joinPieces, positionInJoined, type JoinedText } from './joinedText';
import { isBlank, trimmedRange, type Line } from './lines';

/** How much of a line is read: a flattened cable may hold the whole text on one line. */
const LINE_CAP = 2000;
const { titles: TITLE_WORDS, connectors: CONNECTORS, agencies: AGENCY_WORDS } = getDictionaries().classifierTitles;
/** Parts of a name that look like words of other kinds: `Jr.`, `III`. */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * Where the reasons begin: `for reasons`, `REASON(S):`, `per 1.4`, `BASED UPON REASON`, `E.O. 12958`, or the bare
 * section. Line wraps may cut a word (`FOR REAS⏎ONS`, `FO⏎R REASONS`), hence the optional `\n` between letters.
 */
const REASONS_START =
  /(?:\b(?:f\n?o\n?r|p\n?e\n?r|under|based\s+(?:up)?on)\s+(?:the\s+)?)?\b(r\n?e\n?a\n?s\n?o\n?n(?:\n?s)?|re asons?)(?![A-Za-z])(?:\s*\(s\))?|(?:\b(?:for|per)\s+)?(\bE\.?\s?O\.?\s*1[0-3]\d{3}\b)|(?:\b(?:for|per)\s+)?(?<![\d.])(1\s?\.\s?[45])(?!\d)/di;
const ANY_SECTION = /(?<![\d.])1\s?\.\s?[45](?!\d)/;
const SECTION = /(?<![\d.])1\s?\.\s?([45])(?!\d)\.?/y;
/** A paragraph that starts after the field on the same line: `(b), (d) 2. (S) The …`. */
const PARAGRAPH_START = /(?:^|\s)(?:¶\s*)?\d{1,3}\.\s*\([A-Za-z/ ]{1,12}\)/;
/** Between reason letters: `,`, `/`, `&`, `+`, `-`, `and`, `or` (also split by a stray space: `a nd`). */
const LETTER_SEPARATOR = /(?:\s|[,/&+-]|\ba ?n ?d\b|\bor\b)+/iy;
/** A bare reason letter (`1.4 b, d`): not the start of a word, nor of `a.i.`. */
const BARE_LETTER = /[a-h](?![A-Za-z'’])(?!\.[A-Za-z])/iy;
const GROUP_ITEM = /\s*([A-Za-z])\s*\.?\s*(?=[)\s,/&+-]|$)|\s*(?:and|or|&|\+|,|\/|-)\s*|\s*X\d\s*/iy;

const DANGLING_SECTION = /^\s*(?:(?:for\s+)?reasons?\s*:?\s*)?1\s?\.\s?[45](?!\d)/i;
const REASONS_LINE = /^\s*(?:for\s+)?reasons?\s*:?\s*1\s?\.\s?[45](?!\d)/i;

/** `Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)` with wrapped lines `lines[i..next)`. */
export function parseClassifiedBy(lines: Line[], i: number, next: number): ClassifiedByField {
  const { keyword, after } = keyMatch('classifiedBy', lines[i]);
  const field: ClassifiedByField = {
    range: { start: trimmedRange(lines[i]).start, end: endOfLastLine(lines, i, next) },
    keyword,
    reasons: [],
  };
  const indices: number[] = [];
  for (let j = i; j < next; j++) indices.push(j);
  let source = joinLines(lines, indices, after);
  const extra = danglingReasonsLine(source.text, lines, next);
  if (extra !== undefined) source = joinLines(lines, [...indices, extra], after);
  readField(field, source);
  return field;
}

/** The field's text, `lines[indices]` joined by `\n` (a wrap may cut a word: `FOR REAS⏎ONS`), cut at a paragraph. */
function joinLines(lines: Line[], indices: number[], after: number): JoinedText {
  const parts = indices.map((j, k) => {
    const line = lines[j];
    const column = k === 0 ? after : 0;
    return { line, start: column, end: column + line.text.slice(column, column + LINE_CAP).trimEnd().length };
  });
  const joined = joinPieces(parts, '\n');
  const paragraph = PARAGRAPH_START.exec(joined.text);
  return paragraph ? { ...joined, text: joined.text.slice(0, paragraph.index) } : joined;
}

/**
 * The reasons on the line after a blank one, when the field stops short of them
 * (`… Aubrey Carlson. Reasons` ⏎⏎ `1.4 (b) and (d).`): the index of that line, or undefined.
 */
function danglingReasonsLine(text: string, lines: Line[], next: number): number | undefined {
  const start = REASONS_START.exec(text);
  if (start && ANY_SECTION.test(text.slice(start.index))) return undefined;
  // A keyword left hanging (`… Carlson. Reasons`) or an authority ending with a comma may go on with the bare
  // section; otherwise only a line that says `REASON: 1.4 …` itself.
  const hanging = start ? !text.slice(start.index + start[0].length).replace(/[\s:.]/g, '') : /,\s*$/.test(text);
  if (start && !hanging) return undefined;
  for (let j = next; j < Math.min(lines.length, next + 3); j++) {
    if (isBlank(lines[j])) continue;
    const head = lines[j].text.slice(0, 200);
    return (hanging ? DANGLING_SECTION : REASONS_LINE).test(head) ? j : undefined;
  }
  return undefined;
}

function readField(field: ClassifiedByField, source: JoinedText) {
  const { text } = source;
  // A copy may repeat the keyword (`Classified By: Classified by CDA …`, `Confidential by …`).
  const repeat = /^\s*(?:classified|confidential|secret)\s+by\b\s*:?/i.exec(text);
  const from = repeat ? repeat[0].length : 0;
  const start = REASONS_START.exec(text.slice(from));
  const reasonsAt = start ? from + start.index : text.length;
  const authorityEnd = start ? reasonsAt : sentenceEnd(text, from);
  const authority = readAuthorityText(text, from, authorityEnd);
  if (authority) {
    field.authority = {
      text: authority.text.replace(/\s+/g, ' '),
      range: { start: positionInJoined(source, authority.start), end: positionInJoined(source, authority.end) },
    };
    Object.assign(field, splitAuthority(field.authority.text));
  }
  let end = authority ? authority.end + (text[authority.end] === '.' ? 1 : 0) : undefined;
  if (start) {
    const keywordAt = from + (start.indices![1] ?? start.indices![2] ?? start.indices![3])![0];
    const reasonsEnd = readReasons(field, source, reasonsAt);
    if (reasonsEnd !== undefined)
      field.reasonsRange = { start: positionInJoined(source, keywordAt), end: positionInJoined(source, reasonsEnd) };
    end = reasonsEnd ?? reasonsAt + start[0].length;
  }
  if (end !== undefined) field.range.end = positionInJoined(source, end);
}

/** The end of the authority's sentence when no reasons follow: a period that ends no initial or abbreviation. */
function sentenceEnd(text: string, from: number): number {
  const sentence = /[.;](?=\s+\S)/g;
  sentence.lastIndex = from;
  for (let m = sentence.exec(text); m; m = sentence.exec(text)) {
    const word = /(\S+)$/.exec(text.slice(Math.max(from, m.index - 12), m.index))?.[1] ?? '';
    if (m[0] === ';' || !/^(?:[A-Za-z]|jr|sr|amb|dr|mr|mrs|ms|st|lt|col|gen|a\.i|u\.s|[A-Za-z]\.[A-Za-z])$/i.test(word)) return m.index;
  }
  return text.length;
}

/** The authority's text between `from` and `to`, without trailing punctuation or a cut-off word (`Political...`). */
function readAuthorityText(text: string, from: number, to: number): { text: string; start: number; end: number } | undefined {
  let raw = text.slice(from, to);
  const end = raw.trimEnd();
  const cut = end.endsWith('...') || end.endsWith('…') ? /(\S*?)(?:\.{3,}|…)\s*$/.exec(raw) : null;
  if (cut) raw = raw.slice(0, cut.index + (/[A-Za-z]$/.test(cut[1]) ? 0 : cut[1].length));
  raw = raw.replace(/[\s,;:]+$/, '');
  // A final period closes the sentence, except after an initial or `Jr.`, where it belongs to the name.
  if (raw.endsWith('.') && !/(?:^|[\s.,])(?:[A-Za-z]|jr|sr|a\.i)\.$/i.test(raw)) raw = raw.replace(/[\s.,;:]+$/, '');
  const lead = raw.length - raw.trimStart().length;
  if (!raw.trim()) return undefined;
  return { text: raw.trim(), start: from + lead, end: from + raw.length };
}

/** Reads the sections and letters from `at`; returns where the last one ends, or undefined when none. */
function readReasons(field: ClassifiedByField, source: JoinedText, at: number): number | undefined {
  const { text } = source;
  let end: number | undefined;
  let p = at;
  const sectionAt = ANY_SECTION.exec(text.slice(at, at + 80));
  if (!sectionAt) return undefined;
  p = at + sectionAt.index;
  for (let sections = 0; sections < 4; sections++) {
    SECTION.lastIndex = p;
    const section = SECTION.exec(text);
    if (!section) break;
    const name = `1.${section[1]}`;
    end = p + section[0].replace(/\.$/, '').length;
    p = SECTION.lastIndex;
    const letters = readLetters(text, p);
    for (const letter of letters.items) {
      field.reasons.push({
        range: { start: positionInJoined(source, letter.start), end: positionInJoined(source, letter.end) },
        section: name,
        letter: letter.letter,
      } satisfies Reason);
    }
    if (letters.end !== undefined) end = letters.end;
    p = letters.next;
    LETTER_SEPARATOR.lastIndex = p;
    const gap = LETTER_SEPARATOR.exec(text);
    if (gap) p += gap[0].length;
  }
  // A list left open at the field's end (`(b) and (`, being typed) still belongs to the reasons.
  if (end !== undefined && /^(?:\s|[,/&+-]|\band\b|\bor\b)*\(?\s*$/i.test(text.slice(end, end + 40)) && text.length - end <= 40) {
    end = text.trimEnd().length;
  }
  return end;
}

interface Letter {
  letter: string;
  start: number;
  end: number;
}

/** `(b) and (d)`, `b/d`, `(b,d)`, `(B)(D)`, `b, d and h` from `p`: the letters, where they end, where reading stopped. */
function readLetters(text: string, p: number): { items: Letter[]; end?: number; next: number } {
  const items: Letter[] = [];
  let end: number | undefined;
  let separated = true;
  while (items.length < 8 && p < text.length) {
    LETTER_SEPARATOR.lastIndex = p;
    const gap = LETTER_SEPARATOR.exec(text);
    if (gap) {
      if (/[,/&+]|and|nd|or/i.test(gap[0])) separated = true;
      p += gap[0].length;
    }
    const spaced = gap !== null && !separated;
    if (text[p] === '(') {
      const group = readGroup(text, p);
      if (!group) break;
      // `(b) and (d) (C) The minister …`: a portion marking, not a reason.
      if (
        spaced &&
        items.length &&
        /^\s+[A-Za-z]{2}/.test(text.slice(group.end, group.end + 4)) &&
        !/^\s+(?:and|or)\b/i.test(text.slice(group.end, group.end + 6))
      )
        break;
      items.push(...group.items);
      end = p = group.end;
      separated = false;
      continue;
    }
    BARE_LETTER.lastIndex = p;
    // After `(b)` a bare letter needs a separator: `(d) A meeting` is prose.
    if (!separated || !BARE_LETTER.test(text)) break;
    items.push({ letter: text[p].toLowerCase(), start: p, end: p + 1 });
    end = p = p + 1;
    if (text[p] === ')') p++;
    separated = false;
  }
  return { items, end, next: p };
}

/** `(b)`, `(b, d)`, `(B AND D)`, `(b, d, X6)`, an unclosed `(d` at the end of the text. */
function readGroup(text: string, open: number): { items: Letter[]; end: number } | undefined {
  const items: Letter[] = [];
  let p = open + 1;
  const limit = Math.min(text.length, open + 40);
  while (p < limit && text[p] !== ')') {
    GROUP_ITEM.lastIndex = p;
    const item = GROUP_ITEM.exec(text);
    if (!item || !item[0].length) return undefined;
    if (item[1]) {
      const at = p + item[0].indexOf(item[1]);
      items.push({ letter: item[1].toLowerCase(), start: at, end: at + 1 });
    }
    p += item[0].length;
  }
  if (!items.length) return undefined;
  const closed = text[p] === ')';
  if (!closed && p < text.length) return undefined;
  const end = closed ? p + 1 : items[items.length - 1].end;
  // One letter in parentheses is one reason, parentheses included: `(d)`.
  if (items.length === 1 && closed) items[0] = { ...items[0], start: open, end };
  return { items, end };
}

/** Title and name of `DCM Robert Smith`, `Jane Roe, Acting Political Counselor`, `Bruce Doe, Consul General, Monterrey, State`. */
export function splitAuthority(authority: string): { title?: string; name?: string } {
  const parts = mergeParts(authority.split(/\s*[,;]\s*/).filter(Boolean));
  let title: string | undefined;
  let name: string | undefined;
  for (const part of parts) {
    if (isAgency(part)) continue;
    const read = readPart(part);
    if (name !== undefined) {
      // After the name, the next part that starts with a title is the whole title (`Principal Offficer`).
      if (title === undefined && read.title !== undefined) title = part;
      if (title !== undefined) break;
      continue;
    }
    title ??= read.title;
    if (read.name !== undefined) name = read.name;
  }
  return { title, name };
}

/** `Larson`, `Jr.` → `Larson, Jr.`; `WONG`, `CHARGE D'AFFAIRES`, `A.I.` → the title keeps its `A.I.`. */
function mergeParts(parts: string[]): string[] {
  const merged: string[] = [];
  for (const part of parts) {
    if (merged.length && (NAME_SUFFIX.test(part) || /^a\.i\.?$/i.test(part))) merged[merged.length - 1] += `, ${part}`;
    else merged.push(part);
  }
  return merged;
}

/** One comma-separated part: a title run at its start (or its end), the rest a name. */
function readPart(part: string): { title?: string; name?: string } {
  const words = part.split(/\s+/).filter(Boolean);
  const strong = words.map(isTitleWord);
  const titleish = words.map((word, k) => strong[k] || isTitleish(word));
  let lead = 0;
  for (let k = 0; k < words.length && titleish[k]; k++) if (strong[k]) lead = k + 1;
  if (lead) return { title: words.slice(0, lead).join(' '), name: nameOf(words.slice(lead)) };
  // `Jane Roe Acting Political Counselor`: the title after the name.
  let tail = words.length;
  while (tail > 1 && titleish[tail - 1]) tail--;
  while (tail < words.length && !strong[tail]) tail++;
  if (tail > 0 && tail < words.length && strong[words.length - 1]) {
    return { title: words.slice(tail).join(' '), name: nameOf(words.slice(0, tail)) };
  }
  return { name: nameOf(words) };
}

/** The name in `words`, cut at a second classifier (`Steven Prohaska and DTRA Fred Carter`); none if redacted. */
function nameOf(words: string[]): string | undefined {
  const and = words.findIndex((word) => /^(?:and|&)$/i.test(word));
  const kept = and > 0 ? words.slice(0, and) : words;
  const name = kept.join(' ').replace(/[,;:]+$/, '');
  if (!/[A-Za-z]/.test(name) || /^X{4,}$/i.test(name) || kept.every((word) => AGENCY_WORDS.has(fold(word)))) return undefined;
  return name;
}

function isAgency(part: string): boolean {
  const words = part.split(/\s+/).map(fold);
  if (words.every((word) => AGENCY_WORDS.has(word))) return true;
  return (
    /^(?:embassy|amembassy|consulate|congen|department|dept|u\.s\.?|us|usg)$/.test(words[0]) &&
    !words.some((word) => TITLE_WORDS.has(word) && !AGENCY_WORDS.has(word))
  );
}

/** Lower case, `’` as `'`, accents and surrounding punctuation dropped: `Chargé’` → `charge`. */
function fold(word: string): string {
  let folded = FOLDED.get(word);
  if (folded !== undefined) return folded;
  folded = (
    /[^\x00-\x7f]/.test(word)
      ? word
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/’/g, "'")
      : word
  )
    .toLowerCase()
    .replace(/^[("]+|[)",;:.]+$/g, '');
  // `Charge'` is `charge`; `d'` keeps its apostrophe.
  if (folded.length > 2 && folded.endsWith("'")) folded = folded.slice(0, -1);
  if (FOLDED.size > 5000) FOLDED.clear();
  FOLDED.set(word, folded);
  return folded;
}
/** Words recur from cable to cable (`Ambassador`, `DCM`): fold each once. */
const FOLDED = new Map<string, string>();

function isTitleWord(word: string): boolean {
  const folded = fold(word);
  if (TITLE_WORDS.has(folded)) return true;
  if (!folded.includes('/')) return false;
  const pieces = folded.split('/');
  return pieces.some((piece) => TITLE_WORDS.has(piece)) || pieces.every((piece) => piece.length <= 3 && /^[a-z]+$/.test(piece));
}

/** Besides title words, a word that may stand inside a title: `of`, or an office code (`AIT`, `ISN/MTR`, `USEU`). */
function isTitleish(word: string): boolean {
  if (CONNECTORS.has(fold(word))) return true;
  return /^[A-Z]{2,5}(?:[/-][A-Z]{1,5})*$/.test(word);
}
