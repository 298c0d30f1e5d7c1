/**
 * A throwaway workspace folder of cables for one test run: the reference cable as `.cable` and as
 * `.txt` (for detection), the fixtures, and a `.vscode/settings.json` the tests rewrite to change rules.
 * Tests edit only this copy, never the fixtures or `../shared`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFECTIVE_FIXTURE, ERROR_FREE_FIXTURE, NOT_A_CABLE_FIXTURE, SAMPLE_AS_CABLE, SAMPLE_AS_TEXT } from './expectations';
import { fixturesDir, sampleCable } from './tools';

export interface CableWorkspace {
  folder: string;
  /** Absolute path of a file in the workspace. */
  path: (name: string) => string;
  /** The text of a workspace file as it is on disk. */
  read: (name: string) => string;
  /** Replaces `.vscode/settings.json`, e.g. `{ 'cable.rules': { CBL101: 'off' } }`. */
  writeSettings: (settings: Record<string, unknown>) => void;
  remove: () => void;
}

/** The settings every run starts with: detection of cables in `.txt` files is on whatever its default is. */
export const BASE_WORKSPACE_SETTINGS = { 'cable.detectInTextFiles': true };

export function createCableWorkspace(): CableWorkspace {
  if (!existsSync(sampleCable)) throw new Error(`the reference cable is missing: ${sampleCable} (../shared must sit beside the project)`);
  const folder = mkdtempSync(join(tmpdir(), 'cable-e2e-workspace-'));
  copyFileSync(sampleCable, join(folder, SAMPLE_AS_CABLE));
  copyFileSync(sampleCable, join(folder, SAMPLE_AS_TEXT));
  for (const fixture of [DEFECTIVE_FIXTURE, ERROR_FREE_FIXTURE, NOT_A_CABLE_FIXTURE]) {
    copyFileSync(join(fixturesDir, fixture), join(folder, fixture));
  }
  return asCableWorkspace(folder);
}

/** A folder of cables as a test workspace: its base settings written, and the helpers to read and change it. */
export function asCableWorkspace(folder: string): CableWorkspace {
  mkdirSync(join(folder, '.vscode'));
  const writeSettings = (settings: Record<string, unknown>) =>
    writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  writeSettings(BASE_WORKSPACE_SETTINGS);
  return {
    folder,
    path: (name) => join(folder, name),
    read: (name) => readFileSync(join(folder, name), 'utf8'),
    writeSettings,
    remove: () => rmSync(folder, { recursive: true, force: true, maxRetries: 5 }),
  };
}
