/**
 * cable-lint end to end: the BUILT `dist/cli.js` run as a separate process, as users and CI run it, on the
 * reference cable, the corpus, small fixtures and files made in a temporary folder.
 * Set CABLE_LINT_CLI to run another build (it is then not rebuilt).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_SUMMARY } from '../fixtures/cli/sampleSummary';
import { CLI, buildCli } from '../support/builtCli';

const ROOT = resolve(__dirname, '..', '..');
const SHARED = resolve(ROOT, '..', 'shared');
const SAMPLE = join(SHARED, 'samples', '09MEXICO283.txt');
const CORPUS = join(SHARED, 'corpus');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
const CORPUS_FILES = readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).length;
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** `file:line:col: severity CODE message`. */
const DIAGNOSTIC_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) (CBL\d{3}) (\S.*)$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lint(args: string[], options: { cwd?: string; input?: string | Uint8Array } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

/** The text summary's first line holds the time, which differs between runs. */
const withoutTiming = (text: string) => text.replace(/ in \d+\.\d+ s(, \d+ cables\/s)?/, ' in (time)');

before(buildCli);

let temp: string;
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'cable-lint-e2e-'));
});
after(() => rmSync(temp, { recursive: true, force: true }));

describe('cable-lint basics', () => {
  it('prints its version and its help', () => {
    assert.deepEqual(lint(['--version']), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = lint(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: cable-lint \[options\] PATH\.\.\./);
    for (const option of [
      '--format',
      '--rule',
      '--max-warnings',
      '--jobs',
      '--quiet',
      '--no-progress',
      '--glob',
      '--summary-only',
      '--fix',
      '--fix-dry-run',
      '--color',
      '--no-color',
      'NO_COLOR',
    ]) {
      assert.ok(help.stdout.includes(option), `the help mentions ${option}`);
    }
  });

  it('exits 2 on a usage error, saying what is wrong on stderr', () => {
    for (const args of [
      [],
      ['--frobnicate', SAMPLE],
      ['--format', 'xml', SAMPLE],
      ['--jobs', '0', SAMPLE],
      ['--rule', 'CBL999=off', SAMPLE],
    ]) {
      const run = lint(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^cable-lint: .+\n(?:.*\n)*Try 'cable-lint --help'\.\n$/);
    }
    assert.match(lint(['--rule', 'CBL999=off', SAMPLE]).stderr, /no rule has the code or name 'CBL999'/);
    assert.match(lint(['--rule', 'missing-portion-markings=off', SAMPLE]).stderr, /did you mean CBL501 missing-portion-marking\?/);
  });
});

describe('cable-lint --format json on the reference cable', () => {
  it('prints the cable with every field read correctly', () => {
    const run = lint(['--format', 'json', SAMPLE]);
    assert.equal(run.code, 0, run.stderr);
    const [line, ...rest] = jsonLines(run.stdout);
    assert.deepEqual(rest, []);
    assert.equal(line.file, SAMPLE);
    assert.deepEqual(line.diagnostics, []);
    assert.deepEqual(line.cables, [SAMPLE_SUMMARY]);
  });

  it('reads standard input as <stdin>', () => {
    const run = lint(['--format', 'json', '-'], { input: readFileSync(SAMPLE, 'utf8') });
    assert.equal(run.code, 0, run.stderr);
    const [line] = jsonLines(run.stdout);
    assert.equal(line.file, '<stdin>');
    assert.equal(line.cables[0].refId, '09MEXICO283');
    assert.equal(line.cables[0].paragraphs, 12);
  });
});

describe('cable-lint on the corpus', () => {
  let json: Run;
  let text: Run;
  before(() => {
    json = lint(['--format', 'json', '--no-progress', '--jobs', '2', '../shared/corpus']);
    text = lint(['--jobs', '2', '../shared/corpus']);
  });

  it('lints every corpus file, in name order, as JSON Lines', () => {
    assert.notEqual(json.code, 2, json.stderr);
    const lines = jsonLines(json.stdout);
    const expected = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join('..', 'shared', 'corpus', name));
    assert.deepEqual(
      lines.map((line) => line.file),
      expected,
    );
    assert.ok(
      lines.every((line) => line.cables.length >= 1),
      'every corpus file holds a cable',
    );
    for (const d of lines.flatMap((line) => line.diagnostics)) {
      assert.deepEqual(Object.keys(d), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line, JSON.stringify(d));
      assert.match(d.code, /^CBL\d{3}$/);
    }
  });

  it('keeps stdout machine-readable and puts the summary line on stderr', () => {
    assert.match(
      json.stderr,
      new RegExp(
        `^Checked ${CORPUS_FILES} files \\(\\d+ cables\\) in \\d+\\.\\d+ s.*: \\d+ problems \\(.*\\) in \\d+ files; \\d+ can be fixed with --fix\\n$`,
      ),
    );
  });

  it('prints only the files with problems, one line per problem, then each rule with its page and one summary line', () => {
    assert.equal(text.code, json.code);
    const withProblems = jsonLines(json.stdout).filter((line) => line.diagnostics.length > 0);
    const jsonCount = withProblems.reduce((n, line) => n + line.diagnostics.length, 0);
    assert.ok(withProblems.length > 0 && withProblems.length < CORPUS_FILES, 'some corpus files have problems, not all');
    const [problemBlock, rest] = text.stdout.split('\n\n');
    const problems = problemBlock.split('\n');
    // Nothing but problem lines: no file names alone, no cable summaries, nothing for the clean files.
    for (const line of problems) assert.match(line, DIAGNOSTIC_LINE);
    assert.equal(problems.length, jsonCount);
    const files = [...new Set(problems.map((line) => DIAGNOSTIC_LINE.exec(line)![1]))];
    assert.deepEqual(
      files,
      withProblems.map((line) => line.file),
    );
    const ruleLines = rest.trimEnd().split('\n');
    const summary = ruleLines.pop()!;
    const codes = new Set(withProblems.flatMap((line) => line.diagnostics.map((d: { code: string }) => d.code)));
    assert.equal(ruleLines.length, codes.size);
    for (const line of ruleLines) {
      const match = /^(CBL\d{3}) [a-z-]+ +\d+ \w+(?:, \d+ \w+)* +(\S+)$/.exec(line);
      assert.ok(match, line);
      assert.ok(codes.has(match[1]), line);
      assert.equal(match[2], `https://github.com/cable-tools/cable-language/blob/main/docs/rules/${match[1]}.md`);
    }
    assert.match(
      summary,
      new RegExp(
        `^Checked ${CORPUS_FILES} files \\(\\d+ cables\\) in \\d+\\.\\d+ s(?:, \\d+ cables/s)?: ${jsonCount} problems \\(.+\\) in ${withProblems.length} files; \\d+ can be fixed with --fix$`,
      ),
    );
    assert.ok(!/\x1b/.test(text.stdout), 'no colour when piped');
    assert.equal(text.stderr, '');
  });

  it('gives one valid SARIF 2.1.0 log with as many results as JSON has diagnostics', () => {
    const run = lint(['--format', 'sarif', '../shared/corpus']);
    assert.equal(run.code, json.code);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'cable-lint');
    assert.equal(sarifRun.tool.driver.version, VERSION);
    const ruleIds = sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id);
    for (const rule of sarifRun.tool.driver.rules)
      assert.equal(rule.helpUri, `https://github.com/cable-tools/cable-language/blob/main/docs/rules/${rule.id}.md`);
    assert.ok(ruleIds.includes('CBL501') && ruleIds.every((id: string) => /^CBL\d{3}$/.test(id)));
    const jsonCount = jsonLines(json.stdout).reduce((n, line) => n + line.diagnostics.length, 0);
    assert.equal(sarifRun.results.length, jsonCount);
    for (const result of sarifRun.results) {
      assert.ok(ruleIds.includes(result.ruleId), result.ruleId);
      assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.match(artifactLocation.uri, /^\.\.\/shared\/corpus\/[^/]+\.txt$/);
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine && region.endColumn >= 1);
    }
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, `file://${ROOT}/`);
    assert.equal(sarifRun.invocations[0].executionSuccessful, true);
  });

  it('gives the same output with --jobs 1 as with --jobs 2', () => {
    const one = lint(['--format', 'json', '--jobs', '1', '../shared/corpus']);
    assert.equal(one.stdout, json.stdout);
    assert.equal(one.code, json.code);
    const textOne = lint(['--jobs', '1', '../shared/corpus']);
    assert.equal(withoutTiming(textOne.stdout), withoutTiming(text.stdout));
  });
});

