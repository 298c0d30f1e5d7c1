/**
 * Facts about a cable that several rules need, read from the model's cable-level values: its level, its
 * date, the markings its level allows, and how classification words and markings are spelled.
 */
import type { Cable, Level } from '../model';
import { LEVEL_RANK } from '../model';
import { getDictionaries } from '../dicts/dictionaries';
import { levelName } from '../parse/classification';

/** The levels lowest first, as the dictionary lists them. */
const MARKINGS_BY_RANK: readonly Level[] = getDictionaries().levels.list.map((entry) => entry.level);

/** The cable's level (from preamble, record, banner or security line, most reliable first). */
export function cableLevel(cable: Cable): Level | undefined {
  return cable.classification?.value.level;
}

/** CONFIDENTIAL, SECRET and TOP SECRET; SBU is a control marking, not a classification. */
export function isClassified(level: Level | undefined): boolean {
  return level === 'C' || level === 'S' || level === 'TS';
}

/** True for the levels whose cables mark every paragraph: SBU and the classified ones. */
export function needsPortionMarkings(level: Level | undefined): boolean {
  return level !== undefined && level !== 'U';
}

/** `(C)` for CONFIDENTIAL. */
export function markingOf(level: Level): string {
  return `(${level})`;
}

/** Every level's marking, lowest first: `(U), (SBU), (C), (S), (TS)`. */
export function everyMarking(): string[] {
  return MARKINGS_BY_RANK.map(markingOf);
}

/** The markings a paragraph of a cable at `level` may carry: `(U), (SBU), (C)` for CONFIDENTIAL. */
export function allowedMarkings(level: Level): string[] {
  return MARKINGS_BY_RANK.filter((l) => LEVEL_RANK[l] <= LEVEL_RANK[level]).map(markingOf);
}

/** `CONFIDENTIAL`, `SENSITIVE BUT UNCLASSIFIED`: the level as a reader says it. */
export function levelWords(level: Level): string {
  return levelName(level);
}

/** `(U), (SBU) or (C)`. */
export function listWithOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The cable's date as `YYYY-MM-DD`, when any part gave one. */
export function cableDay(cable: Cable): string | undefined {
  return cable.date?.value.slice(0, 10);
}

/** Levels compared for "above the cable's classification": SBU counts as unclassified, since it is no classification. */
export function classificationTier(level: Level): number {
  return level === 'SBU' ? LEVEL_RANK.U : LEVEL_RANK[level];
}

const { months } = getDictionaries().calendar;

/** `February` for 2. */
export function monthName(month: number): string {
  return months[month - 1]?.name ?? `month ${month}`;
}

/** `4 FEB 2009` for an ISO date, as cables write dates in prose. */
export function readableDay(iso: string): string {
  return `${+iso.slice(8, 10)} ${months[+iso.slice(5, 7) - 1]?.abbreviation} ${iso.slice(0, 4)}`;
}
