/**
 * cable-lint --fix, --fix-dry-run and colour, end to end: the BUILT `dist/cli.js` run as a separate process on
 * files made in a temporary folder and on a copy of the corpus. `--fix` must change the wrong numbers and
 * nothing else, byte for byte (CRLF line ends, trailing spaces), and never touch a file without a safe fix.
 * Set CABLE_LINT_CLI to run another build (it is then not rebuilt).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONFIDENTIAL_CABLE, edit, edits } from '../fixtures/rules/baseCables';
import { CLI, buildCli } from '../support/builtCli';

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const DIAGNOSTIC_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) (CBL\d{3}) (\S.*)$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with NO_COLOR and FORCE_COLOR cleared, so the caller's terminal settings do not leak in. */
function lint(args: string[], options: { cwd: string; env?: Record<string, string> }): Run {
  const env = { ...process.env, ...options.env };
  if (!options.env?.NO_COLOR) delete env.NO_COLOR;
  if (!options.env?.FORCE_COLOR) delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Cablegate copies end their lines in a space, and some use CRLF. */
const asCablegateCopy = (text: string) =>
  text
    .split('\n')
    .map((line) => (line ? `${line} ` : line))
    .join('\r\n');
/** ¶2 written ¶9: its neighbours ¶1 and ¶3 prove it is ¶2. */
const STRAY = asCablegateCopy(edit(CONFIDENTIAL_CABLE, '¶2. (SBU)', '¶9. (SBU)'));
const FIXED_STRAY = asCablegateCopy(CONFIDENTIAL_CABLE);
/** A gap (¶3 written ¶4, last) and an unmarked ¶2: problems with fixes the text does not prove. */
const UNPROVED = edits(CONFIDENTIAL_CABLE, ['¶3. (C) Comment', '¶4. (C) Comment'], ['¶2. (SBU) ', '¶2. ']);

before(buildCli);

let temp: string;
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'cable-lint-fix-e2e-'));
});
after(() => rmSync(temp, { recursive: true, force: true }));

/** A new folder under the temporary one with these files. */
function folderWith(name: string, files: Record<string, string>): string {
  const folder = join(temp, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

const stamp = (path: string) => {
  const stat = statSync(path);
  return { mtimeMs: stat.mtimeMs, ino: stat.ino, bytes: readFileSync(path).toString('hex') };
};

describe('cable-lint --fix', () => {
  it('changes only the wrong number of a cable whose numbers skip, byte for byte elsewhere, and leaves other files alone', () => {
    const folder = folderWith('fix', { 'stray.cable': STRAY, 'unproved.cable': UNPROVED, 'clean.cable': CONFIDENTIAL_CABLE });
    const untouched = { unproved: stamp(join(folder, 'unproved.cable')), clean: stamp(join(folder, 'clean.cable')) };
    const run = lint(['--fix', '.'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(folder, 'stray.cable'), 'latin1'), Buffer.from(FIXED_STRAY, 'utf8').toString('latin1'));
    assert.deepEqual(stamp(join(folder, 'unproved.cable')), untouched.unproved);
    assert.deepEqual(stamp(join(folder, 'clean.cable')), untouched.clean);
    assert.deepEqual(readdirSync(folder).sort(), ['clean.cable', 'stray.cable', 'unproved.cable'], 'no temporary file is left');
    // What is left is reported as usual: the problems --fix may not fix.
    const problems = run.stdout.split('\n').filter((line) => DIAGNOSTIC_LINE.test(line));
    assert.deepEqual(
      problems.map((line) => DIAGNOSTIC_LINE.exec(line)!.slice(1, 2).concat(DIAGNOSTIC_LINE.exec(line)![5])),
      [
        ['unproved.cable', 'CBL501'],
        ['unproved.cable', 'CBL505'],
      ],
    );
    assert.match(run.stdout, /: fixed 1 problem in 1 file; 2 problems left \(2 warnings\) in 1 file\n$/);
    // Run again: nothing left to fix, nothing written.
    const fixedStamp = stamp(join(folder, 'stray.cable'));
    assert.match(lint(['--fix', '.'], { cwd: folder }).stdout, /: nothing to fix; 2 problems \(2 warnings\) in 1 file\n$/);
    assert.deepEqual(stamp(join(folder, 'stray.cable')), fixedStamp);
  });

  it('fixes on worker threads as in one thread', () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`stray${i}.cable`, STRAY]));
    const folder = folderWith('fix-jobs', files);
    const run = lint(['--fix', '--jobs', '2', '.'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    for (const name of Object.keys(files)) assert.equal(readFileSync(join(folder, name), 'utf8'), FIXED_STRAY, name);
    assert.match(run.stdout, /^Checked 12 files \(12 cables\) in .*: fixed 12 problems in 12 files; no problems left\n$/);
  });

  it('refuses standard input, which it cannot write back', () => {
    const run = lint(['--fix', '-'], { cwd: temp });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--fix cannot write back standard input/);
  });
});