describe('cable-lint exit codes and rule levels', () => {
  const clean = join(FIXTURES, 'clean.cable');
  const unmarked = join(FIXTURES, 'unmarked-paragraph.cable');
  const aboveClassification = join(FIXTURES, 'marking-above-classification.cable');
  const rel = (path: string) => relative(ROOT, path);

  it('exits 0 on a clean cable', () => {
    const run = lint([rel(clean)]);
    assert.equal(run.code, 0);
    assert.ok(!run.stdout.split('\n').some((line) => DIAGNOSTIC_LINE.test(line)));
    assert.match(run.stdout, /^Checked 1 file \(1 cable\) in \d+\.\d+ s(?:, \d+ cables\/s)?: no problems\n$/);
  });

  it('exits 0 on warnings alone, and prints each where it is', () => {
    const run = lint([rel(unmarked)]);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.includes(`${rel(unmarked)}:29:1: warning CBL501 Paragraph 3 has no portion marking`));
  });

  it('exits 1 on an error', () => {
    const run = lint([rel(aboveClassification)]);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.includes(`${rel(aboveClassification)}:27:4: error CBL504 `));
    assert.match(
      run.stdout,
      /^CBL504 marking-above-classification {2}1 error {2}https:\/\/github\.com\/cable-tools\/cable-language\/blob\/main\/docs\/rules\/CBL504\.md\n/m,
    );
    assert.match(run.stdout, /: 1 problem \(1 error\) in 1 file\n$/);
  });

  it('exits 1 when warnings exceed --max-warnings', () => {
    assert.equal(lint(['--max-warnings', '0', rel(unmarked)]).code, 1);
    assert.equal(lint(['--max-warnings', '1', rel(unmarked)]).code, 0);
  });

  it('sets rule levels with --rule, by code or by name, the last flag winning', () => {
    const raised = lint(['--rule', 'CBL501=error', rel(unmarked)]);
    assert.equal(raised.code, 1);
    assert.ok(raised.stdout.includes(':29:1: error CBL501 '));
    const off = lint(['--rule', 'missing-portion-marking=off', rel(unmarked)]);
    assert.equal(off.code, 0);
    assert.ok(!off.stdout.includes('CBL501'));
    assert.equal(lint(['--rule', 'CBL504=warning', rel(aboveClassification)]).code, 0);
    assert.equal(
      lint(['--rule', 'marking-above-classification=off', '--rule', 'CBL504=hint', rel(aboveClassification)]).stdout.includes(
        'hint CBL504',
      ),
      true,
    );
    assert.equal(lint(['--rule', 'CBL504=off', '--rule', 'marking-above-classification=error', rel(aboveClassification)]).code, 1);
  });

  it('shows errors only with --quiet', () => {
    const run = lint(['--quiet', rel(unmarked), rel(aboveClassification)]);
    assert.equal(run.code, 1);
    const [first, ...rest] = run.stdout.split('\n');
    assert.match(first, DIAGNOSTIC_LINE);
    assert.ok(first.includes('error CBL504'));
    assert.ok(!run.stdout.includes('CBL501'), 'neither the warning nor its rule line');
    assert.match(rest.join('\n'), /^\nCBL504 .*\nChecked 2 files \(2 cables\) in .*: 2 problems \(1 error, 1 warning\) in 2 files\n$/);
  });

  it('prints per-file counts instead of problems with --summary-only', () => {
    const run = lint(['--summary-only', rel(unmarked), rel(aboveClassification)]);
    assert.ok(!run.stdout.split('\n').some((line) => DIAGNOSTIC_LINE.test(line)));
    assert.match(run.stdout, /^ {2}1 warning$/m);
    assert.match(run.stdout, /^ {2}1 error$/m);
  });
});

