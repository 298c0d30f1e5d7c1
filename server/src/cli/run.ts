/**
 * One run of `cable-lint`, from arguments to exit code. Everything the process provides comes in through
 * `CliIo`, so tests can run the whole CLI in memory and `cliMain.ts` stays a few lines.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliConfigs } from '../config/cliConfig';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../language/settings';
import { parseCliArgs, type CliOptions } from './args';
import { discoverInputs, type LintInput } from './discover';
import { createFormatter } from './format/formatter';
import { formatRuleLines, formatSummary } from './format/summary';
import { decideStyle, styleFor, type StyleOptions } from './format/style';
import { startLintPool, type LintPool } from './lintPool';
import { MAX_FILE_BYTES, tooLargeMessage, toLintedFile, type LintSource } from './lintFile';
import { OrderedQueue } from './orderedQueue';
import { utf8 } from './utf8';
import { ProgressBar, type ProgressStream } from './progress';
import { failedReport, type FileReport, type LintedFile } from './report';
import { closestRule, getRuleCatalog, rulesByCode, unknownRuleKeys } from './ruleCatalog';
import type { RuleInfo } from './ruleInfo';
import { emptyTally, addToTally, exitCodeOf } from './tally';
import { CLI_NAME, CLI_VERSION, USAGE } from './usage';

export interface CliIo {
  cwd: string;
  stdout: { isTTY?: boolean; write(text: string): unknown };
  stderr: ProgressStream;
  readStdin(): Promise<Uint8Array>;
  /** `dist/lintWorker.js`; when it is missing the run lints in this thread. */
  workerPath: string;
  /** Default for `--jobs`. */
  cores?: number;
  /** The environment, for `NO_COLOR`, `FORCE_COLOR` and `TERM`; none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => number;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, io.cores);
  if (!parsed.ok) return usageError(io, parsed.error);
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  const rules = getRuleCatalog();
  const unknown = unknownRuleKeys(Object.keys(options.rules), rules);
  if (unknown.length) return usageError(io, unknown.map((key) => unknownRuleMessage(key, rules)).join('\n'));
  return lintRun({ ...options, rules: rulesByCode(options.rules, rules) }, io, rules);
}

function unknownRuleMessage(key: string, rules: readonly RuleInfo[]): string {
  const guess = closestRule(key, rules);
  return `--rule: no rule has the code or name '${key}'${guess ? `; did you mean ${guess}?` : ` (rules go from ${rules[0]?.code} to ${rules.at(-1)?.code})`}`;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(
    message
      .split('\n')
      .map((line) => `${CLI_NAME}: ${line}\n`)
      .join('') + `Try '${CLI_NAME} --help'.\n`,
  );
  return 2;
}

/** Starts the workers first, so they load while the files are found; stops them whatever happens. */
async function lintRun(options: CliOptions, io: CliIo, rules: readonly RuleInfo[]): Promise<number> {
  const now = io.now ?? Date.now;
  const startedAt = now();
  const settings: LanguageSettings = { ...DEFAULT_SETTINGS, rules: options.rules, maxNumberOfProblems: Number.MAX_SAFE_INTEGER };
  const output = {
    format: options.format,
    quiet: options.quiet,
    summaryOnly: options.summaryOnly,
    style: textStyle(options, io),
    fix: options.fix,
  };
  const pool = startLintPool({ jobs: workerCount(options, io), workerPath: io.workerPath, settings, output });
  try {
    return await lintInputs(options, io, rules, pool, startedAt, settings);
  } finally {
    pool.close();
  }
}

