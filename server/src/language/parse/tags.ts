/**
 * The TAGS field: `TAGS: PGOV PREL KCRM SNAR KJUS PINR MX`, space-, comma- or semicolon-separated, may wrap.
 * Real copies also hold codes run together (`IZPREL`), repeats, a person's name after a people tag
 * (`OVIP RICE CONDOLEEZZA`), free-text keywords (`IRAQI FREEDOM`), `SIPDIS`, and page-header debris from a
 * printed page break (`UNCLASSIFIED PAGE 02 …`, `SECTION 01 OF 02`): each is read as what it is.
 */
import { getDictionaries, type TagEntry } from '../dicts/dictionaries';
import type { TagName, TagsField } from '../model';
import { endOfLastLine, keyMatch } from './caption';
import { isDigitCode, rangeOf, tokenAt, trimmedRange, type Line } from './lines';
import { LEVEL_SPELLINGS, SPACED_BANNER_WORDS } from './classification';

/** A word of the field as written, where it stands. */
interface Word {
  line: Line;
  start: number;
  /** The word without trailing `.` or `:` (`B.)` keeps its stop: names need it). */
  text: string;
  raw: string;
  upper: string;
  /** A comma or semicolon stands between this word and the one before. */
  separated: boolean;
}

/** Tags after which the writer names the person the cable is about (a VIP visit, a public-affairs speaker). */
const PEOPLE_TAGS = new Set(['OVIP', 'KPAO']);
const { controls, levels } = getDictionaries();
/** Controls written as one word (`SIPDIS`, `NODIS`, `FOUO`), save English words that are controls only on control lines (`SENSITIVE`). */
const CONTROLS = new Set(
  controls.list
    .filter((c) => c.banner && !c.plainWord)
    .flatMap((c) => [c.code, ...c.spellings])
    .filter((word) => !word.includes(' ')),
);
/** A level's first word opens a page header or a banner (`CONFIDENTIAL`, `LIMITED`): nothing after it on that line is tags. */
const CLASSIFICATION = new Set(levels.spellings.map(({ text }) => text.split(' ')[0]));
const SPACED_BANNER = new RegExp(`^(?:${SPACED_BANNER_WORDS.join('|')})\\b`);
/** A page tracking number of a printed page header: `PTQ1234`. */
const PAGE_NUMBER = /^[A-Z]{2,4}\d{3,}$/;
const MARKUP = /^<\/?[A-Za-z]+\s*\/?>$/;
const NAME_WORD = /^[A-Za-z][A-Za-z'’-]*\.?$/;
const MAX_NAME_WORDS = 4;
/** A written word, not a code: six letters with a vowel (`RIGHTS`), or five with two (`IRAQI`, not `PARMS`). */
const LONG_WORD = /^[A-Za-z][A-Za-z'’-]{4,}$/;
const VOWELS = /[AEIOU]/gi;
const SCAN_LIMIT = 2000;

/** `TAGS: PGOV PREL …` with its wrapped lines `lines[i..next)`. */
export function parseTags(lines: Line[], i: number, next: number): TagsField {
  const { keyword, after } = keyMatch('tags', lines[i]);
  const words: Word[] = [];
  for (let j = i; j < next; j++) collectWords(lines[j], j === i ? after : 0, words);
  const field: TagsField = { range: { start: trimmedRange(lines[i]).start, end: endOfLastLine(lines, i, next) }, keyword, tags: [] };
  const { tags, acronyms } = getDictionaries();
  readWords(words, field, tags, acronyms);
  return field;
}

/** The words of one line (or piece of a line) from `from`, without page-header debris and markup. */
function collectWords(line: Line, from: number, out: Word[]) {
  const text = line.text.length > from + SCAN_LIMIT ? line.text.slice(0, from + SCAN_LIMIT) : line.text;
  const regex = /[^\s,;]+/g;
  regex.lastIndex = from;
  let previousEnd = from;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const raw = m[0];
    const upper = raw.toUpperCase();
    const separated = hasSeparator(text, previousEnd, m.index);
    previousEnd = m.index + raw.length;
    if (isDebrisStart(text, m.index, raw, upper)) return;
    if (upper === 'SECTION') {
      const section = /^SECTION\s+\d+\s+OF\s+\d+/i.exec(text.slice(m.index, m.index + 40));
      if (section) {
        regex.lastIndex = previousEnd = m.index + section[0].length;
        continue;
      }
    }
    if ((raw.charCodeAt(0) === 60 && MARKUP.test(raw)) || (isDigitCode(raw.charCodeAt(raw.length - 1)) && PAGE_NUMBER.test(raw))) continue;
    const last = raw.charCodeAt(raw.length - 1);
    const clean = last === 46 || last === 58 ? raw.replace(/[.:]+$/, '') : raw;
    if (clean) out.push({ line, start: m.index, text: clean, raw, upper: clean === raw ? upper : clean.toUpperCase(), separated });
  }
}

/** A classification word, a spaced banner or `PAGE 02`: a page header, after which the line holds no tags. */
function isDebrisStart(text: string, at: number, raw: string, upper: string): boolean {
  if (CLASSIFICATION.has(upper)) return true;
  if (raw.length === 1) return SPACED_BANNER.test(text.slice(at, at + 30));
  return upper === 'PAGE' && /^\s+\d/.test(text.slice(at + 4, at + 8));
}

function hasSeparator(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === 44 || code === 59) return true;
  }
  return false;
}

