/**
 * Lints one input through the language service: read (with a size limit), parse, validate, summarise.
 * The same function runs in a worker and in the main thread, so `--jobs 1` and `--jobs N` agree.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../language/languageService';
import type { LanguageSettings } from '../language/settings';
import { summarizeCable } from './cableSummary';
import { describeFsError } from './discover';
import { formatFile, type FileOutputOptions } from './format/formatter';
import { problemCounts } from './tally';
import { utf8 } from './utf8';
import { failedReport, type FileReport, type LintedFile, type ReportDiagnostic, type Severity } from './report';

/** Larger files are reported and skipped: no cable is that long, and parsing one would stall a worker. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file to read, or text already read (standard input). */
export type LintSource = { kind: 'file'; name: string; path: string } | { kind: 'text'; name: string; text: string };

export function lintSource(service: LanguageService, settings: LanguageSettings, source: LintSource): FileReport {
  let text: string;
  if (source.kind === 'text') text = source.text;
  else {
    const read = readLimited(source.path);
    if (typeof read !== 'string') return failedReport(source.name, read);
    text = read;
  }
  return lintText(service, settings, source.name, text);
}

/** Lints one input and formats its output, as the run prints and counts it. */
export function lintToOutput(service: LanguageService, settings: LanguageSettings, output: FileOutputOptions, source: LintSource): LintedFile {
  return toLintedFile(lintSource(service, settings, source), output);
}

/** A report as the run needs it: formatted for a per-file format, whole for one that prints at the end. */
export function toLintedFile(report: FileReport, output: FileOutputOptions): LintedFile {
  const out = formatFile(report, output);
  const linted: LintedFile = { file: report.file, out: out ?? '', cables: report.cables.length, problems: problemCounts(report) };
  if (report.failure) linted.failure = report.failure;
  if (out === undefined) linted.report = report;
  return linted;
}

/** Parses and validates `text`; a throw is a bug in a rule or the parser, kept with its stack. */
export function lintText(service: LanguageService, settings: LanguageSettings, name: string, text: string): FileReport {
  try {
    const model = service.parse(TextDocument.create(name, 'cable', 1, text));
    const { diagnostics, capped } = service.validate(model, settings);
    return { file: name, cables: model.cables.map(summarizeCable), diagnostics: diagnostics.map(toReportDiagnostic).sort(byPosition), capped };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failedReport(name, { kind: 'crash', message, stack: error instanceof Error ? error.stack : undefined });
  }
}

/** Too-large files are refused from their size alone, before any byte is read. */
function readLimited(path: string): string | { kind: 'unreadable' | 'too-large'; message: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { kind: 'too-large', message: tooLargeMessage(size) };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return utf8(bytes.subarray(0, read));
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
