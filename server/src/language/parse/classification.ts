/** Classification words and portion markings: text → level and caveats. */
import type { Classification, Level } from '../model';

const LEVEL_WORDS: Array<[RegExp, Level]> = [
  [/^TOP\s*SECRET(?![A-Z])/, 'TS'],
  [/^SECRET(?![A-Z])/, 'S'],
  [/^CONFIDENTIAL(?![A-Z])/, 'C'],
  [/^LIMITED\s+OFFICIAL\s+USE/, 'SBU'],
  [/^UNCLASSIFIED/, 'U'],
  [/^UNCLAS/, 'U'],
];

const LEVEL_NAMES: Record<Level, string> = {
  U: 'UNCLASSIFIED',
  SBU: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/** Names of the levels as written in full. */
export function levelName(level: Level): string {
  return level === 'SBU' ? 'SENSITIVE BUT UNCLASSIFIED' : LEVEL_NAMES[level];
}

/** Canonical `index.csv` text of a level with caveats, e.g. `SECRET//NOFORN`. */
export function classificationText(level: Level, caveats: string[]): string {
  const base = LEVEL_NAMES[level];
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
  const caveats: string[] = [];
  if (/NOFORN|\/\/NF\b/.test(compact)) caveats.push('NOFORN');
  if (/FOR\s*OFFICIAL\s*USE\s*ONLY|FOUO/.test(compact)) {
    caveats.push('FOUO');
    if (level === 'U') level = 'SBU';
  }
  return makeClassification(level, caveats);
}

const MARKING_LEVELS: Record<string, Level> = { U: 'U', SBU: 'SBU', LOU: 'SBU', C: 'C', S: 'S', TS: 'TS' };

const CAVEAT_WORDS: Record<string, string> = {
  NF: 'NOFORN',
  NOFORN: 'NOFORN',
  FOUO: 'FOUO',
  FGI: 'FGI',
  OC: 'ORCON',
  ORCON: 'ORCON',
  PROPIN: 'PROPIN',
  REL: 'REL TO',
  RELTO: 'REL TO',
};

/**
 * Reads a portion marking's inside, `S//NF`, `C/REL NATO`, `U//FOUO`, `S//FGI//NF`.
 * Level undefined when the first part is not a level; unknown caveats make it unknown too.
 */
export function parsePortionMarking(inside: string): { level?: Level; caveats: string[] } {
  // Most markings are a level alone (`C`, `SBU`): no caveats to split off.
  if (inside.indexOf('/') < 0) return { level: MARKING_LEVELS[inside.toUpperCase().replace(/\s+/g, '')], caveats: [] };
  const parts = inside.toUpperCase().trim().split(/\s*\/+\s*/);
  const level = MARKING_LEVELS[parts[0].replace(/\s+/g, '')];
  const caveats: string[] = [];
  for (const part of parts.slice(1)) {
    const head = part.split(/\s+/)[0];
    const caveat = CAVEAT_WORDS[head];
    if (!caveat) return { level: undefined, caveats };
    caveats.push(caveat);
  }
  return { level, caveats };
}

/** Security-line letter (`ZNY CCCCC`) → level; E (EFTO) is unclassified sent encrypted. */
export function levelOfSecurityLetter(letter: string): Level | undefined {
  return ({ U: 'U', E: 'U', C: 'C', S: 'S', T: 'TS' } as Record<string, Level>)[letter];
}
