/**
 * Routing-header rules (2xx): the `DE` line, the security line `ZNY CCCCC ZZH` and the date-time group
 * `R 041708Z FEB 09`, each on its own and against the rest of the cable.
 */
import type { Cable, DateTimeGroup, DeLine, Level } from '../model';
import { dayOfYear, daysInMonth, isLeapYear, isValidTime } from '../parse/dates';
import { getDictionaries } from '../dicts/dictionaries';
import { levelOfSecurityLetter, securityLetterOf } from '../parse/classification';
import { cableLevel, isClassified, levelWords, listWithOr, monthName, readableDay } from './cableFacts';
import type { CableRule } from './rule';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `JAN, FEB, … NOV or DEC`. */
const MONTHS_EXPECTED = listWithOr(getDictionaries().calendar.months.map((month) => month.abbreviation));

/** Why a date-time group's parts do not make a date, or undefined when they do. */
function dateTimeGroupFault(dtg: DateTimeGroup): { part: 'dayTime' | 'month' | 'year'; text: string } | undefined {
  const written = `${dtg.dayTime.text} ${dtg.month.text} ${dtg.year.text}`;
  if (dtg.monthNumber < 1 || dtg.monthNumber > 12) {
    return { part: 'month', text: `The date-time group ${written} has the month '${dtg.month.text}': expected ${MONTHS_EXPECTED}.` };
  }
  if (dtg.fullYear < 1900 || dtg.fullYear > 2199 || dtg.year.text.length === 3) {
    return {
      part: 'year',
      text: `The date-time group ${written} has the year '${dtg.year.text}': expected two digits (09) or four (2009).`,
    };
  }
  const days = daysInMonth(dtg.fullYear, dtg.monthNumber);
  if (dtg.day < 1 || dtg.day > days) {
    const month = `${monthName(dtg.monthNumber)} ${dtg.fullYear}`;
    return {
      part: 'dayTime',
      text: `The date-time group ${written} gives day ${pad(dtg.day)}, which ${month} does not have: expected a day 01–${days}.`,
    };
  }
  if (!isValidTime(dtg.hour, dtg.minute)) {
    return {
      part: 'dayTime',
      text: `The date-time group ${written} gives the time ${pad(dtg.hour)}:${pad(dtg.minute)}: expected hours 00–23 and minutes 00–59.`,
    };
  }
  return undefined;
}

export const malformedDeLineRule: CableRule = {
  code: 'CBL201',
  name: 'malformed-de-line',
  severity: 'warning',
  description: 'A `DE` line that is not `DE <station> #<serial>[/<section>] <day of year><hhmm>`, or whose day or time does not exist.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const de = cable.routing?.de;
    if (!de) return;
    if (!de.wellFormed) {
      context.report({
        range: de.range,
        message:
          'This DE line does not have the expected shape: expected DE, the station, # and the serial (with /section), then the day of the year and the time, e.g. DE RUEHME #0283/01 0351708.',
      });
      return;
    }
    const days = cable.routing?.dtg ? (isLeapYear(cable.routing.dtg.fullYear) ? 366 : 365) : 366;
    const { dayOfYear: day = 0, hour = 0, minute = 0, dayTime } = de;
    if (!dayTime) return;
    if (day < 1 || day > days) {
      context.report({ range: dayTime.range, message: `The DE line gives day ${pad(day, 3)} of the year: expected a day 001–${days}.` });
    } else if (!isValidTime(hour, minute)) {
      context.report({
        range: dayTime.range,
        message: `The DE line gives the time ${pad(hour)}:${pad(minute)}: expected hours 00–23 and minutes 00–59.`,
      });
    }
  },
};

/** Minutes from the DTG to the DE line's day and time, taking a turn of the year into account. */
function minutesFromDtgToDe(de: Required<Pick<DeLine, 'dayOfYear' | 'hour' | 'minute'>>, dtg: DateTimeGroup): number {
  const dtgDay = dayOfYear(dtg.fullYear, dtg.monthNumber, dtg.day);
  let deDay = de.dayOfYear;
  const yearDays = isLeapYear(dtg.fullYear) ? 366 : 365;
  if (deDay < 32 && dtgDay > yearDays - 31) deDay += yearDays;
  else if (deDay > 334 && dtgDay < 32) deDay -= isLeapYear(dtg.fullYear - 1) ? 366 : 365;
  return (deDay - dtgDay) * 1440 + (de.hour - dtg.hour) * 60 + (de.minute - dtg.minute);
}