/** Adds a tag unless the field has it already (a repeat counts once, where it first stands). */
type AddTag = (line: Line, start: number, text: string, upper: string) => void;

/** Sorts the words into tags, names, keywords and controls. */
function readWords(words: Word[], field: TagsField, known: ReadonlyMap<string, TagEntry>, acronyms: ReadonlyMap<string, string>) {
  const seen = new Set<string>();
  const addTag: AddTag = (line, start, text, upper) => {
    if (seen.has(upper)) return;
    seen.add(upper);
    field.tags.push(tokenAt(line, start, text));
  };
  let run: Word[] = [];
  const endRun = () => {
    if (!run.length) return;
    flushUnknown(run, field, addTag, acronyms);
    run = [];
  };
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    if (CONTROLS.has(word.upper)) {
      endRun();
      (field.controls ??= []).push(tokenAt(word.line, word.start, word.text));
      continue;
    }
    if (known.has(word.upper)) {
      endRun();
      addTag(word.line, word.start, word.text, word.upper);
      if (PEOPLE_TAGS.has(word.upper)) k = readName(words, k + 1, word.upper, field, known) - 1;
      continue;
    }
    // An acronym is one word (`USEU` is the mission, not US + EU).
    const parts = acronyms.has(word.upper) ? undefined : gluedParts(word.upper, known);
    if (parts) {
      endRun();
      const [a, b] = [word.text.slice(0, parts), word.text.slice(parts)];
      if (!(field.glued ??= []).some((g) => g.text.toUpperCase() === word.upper))
        field.glued.push({ ...tokenAt(word.line, word.start, word.text), parts: [a, b] });
      addTag(word.line, word.start, a, word.upper.slice(0, parts));
      addTag(word.line, word.start + parts, b, word.upper.slice(parts));
      continue;
    }
    // A keyword ends at the line's end and at a comma: `COUNTERTERRORISM, GOI EXTERNAL` are two.
    if (run.length && (run[run.length - 1].line !== word.line || word.separated)) endRun();
    run.push(word);
  }
  endRun();
}

/**
 * Unknown words in a row: written words (`IRAQI FREEDOM`), with acronyms next to them (`GOI EXTERNAL`), make one
 * free-text keyword; any other unknown word stays a tag (the unknown-tag rule speaks of it).
 */
function flushUnknown(run: Word[], field: TagsField, addTag: AddTag, acronyms: ReadonlyMap<string, string>) {
  let k = 0;
  while (k < run.length) {
    let end = k;
    let written = false;
    while (end < run.length && (isWrittenWord(run[end]) || acronyms.has(run[end].upper))) written = isWrittenWord(run[end++]) || written;
    if (!written) {
      const word = run[k++];
      addTag(word.line, word.start, word.text, word.upper);
      continue;
    }
    const first = run[k];
    const last = run[end - 1];
    const stop = last.start + last.text.length;
    (field.keywords ??= []).push({ text: first.line.text.slice(first.start, stop), range: rangeOf(first.line, first.start, stop) });
    k = end;
  }
}

