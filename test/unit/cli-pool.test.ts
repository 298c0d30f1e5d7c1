/**
 * `lintAll` on worker threads, with stand-in worker scripts written to a temporary folder: every input is
 * answered once, a worker that dies mid-run is replaced, and one that cannot start stops the run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LintSource } from '../../server/src/cli/lintFile';
import { lintAll } from '../../server/src/cli/lintPool';
import type { LintedFile } from '../../server/src/cli/report';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { writeStandInWorkers } from '../support/standInWorkers';

const sources = (names: string[]): LintSource[] => names.map((name) => ({ kind: 'text', name, text: '' }));

describe('lintAll on workers', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-pool-'));
    writeStandInWorkers(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (names: string[], worker: string, jobs = 2) => {
    const reports = new Map<number, LintedFile>();
    await lintAll(
      sources(names),
      { jobs, workerPath: join(dir, worker), settings: DEFAULT_SETTINGS, output: { format: 'json', quiet: false, summaryOnly: false } },
      (index, report) => {
        assert.ok(!reports.has(index), `input ${index} answered twice`);
        reports.set(index, report);
      },
    );
    return reports;
  };

  it('answers every input once, sharing them among the workers', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `f${i}`);
    const reports = await run(names, 'echo.js', 3);
    assert.equal(reports.size, 50);
    assert.deepEqual(
      [...reports].sort(([a], [b]) => a - b).map(([, r]) => r.file.split(':')[0]),
      names,
    );
    const threads = new Set([...reports.values()].map((r) => r.file.split(':')[1]));
    assert.ok(threads.size >= 2, `used ${threads.size} workers`);
  });

  it('reports the input of a worker that died as a crash and goes on with a new worker', async () => {
    const reports = await run(['a', 'die', 'b', 'c', 'd'], 'echo.js', 2);
    assert.equal(reports.size, 5);
    assert.equal(reports.get(1)!.failure?.kind, 'crash');
    assert.match(reports.get(1)!.failure!.message, /the lint worker failed: the worker exited with code 3/);
    for (const i of [0, 2, 3, 4]) assert.equal(reports.get(i)!.failure, undefined);
  });

  it('stops with an error when a worker cannot start', async () => {
    await assert.rejects(run(['a', 'b', 'c'], 'broken.js', 2), /could not start: bundle is broken/);
  });
});
