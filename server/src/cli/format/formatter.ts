/** One interface over the three formats, so the run streams files the same way whatever the format. */
import type { OutputFormat } from '../args';
import type { FileReport } from '../report';
import type { RuleInfo } from '../ruleInfo';
import { formatJsonLine } from './json';
import { buildSarifLog } from './sarif';
import { formatTextReport } from './text';

export interface OutputFormatter {
  /** Text for stdout as soon as `report` (a linted file) is next in input order. */
  file(report: FileReport): string;
  /** Text for stdout once every file is in (SARIF's single log). */
  end(): string;
}

export interface FormatterOptions {
  format: OutputFormat;
  quiet: boolean;
  summaryOnly: boolean;
  toolVersion: string;
  rules: readonly RuleInfo[];
  cwd: string;
}

export function createFormatter(options: FormatterOptions): OutputFormatter {
  switch (options.format) {
    case 'text':
      return { file: (report) => formatTextReport(report, options), end: () => '' };
    case 'json':
      return { file: (report) => formatJsonLine(report, options.quiet), end: () => '' };
    case 'sarif': {
      const reports: FileReport[] = [];
      return {
        file: (report) => {
          reports.push(report);
          return '';
        },
        end: () => JSON.stringify(buildSarifLog(reports, options), null, 2) + '\n',
      };
    }
  }
}