describe('cable-lint --fix-dry-run', () => {
  it('prints the fixes as a unified diff that patch applies, and writes nothing', () => {
    const folder = folderWith('dry', { 'stray.cable': STRAY, 'unproved.cable': UNPROVED });
    const before = stamp(join(folder, 'stray.cable'));
    const run = lint(['--fix-dry-run', '.'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(stamp(join(folder, 'stray.cable')), before);
    assert.match(run.stdout, /^--- stray\.cable\n\+\+\+ stray\.cable\n@@ -20,7 \+20,7 @@\n/);
    assert.ok(
      run.stdout.includes('-¶9. (SBU) Congress passed the first bill in June. \r\n+¶2. (SBU) Congress passed the first bill in June. \r\n'),
    );
    assert.ok(!run.stdout.includes('unproved.cable'), 'a file without a safe fix has no diff');
    assert.match(
      run.stderr,
      /^Checked 2 files \(2 cables\) in .*: --fix would fix 1 problem in 1 file \(nothing written\); 2 problems would be left \(2 warnings\) in 1 file\n$/,
    );
    const patched = spawnSync('patch', ['-p0', '--quiet'], { cwd: folder, input: run.stdout, encoding: 'utf8' });
    assert.equal(patched.status, 0, patched.stderr + patched.stdout);
    assert.equal(readFileSync(join(folder, 'stray.cable'), 'utf8'), FIXED_STRAY);
  });

  it('shows the fixes of standard input too', () => {
    const piped = spawnSync(process.execPath, [CLI, '--fix-dry-run', '-'], { cwd: temp, input: STRAY, encoding: 'utf8' });
    assert.equal(piped.status, 0, piped.stderr);
    assert.match(piped.stdout, /^--- <stdin>\n\+\+\+ <stdin>\n@@ /);
  });
});

describe('cable-lint output as people expect a linter', () => {
  it('lists only the files with problems by default', () => {
    const folder = folderWith('listing', {
      'a-clean.cable': CONFIDENTIAL_CABLE,
      'b-unproved.cable': UNPROVED,
      'c-clean.cable': CONFIDENTIAL_CABLE,
    });
    const run = lint(['.'], { cwd: folder });
    assert.equal(run.code, 0);
    assert.ok(!run.stdout.includes('clean.cable'), run.stdout);
    const [problems] = run.stdout.split('\n\n');
    assert.ok(
      problems.split('\n').every((line) => DIAGNOSTIC_LINE.test(line) && line.startsWith('b-unproved.cable:')),
      problems,
    );
    assert.match(run.stdout, /\nChecked 3 files \(3 cables\) in .*: 2 problems \(2 warnings\) in 1 file\n$/);
  });

  it('colours only with --color or FORCE_COLOR, never with NO_COLOR or --no-color', () => {
    const folder = folderWith('colour', { 'b-unproved.cable': UNPROVED });
    const coloured = (run: Run) => /\x1b\[/.test(run.stdout);
    assert.ok(!coloured(lint(['.'], { cwd: folder })), 'piped: no colour');
    assert.ok(coloured(lint(['--color', '.'], { cwd: folder })));
    assert.ok(coloured(lint(['.'], { cwd: folder, env: { FORCE_COLOR: '1' } })));
    assert.ok(!coloured(lint(['--no-color', '.'], { cwd: folder, env: { FORCE_COLOR: '1' } })));
    assert.ok(!coloured(lint(['.'], { cwd: folder, env: { NO_COLOR: '1' } })));
    const json = lint(['--color', '--format', 'json', '.'], { cwd: folder });
    assert.ok(!coloured(json) && !/\x1b/.test(json.stderr), 'JSON and its summary are never coloured');
    // Piped, even with --color, the codes are no terminal hyperlinks: a pager or a log would show them.
    assert.ok(!lint(['--color', '.'], { cwd: folder }).stdout.includes('\x1b]8;;'));
  });
});

describe('cable-lint --fix on a copy of the corpus', () => {
  let copy: string;
  let dry: Run;
  let fix: Run;
  before(() => {
    copy = join(temp, 'corpus');
    cpSync(CORPUS, copy, { recursive: true });
    dry = lint(['--fix-dry-run', '--jobs', '2', '.'], { cwd: copy });
    fix = lint(['--fix', '--jobs', '2', '--no-progress', '.'], { cwd: copy });
  });

  it('changes only the files the dry run shows, as it shows them', () => {
    const changed = readdirSync(copy).filter(
      (name) => readFileSync(join(copy, name), 'latin1') !== readFileSync(join(CORPUS, name), 'latin1'),
    );
    const shown = [...dry.stdout.matchAll(/^\+\+\+ (.+)$/gm)].map((match) => match[1]);
    assert.ok(changed.length > 0);
    assert.deepEqual(changed.sort(), shown.sort());
    assert.equal(fix.code, dry.code);
  });

  it('changes no line but TAGS lines and paragraph numbers, and nothing else on those lines', () => {
    for (const name of readdirSync(copy)) {
      const before = readFileSync(join(CORPUS, name), 'utf8').split('\n');
      const after = readFileSync(join(copy, name), 'utf8').split('\n');
      assert.equal(after.length, before.length, name);
      before.forEach((line, i) => {
        if (line === after[i]) return;
        const tags = /^\s*TAGS\b/.test(line);
        const number = line.replace(/^(\s*¶?)\d+/, '$1#') === after[i].replace(/^(\s*¶?)\d+/, '$1#');
        assert.ok(tags || number, `${name}:${i + 1}: ${line} → ${after[i]}`);
      });
    }
  });
});
