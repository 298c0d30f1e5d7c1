/** The built cable-lint, whose entry tunes V8's compiler before it lints (batchJit.ts), lints on one job and on workers. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

test('the built cable-lint runs with them, on one job and on workers', () => {
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const folder = join(__dirname, '..', 'fixtures', 'samples');
  for (const jobs of ['1', '2']) {
    const run = spawnSync(process.execPath, [cli, '--format', 'json', '--no-progress', '--jobs', jobs, folder], { encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.match(run.stdout, /"file":/);
  }
});
