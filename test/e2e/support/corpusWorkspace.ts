/**
 * A throwaway workspace of 30 real cables from `../shared/corpus`, as `.txt` files in three folders by
 * period and no `.cable` file, as a researcher's download looks; and what the tests expect of it, read
 * from `cable-lint --format json` (the same parser the server uses) so no fact is written twice.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { projectRoot } from './tools';
import { asCableWorkspace, type CableWorkspace } from './workspace';

const corpusDir = join(projectRoot, '..', 'shared', 'corpus');

/**
 * Dated single-cable files from every decade, all but one without problems, so that the Problems
 * panel shows what Check All found in full.
 */
export const CORPUS_FOLDERS: Record<string, string[]> = {
  'before-2000': [
    '66BUENOSAIRES2481',
    '72TEHRAN1164',
    '72TEHRAN5055',
    '85BEIRUT1725',
    '86MADRID5480',
    '89PANAMA8545',
    '90BAGHDAD4237',
    '90BAGHDAD4397',
    '90CAPETOWN97',
    '96ANKARA12278',
  ],
  '2000-2005': [
    '00HARARE6677',
    '00TASHKENT4223',
    '01PARIS11204',
    '01STATE176819',
    '02BOGOTA3281',
    '03ANKARA3694',
    '04BOGOTA3619',
    '04DUBLIN1719',
    '05BEIRUT2153',
    '05MOSCOW11807',
  ],
  '2006-2010': [
    '06BUENOSAIRES109',
    '06ANKARA4688',
    '06BEIJING10909',
    '07ACCRA1437',
    '07ADDISABABA3404',
    '08ALGIERS198',
    '08BANGKOK3317',
    '09ABUJA259',
    '09ASUNCION561',
    '10ALGIERS111',
  ],
};

/** The cable whose paragraph numbering repeats (three CBL505 warnings): never opened before Check All. */
export const CHECK_ALL_CABLE = '06BUENOSAIRES109';
/** Found with Ctrl+T by its ref id. */
export const SYMBOL_CABLE = '85BEIRUT1725';
/** Opened from the Cables view grouped by TAG: its only cable under PTER › 1972. */
export const TREE_CABLE = { refId: '72TEHRAN5055', tag: 'PTER', year: '1972' } as const;

/** One cable of the workspace as `cable-lint` reads it. */
export interface CorpusCable {
  refId: string;
  /** Relative to the workspace folder, e.g. `before-2000/72TEHRAN5055.txt`. */
  file: string;
  year: string;
  /** `1972-08`. */
  month: string;
  tags: string[];
  /** The problems an editor lists (hints are not shown in the Problems panel). */
  problems: { line: number; code: string; severity: string }[];
}

/** Copies the cables into a new temp folder; `remove()` deletes it. */
export function createCorpusWorkspace(): CableWorkspace {
  if (!existsSync(corpusDir)) throw new Error(`the corpus is missing: ${corpusDir} (../shared must sit beside the project)`);
  const folder = mkdtempSync(join(tmpdir(), 'cable-e2e-corpus-'));
  for (const [sub, refIds] of Object.entries(CORPUS_FOLDERS)) {
    mkdirSync(join(folder, sub));
    for (const refId of refIds) copyFileSync(join(corpusDir, `${refId}.txt`), join(folder, sub, `${refId}.txt`));
  }
  return asCableWorkspace(folder);
}

/** Every cable of the workspace, read by the built `dist/cli.js` (`npm run package` builds it). */
export function readCorpusCables(folder: string): CorpusCable[] {
  const cli = join(projectRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run package`);
  const run = spawnSync(process.execPath, [cli, '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`cable-lint failed (${run.status}):\n${run.stderr}`);
  const cables: CorpusCable[] = [];
  for (const line of run.stdout.split('\n').filter((text) => text.startsWith('{'))) {
    const file = JSON.parse(line) as {
      file: string;
      cables: { refId: string | null; date: string | null; tags: string[] }[];
      diagnostics: { line: number; code: string; severity: string }[];
    };
    if (file.cables.length !== 1)
      throw new Error(`${file.file} holds ${file.cables.length} cables; the workspace should hold one cable per file`);
    const [cable] = file.cables;
    if (!cable?.refId || !cable.date) throw new Error(`${file.file}: cable-lint reads no ref id or date`);
    cables.push({
      refId: cable.refId,
      file: relative(folder, file.file),
      year: cable.date.slice(0, 4),
      month: cable.date.slice(0, 7),
      tags: [...new Set(cable.tags.map((tag) => tag.toUpperCase()))],
      problems: file.diagnostics.filter((problem) => problem.severity !== 'hint'),
    });
  }
  const expected = Object.values(CORPUS_FOLDERS).flat().length;
  if (cables.length !== expected)
    throw new Error(`cable-lint read ${cables.length} cables of ${expected}: ${cables.map((c) => basename(c.file)).join(', ')}`);
  return cables;
}
