/**
 * Command-line arguments → options. Pure: no process, no file system, so every usage error can be
 * unit-tested; the caller decides how to print the message and which exit code to use.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { RULE_LEVELS, type RuleLevel } from '../../../shared/settings';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** `--fix` writes the safe fixes into the files, `--fix-dry-run` prints them as a diff, else neither. */
export type FixMode = 'off' | 'write' | 'dry-run';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export { RULE_LEVELS };

/** What the user asked for, validated. */
export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  /** Rule code or name → level, in the order of each key's last `--rule` flag (a later flag wins). */
  rules: Record<string, RuleLevel>;
  /** Exit 1 when more warnings than this remain; undefined means no limit. */
  maxWarnings?: number;
  /** Worker threads; 1 lints in the main thread. */
  jobs: number;
  quiet: boolean;
  progress: boolean;
  /** Text format only: per-file cable summaries and counts, without the diagnostic lines. */
  summaryOnly: boolean;
  /** Patterns choosing the files inside folders; empty means `.cable` files and `.txt` files that look like cables. */
  globs: string[];
  fix: FixMode;
  /** `--color` (true) or `--no-color` (false), the last one given; undefined lets the environment decide. */
  color?: boolean;
  help: boolean;
  version: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

/** Same shape as the `cable.rules` setting's keys: `CBL101` or `missing-portion-marking`. */
const RULE_KEY = /^(?:[A-Za-z]+\d+|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

const OPTION_SPEC = {
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  quiet: { type: 'boolean', short: 'q' },
  'no-progress': { type: 'boolean' },
  'summary-only': { type: 'boolean' },
  glob: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** Parses `argv` (without node and the script); `cores` is the default for `--jobs`. */
export function parseCliArgs(argv: readonly string[], cores: number = availableParallelism()): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its words.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals, tokens } = parsed;
  const options: CliOptions = {
    paths: positionals,
    format: 'text',
    rules: {},
    jobs: Math.max(1, cores),
    quiet: values.quiet ?? false,
    progress: !(values['no-progress'] ?? false),
    summaryOnly: values['summary-only'] ?? false,
    globs: values.glob ?? [],
    fix: values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : 'off',
    help: values.help ?? false,
    version: values.version ?? false,
  };
  const color = lastColorFlag(tokens);
  if (color !== undefined) options.color = color;
  if (options.help || options.version) return { ok: true, options };

  const problems: string[] = [];
  if (values.format !== undefined) {
    if ((OUTPUT_FORMATS as readonly string[]).includes(values.format)) options.format = values.format as OutputFormat;
    else problems.push(`unknown format '${values.format}': expected one of ${OUTPUT_FORMATS.join(', ')}`);
  }
  for (const flag of values.rule ?? []) {
    const rule = parseRuleFlag(flag);
    if (typeof rule === 'string') problems.push(rule);
    else {
      // Re-inserting keeps the record in the order of each key's last flag, which `rulesByCode` relies on.
      delete options.rules[rule.key];
      options.rules[rule.key] = rule.level;
    }
  }
  if (values['max-warnings'] !== undefined) {
    const n = parseCount(values['max-warnings'], 0);
    if (n === undefined) problems.push(`--max-warnings expects a whole number of 0 or more, got '${values['max-warnings']}'`);
    else options.maxWarnings = n;
  }
  if (values.jobs !== undefined) {
    const n = parseCount(values.jobs, 1);
    if (n === undefined) problems.push(`--jobs expects a whole number of 1 or more, got '${values.jobs}'`);
    else options.jobs = n;
  }
  if (options.summaryOnly && options.format !== 'text') problems.push('--summary-only applies to the text format only');
  problems.push(...fixProblems(values, options));
  for (const glob of options.globs) if (glob.trim() === '') problems.push('--glob expects a pattern, got an empty one');
  if (options.paths.length === 0) problems.push('no input: give files, folders, or - for standard input');
  if (options.paths.filter((p) => p === '-').length > 1) problems.push('standard input (-) can be read only once');

  return problems.length ? { ok: false, error: problems.join('\n') } : { ok: true, options };
}

/** `--color` or `--no-color`, whichever came last (a later flag overrides an alias's). */
function lastColorFlag(tokens: ReadonlyArray<{ kind: string; name?: string }>): boolean | undefined {
  let color: boolean | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'color') color = true;
    else if (token.name === 'no-color') color = false;
  }
  return color;
}

/** `--fix` and `--fix-dry-run` exclude each other; neither can write back standard input, and the diff is text. */
function fixProblems(values: { fix?: boolean; 'fix-dry-run'?: boolean }, options: CliOptions): string[] {
  if (values.fix && values['fix-dry-run'])
    return ['--fix and --fix-dry-run exclude each other: --fix writes the fixes, --fix-dry-run only shows them'];
  if (options.fix === 'write' && options.paths.includes('-'))
    return ['--fix cannot write back standard input (-): use --fix-dry-run to see the fixes as a diff'];
  if (options.fix === 'dry-run' && options.format !== 'text') return ['--fix-dry-run prints a diff, so it applies to the text format only'];
  if (options.fix === 'dry-run' && options.summaryOnly) return ['--fix-dry-run prints a diff, not --summary-only counts'];
  return [];
}

/** `CBL101=off` or `missing-portion-marking=error` → key and level, or a message saying what is wrong. */
export function parseRuleFlag(flag: string): { key: string; level: RuleLevel } | string {
  const at = flag.lastIndexOf('=');
  if (at <= 0) return `--rule expects CODE=LEVEL (e.g. CBL101=off), got '${flag}'`;
  const key = flag.slice(0, at).trim();
  const level = flag
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!RULE_KEY.test(key)) return `--rule: '${key}' is neither a rule code (CBL101) nor a kebab-case rule name`;
  if (!(RULE_LEVELS as readonly string[]).includes(level))
    return `--rule ${key}: unknown level '${level}': expected one of ${RULE_LEVELS.join(', ')}`;
  // Codes are matched case-insensitively by users but written upper-case in the registry.
  const normalized = /^[A-Za-z]+\d+$/.test(key) ? key.toUpperCase() : key;
  return { key: normalized, level: level as RuleLevel };
}

function parseCount(text: string, min: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n >= min ? n : undefined;
}
