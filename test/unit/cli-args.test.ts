/** `parseCliArgs`: every option, its defaults, and the usage errors that make cable-lint exit 2. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, parseRuleFlag, type CliOptions } from '../../server/src/cli/args';

function ok(argv: string[], cores = 4): CliOptions {
  const parsed = parseCliArgs(argv, cores);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseCliArgs(argv, 4);
  assert.ok(!parsed.ok, `expected a usage error for ${argv.join(' ')}`);
  return parsed.error;
}

describe('parseCliArgs defaults', () => {
  it('takes paths in order and defaults to text, one job per core, progress on', () => {
    const options = ok(['a.txt', 'cables', '-'], 6);
    assert.deepEqual(options.paths, ['a.txt', 'cables', '-']);
    assert.equal(options.format, 'text');
    assert.equal(options.jobs, 6);
    assert.equal(options.progress, true);
    assert.equal(options.quiet, false);
    assert.equal(options.summaryOnly, false);
    assert.equal(options.maxWarnings, undefined);
    assert.deepEqual(options.rules, {});
    assert.deepEqual(options.globs, []);
  });

  it('never defaults to zero jobs', () => {
    assert.equal(ok(['x'], 0).jobs, 1);
  });
});

describe('parseCliArgs options', () => {
  it('reads every option, short and long', () => {
    const options = ok([
      '-f',
      'json',
      '-j',
      '2',
      '-q',
      '--no-progress',
      '--max-warnings',
      '0',
      '--glob',
      '*.txt',
      '--glob=**/*.cable',
      'dir',
    ]);
    assert.equal(options.format, 'json');
    assert.equal(options.jobs, 2);
    assert.equal(options.quiet, true);
    assert.equal(options.progress, false);
    assert.equal(options.maxWarnings, 0);
    assert.deepEqual(options.globs, ['*.txt', '**/*.cable']);
  });

  it('collects --rule flags by code or name, a later one winning', () => {
    const options = ok(['--rule', 'cbl101=off', '--rule', 'missing-portion-marking=ERROR', '--rule=CBL101=hint', 'x']);
    assert.deepEqual(options.rules, { CBL101: 'hint', 'missing-portion-marking': 'error' });
  });

  it('answers --help and --version without needing paths', () => {
    assert.equal(ok(['--help']).help, true);
    assert.equal(ok(['-h']).help, true);
    assert.equal(ok(['--version']).version, true);
    assert.equal(ok(['-V']).version, true);
  });

  it('treats everything after -- as paths', () => {
    assert.deepEqual(ok(['--', '--odd-name.txt']).paths, ['--odd-name.txt']);
  });
});

describe('parseCliArgs usage errors', () => {
  it('needs at least one path', () => {
    assert.match(error([]), /no input/);
  });

  it('rejects unknown options and formats', () => {
    assert.match(error(['--frobnicate', 'x']), /frobnicate/);
    assert.match(error(['--format', 'xml', 'x']), /unknown format 'xml'.*text, json, sarif/);
  });

  it('rejects counts that are not whole numbers in range', () => {
    assert.match(error(['--jobs', '0', 'x']), /--jobs/);
    assert.match(error(['--jobs', 'many', 'x']), /--jobs/);
    assert.match(error(['--max-warnings', '-1', 'x']), /--max-warnings/);
    assert.match(error(['--max-warnings', '2.5', 'x']), /--max-warnings/);
  });

  it('rejects --summary-only outside the text format, and stdin twice', () => {
    assert.match(error(['--summary-only', '--format', 'sarif', 'x']), /text format/);
    assert.match(error(['-', '-']), /only once/);
  });

  it('reports every problem at once', () => {
    assert.equal(error(['--format', 'xml', '--jobs', '0']).split('\n').length, 3);
  });
});

describe('parseRuleFlag', () => {
  it('accepts a code or a kebab-case name with each level', () => {
    for (const level of ['off', 'hint', 'info', 'warning', 'error'] as const) {
      assert.deepEqual(parseRuleFlag(`CBL101=${level}`), { key: 'CBL101', level });
    }
    assert.deepEqual(parseRuleFlag('missing-portion-marking=warning'), { key: 'missing-portion-marking', level: 'warning' });
  });

  it('explains what is wrong', () => {
    assert.match(parseRuleFlag('CBL101') as string, /CODE=LEVEL/);
    assert.match(parseRuleFlag('=off') as string, /CODE=LEVEL/);
    assert.match(parseRuleFlag('CBL101=loud') as string, /unknown level 'loud'/);
    assert.match(parseRuleFlag('Not A Rule=off') as string, /neither a rule code/);
  });
});
