/**
 * One run of `cable-lint`, from arguments to exit code. Everything the process provides comes in through
 * `CliIo`, so tests can run the whole CLI in memory and `cliMain.ts` stays a few lines.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliConfigs } from '../config/cliConfig';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../language/settings';
import { parseCliArgs, type CliOptions } from './args';
import { walkInputs, type Discovery, type LintInput } from './discover';
import { createFormatter, type FileOutputOptions } from './format/formatter';
import { formatRuleLines, formatSummary } from './format/summary';
import { decideStyle, styleFor, type StyleOptions } from './format/style';
import { startLintPool, type LintPool } from './lintPool';
import { MAX_FILE_BYTES, tooLargeMessage, toLintedFile, type LintSource } from './lintFile';
import { OrderedQueue } from './orderedQueue';
import { utf8 } from './utf8';
import { ProgressBar, type ProgressStream } from './progress';
import { failedReport, type LintedFile } from './report';
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

/**
 * Finds the inputs and lints them as they are found (on workers), then streams each file's output in input
 * order, then the summary. Nothing is printed before every input is found and every .cable-lint.json has
 * been read: the messages about the inputs come first, and a bad configuration stops the run with no output.
 * `--fix` writes files, so with it nothing is linted before that either.
 */
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
  const found: Pick<Discovery, 'emptyFolders' | 'ignoredFiles'> = { emptyFolders: [], ignoredFiles: [] };
  const tally = emptyTally();
  const formatter = createFormatter({ ...options, toolVersion: CLI_VERSION, rules, cwd: io.cwd });
  const stdout = new StdoutBuffer(io.stdout);
  let progress: ProgressBar | undefined;
  /** Files linted while the inputs are still being found, waiting for the go-ahead, and the size of their output. */
  let held: LintedFile[] | undefined = [];
  let heldOutput = 0;
  const release = (file: LintedFile) => {
    addToTally(tally, file);
    const out = formatter.file(file);
    // stderr always shares the bar's terminal; stdout only when it is one too. What went to stdout goes out
    // before anything on stderr, so that the two keep their order when they share a pipe.
    if (file.failure || file.notice) stdout.flush();
    if (file.failure) progress!.interrupt(() => io.stderr.write(failureMessage(file)));
    if (file.notice) progress!.interrupt(() => io.stderr.write(`${CLI_NAME}: ${file.notice}\n`));
    if (out && io.stdout.isTTY) progress!.interrupt(() => io.stdout.write(out));
    else if (out) stdout.write(out);
    progress!.tick();
  };
  const queue = new OrderedQueue<LintedFile>((file) => {
    if (!held) return release(file);
    held.push(file);
    heldOutput += file.out.length;
  });
  /** Each source's place among the inputs, by its index in the pool. */
  const slots: number[] = [];
  const lint = pool.stream((index, file) => queue.push(slots[index], file));
  /**
   * Sources whose linting waits until the inputs are known good: all of them with `--fix`, else those found once
   * EARLY_LIMIT files were given out or EARLY_OUTPUT_LIMIT characters of output are waiting (it waits in memory),
   * so always a tail of the inputs.
   */
  const later: LintSource[] = [];
  let deferring = options.fix !== 'off';
  let inputCount = 0;
  // The workers are fed while the files are found: the walk yields now and then, for their results to come in.
  let lastYield = now();
  for (const input of walkInputs(options.paths, { globs: options.globs, cwd: io.cwd, configs }, found)) {
    const slot = inputCount++;
    const source = await planInput(input, slot, io, queue, options);
    if (source) {
      // Each file's .cable-lint.json files, then --rule on top; a problem in one stops the run as a bad --rule does.
      source.settings = configs.settingsFor(source.kind === 'file' ? source.path : undefined, io.cwd, settings);
      if (configs.problems.length) continue;
      slots.push(slot);
      deferring ||= slots.length > EARLY_LIMIT || heldOutput > EARLY_OUTPUT_LIMIT;
      if (deferring) later.push(source);
      else lint.add(source);
    }
    if (!deferring && now() - lastYield >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = now();
    }
  }
  for (const folder of found.emptyFolders)
    io.stderr.write(
      `${CLI_NAME}: no cable found in '${folder}' (${options.globs.length ? 'no file matches --glob' : '.cable files, or .txt files that start like a cable'})\n`,
    );
  for (const file of found.ignoredFiles)
    io.stderr.write(`${CLI_NAME}: skipped '${file}': a .cable-lint.json "ignore" glob leaves it out\n`);
  if (configs.problems.length) {
    io.stderr.write(configs.describeProblems(CLI_NAME, io.cwd));
    return 2;
  }

  progress = new ProgressBar(io.stderr, inputCount, options.progress);
  const waiting = held;
  held = undefined;
  for (const file of waiting) release(file);
  for (const source of later.splice(0)) lint.add(source);
  await lint.end();
  stdout.flush();
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

/**
 * How many files are linted at most before every input is found, and how much of their output may wait in memory
 * until then. Enough that the workers need not wait for the walk over a folder of thousands of cables (a cable's
 * JSON is under a kilobyte on average: 6,000 cables hold about 5 MB), and a bound on the memory the run holds
 * whatever the number of files: linting stops short of either limit until the walk ends.
 */
const EARLY_LIMIT = 20_000;
const EARLY_OUTPUT_LIMIT = 16 * 1024 * 1024;

/** How long the walk goes on before it lets the workers' results in (they hold two batches each meanwhile). */
const YIELD_EVERY_MS = 5;

/**
 * Output for a stdout that is no terminal, written in pieces of about 64 KB (or what came in the last tenth of a
 * second) rather than a write per file: each write is a system call, and most files print a line or none.
 */
class StdoutBuffer {
  private parts: string[] = [];
  private size = 0;
  private flushedAt = Date.now();
  constructor(private readonly stream: CliIo['stdout']) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65536 || Date.now() - this.flushedAt >= 100) this.flush();
  }

  flush(): void {
    this.flushedAt = Date.now();
    if (!this.parts.length) return;
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.stream.write(text);
  }
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
 * An input → the source to lint, or its report when it is known before any linting (pushed to `queue` at its
 * slot): a path that could not be read, or standard input over the size limit.
 */
async function planInput(
  input: LintInput,
  slot: number,
  io: CliIo,
  queue: OrderedQueue<LintedFile>,
  output: FileOutputOptions,
): Promise<LintSource | undefined> {
  if (input.kind === 'file') return input;
  if (input.kind === 'unreadable') {
    queue.push(slot, toLintedFile(failedReport(input.name, { kind: 'unreadable', message: input.reason }), output));
    return undefined;
  }
  const bytes = await io.readStdin();
  if (bytes.length <= MAX_FILE_BYTES) return { kind: 'text', name: input.name, text: utf8(bytes) };
  queue.push(slot, toLintedFile(failedReport(input.name, { kind: 'too-large', message: tooLargeMessage(bytes.length) }), output));
  return undefined;
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
