/**
 * Part of the parser, read on demand (the first hover that needs it) and kept in the model's cache
 * (`features/modelCache.ts`), so plain parsing does not pay for it. Acronyms a cable defines itself: `the Federal Investigative Agency (AFI)`, `Secretariat of National
 * Defense's (SEDENA)`, `the PGR (Attorney General's Office)`. A definition counts when the initials of the
 * capitalised words fit the acronym — in order, or in any order, since posts translate Spanish or French names
 * (`Agencia Federal de Investigacion` becomes `Federal Investigative Agency`) and keep the original acronym.
 * A translated name whose initials do not fit at all (`Attorney General's Office (PGR)`) counts only when it
 * names an institution and the text is in mixed case, where capitals still mark a name.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Cable } from '../model';

export interface AcronymDefinition {
  /** Upper-case acronym, e.g. `SSP`. */
  acronym: string;
  /** The name as the cable writes it, without a trailing possessive: `Secretariat of Public Security`. */
  expansion: string;
  /** Range of the acronym in the definition. */
  range: Range;
  /** How the initials fit: in order, in another order (a translated name), or not at all (an institution's translated name). */
  fit: 'initials' | 'reordered' | 'translated';
}

/** Words that may sit inside a name without being capitalised, and may give the acronym a letter or not. */
const CONNECTORS = new Set([
  'OF',
  'THE',
  'AND',
  'FOR',
  'ON',
  'IN',
  'DE',
  'DEL',
  'LA',
  'LOS',
  'LAS',
  'EL',
  'Y',
  'ET',
  'DU',
  'DES',
  'LE',
  '&',
]);
/** Head nouns of institutions: a phrase with one of these is a name even when its initials follow another language. */
const INSTITUTION_WORDS =
  /^(?:Office|Secretariat|Secretary|Ministry|Agency|Party|Council|Commission|Committee|Institute|Department|Bureau|Court|Service|Forces?|Army|Navy|Front|Movement|Union|Organi[sz]ation|Association|Bank|Fund|Programm?e?|Cent(?:er|re)|Authority|Administration|Directorate|Police|Command|Assembly|Congress|Senate|Chamber|Federation|Confederation|Alliance|Coalition|Corporation|Company|Board|Tribunal|Network|Group|Unit|Division|Guard|Prosecutor|Attorney)$/;

const MAX_NAME_WORDS = 10;
/** Parentheses looked at per cable: real cables have dozens; a pathological file must not stall a hover. */
const MAX_SITES = 2000;
/** `(AFI)`, `(GoM)`, `(NGOs)`: two or more capitals, maybe a lower-case `o` for `of`, maybe a plural `s`. */
const ACRONYM_IN_PARENS = /\(\s*([A-Z][A-Za-z0-9&]{0,10}[A-Z0-9])s?\s*\)/g;
/** `PGR (Attorney General's Office)`: an acronym followed by its name in parentheses. */
const NAME_IN_PARENS = /\b([A-Z][A-Z0-9&]{1,11})\s+\(([^()]{3,120})\)/g;

/** The cable's own definitions, acronym → first definition, read from the text from its SUBJECT on. */
export function scanAcronymDefinitions(document: TextDocument, cable: Cable): Map<string, AcronymDefinition> {
  const definitions = new Map<string, AcronymDefinition>();
  const start = cable.caption.subject?.range.start ?? cable.body.range?.start;
  if (!start) return definitions;
  const from = document.offsetAt(start);
  const text = document.getText({ start, end: cable.range.end });
  const mixedCase = /[a-z]/.test(text);
  const add = (definition: AcronymDefinition | undefined) => {
    if (definition && !definitions.has(definition.acronym)) definitions.set(definition.acronym, definition);
  };
  let sites = 0;
  for (const match of text.matchAll(ACRONYM_IN_PARENS)) {
    if (++sites > MAX_SITES) break;
    const acronymStart = match.index! + match[0].indexOf(match[1]);
    const words = wordsBefore(text, match.index!);
    const range = { start: document.positionAt(from + acronymStart), end: document.positionAt(from + acronymStart + match[1].length) };
    add(define(match[1], words, range, mixedCase, 'before'));
  }
  for (const match of text.matchAll(NAME_IN_PARENS)) {
    if (++sites > 2 * MAX_SITES) break;
    const words = wordsOf(match[2]);
    const range = { start: document.positionAt(from + match.index!), end: document.positionAt(from + match.index! + match[1].length) };
    add(define(match[1], words, range, mixedCase, 'after'));
  }
  return definitions;
}

