/**
 * The packaged extension (`cable-language-<version>.vsix`) and the facts of its manifest that the
 * tests compare against, such as the language name VS Code shows in the status bar.
 * The tests test what a user installs, so they use the .vsix; they package it only when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './tools';

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  contributes?: { languages?: { id: string; aliases?: string[] }[] };
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Manifest;
}

/** `publisher.name`, the id VS Code knows the extension by. */
export function extensionId(): string {
  const manifest = readManifest();
  return `${manifest.publisher}.${manifest.name}`;
}

/** The name VS Code shows for language `cable`: its first alias, else its id. */
export function cableLanguageLabel(): string {
  const language = readManifest().contributes?.languages?.find((candidate) => candidate.id === 'cable');
  if (!language) throw new Error('package.json contributes no language with id "cable"');
  return language.aliases?.[0] ?? language.id;
}

/**
 * The .vsix at the project root; runs `npm run package` once when it is missing.
 * `CABLE_E2E_VSIX` names another package to test instead (e.g. a release candidate).
 */
export function ensureVsix(): string {
  const chosen = process.env.CABLE_E2E_VSIX;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CABLE_E2E_VSIX names no file: ${chosen}`);
    return chosen;
  }
  const manifest = readManifest();
  const vsix = join(projectRoot, `${manifest.name}-${manifest.version}.vsix`);
  if (!existsSync(vsix)) {
    process.stderr.write(`[e2e] ${vsix} is missing: running npm run package\n`);
    const result = spawnSync('npm', ['run', 'package'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
    if (result.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (${result.status}); no ${vsix}`);
  }
  const newestSource = newestMtime(['package.json', 'client/src', 'server/src', 'syntaxes'].map((part) => join(projectRoot, part)));
  if (newestSource > statSync(vsix).mtimeMs) {
    // Not an error, but a .vsix older than the sources explains results that the code does not.
    process.stderr.write(`[e2e] note: ${vsix} is older than the sources; run npm run package to test the latest code\n`);
  }
  return vsix;
}

/** The latest modification time of the files at or under `paths` (missing paths count as 0). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else for (const entry of readdirSync(path, { recursive: true })) newest = Math.max(newest, statSync(join(path, String(entry))).mtimeMs);
  }
  return newest;
}
