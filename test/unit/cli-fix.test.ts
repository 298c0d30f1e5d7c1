/**
 * The pieces of `cable-lint --fix`, `--fix-dry-run` and `--color`, in this process: the flags, the colour
 * decision, the diff, the atomic write and one file linted and fixed with the real language service.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCliArgs } from '../../server/src/cli/args';
import { splitLines, unifiedDiff } from '../../server/src/cli/fix/diff';
import { NotWrittenError, writeFileAtomic } from '../../server/src/cli/fix/writeAtomic';
import { decideStyle } from '../../server/src/cli/format/style';
import { lintToOutput } from '../../server/src/cli/lintFile';
import { getLanguageService } from '../../server/src/language/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { CONFIDENTIAL_CABLE, edit, edits } from '../fixtures/rules/baseCables';

const service = getLanguageService();
const settings = { ...DEFAULT_SETTINGS, maxNumberOfProblems: Number.MAX_SAFE_INTEGER };

/** The reference shape with CRLF line ends and trailing spaces, as Cablegate copies have them; ¶9 stands where ¶2 should. */
const strayNumber = (text: string) => edit(text, '¶2. (SBU)', '¶9. (SBU)');
const crlfWithSpaces = (text: string) =>
  text
    .split('\n')
    .map((line) => (line ? `${line} ` : line))
    .join('\r\n');

describe('--fix, --fix-dry-run and --color flags', () => {
  const parse = (argv: string[]) => parseCliArgs(argv, 2);

  it('reads --fix and --fix-dry-run, off by default', () => {
    const options = (argv: string[]) => {
      const parsed = parse(argv);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      return parsed.options;
    };
    assert.equal(options(['x']).fix, 'off');
    assert.equal(options(['--fix', 'x']).fix, 'write');
    assert.equal(options(['--fix-dry-run', 'x']).fix, 'dry-run');
    assert.equal(options(['--fix', '--format', 'json', 'x']).fix, 'write');
    assert.equal(options(['--fix-dry-run', '-']).fix, 'dry-run');
  });

  it('refuses what cannot be done, saying why', () => {
    const error = (argv: string[]) => {
      const parsed = parse(argv);
      assert.ok(!parsed.ok, argv.join(' '));
      return parsed.error;
    };
    assert.match(error(['--fix', '--fix-dry-run', 'x']), /exclude each other/);
    assert.match(error(['--fix', '-']), /cannot write back standard input.*--fix-dry-run/);
    assert.match(error(['--fix-dry-run', '--format', 'sarif', 'x']), /text format only/);
  });

  it('takes the last of --color and --no-color', () => {
    const color = (argv: string[]) => {
      const parsed = parse(argv);
      assert.ok(parsed.ok);
      return parsed.options.color;
    };
    assert.equal(color(['x']), undefined);
    assert.equal(color(['--color', 'x']), true);
    assert.equal(color(['--no-color', 'x']), false);
    assert.equal(color(['--no-color', '--color', 'x']), true);
    assert.equal(color(['--color', 'x', '--no-color']), false);
  });
});

describe('decideStyle', () => {
  const decide = (flag: boolean | undefined, env: Record<string, string>, isTTY: boolean) => decideStyle({ flag, env, isTTY });

  it('colours a terminal, not a pipe, and links only in a terminal', () => {
    assert.deepEqual(decide(undefined, {}, true), { color: true, hyperlinks: true });
    assert.deepEqual(decide(undefined, {}, false), { color: false, hyperlinks: false });
    assert.deepEqual(decide(true, {}, false), { color: true, hyperlinks: false });
    assert.deepEqual(decide(undefined, { TERM: 'linux' }, true), { color: true, hyperlinks: false });
    assert.deepEqual(decide(undefined, { TERM: 'dumb' }, true), { color: false, hyperlinks: false });
  });

  it('lets NO_COLOR turn colour off, FORCE_COLOR on or off, and the flags win over both', () => {
    assert.equal(decide(undefined, { NO_COLOR: '1' }, true).color, false);
    assert.equal(decide(undefined, { NO_COLOR: '' }, true).color, true, 'an empty NO_COLOR is not set');
    assert.equal(decide(undefined, { FORCE_COLOR: '1' }, false).color, true);
    assert.equal(decide(undefined, { FORCE_COLOR: '' }, false).color, true);
    assert.equal(decide(undefined, { FORCE_COLOR: '0' }, true).color, false);
    assert.equal(decide(undefined, { FORCE_COLOR: 'false' }, true).color, false);
    assert.equal(decide(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false).color, true);
    assert.equal(decide(false, { FORCE_COLOR: '1' }, true).color, false);
    assert.equal(decide(true, { NO_COLOR: '1' }, false).color, true);
  });
});

