/**
 * What linting one file produces, as plain data that every output format reads, and the smaller `LintedFile`
 * that crosses the worker boundary. Lines and columns are 1-based here, as users and SARIF count them.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One problem, 1-based; the end is exclusive (the column after the last character), as in SARIF. */
export interface ReportDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

/** A cable's values, e.g. `09MEXICO283`, `2009-02-04T17:08:00Z`, `CONFIDENTIAL`, `Embassy Mexico`, `ROUTINE`. */
export interface CableSummary {
  refId: string | null;
  /** ISO 8601: a date-time when the cable gives its time, else a date. */
  date: string | null;
  classification: string | null;
  origin: string | null;
  precedence: string | null;
  tags: string[];
  subject: string | null;
  /** Canonical ref ids of every telegram the REF items name (`08MEXICO3456`), in order; other kinds have none. */
  references: string[];
  /** One entry per REF item, as written: `{ letter: 'B', kind: 'email', text: 'JONES-SMITH E-MAIL 05/11/07', ids: [] }`. */
  referenceItems: ReferenceItemSummary[];
  classifiedBy: { name: string | null; title: string | null; text: string | null } | null;
  /** `1.4(b)`, `1.4(d)`. */
  reasons: string[];
  /** ISO date from `DECL: 01/15/2019`, or the instruction as written (`OADR`, `N/A`). */
  declassifyOn: string | null;
  paragraphs: number;
  /** Where each cable-level value was read from: `preamble`, `record`, `routing`, `banner`, `filename`… */
  sources: Record<string, string>;
}

/** A REF item: its letter, kind (`cable`, `email`, `memo`, `report`, `resolution`, `dtg`…), text and the canonical ids of the telegrams it names. */
export interface ReferenceItemSummary {
  letter: string | null;
  kind: string;
  text: string;
  ids: string[];
}

/** Why a file was not linted: it could not be read, it is too large, or linting it hit a bug. */
export interface InputFailure {
  kind: 'unreadable' | 'too-large' | 'crash';
  message: string;
  /** The stack, for bugs: they are reported with it, never swallowed. */
  stack?: string;
}

export interface FileReport {
  /** The file as the user named it, or `<stdin>`. */
  file: string;
  cables: CableSummary[];
  diagnostics: ReportDiagnostic[];
  /** True when the per-cable problem limit cut the list. */
  capped: boolean;
  failure?: InputFailure;
  /** How many of the diagnostics have a safe fix (`--fix` applies those); absent means none. */
  fixable?: number;
}

export function failedReport(file: string, failure: InputFailure): FileReport {
  return { file, cables: [], diagnostics: [], capped: false, failure };
}

/** Problems of one rule at one severity in a file, for the run's tally. */
export interface ProblemCount {
  code: string;
  severity: Severity;
  count: number;
}

/**
 * A linted file as the run needs it, made where the file was linted: its output already formatted (text and
 * JSON Lines are per file), what the tally counts, and the whole report only for a format that prints the run
 * as one document (SARIF). Strings and a few numbers cost little to copy between threads; reports cost much.
 */
export interface LintedFile {
  file: string;
  /** The file's text for stdout; empty when it has none (or the format prints at the end). */
  out: string;
  cables: number;
  problems: ProblemCount[];
  failure?: InputFailure;
  report?: FileReport;
  /** Problems of the file left with a safe fix (see `FileReport.fixable`). */
  fixable?: number;
  /** Problems `--fix` fixed in the file, or `--fix-dry-run` would fix; `problems` are those left after. */
  fixed?: number;
  /** A message for stderr about the file that is no failure, e.g. why its fixes were not written. */
  notice?: string;
}
