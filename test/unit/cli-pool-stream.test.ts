/**
 * The pool's `stream`: inputs added one at a time while the workers already lint, with stand-in worker scripts;
 * every input answered once whatever the timing, and a run of one input linted in this thread.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLintPool } from '../../server/src/cli/lintPool';
import type { LintedFile } from '../../server/src/cli/report';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { writeStandInWorkers } from '../support/standInWorkers';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('LintPool.stream', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-stream-'));
    writeStandInWorkers(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const pool = (jobs: number) =>
    startLintPool({
      jobs,
      workerPath: join(dir, 'echo.js'),
      settings: DEFAULT_SETTINGS,
      output: { format: 'json', quiet: false, summaryOnly: false },
    });

  it('answers every input once while inputs are still being added, a worker dying among them', async () => {
    const reports = new Map<number, LintedFile>();
    const lint = pool(2).stream((index, file) => {
      assert.ok(!reports.has(index), `input ${index} answered twice`);
      reports.set(index, file);
    });
    const names = Array.from({ length: 300 }, (_, i) => (i === 150 ? 'die' : `f${i}`));
    for (const [i, name] of names.entries()) {
      lint.add({ kind: 'text', name, text: '' });
      if (i % 7 === 0) await tick();
    }
    await lint.end();
    assert.equal(reports.size, names.length);
    for (const [i, name] of names.entries()) {
      const report = reports.get(i)!;
      if (name === 'die') assert.equal(report.failure?.kind, 'crash');
      else assert.equal(report.file.split(':')[0], name);
    }
  });

  it('lints a single input in this thread, not on a worker', async () => {
    const reports: LintedFile[] = [];
    const lint = pool(2).stream((_index, file) => reports.push(file));
    lint.add({ kind: 'text', name: 'only', text: '' });
    await tick();
    await lint.end();
    assert.equal(reports.length, 1);
    // A worker would have added its thread id to the name.
    assert.equal(reports[0].file, 'only');
  });

  it('ends at once with no input, and close() stops workers that are linting', async () => {
    await pool(2)
      .stream(() => assert.fail('no input'))
      .end();
    const running = pool(2);
    const lint = running.stream(() => undefined);
    for (let i = 0; i < 50; i++) lint.add({ kind: 'text', name: `f${i}`, text: '' });
    running.close();
  });
});
