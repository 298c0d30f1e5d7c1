/**
 * Lints one input through the language service: read (with a size limit), parse, validate, summarise, and
 * with `--fix` apply the safe fixes (written in place, or shown as a diff with `--fix-dry-run`). The same
 * function runs in a worker and in the main thread, so `--jobs 1` and `--jobs N` agree.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getSafeFixes } from '../language/features/codeActions';
import type { LanguageService } from '../language/languageService';
import type { LanguageSettings } from '../language/settings';
import { summarizeCable } from './cableSummary';
import { describeFsError } from './discover';
import { unifiedDiff } from './fix/diff';
import { NotWrittenError, writeFileAtomic, type ReadStamp } from './fix/writeAtomic';
import { formatFile, type FileOutputOptions } from './format/formatter';
import { styleFor } from './format/style';
import { problemCounts } from './tally';
import { utf8 } from './utf8';
import { failedReport, type FileReport, type LintedFile, type ReportDiagnostic, type Severity } from './report';

/** Larger files are reported and skipped: no cable is that long, and parsing one would stall a worker. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file to read, or text already read (standard input); `settings`, when its .cable-lint.json files give some, replace the run's. */
export type LintSource = ({ kind: 'file'; name: string; path: string } | { kind: 'text'; name: string; text: string }) & {
  settings?: LanguageSettings;
};

export function lintSource(service: LanguageService, settings: LanguageSettings, source: LintSource): FileReport {
  const read = readSource(source);
  return 'kind' in read ? failedReport(source.name, read) : lintText(service, source.settings ?? settings, source.name, read.text);
}

/** Lints one input and formats its output, as the run prints and counts it; applies its safe fixes as `output.fix` says. */
export function lintToOutput(
  service: LanguageService,
  settings: LanguageSettings,
  output: FileOutputOptions,
  source: LintSource,
): LintedFile {
  const mode = output.fix ?? 'off';
  if (mode === 'off') return toLintedFile(lintSource(service, settings, source), output);
  const read = readSource(source);
  if ('kind' in read) return toLintedFile(failedReport(source.name, read), output);
  // Only text that reads back to the same bytes can be rewritten with nothing changed but the fixes.
  const lossless = read.bytes === undefined || Buffer.from(read.text, 'utf8').equals(read.bytes);
  const outcome = lintAndFix(service, source.settings ?? settings, source.name, read.text, lossless);
  if (!outcome.fixed) {
    const linted = toLintedFile(outcome.report, output);
    // The dry run's stdout is the diff alone.
    if (mode === 'dry-run') linted.out = '';
    if (!lossless && outcome.report.fixable)
      linted.notice = `not fixed '${source.name}': it is not valid UTF-8, so rewriting it would change more than the fixes`;
    return linted;
  }
  const { fixed } = outcome;
  if (mode === 'dry-run') {
    const linted = toLintedFile(fixed.report, output);
    linted.out = unifiedDiff(source.name, read.text, fixed.text, output.style ? styleFor(output.style) : undefined);
    linted.fixed = fixed.count;
    return linted;
  }
  try {
    if (source.kind === 'file') writeFileAtomic(source.path, new TextEncoder().encode(fixed.text), read.stamp!);
  } catch (error) {
    const linted = toLintedFile(outcome.report, output);
    linted.notice = `not fixed '${source.name}': ${error instanceof NotWrittenError ? error.message : describeFsError(error)}`;
    return linted;
  }
  const linted = toLintedFile(fixed.report, output);
  linted.fixed = fixed.count;
  return linted;
}

/** A report as the run needs it: formatted for a per-file format, whole for one that prints at the end. */
export function toLintedFile(report: FileReport, output: FileOutputOptions): LintedFile {
  const out = formatFile(report, output);
  const linted: LintedFile = { file: report.file, out: out ?? '', cables: report.cables.length, problems: problemCounts(report) };
  if (report.failure) linted.failure = report.failure;
  if (report.fixable) linted.fixable = report.fixable;
  if (out === undefined) linted.report = report;
  return linted;
}

