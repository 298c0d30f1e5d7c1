/**
 * The classification levels and every way they are written, read from `data/classification-levels.json`:
 * `UNCLAS` and `UNCLASSIFIED` are U, `LIMITED OFFICIAL USE` and `(SBU)` are SBU, `ZNY CCCCC` is C.
 */
import type { Level } from '../model';
import levelsData from './data/classification-levels.json';

/** One level: `C` is `CONFIDENTIAL` in index.csv and banners, `(C)` in a marking, `CCCCC` on the security line. */
export interface LevelEntry {
  level: Level;
  /** As index.csv writes it: `UNCLASSIFIED//FOR OFFICIAL USE ONLY` for SBU. */
  name: string;
  /** As a message says it: `SENSITIVE BUT UNCLASSIFIED`. */
  words: string;
  /** In running text: `Sensitive But Unclassified`. */
  title: string;
  meaning: string;
  /** The words cables write for it: `UNCLASSIFIED`, `UNCLAS`; `LIMITED OFFICIAL USE`. */
  spellings: readonly string[];
  /** The level word of a banner; none for SBU, which is UNCLAS with a SENSITIVE line. */
  banner?: string;
  /** Inside a portion marking: `SBU`, `LOU`. */
  markings: readonly string[];
  /** Security-line letters, the one its cables carry first: `U`, then `E` (EFTO). */
  securityLetters: readonly string[];
}

export interface ClassificationLevels {
  /** Lowest first: U, SBU, C, S, TS. */
  list: readonly LevelEntry[];
  byLevel: Readonly<Record<Level, LevelEntry>>;
  /** Every spelling of every level, longest first, so that alternations try `UNCLASSIFIED` before `UNCLAS`. */
  spellings: readonly { text: string; level: Level }[];
  /** What a spelling says beyond its level: `UNCLAS` → `Unclassified (telegram abbreviation)`. */
  spellingMeanings: ReadonlyMap<string, string>;
  /** Upper-case marking word → level: `LOU` → SBU. */
  byMarking: ReadonlyMap<string, Level>;
  /** Security-line letter → the lowest level that carries it: `U` and `E` → U, `T` → TS. */
  bySecurityLetter: ReadonlyMap<string, Level>;
}

type LevelData = Omit<LevelEntry, 'level'>;

export function buildClassificationLevels(data: typeof levelsData = levelsData): ClassificationLevels {
  const entries = data.levels as Record<Level, LevelData>;
  const list = (Object.keys(entries) as Level[]).map((level): LevelEntry => ({ level, ...entries[level] }));
  const byLevel = Object.fromEntries(list.map((entry) => [entry.level, entry])) as Record<Level, LevelEntry>;
  const spellings = list.flatMap((entry) => entry.spellings.map((text) => ({ text, level: entry.level })));
  spellings.sort((a, b) => b.text.length - a.text.length);
  const byMarking = new Map<string, Level>();
  const bySecurityLetter = new Map<string, Level>();
  for (const entry of list) {
    for (const marking of entry.markings) byMarking.set(marking, entry.level);
    for (const letter of entry.securityLetters) if (!bySecurityLetter.has(letter)) bySecurityLetter.set(letter, entry.level);
  }
  return { list, byLevel, spellings, spellingMeanings: new Map(Object.entries(data.spellingMeanings)), byMarking, bySecurityLetter };
}
