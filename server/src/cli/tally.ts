/** Counts over a whole run, for the closing summary and the exit code. */
import type { FileReport, Severity } from './report';

export interface RunTally {
  /** Inputs met, read or not. */
  files: number;
  cables: number;
  /** Inputs not linted: unreadable, too large, or a bug while linting. */
  failed: number;
  bySeverity: Record<Severity, number>;
  /** Rule code → how many of each severity it reported. */
  byRule: Map<string, Record<Severity, number>>;
}

export function emptyTally(): RunTally {
  return { files: 0, cables: 0, failed: 0, bySeverity: zeroCounts(), byRule: new Map() };
}

function zeroCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

/** Counts every diagnostic, whatever `--quiet` shows: `--max-warnings` is about what remains, not what is printed. */
export function addToTally(tally: RunTally, report: FileReport): void {
  tally.files++;
  if (report.failure) {
    tally.failed++;
    return;
  }
  tally.cables += report.cables.length;
  for (const diagnostic of report.diagnostics) {
    tally.bySeverity[diagnostic.severity]++;
    let counts = tally.byRule.get(diagnostic.code);
    if (!counts) tally.byRule.set(diagnostic.code, (counts = zeroCounts()));
    counts[diagnostic.severity]++;
  }
}

/** 2 when an input could not be linted, 1 when errors remain or warnings exceed the limit, else 0. */
export function exitCodeOf(tally: RunTally, maxWarnings: number | undefined): 0 | 1 | 2 {
  if (tally.failed > 0) return 2;
  if (tally.bySeverity.error > 0) return 1;
  if (maxWarnings !== undefined && tally.bySeverity.warning > maxWarnings) return 1;
  return 0;
}