/** Finds the inputs, lints them, streams each file's output in input order, then the summary. */
async function lintInputs(
  options: CliOptions,
  io: CliIo,
  rules: readonly RuleInfo[],
  pool: LintPool,
  startedAt: number,
  settings: LanguageSettings,
): Promise<number> {
  const now = io.now ?? Date.now;
  const configs = new CliConfigs();
  const { inputs, emptyFolders, ignoredFiles } = discoverInputs(options.paths, { globs: options.globs, cwd: io.cwd, configs });
  for (const folder of emptyFolders)
    io.stderr.write(
      `${CLI_NAME}: no cable found in '${folder}' (${options.globs.length ? 'no file matches --glob' : '.cable files, or .txt files that start like a cable'})\n`,
    );
  for (const file of ignoredFiles) io.stderr.write(`${CLI_NAME}: skipped '${file}': a .cable-lint.json "ignore" glob leaves it out\n`);
  const { sources, slots, early } = await planInputs(inputs, io);
  // Each file's .cable-lint.json files, then --rule on top; a problem in one stops the run as a bad --rule does.
  for (const source of sources) source.settings = configs.settingsFor(source.kind === 'file' ? source.path : undefined, io.cwd, settings);
  if (configs.problems.length) {
    io.stderr.write(configs.describeProblems(CLI_NAME, io.cwd));
    return 2;
  }

  const tally = emptyTally();
  const formatter = createFormatter({ ...options, toolVersion: CLI_VERSION, rules, cwd: io.cwd });
  const progress = new ProgressBar(io.stderr, inputs.length, options.progress);
  const queue = new OrderedQueue<LintedFile>((file) => {
    addToTally(tally, file);
    const out = formatter.file(file);
    // stderr always shares the bar's terminal; stdout only when it is one too.
    if (file.failure) progress.interrupt(() => io.stderr.write(failureMessage(file)));
    if (file.notice) progress.interrupt(() => io.stderr.write(`${CLI_NAME}: ${file.notice}\n`));
    if (out && io.stdout.isTTY) progress.interrupt(() => io.stdout.write(out));
    else if (out) io.stdout.write(out);
    progress.tick();
  });
  for (const [slot, report] of early) queue.push(slot, toLintedFile(report, options));

  await pool.lintAll(sources, (index, file) => queue.push(slots[index], file));
  progress.stop();

  io.stdout.write(formatter.end());
  const elapsed = now() - startedAt;
  // The text format ends with the rules' pages and the summary; other output (JSON, SARIF, a diff) stays alone on stdout.
  if (options.format === 'text' && options.fix !== 'dry-run') {
    const style = styleFor(textStyle(options, io));
    io.stdout.write(
      formatRuleLines(tally, rules, { quiet: options.quiet, style }) + formatSummary(tally, elapsed, { fix: options.fix, style }),
    );
  } else io.stderr.write(formatSummary(tally, elapsed, { fix: options.fix }));
  return exitCodeOf(tally, options.maxWarnings);
}

/** Colour and links for the text format on stdout, as the flags and the environment say; none for the other formats. */
function textStyle(options: CliOptions, io: CliIo): StyleOptions {
  if (options.format !== 'text') return { color: false, hyperlinks: false };
  return decideStyle({ flag: options.color, env: io.env ?? {}, isTTY: io.stdout.isTTY === true });
}

/**
 * Workers are started before the files are found, so the decision rests on the arguments: a single file
 * or standard input is linted here, as a worker would cost more than it saves.
 */
function workerCount(options: CliOptions, io: CliIo): number {
  if (options.jobs <= 1) return 1;
  const many = options.paths.length > 1 || (options.paths[0] !== '-' && isFolder(resolve(io.cwd, options.paths[0])));
  if (!many) return 1;
  if (!existsSync(io.workerPath)) {
    io.stderr.write(`${CLI_NAME}: the worker script ${io.workerPath} is missing; linting in one thread\n`);
    return 1;
  }
  return options.jobs;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // discovery reports it
  }
}

/**
 * Splits the inputs into sources to lint (with their place in the output) and reports known before any
 * linting: paths that could not be read, and standard input over the size limit.
 */
async function planInputs(inputs: readonly LintInput[], io: CliIo) {
  const sources: LintSource[] = [];
  const slots: number[] = [];
  const early: Array<[number, FileReport]> = [];
  for (const [slot, input] of inputs.entries()) {
    if (input.kind === 'unreadable') early.push([slot, failedReport(input.name, { kind: 'unreadable', message: input.reason })]);
    else if (input.kind === 'file') {
      sources.push(input);
      slots.push(slot);
    } else {
      const bytes = await io.readStdin();
      if (bytes.length > MAX_FILE_BYTES)
        early.push([slot, failedReport(input.name, { kind: 'too-large', message: tooLargeMessage(bytes.length) })]);
      else {
        sources.push({ kind: 'text', name: input.name, text: utf8(bytes) });
        slots.push(slot);
      }
    }
  }
  return { sources, slots, early };
}

/** `cable-lint: cannot read 'x.txt': no such file`; bugs come with their stack, to be reported. */
export function failureMessage(report: Pick<LintedFile, 'file' | 'failure'>): string {
  const failure = report.failure!;
  switch (failure.kind) {
    case 'unreadable':
      return `${CLI_NAME}: cannot read '${report.file}': ${failure.message}\n`;
    case 'too-large':
      return `${CLI_NAME}: skipped '${report.file}': ${failure.message}\n`;
    case 'crash':
      return `${CLI_NAME}: internal error while linting '${report.file}': ${failure.message}\n${failure.stack ?? ''}\nThis is a bug in cable-lint; please report it with the file.\n`;
  }
}