describe('unifiedDiff', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`);
  const text = lines.join('');

  it('shows the changed lines with three lines of context, in one hunk when the contexts meet', () => {
    const fixed = text.replace('line 5\n', 'line five\n').replace('line 10\n', 'line ten\n');
    assert.equal(
      unifiedDiff('a.txt', text, fixed),
      [
        '--- a.txt',
        '+++ a.txt',
        '@@ -2,12 +2,12 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        ' line 9',
        '-line 10',
        '+line ten',
        ' line 11',
        ' line 12',
        ' line 13',
        '',
      ].join('\n'),
    );
  });

  it('makes a hunk per change far apart, and says when the last line has no newline', () => {
    const noEnd = text.slice(0, -1);
    const fixed = noEnd.replace('line 1\n', 'line one\n').replace('line 20', 'line twenty');
    const diff = unifiedDiff('a.txt', noEnd, fixed);
    assert.deepEqual(
      diff.split('\n').filter((line) => line.startsWith('@@')),
      ['@@ -1,4 +1,4 @@', '@@ -17,4 +17,4 @@'],
    );
    assert.ok(diff.endsWith('-line 20\n\\ No newline at end of file\n+line twenty\n\\ No newline at end of file\n'));
  });

  it('keeps CRLF endings in the lines it shows', () => {
    const crlf = 'a \r\nb \r\nc \r\n';
    assert.equal(unifiedDiff('x', crlf, 'a \r\nB \r\nc \r\n'), '--- x\n+++ x\n@@ -1,3 +1,3 @@\n a \r\n-b \r\n+B \r\n c \r\n');
  });

  it('is empty when nothing changed, and splits lines keeping their ends', () => {
    assert.equal(unifiedDiff('x', text, text), '');
    assert.deepEqual(splitLines('a\r\nb\nc\rd'), ['a\r\n', 'b\n', 'c\r', 'd']);
  });

  it('still shows a change that adds lines', () => {
    const diff = unifiedDiff('x', 'a\nb\n', 'a\nnew\nb\n');
    assert.match(diff, /^--- x\n\+\+\+ x\n@@ -1,2 \+1,3 @@\n-a\n\+a\n\+new\n b\n$/);
  });
});

describe('writeFileAtomic and lintToOutput with fixes', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-fix-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const stampOf = (path: string) => {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  };

  it('replaces a file whole, keeping its permissions and leaving no temporary file', () => {
    const path = join(dir, 'a.cable');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    writeFileAtomic(path, new TextEncoder().encode('new text'), stampOf(path));
    assert.equal(readFileSync(path, 'utf8'), 'new text');
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['a.cable']);
  });

  it('writes through a symlink to the file it points to', () => {
    const target = join(dir, 'target.cable');
    const link = join(dir, 'link.cable');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    writeFileAtomic(link, new TextEncoder().encode('new'), stampOf(target));
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.ok(statSync(link).isFile());
    rmSync(link);
    rmSync(target);
  });

  it('refuses a file that changed since it was read', () => {
    const path = join(dir, 'b.cable');
    writeFileSync(path, 'old');
    const stamp = stampOf(path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    assert.throws(() => writeFileAtomic(path, new TextEncoder().encode('new'), stamp), NotWrittenError);
    assert.equal(readFileSync(path, 'utf8'), 'old');
    rmSync(path);
  });

  it('fixes only the wrong number, every other byte kept (CRLF, trailing spaces)', () => {
    const original = crlfWithSpaces(strayNumber(CONFIDENTIAL_CABLE));
    const path = join(dir, 'stray.cable');
    writeFileSync(path, original);
    const linted = lintToOutput(
      service,
      settings,
      { format: 'text', quiet: false, summaryOnly: false, fix: 'write' },
      { kind: 'file', name: 'stray.cable', path },
    );
    assert.equal(linted.fixed, 1);
    assert.equal(linted.out, '');
    assert.deepEqual(linted.problems, []);
    assert.equal(readFileSync(path, 'latin1'), Buffer.from(crlfWithSpaces(CONFIDENTIAL_CABLE), 'utf8').toString('latin1'));
  });

  it('shows the fix as a diff with --fix-dry-run and writes nothing', () => {
    const original = strayNumber(CONFIDENTIAL_CABLE);
    const path = join(dir, 'dry.cable');
    writeFileSync(path, original);
    const before = stampOf(path);
    const linted = lintToOutput(
      service,
      settings,
      { format: 'text', quiet: false, summaryOnly: false, fix: 'dry-run' },
      { kind: 'file', name: 'dry.cable', path },
    );
    assert.equal(linted.fixed, 1);
    assert.match(
      linted.out,
      /^--- dry\.cable\n\+\+\+ dry\.cable\n@@ -20,7 \+20,7 @@\n(?: .*\n){3}-¶9\. \(SBU\) Congress passed the first bill in June\.\n\+¶2\. \(SBU\) Congress passed the first bill in June\.\n(?: .*\n){3}$/,
    );
    assert.equal(readFileSync(path, 'utf8'), original);
    assert.deepEqual(stampOf(path), before);
  });

  it('leaves a file without a safe fix untouched, and reports its problems', () => {
    const gap = edits(CONFIDENTIAL_CABLE, ['¶3. (C) Comment', '¶4. (C) Comment'], ['¶2. (SBU) ', '¶2. ']);
    const path = join(dir, 'gap.cable');
    writeFileSync(path, gap);
    const before = stampOf(path);
    const linted = lintToOutput(
      service,
      settings,
      { format: 'text', quiet: false, summaryOnly: false, fix: 'write' },
      { kind: 'file', name: 'gap.cable', path },
    );
    assert.equal(linted.fixed, undefined);
    assert.deepEqual(linted.problems.map((p) => p.code).sort(), ['CBL501', 'CBL505']);
    assert.deepEqual(stampOf(path), before);
  });

  it('does not rewrite a file that is not valid UTF-8, and says why', () => {
    // A lone lead byte (0xC3) at the end: the text reads it as U+FFFD, which would not write back the same.
    const bytes = new Uint8Array([...new TextEncoder().encode(strayNumber(CONFIDENTIAL_CABLE)), 0xc3, 0x0a]);
    const path = join(dir, 'latin1.cable');
    writeFileSync(path, bytes);
    const linted = lintToOutput(
      service,
      settings,
      { format: 'text', quiet: false, summaryOnly: false, fix: 'write' },
      { kind: 'file', name: 'latin1.cable', path },
    );
    assert.equal(linted.fixed, undefined);
    assert.match(linted.notice ?? '', /not fixed 'latin1\.cable': it is not valid UTF-8/);
    assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
  });
});
