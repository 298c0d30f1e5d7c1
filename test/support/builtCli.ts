/**
 * The `cable-lint` the CLI suites run: `dist/cli.js`, built fresh before a suite, or the build CABLE_LINT_CLI names
 * (which is then not rebuilt).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export const CLI = process.env.CABLE_LINT_CLI ?? join(ROOT, 'dist', 'cli.js');

/** Builds dist/ unless CABLE_LINT_CLI names another build; for a suite's `before` hook. */
export function buildCli(): void {
  if (process.env.CABLE_LINT_CLI) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, `the build failed:\n${build.stderr}`);
}
