/**
 * cable-lint reads `.cable-lint.json` as the editor does: the BUILT `dist/cli.js` run as a separate process on
 * corpus cables copied into a temporary folder with configurations beside and above them.
 * Set CABLE_LINT_CLI to run another build (it is then not rebuilt).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, buildCli } from '../support/builtCli';

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
/** Corpus cables each with one paragraph without a portion marking (CBL501), and nothing else to report. */
const UNMARKED = ['06MEXICO953.txt', '09MEXICO3376.txt'];
const MISSING_MARKING = 'CBL501';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lint(args: string[], cwd: string, input = ''): Run {
  const result = spawnSync(process.execPath, [CLI, '--no-progress', ...args], { cwd, input, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** File → the codes reported in it (with `--format json`). */
function codesByFile(run: Run): Record<string, string[]> {
  const byFile: Record<string, string[]> = {};
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const report = JSON.parse(line) as { file: string; diagnostics: Array<{ code: string; severity: string }> };
    byFile[report.file.split('\\').join('/')] = report.diagnostics.map((d) => `${d.code}:${d.severity}`);
  }
  return byFile;
}

let temp: string;
before(() => {
  buildCli();
  temp = mkdtempSync(join(tmpdir(), 'cable-lint-config-'));
  // Whatever configuration the machine has above the temporary folder stays out of these tests.
  writeFileSync(join(temp, '.cable-lint.json'), '{ "root": true }');
});
after(() => rmSync(temp, { recursive: true, force: true }));

/** A folder of its own for one test: the corpus cables at the given places, and the given configuration files. */
function workspace(name: string, cables: Record<string, string>, configs: Record<string, string>): string {
  const base = join(temp, name);
  for (const [path, corpusName] of Object.entries(cables)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    copyFileSync(join(CORPUS, corpusName), join(base, path));
  }
  for (const [path, text] of Object.entries(configs)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

describe('cable-lint with .cable-lint.json', () => {
  it('reports CBL501 on the corpus cables without a configuration', () => {
    const base = workspace('none', { 'a.txt': UNMARKED[0], 'b.txt': UNMARKED[1] }, {});
    const run = lint(['--format', 'json', '.'], base);
    assert.deepEqual(codesByFile(run), { 'a.txt': [`${MISSING_MARKING}:warning`], 'b.txt': [`${MISSING_MARKING}:warning`] });
    assert.equal(run.code, 0);
  });

  it('does not report a rule a configuration above turns off; --rule applies on top', () => {
    const config = `{\n  // The transcriptions leave unmarked paragraphs as they are.\n  "rules": { "missing-portion-marking": "off", },\n}\n`;
    const base = workspace('off', { 'cables/1975/a.txt': UNMARKED[0], 'cables/b.txt': UNMARKED[1] }, { '.cable-lint.json': config });
    for (const jobs of ['1', '2']) {
      const run = lint(['--format', 'json', '--jobs', jobs, 'cables'], base);
      assert.deepEqual(codesByFile(run), { 'cables/1975/a.txt': [], 'cables/b.txt': [] }, `--jobs ${jobs}`);
      assert.equal(run.stderr.includes('error'), false, run.stderr);
    }
    assert.deepEqual(codesByFile(lint(['--format', 'json', 'cables/b.txt'], base)), { 'cables/b.txt': [] }, 'a file named on its own');
    const text = readFileSync(join(CORPUS, UNMARKED[1]), 'utf8');
    assert.deepEqual(
      codesByFile(lint(['--format', 'json', '-'], join(base, 'cables'), text)),
      { '<stdin>': [] },
      'standard input as a file of the working folder',
    );
    assert.deepEqual(codesByFile(lint(['--format', 'json', '-'], temp, text)), { '<stdin>': [`${MISSING_MARKING}:warning`] });
    const onTop = lint(['--format', 'json', '--rule', `${MISSING_MARKING}=error`, 'cables'], base);
    assert.deepEqual(codesByFile(onTop), {
      'cables/1975/a.txt': [`${MISSING_MARKING}:error`],
      'cables/b.txt': [`${MISSING_MARKING}:error`],
    });
    assert.equal(onTop.code, 1);
  });

  it('applies nearer configurations and overrides on top, and stops at "root": true', () => {
    const base = workspace(
      'cascade',
      { 'a/x.txt': UNMARKED[0], 'a/drafts/y.txt': UNMARKED[1], 'b/z.txt': UNMARKED[0] },
      {
        '.cable-lint.json': '{ "rules": { "CBL501": "off" } }',
        'a/.cable-lint.json':
          '{ "rules": { "CBL501": "error" }, "overrides": [{ "files": ["drafts/**"], "rules": { "CBL501": "info" } }] }',
        'b/.cable-lint.json': '{ "root": true }',
      },
    );
    assert.deepEqual(codesByFile(lint(['--format', 'json', '.'], base)), {
      'a/drafts/y.txt': [`${MISSING_MARKING}:info`],
      'a/x.txt': [`${MISSING_MARKING}:error`],
      'b/z.txt': [`${MISSING_MARKING}:warning`],
    });
  });

  it('does not check the files an "ignore" glob leaves out, in a folder or named', () => {
    const base = workspace(
      'ignore',
      { 'keep.txt': UNMARKED[0], 'drafts/1975/skip.txt': UNMARKED[1], 'old.bak.txt': UNMARKED[1] },
      { '.cable-lint.json': '{ "ignore": ["drafts", "**/*.bak.txt"] }' },
    );
    const run = lint(['--format', 'json', '.'], base);
    assert.deepEqual(Object.keys(codesByFile(run)), ['keep.txt']);
    const named = lint(['--format', 'json', 'old.bak.txt', 'keep.txt'], base);
    assert.deepEqual(Object.keys(codesByFile(named)), ['keep.txt']);
    assert.match(named.stderr, /^cable-lint: skipped 'old\.bak\.txt': a \.cable-lint\.json "ignore" glob leaves it out$/m);
    assert.equal(named.code, 0);
  });

  it('stops with exit 2 at a configuration problem, naming its file, line and column', () => {
    const base = workspace(
      'broken',
      { 'a/x.txt': UNMARKED[0], 'b/y.txt': UNMARKED[1] },
      {
        'a/.cable-lint.json': '{\n  "rules": { "CBL501": "off" }\n  "ignore": []\n}\n',
        'b/.cable-lint.json': '{ "rules": { "CBL5O1": "off" } }',
      },
    );
    const run = lint(['--format', 'json', '.'], base);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      [
        `cable-lint: ${join('a', '.cable-lint.json')}:3:3: expected ',' or '}' after a property value, found '"ignore"'`,
        `cable-lint: ${join('b', '.cable-lint.json')}:1:14: "rules": no rule has the code or name "CBL5O1"; did you mean CBL501 (missing-portion-marking)?`,
        '',
      ].join('\n'),
    );
  });
});
