/**
 * cable-lint streams: the workers lint while the files are still being found, and output goes out in input order
 * as it comes in. The BUILT `dist/cli.js` over many files in nested folders, with 1, 2 and 3 jobs, must print the
 * same bytes; a configuration problem met late in the walk must still stop the run before any output.
 * Set CABLE_LINT_CLI to run another build (it is then not rebuilt).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, buildCli } from '../support/builtCli';

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
/** Enough files that every worker gets many batches, and that results come back out of order. */
const FILES = 1500;

function lint(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, '--no-progress', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  // The summary line (on stdout after the text format) holds the time, which differs between runs.
  const untimed = (text: string) => text.replace(/ in \d+\.\d+ s(, \d+ cables\/s)?/, ' in (time)');
  return { code: result.status, stdout: untimed(result.stdout), stderr: untimed(result.stderr) };
}

before(buildCli);

describe('cable-lint over many files', () => {
  let root: string;
  /** The cable files, as discovery orders them: folders depth first, names in order. */
  let expected: string[];
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cable-lint-stream-'));
    const corpus = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.txt'))
      .sort();
    expected = [];
    for (let i = 0; i < FILES; i++) {
      const folder = `f${String(Math.floor(i / 400)).padStart(2, '0')}`;
      mkdirSync(join(root, 'cables', folder), { recursive: true });
      const name = `${String(i % 400).padStart(3, '0')}-${corpus[i % corpus.length]}`;
      copyFileSync(join(CORPUS, corpus[i % corpus.length]), join(root, 'cables', folder, name));
      expected.push(join('cables', folder, name));
    }
    writeFileSync(join(root, 'cables', 'f01', 'notes.txt'), 'Not a cable at all.\n');
    mkdirSync(join(root, 'empty'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints every file once, in input order, the same with 1, 2 and 3 jobs, in every format', () => {
    for (const format of ['json', 'text', 'sarif']) {
      const runs = ['1', '2', '3'].map((jobs) => lint(['--format', format, '--jobs', jobs, 'cables', 'empty', 'missing.txt'], root));
      for (const [k, run] of runs.entries()) {
        assert.equal(run.code, 2, `${format}, ${k + 1} jobs: an unreadable input`);
        assert.equal(run.stdout, runs[0].stdout, `${format}: ${k + 1} jobs print what 1 job prints`);
        assert.equal(run.stderr, runs[0].stderr, `${format}: ${k + 1} jobs say what 1 job says`);
      }
      assert.match(runs[0].stderr, /^cable-lint: no cable found in 'empty'/m);
      assert.match(runs[0].stderr, /^cable-lint: cannot read 'missing\.txt': no such file$/m);
      if (format === 'json') {
        const files = runs[0].stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { file: string }).file);
        assert.deepEqual(files, expected);
      }
    }
  });

  it('stops at a configuration problem met at the end of the walk, before any output, with several jobs', () => {
    mkdirSync(join(root, 'late'));
    copyFileSync(join(CORPUS, readdirSync(CORPUS).filter((name) => name.endsWith('.txt'))[0]), join(root, 'late', 'x.txt'));
    writeFileSync(join(root, 'late', '.cable-lint.json'), '{ "rules": { "CBL5O1": "off" } }');
    try {
      for (const jobs of ['1', '2']) {
        const run = lint(['--format', 'json', '--jobs', jobs, 'cables', 'late'], root);
        assert.equal(run.code, 2, `--jobs ${jobs}`);
        assert.equal(run.stdout, '', `--jobs ${jobs}`);
        assert.match(
          run.stderr,
          /^cable-lint: late[/\\]\.cable-lint\.json:1:14: "rules": no rule has the code or name "CBL5O1"/,
          `--jobs ${jobs}`,
        );
        assert.equal(run.stderr.split('\n').length, 2, `--jobs ${jobs}: the problem alone`);
      }
    } finally {
      rmSync(join(root, 'late'), { recursive: true, force: true });
    }
  });
});