/** The words of the clause just before `end`: back to a sentence break, a parenthesis, a colon or a dash pair. */
function wordsBefore(text: string, end: number): string[] {
  const before = text.slice(Math.max(0, end - 200), end);
  const clauseStart = Math.max(...[/[.!?;:]\s/g, /[()"]/g, /--/g].map((regex) => lastIndexOf(before, regex)));
  return wordsOf(before.slice(clauseStart));
}

function lastIndexOf(text: string, regex: RegExp): number {
  let last = 0;
  for (const match of text.matchAll(regex)) last = match.index! + match[0].length;
  return last;
}

/**
 * Words of a name; hyphenated words split so `Inter-American` gives `Inter` and `-American`. A `SIPDIS` that the
 * cable system dropped into the running text is not part of any name.
 */
function wordsOf(text: string): string[] {
  const words = (text.match(/[A-Za-z&][A-Za-z'’.&]*(?:-[A-Za-z][A-Za-z'’.]*)*/g) ?? []).filter((word) => word !== 'SIPDIS');
  return words.flatMap((word) => {
    const [head, ...rest] = word.split('-');
    return [head, ...rest.map((part) => `-${part}`)];
  });
}

const isCapitalised = (word: string) => /^-?[A-Z]/.test(word);
const isConnector = (word: string) => CONNECTORS.has(word.toUpperCase());

function define(
  acronymText: string,
  words: string[],
  range: Range,
  mixedCase: boolean,
  side: 'before' | 'after',
): AcronymDefinition | undefined {
  const acronym = acronymText.toUpperCase();
  if (!/[A-Z].*[A-Z]/.test(acronymText.replace(/[a-z]/g, '')) || /^\d/.test(acronym)) return undefined;
  const candidates = nameCandidates(words, side, mixedCase);
  for (const fit of ['initials', 'reordered'] as const) {
    const name = candidates.find((candidate) => (fit === 'initials' ? fitsInOrder : fitsInAnyOrder)(acronym, letterSources(candidate)));
    if (name) return { acronym, expansion: displayName(name), range, fit };
  }
  if (!mixedCase) return undefined;
  // No more name words than the acronym has letters (at least two): longer runs pull in people's names and titles.
  const limit = Math.max(2, acronym.length);
  const institution = candidates.find((candidate) => {
    const nameWords = candidate.filter((w) => !isConnector(w) && !w.startsWith('-')).length;
    return (
      nameWords >= 2 &&
      nameWords <= limit &&
      candidate.some((w) => INSTITUTION_WORDS.test(stripPossessive(w))) &&
      sharesAnInitial(acronym, candidate)
    );
  });
  return institution ? { acronym, expansion: displayName(institution), range, fit: 'translated' } : undefined;
}

/**
 * Phrases that may be the name: for `before`, each run of capitalised words (with connectors inside) ending at
 * the acronym, longest first; for `after`, the whole parenthesised text when it is such a run.
 */
function nameCandidates(words: string[], side: 'before' | 'after', mixedCase: boolean): string[][] {
  const isNameWord = (word: string) => isConnector(word) || isCapitalised(word);
  if (side === 'after') {
    const ok =
      words.length > 0 && words.length <= MAX_NAME_WORDS && words.every(isNameWord) && isCapitalised(words[0]) && !isConnector(words[0]);
    return ok ? [words] : [];
  }
  let first = words.length;
  while (first > 0 && words.length - first < MAX_NAME_WORDS && isNameWord(words[first - 1]) && (mixedCase || words.length - first < 6))
    first--;
  const candidates: string[][] = [];
  for (let i = first; i < words.length; i++) {
    if (isCapitalised(words[i]) && !isConnector(words[i]) && !words[i].startsWith('-')) candidates.push(words.slice(i));
  }
  return candidates;
}

/** Per word, its upper-case letters as a source of initials and whether it must give at least one. */
interface LetterSource {
  letters: string;
  required: boolean;
}

function letterSources(words: string[]): LetterSource[] {
  return words.map((word) => {
    const letters = stripPossessive(word)
      .replace(/[^A-Za-z&]/g, '')
      .toUpperCase();
    const required = !isConnector(word) && !word.startsWith('-') && isCapitalised(word);
    return { letters, required };
  });
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/, '');
}

/** The acronym is the words' leading letters, in order: each required word gives a prefix of itself, connectors one letter or none. */
function fitsInOrder(acronym: string, sources: LetterSource[]): boolean {
  const failed = new Set<number>();
  const fit = (a: number, w: number): boolean => {
    if (w === sources.length) return a === acronym.length;
    const key = a * 64 + w;
    if (failed.has(key)) return false;
    const { letters, required } = sources[w];
    if (!required && fit(a, w + 1)) return true;
    const longest = required ? letters.length : Math.min(1, letters.length);
    for (let n = 1; n <= longest && a + n <= acronym.length; n++) {
      if (letters.slice(0, n) !== acronym.slice(a, a + n)) break;
      if (fit(a + n, w + 1)) return true;
    }
    failed.add(key);
    return false;
  };
  return fit(0, 0);
}

/** As `fitsInOrder`, but the words may give their prefixes in any order. Memoised on (letters matched, words used). */
function fitsInAnyOrder(acronym: string, sources: LetterSource[]): boolean {
  if (sources.length > 8) return false;
  const failed = new Set<number>();
  const fit = (a: number, used: number): boolean => {
    if (a === acronym.length) return sources.every((s, i) => used & (1 << i) || !s.required);
    const key = a * 256 + used;
    if (failed.has(key)) return false;
    for (let w = 0; w < sources.length; w++) {
      if (used & (1 << w)) continue;
      const { letters, required } = sources[w];
      const longest = required ? letters.length : Math.min(1, letters.length);
      for (let n = 1; n <= longest && a + n <= acronym.length; n++) {
        if (letters.slice(0, n) !== acronym.slice(a, a + n)) break;
        if (fit(a + n, used | (1 << w))) return true;
      }
    }
    failed.add(key);
    return false;
  };
  return fit(0, 0);
}

function sharesAnInitial(acronym: string, words: string[]): boolean {
  return words.some((word) => !isConnector(word) && acronym.includes(word.replace(/^-/, '')[0]?.toUpperCase() ?? '\0'));
}

/** The words as written, joined, with a possessive on the last word dropped: `Secretariat of Public Security's` → `… Security`. */
function displayName(words: string[]): string {
  const joined = words.map((word, i) => (i === words.length - 1 ? stripPossessive(word) : word)).join(' ');
  return joined.replace(/ -/g, '-');
}
