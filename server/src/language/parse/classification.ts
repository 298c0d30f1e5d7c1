/**
 * Classification words and portion markings: text → level and caveats. The words, marking letters and caveats are
 * the dictionary's (`dicts/classificationLevels.ts`, `dicts/controls.ts`); only how they are matched is said here.
 */
import { getDictionaries } from '../dicts/dictionaries';
import type { Classification, Level } from '../model';

const { levels, controls } = getDictionaries();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A spelling as a pattern whose words may run together: `TOPSECRET` is a letter-spaced banner made compact. */
export function spellingPattern(text: string): string {
  return text.split(' ').map(escapeRegExp).join('\\s*');
}

/** Every spelling of every level as a regex alternation, longest first: `LIMITED OFFICIAL USE|UNCLASSIFIED|…|UNCLAS`. */
export const LEVEL_SPELLINGS = levels.spellings.map(({ text }) => escapeRegExp(text)).join('|');

/** Every level's marking words as a regex alternation, longest first: `SBU|LOU|TS|U|C|S`. */
export const LEVEL_MARKINGS = levels.list
  .flatMap((entry) => entry.markings)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

/** The level words of banners letter-spaced as banners write them: `C O N F I D E N T I A L`, `U N C L A S`. */
export const SPACED_BANNER_WORDS: readonly string[] = levels.list.flatMap((entry) =>
  entry.banner ? [entry.banner.replace(/ /g, '').split('').join(' ')] : [],
);

/**
 * Each spelling of a level at the start of the text. A spelling must end there (SECRET is not SECRETARY) unless it
 * begins a longer spelling of its level: UNCLAS begins UNCLASSIFIED, so `UNCLASS` and `UNCLASEFTO` read as U too.
 */
const LEVEL_WORDS: Array<[RegExp, Level]> = levels.spellings.map(({ text, level }) => {
  const open = levels.byLevel[level].spellings.some((other) => other !== text && other.startsWith(text));
  return [new RegExp(`^${spellingPattern(text)}${open ? '' : '(?![A-Z])'}`), level];
});

/** Caveats as classification words write them: `NOFORN` or `//NF`, `FOR OFFICIAL USE ONLY` or `FOUO`. */
const CAVEAT_WORDS = controls.caveats.map((caveat) => {
  const words = [caveat.code, ...caveat.spellings].map(spellingPattern);
  const markings = caveat.markings.map((marking) => `\\/\\/${spellingPattern(marking)}\\b`);
  return { caveat, regex: new RegExp([...words, ...markings].join('|')) };
});

/** Names of the levels as written in full: `SENSITIVE BUT UNCLASSIFIED`. */
export function levelName(level: Level): string {
  return levels.byLevel[level].words;
}

/** Canonical `index.csv` text of a level with caveats, e.g. `SECRET//NOFORN`; index.csv shows NOFORN alone. */
export function classificationText(level: Level, caveats: string[]): string {
  const base = levels.byLevel[level].name;
  const shown = caveats.filter((c) => c === 'NOFORN');
  return level !== 'SBU' && shown.length ? `${base}//${shown.join('//')}` : base;
}

export function makeClassification(level: Level, caveats: string[]): Classification {
  return { level, caveats, text: classificationText(level, caveats) };
}

/**
 * Reads a classification word as written in preambles and banners:
 * `CONFIDENTIAL`, `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, `UNCLAS`, `C O N F I D E N T I A L`.
 */
export function parseClassificationWords(text: string): Classification | undefined {
  const upper = text.toUpperCase().trim();
  const compact = /^(?:[A-Z] ){3,}/.test(upper) ? upper.replace(/ /g, '') : upper;
  const entry = LEVEL_WORDS.find(([regex]) => regex.test(compact));
  if (!entry) return undefined;
  let level = entry[1];
  // The caveats in the order the text gives them; FOR OFFICIAL USE ONLY makes UNCLASSIFIED Sensitive But Unclassified.
  const found = CAVEAT_WORDS.map(({ caveat, regex }) => ({ caveat, at: compact.search(regex) })).filter(({ at }) => at >= 0);
  found.sort((a, b) => a.at - b.at);
  if (level === 'U' && found.some(({ caveat }) => caveat.sensitive)) level = 'SBU';
  return makeClassification(
    level,
    found.map(({ caveat }) => caveat.code),
  );
}

/**
 * Reads a portion marking's inside, `S//NF`, `C/REL NATO`, `U//FOUO`, `S//FGI//NF`.
 * Level undefined when the first part is not a level; unknown caveats make it unknown too.
 */
export function parsePortionMarking(inside: string): { level?: Level; caveats: string[] } {
  // Most markings are a level alone (`C`, `SBU`): no caveats to split off.
  if (inside.indexOf('/') < 0) return { level: levels.byMarking.get(inside.toUpperCase().replace(/\s+/g, '')), caveats: [] };
  const known = readSlashMarking(inside);
  return { level: known.level, caveats: known.caveats.slice() };
}

/** The caveats of a marking as written, upper-cased: `NF` of `S//NF`, `REL NATO` of `C/REL NATO`; none for `C`. */
export function writtenCaveatsOf(inside: string): string[] {
  return inside.indexOf('/') < 0 ? [] : readSlashMarking(inside).written.slice();
}

interface SlashMarking {
  level?: Level;
  caveats: readonly string[];
  written: readonly string[];
}

/**
 * A marking with caveats, read once per spelling: a cable repeats its few markings (`C//NF`) paragraph after
 * paragraph, and splitting them with regexes each time cost more than the rest of reading a paragraph's head.
 * The callers get copies, so the model's arrays are its own.
 */
const slashMarkings = new Map<string, SlashMarking>();
const SLASH_MARKINGS_KEPT = 1000;

function readSlashMarking(inside: string): SlashMarking {
  const kept = slashMarkings.get(inside);
  if (kept) return kept;
  const parts = inside
    .toUpperCase()
    .trim()
    .split(/\s*\/+\s*/);
  const written = parts.slice(1);
  let level = levels.byMarking.get(parts[0].replace(/\s+/g, ''));
  const caveats: string[] = [];
  for (const part of written) {
    const caveat = controls.byMarking.get(part.split(/\s+/)[0]);
    if (!caveat) {
      level = undefined;
      break;
    }
    caveats.push(caveat);
  }
  if (slashMarkings.size >= SLASH_MARKINGS_KEPT) slashMarkings.clear();
  const known = { level, caveats, written };
  slashMarkings.set(inside, known);
  return known;
}

/** Security-line letter (`ZNY CCCCC`) → level; E (EFTO) is unclassified sent encrypted. */
export function levelOfSecurityLetter(letter: string): Level | undefined {
  return levels.bySecurityLetter.get(letter);
}

/** The security letter a cable of `level` carries: `C` for CONFIDENTIAL, `U` for SBU (EFTO's `E` also passes for U). */
export function securityLetterOf(level: Level): string {
  return levels.byLevel[level].securityLetters[0];
}