/** The DE line gives the transmission time: on real cables it is the DTG's or at most minutes later. */
const DE_EARLIEST_MINUTES = -15;
const DE_LATEST_MINUTES = 60;

export const deDtgMismatchRule: CableRule = {
  code: 'CBL202',
  name: 'de-dtg-mismatch',
  severity: 'warning',
  description: "The `DE` line's day of year and time (`0351708`) disagree with the date-time group (`041708Z FEB 09` is day 035).",
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const de = cable.routing?.de;
    const dtg = cable.routing?.dtg;
    if (!de?.wellFormed || !de.dayTime || de.dayOfYear === undefined || de.hour === undefined || de.minute === undefined || !dtg?.iso)
      return;
    if (de.dayOfYear < 1 || de.dayOfYear > 366 || !isValidTime(de.hour, de.minute)) return;
    // `P 031719Z MAR 09 ZDS`: a service signal marks a retransmission, whose DE line gives the later sending.
    if (dtg.serviceText) return;
    const minutes = minutesFromDtgToDe({ dayOfYear: de.dayOfYear, hour: de.hour, minute: de.minute }, dtg);
    if (minutes >= DE_EARLIEST_MINUTES && minutes <= DE_LATEST_MINUTES) return;
    const dtgDay = dayOfYear(dtg.fullYear, dtg.monthNumber, dtg.day);
    const expected = `${pad(dtgDay, 3)}${pad(dtg.hour)}${pad(dtg.minute)}`;
    context.report({
      range: de.dayTime.range,
      message: `The DE line's day and time ${de.dayTime.text} (day ${pad(de.dayOfYear, 3)}, ${pad(de.hour)}:${pad(de.minute)}Z) disagree with the date-time group ${dtg.dayTime.text} ${dtg.month.text} ${dtg.year.text} (${readableDay(dtg.iso)} is day ${pad(dtgDay, 3)}): expected ${expected} or up to an hour later.`,
    });
  },
};

export const malformedDtgRule: CableRule = {
  code: 'CBL203',
  name: 'malformed-dtg',
  severity: 'error',
  description: 'A date-time group whose day, hour, minute or year does not exist (`301708Z FEB 09`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const dtg = cable.routing?.dtg;
    if (!dtg || dtg.iso) return;
    const fault = dateTimeGroupFault(dtg);
    if (fault) context.report({ range: dtg[fault.part].range, message: fault.text });
  },
};

/** Minutes between two ISO date-times. */
function minutesApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 60_000;
}

export const dtgDateMismatchRule: CableRule = {
  code: 'CBL204',
  name: 'dtg-date-mismatch',
  severity: 'warning',
  description: "The date-time group disagrees with the cable's date in its record or preamble.",
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const dtg = cable.routing?.dtg;
    if (!dtg?.iso) return;
    const written = `${dtg.dayTime.text} ${dtg.month.text} ${dtg.year.text}`;
    const record = cable.record?.date;
    // Records copy the DTG to the minute; a few minutes' slack spares rounding.
    if (record?.iso && minutesApart(record.iso, dtg.iso) > 5) {
      context.report({
        range: dtg.range,
        message: `The date-time group ${written} (${readableDay(dtg.iso)} ${dtg.iso.slice(11, 16)}Z) disagrees with the record date ${record.text}: expected the same date and time.`,
      });
      return;
    }
    const preamble = cable.preamble?.date;
    // The preamble gives a local midnight (`+0100`), so only a gap of more than a day is a disagreement.
    if (preamble?.iso && minutesApart(`${preamble.iso.slice(0, 10)}T00:00:00Z`, `${dtg.iso.slice(0, 10)}T00:00:00Z`) > 1440) {
      context.report({
        range: dtg.range,
        message: `The date-time group ${written} (${readableDay(dtg.iso)}) disagrees with the preamble date ${preamble.text}: expected the same day.`,
      });
    }
  },
};

/** `UUUUU, EEEEE, CCCCC, SSSSS or TTTTT`: every level's security letters, lowest level first. */
const SECURITY_LETTERS_EXPECTED = listWithOr(
  [...new Set(getDictionaries().levels.list.flatMap((entry) => entry.securityLetters))].map((letter) => letter.repeat(5)),
);

/** The cable's level when a part other than the security line gave it. */
function levelBesidesSecurityLine(cable: Cable): Level | undefined {
  return cable.classification && cable.classification.source !== 'routing' ? cableLevel(cable) : undefined;
}