describe('cable-lint with bad inputs', () => {
  it('names a missing file on stderr, lints the others and exits 2', () => {
    const run = lint(['--format', 'json', 'no-such.txt', SAMPLE]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^cable-lint: cannot read 'no-such\.txt': no such file$/m);
    assert.deepEqual(
      jsonLines(run.stdout).map((line) => line.file),
      [SAMPLE],
    );
  });

  it('reports a binary file as CBL001 and goes on', () => {
    const binary = join(temp, 'image.cable');
    writeFileSync(
      binary,
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
    );
    const run = lint(['--format', 'json', binary, SAMPLE]);
    assert.equal(run.code, 1, run.stderr);
    const [image, sample] = jsonLines(run.stdout);
    assert.deepEqual(image.cables, []);
    assert.deepEqual(
      image.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]),
      [['CBL001', 'error']],
    );
    assert.equal(sample.cables[0].refId, '09MEXICO283');
  });

  it('skips a file over 50 MB with a message, and exits 2', () => {
    const huge = join(temp, 'huge.cable');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024 + 1);
    const run = lint(['--summary-only', huge, SAMPLE]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^cable-lint: skipped '.*huge\.cable': 50\.0 MB is over the 50 MB limit$/m);
    assert.ok(run.stdout.includes('09MEXICO283 | 2009-02-04T17:08:00Z'));
    assert.match(run.stdout, /^Checked 2 files \(1 cable\) in .*: no problems; 1 file could not be linted/m);
    rmSync(huge);
  });
});

