/**
 * One interface over the three formats, so the run streams files the same way whatever the format. Text and
 * JSON Lines print each file on its own, so a file's output is made where it is linted (`formatFile`, on the
 * worker); SARIF prints one log for the run, so its reports come to the main thread whole.
 */
import type { FixMode, OutputFormat } from '../args';
import type { FileReport, LintedFile } from '../report';
import type { RuleInfo } from '../ruleInfo';
import { formatJsonLine } from './json';
import { buildSarifLog } from './sarif';
import { styleFor, type StyleOptions } from './style';
import { formatTextReport } from './text';

/** What formatting one file needs, and what to do with its safe fixes: plain data, so it can be sent to a worker. */
export interface FileOutputOptions {
  format: OutputFormat;
  quiet: boolean;
  summaryOnly: boolean;
  /** Colours and links of the text format and the diff; none when absent. */
  style?: StyleOptions;
  /** `off` when absent. */
  fix?: FixMode;
}

export interface OutputFormatter {
  /** Text for stdout as soon as `file` (a linted file) is next in input order. */
  file(file: LintedFile): string;
  /** Text for stdout once every file is in (SARIF's single log). */
  end(): string;
}

export interface FormatterOptions extends FileOutputOptions {
  toolVersion: string;
  rules: readonly RuleInfo[];
  cwd: string;
}

/** A file's own output in a per-file format, or undefined when the format prints the run as one document. */
export function formatFile(report: FileReport, options: FileOutputOptions): string | undefined {
  switch (options.format) {
    case 'text':
      return formatTextReport(report, {
        quiet: options.quiet,
        summaryOnly: options.summaryOnly,
        style: options.style && styleFor(options.style),
      });
    case 'json':
      return formatJsonLine(report, options.quiet);
    case 'sarif':
      return undefined;
  }
}

export function createFormatter(options: FormatterOptions): OutputFormatter {
  switch (options.format) {
    case 'text':
    case 'json':
      return { file: (file) => file.out, end: () => '' };
    case 'sarif': {
      const reports: FileReport[] = [];
      return {
        file: (file) => {
          if (file.report) reports.push(file.report);
          return '';
        },
        end: () => JSON.stringify(buildSarifLog(reports, options), null, 2) + '\n',
      };
    }
  }
}
