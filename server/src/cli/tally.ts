/** Counts over a whole run, for the closing summary and the exit code. */
import type { FileReport, LintedFile, ProblemCount, Severity } from './report';

export interface RunTally {
  /** Inputs met, read or not. */
  files: number;
  cables: number;
  /** Inputs not linted: unreadable, too large, or a bug while linting. */
  failed: number;
  /** Inputs with at least one problem (after the fixes, with `--fix`). */
  filesWithProblems: number;
  /** Problems with a safe fix that `--fix` would apply. */
  fixable: number;
  /** Problems fixed by `--fix` (or that `--fix-dry-run` would fix), and in how many files. */
  fixed: number;
  fixedFiles: number;
  bySeverity: Record<Severity, number>;
  /** Rule code → how many of each severity it reported. */
  byRule: Map<string, Record<Severity, number>>;
}

export function emptyTally(): RunTally {
  return {
    files: 0,
    cables: 0,
    failed: 0,
    filesWithProblems: 0,
    fixable: 0,
    fixed: 0,
    fixedFiles: 0,
    bySeverity: zeroCounts(),
    byRule: new Map(),
  };
}

function zeroCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

/** What the tally counts of one report: cables, and problems by rule and severity. */
export function problemCounts(report: FileReport): ProblemCount[] {
  const counts = new Map<string, ProblemCount>();
  for (const { code, severity } of report.diagnostics) {
    const key = `${severity} ${code}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { code, severity, count: 1 });
  }
  return [...counts.values()];
}

/** Counts every diagnostic, whatever `--quiet` shows: `--max-warnings` is about what remains, not what is printed. */
export function addToTally(tally: RunTally, file: Pick<LintedFile, 'cables' | 'problems' | 'failure' | 'fixable' | 'fixed'>): void {
  tally.files++;
  if (file.failure) {
    tally.failed++;
    return;
  }
  tally.cables += file.cables;
  if (file.problems.length) tally.filesWithProblems++;
  tally.fixable += file.fixable ?? 0;
  if (file.fixed) {
    tally.fixed += file.fixed;
    tally.fixedFiles++;
  }
  for (const { code, severity, count } of file.problems) {
    tally.bySeverity[severity] += count;
    let counts = tally.byRule.get(code);
    if (!counts) tally.byRule.set(code, (counts = zeroCounts()));
    counts[severity] += count;
  }
}

/** 2 when an input could not be linted, 1 when errors remain or warnings exceed the limit, else 0. */
export function exitCodeOf(tally: RunTally, maxWarnings: number | undefined): 0 | 1 | 2 {
  if (tally.failed > 0) return 2;
  if (tally.bySeverity.error > 0) return 1;
  if (maxWarnings !== undefined && tally.bySeverity.warning > maxWarnings) return 1;
  return 0;
}