/** Parses and validates `text`; a throw is a bug in a rule or the parser, kept with its stack. */
export function lintText(service: LanguageService, settings: LanguageSettings, name: string, text: string): FileReport {
  return lintAndFix(service, settings, name, text, false).report;
}

/** The text after its safe fixes, how many problems they fix, and the report of the new text. */
interface FixedText {
  text: string;
  count: number;
  report: FileReport;
}

/**
 * Fixes can uncover others (a TAGS line that repeats a glued pair is reported one pair at a time), so the fixed
 * text is linted and fixed again, a few times at most, as other linters do.
 */
const MAX_FIX_PASSES = 10;

/**
 * Lints `text` and, when `fix` and it has safe fixes, the text they give too. `fixable` counts the problems of
 * `text` itself that have a safe fix, the ones its report shows.
 */
function lintAndFix(
  service: LanguageService,
  settings: LanguageSettings,
  name: string,
  text: string,
  fix: boolean,
): { report: FileReport; fixed?: FixedText } {
  try {
    const first = lintOnce(service, settings, name, text);
    if (first.safe.fixed.length) first.report.fixable = first.safe.fixed.length;
    if (!fix || !first.safe.edits.length) return { report: first.report };
    let current = first;
    let count = 0;
    for (let pass = 0; pass < MAX_FIX_PASSES && current.safe.edits.length; pass++) {
      count += current.safe.fixed.length;
      current = lintOnce(service, settings, name, TextDocument.applyEdits(current.document, current.safe.edits));
    }
    // Left with a safe fix only when the passes ran out.
    if (current.safe.fixed.length) current.report.fixable = current.safe.fixed.length;
    return { report: first.report, fixed: { text: current.document.getText(), count, report: current.report } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { report: failedReport(name, { kind: 'crash', message, stack: error instanceof Error ? error.stack : undefined }) };
  }
}

function lintOnce(service: LanguageService, settings: LanguageSettings, name: string, text: string) {
  const document = TextDocument.create(name, 'cable', 1, text);
  // The file still gets its CBL002 problem; the stack goes to stderr, as a bug to report.
  const model = service.parse(document, (error) =>
    process.stderr.write(
      `cable-lint: the parser failed on ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    ),
  );
  const { diagnostics, capped } = service.validate(model, settings);
  const safe = getSafeFixes(document, model, diagnostics);
  const report: FileReport = {
    file: name,
    cables: model.cables.map(summarizeCable),
    diagnostics: diagnostics.map(toReportDiagnostic).sort(byPosition),
    capped,
  };
  return { document, report, safe };
}

/** The text of a source, with the bytes and the stamp a file was read with (for `--fix`). */
function readSource(
  source: LintSource,
): { text: string; bytes?: Uint8Array; stamp?: ReadStamp } | { kind: 'unreadable' | 'too-large'; message: string } {
  if (source.kind === 'text') return { text: source.text };
  const read = readLimited(source.path);
  return 'kind' in read ? read : { text: utf8(read.bytes), bytes: read.bytes, stamp: read.stamp };
}

/** Too-large files are refused from their size alone, before any byte is read. */
function readLimited(path: string): { bytes: Uint8Array; stamp: ReadStamp } | { kind: 'unreadable' | 'too-large'; message: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    const size = stat.size;
    if (size > MAX_FILE_BYTES) return { kind: 'too-large', message: tooLargeMessage(size) };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), stamp: { size: stat.size, mtimeMs: stat.mtimeMs } };
  } catch (error) {
    return { kind: 'unreadable', message: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function tooLargeMessage(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`;
}

const SEVERITY_WORDS: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** LSP (0-based, severity numbers) → report (1-based, words); a missing severity is an error, as LSP says. */
export function toReportDiagnostic(diagnostic: Diagnostic): ReportDiagnostic {
  const { start, end } = diagnostic.range;
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: SEVERITY_WORDS[diagnostic.severity ?? 1] ?? 'error',
    code: diagnostic.code === undefined ? '' : String(diagnostic.code),
    message: diagnostic.message,
  };
}

/** Rules report in registry order; output reads top to bottom. Stable for equal positions. */
function byPosition(a: ReportDiagnostic, b: ReportDiagnostic): number {
  return a.line - b.line || a.column - b.column;
}