describe('cable-lint on folders', () => {
  let folder: string;
  before(() => {
    folder = join(temp, 'cables');
    mkdirSync(join(folder, '2009', 'nested'), { recursive: true });
    copyFileSync(SAMPLE, join(folder, '2009', 'nested', '09MEXICO283.txt'));
    copyFileSync(join(FIXTURES, 'clean.cable'), join(folder, 'a.cable'));
    writeFileSync(join(folder, 'notes.txt'), 'Remember to buy milk.\n');
    writeFileSync(join(folder, 'data.csv'), 'ref_id,created\n');
  });

  it('lints .cable files and .txt files that look like cables, in name order', () => {
    const run = lint(['--format', 'json', 'cables'], { cwd: temp });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      jsonLines(run.stdout).map((line) => line.file),
      [join('cables', '2009', 'nested', '09MEXICO283.txt'), join('cables', 'a.cable')],
    );
  });

  it('lets --glob choose the files', () => {
    const run = lint(['--format', 'json', '--glob', '*.txt', 'cables'], { cwd: temp });
    assert.deepEqual(
      jsonLines(run.stdout).map((line) => line.file),
      [join('cables', '2009', 'nested', '09MEXICO283.txt'), join('cables', 'notes.txt')],
    );
    const deep = lint(['--format', 'json', '--glob', '2009/**', 'cables'], { cwd: temp });
    assert.deepEqual(
      jsonLines(deep.stdout).map((line) => line.file),
      [join('cables', '2009', 'nested', '09MEXICO283.txt')],
    );
  });

  it('says so when a folder holds nothing to lint', () => {
    mkdirSync(join(temp, 'empty'), { recursive: true });
    const run = lint(['empty'], { cwd: temp });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^cable-lint: no cable found in 'empty' \(.cable files, or .txt files that start like a cable\)$/m);
    assert.match(run.stdout, /^Checked 0 files \(0 cables\) in /);
  });

  it('keeps input order across paths and standard input', () => {
    const run = lint(['--format', 'json', 'cables/a.cable', '-', 'cables'], { cwd: temp, input: readFileSync(SAMPLE, 'utf8') });
    assert.deepEqual(
      jsonLines(run.stdout).map((line) => line.file),
      [join('cables', 'a.cable'), '<stdin>', join('cables', '2009', 'nested', '09MEXICO283.txt')],
    );
  });
});