function isWrittenWord(word: Word): boolean {
  if (!LONG_WORD.test(word.text)) return false;
  const vowels = word.text.match(VOWELS)?.length ?? 0;
  return vowels >= 2 || (vowels === 1 && word.text.length >= 6);
}

/**
 * The name after a people tag, from `words[k]`: `(STEINBERG, JAMES B.)`, or two to four name words on the same
 * line that are no known tag (`RICE CONDOLEEZZA`, `BUSH GEORGE W`). Returns the index of the first word after it.
 */
function readName(words: Word[], k: number, tag: string, field: TagsField, known: ReadonlyMap<string, TagEntry>): number {
  const first = words[k];
  if (!first || first.line !== words[k - 1].line) return k;
  if (first.raw.startsWith('(')) return readBracketedName(words, k, tag, field);
  let end = k;
  while (end < words.length && end - k < MAX_NAME_WORDS && words[end].line === first.line && isNameWord(words[end], known)) end++;
  if (end - k < 2) return k;
  const last = words[end - 1];
  pushName(field, first.line, first.start, last.start + last.raw.replace(/:+$/, '').length, tag);
  return end;
}

function isNameWord(word: Word, known: ReadonlyMap<string, TagEntry>): boolean {
  return NAME_WORD.test(word.raw.replace(/:+$/, '')) && !known.has(word.upper) && !CONTROLS.has(word.upper);
}

function readBracketedName(words: Word[], k: number, tag: string, field: TagsField): number {
  const first = words[k];
  for (let end = k; end < words.length && end - k < 8 && words[end].line === first.line; end++) {
    const close = words[end].raw.indexOf(')');
    if (close < 0) continue;
    const from = first.start + 1;
    const to = words[end].start + close;
    const inner = first.line.text.slice(from, to);
    const lead = inner.length - inner.trimStart().length;
    const text = inner.trim();
    if (text) pushName(field, first.line, from + lead, from + lead + text.length, tag);
    return end + 1;
  }
  return k;
}

function pushName(field: TagsField, line: Line, start: number, end: number, tag: string) {
  const name: TagName = { text: line.text.slice(start, end), range: rangeOf(line, start, end), tag };
  (field.names ??= []).push(name);
}

/**
 * Where a word splits into two known tags written without the space (`ETRDEINV`, `IZPREL`), or undefined. Two
 * country codes are no proof (`CKGR` would read as CK + GR): one half must be a subject, program or organization.
 */
function gluedParts(upper: string, known: ReadonlyMap<string, TagEntry>): number | undefined {
  if (upper.length < 4 || upper.length > 14 || !/^[A-Z]+$/.test(upper)) return undefined;
  for (let cut = 2; cut <= upper.length - 2; cut++) {
    const a = known.get(upper.slice(0, cut));
    const b = a && known.get(upper.slice(cut));
    if (a && b && (a.kind !== 'geographic' || b.kind !== 'geographic')) return cut;
  }
  return undefined;
}

/**
 * Continuation lines of TAGS hold only short codes (`SY, IS`, `KN, MK, SI`), in the case the writer used,
 * perhaps with a scraped `<br>`; a printed page header between them (`CONFIDENTIAL PAGE 02 …`) belongs too.
 */
export function isTagsContinuation(line: Line): boolean {
  if (line.text.length >= 120) return false;
  return TAGS_CONTINUATION.test(line.text) || PAGE_HEADER.test(line.text);
}

const TAGS_CONTINUATION = /^\s*(?:[A-Z0-9]{2,6}|[a-z]{2,6})(?:[\s,;]+(?:[A-Z0-9]{2,6}|[a-z]{2,6}))*[\s,;]*(?:<br\s*\/?>)?\s*$/;
const PAGE_HEADER = new RegExp(String.raw`^\s*(?:${LEVEL_SPELLINGS})\s+PAGE\s+\d{1,3}\b`);