export const malformedSecurityLineRule: CableRule = {
  code: 'CBL205',
  name: 'malformed-security-line',
  severity: 'warning',
  description: 'Security-line letters that are not five equal letters U, E, C, S or T (`ZNY CCCXC`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const security = cable.routing?.security;
    const letters = security?.letters;
    if (!security || !letters || (security.letter && levelOfSecurityLetter(security.letter))) return;
    const level = levelBesidesSecurityLine(cable);
    const expected = level && securityLetterOf(level).repeat(5);
    const here = level && expected ? `, here ${expected} for a ${levelWords(level)} cable` : '';
    context.report({
      range: letters.range,
      message: `The security line has the letters '${letters.text}': expected five equal letters ${SECURITY_LETTERS_EXPECTED}${here}.`,
      fix: expected ? { fix: 'replace', target: 'security-letters', expected: letters.text, replacement: expected } : undefined,
    });
  },
};

export const securityLineMismatchRule: CableRule = {
  code: 'CBL206',
  name: 'security-line-mismatch',
  severity: 'error',
  description:
    'Security-line letters or prosign disagreeing with the classification (`ZNY SSSSS` in a CONFIDENTIAL cable; `E` = EFTO is unclassified).',
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const security = cable.routing?.security;
    const level = levelBesidesSecurityLine(cable);
    if (!security || !level) return;
    const written = security.letter;
    const letterLevel = written ? levelOfSecurityLetter(written) : undefined;
    const sameTier = letterLevel !== undefined && (letterLevel === level || (letterLevel === 'U' && level === 'SBU'));
    if (security.letters && letterLevel && !sameTier) {
      const expected = securityLetterOf(level).repeat(5);
      context.report({
        range: security.letters.range,
        message: `The security letters ${security.letters.text} mark a ${levelWords(letterLevel)} cable, but this cable is ${levelWords(level)}: expected ${expected}.`,
        fix: { fix: 'replace', target: 'security-letters', expected: security.letters.text, replacement: expected },
      });
    }
    if (security.prosign.text === 'ZNR' && isClassified(level)) {
      context.report({
        range: security.prosign.range,
        message: `The prosign ZNR marks an unclassified message, but this cable is ${levelWords(level)}: expected ZNY.`,
        fix: { fix: 'replace', target: 'security-prosign', expected: 'ZNR', replacement: 'ZNY' },
      });
    }
  },
};

export const unknownPrecedenceRule: CableRule = {
  code: 'CBL207',
  name: 'unknown-precedence',
  severity: 'warning',
  description: 'A precedence letter that is none of Z (FLASH), O (IMMEDIATE), P (PRIORITY), R (ROUTINE) in the DTG or the precedence line.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const routing = cable.routing;
    if (!routing) return;
    const { letters, expected } = knownPrecedences(context.dictionaries.precedence);
    const letter = routing.dtg?.precedence;
    if (letter && !letters.has(letter.text)) {
      context.report({
        range: letter.range,
        message: `Unknown precedence '${letter.text}' before the date-time group: expected ${expected}.`,
      });
    }
    const pair = routing.precedence;
    if (pair && [...pair.text].some((l) => !letters.has(l))) {
      context.report({
        range: pair.range,
        message: `Unknown precedence pair '${pair.text}' on the precedence line: expected two letters, each ${expected}.`,
      });
    }
  },
};

/** The precedence letters of the dictionary and their words for messages, worked out once per dictionary, not per cable. */
const knownByDictionary = new WeakMap<ReadonlyMap<string, string>, { letters: ReadonlySet<string>; expected: string }>();

function knownPrecedences(precedence: ReadonlyMap<string, string>): { letters: ReadonlySet<string>; expected: string } {
  let known = knownByDictionary.get(precedence);
  if (!known) {
    const letters = [...precedence.keys()].filter((key) => key.length === 1);
    const expected = `one of ${letters.map((letter) => `${letter} (${precedenceWord(letter, precedence)})`).join(', ')}`;
    knownByDictionary.set(precedence, (known = { letters: new Set(letters), expected }));
  }
  return known;
}

/** `FLASH` from the dictionary's `FLASH (highest precedence; …)`. */
function precedenceWord(letter: string, precedence: ReadonlyMap<string, string>): string {
  return (precedence.get(letter) ?? '').split(/[\s(;]/)[0];
}

export const ROUTING_RULES: CableRule[] = [
  malformedDeLineRule,
  deDtgMismatchRule,
  malformedDtgRule,
  dtgDateMismatchRule,
  malformedSecurityLineRule,
  securityLineMismatchRule,
  unknownPrecedenceRule,
];
