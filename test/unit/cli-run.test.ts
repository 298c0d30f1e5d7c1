/**
 * `runCli` in this process with an in-memory stdout and stderr, one job: what goes to which stream, and
 * the exit code. The built CLI as a process is tested in test/cli/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { SAMPLE_FIXTURE_PATH } from '../support/sample';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = SAMPLE_FIXTURE_PATH;
const UNMARKED = join(ROOT, 'test', 'fixtures', 'cli', 'unmarked-paragraph.cable');

async function run(argv: string[], stdin = '', env: Record<string, string> = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: ROOT,
    stdout: { isTTY, write: (text: string) => (stdout += text) },
    stderr: { isTTY: false, write: (text: string) => (stderr += text) },
    readStdin: async () => new TextEncoder().encode(stdin),
    workerPath: join(ROOT, 'dist', 'no-such-worker.js'),
    cores: 1,
    env,
    now: () => 0,
  });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('prints help and version on stdout', async () => {
    assert.match((await run(['--help'])).stdout, /^Usage: cable-lint/);
    assert.match((await run(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 on usage errors, on stderr only', async () => {
    const result = await run(['--max-warnings', 'x', SAMPLE]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, "cable-lint: --max-warnings expects a whole number of 0 or more, got 'x'\nTry 'cable-lint --help'.\n");
  });

  it('prints the problems, the rules with their pages and one summary line on stdout', async () => {
    const result = await run(['--jobs', '1', 'test/fixtures/cli/unmarked-paragraph.cable', 'test/fixtures/cli/clean.cable']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.equal(
      result.stdout,
      [
        'test/fixtures/cli/unmarked-paragraph.cable:29:1: warning CBL501 Paragraph 3 has no portion marking: expected one of (U), (SBU) or (C) before the text, as this cable is CONFIDENTIAL.',
        '',
        'CBL501 missing-portion-marking  1 warning  https://github.com/cable-tools/cable-language/blob/main/docs/rules/CBL501.md',
        'Checked 2 files (2 cables) in 0.00 s: 1 problem (1 warning) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('colours only with --color, or FORCE_COLOR, and never with --no-color or NO_COLOR', async () => {
    const file = 'test/fixtures/cli/unmarked-paragraph.cable';
    const coloured = (text: string) => /\x1b\[/.test(text);
    assert.ok(!coloured((await run([file])).stdout), 'not a terminal: plain');
    assert.ok(coloured((await run(['--color', file])).stdout));
    assert.ok(!coloured((await run(['--color', '--no-color', file])).stdout), 'the last flag wins');
    assert.ok(coloured((await run([file], '', { FORCE_COLOR: '1' })).stdout));
    assert.ok(!coloured((await run([file], '', { FORCE_COLOR: '0' }, true)).stdout));
    assert.ok(coloured((await run([file], '', {}, true)).stdout), 'a terminal: colour');
    assert.ok(!coloured((await run([file], '', { NO_COLOR: '1' }, true)).stdout));
    assert.ok(!coloured((await run([file], '', { TERM: 'dumb' }, true)).stdout));
    assert.ok(!coloured((await run(['--no-color', file], '', { FORCE_COLOR: '1' }, true)).stdout), 'the flag wins over the environment');
    assert.ok(!coloured((await run(['--color', '--format', 'json', file])).stdout), 'JSON is never coloured');
  });

  it('keeps JSON alone on stdout, the summary and failures on stderr', async () => {
    const result = await run(['--format', 'json', 'missing.cable', '-', UNMARKED], readFileSync(SAMPLE, 'utf8'));
    assert.equal(result.code, 2);
    assert.deepEqual(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).file),
      ['<stdin>', UNMARKED],
    );
    assert.match(
      result.stderr,
      /^cable-lint: cannot read 'missing\.cable': no such file\nChecked 3 files \(2 cables\) in 0\.00 s: 1 problem \(1 warning\) in 1 file; 1 file could not be linted \(see the messages above\)\n$/,
    );
  });

  it('falls back to one thread when the worker script is missing, saying so', async () => {
    const result = await run(['--format', 'json', '--jobs', '2', SAMPLE, UNMARKED]);
    assert.match(result.stderr, /no-such-worker\.js is missing; linting in one thread/);
    assert.equal(result.stdout.trim().split('\n').length, 2);
  });
});
