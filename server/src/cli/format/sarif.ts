/**
 * The SARIF 2.1.0 format: one log for the whole run, so code-scanning services (GitHub, Azure DevOps)
 * can show cable problems. Built as a plain object; the caller prints it once every file is in.
 */
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../../language/rules/ruleDocs';
import type { RuleLevel } from '../../language/settings';
import type { FileReport, Severity } from '../report';
import type { RuleInfo } from '../ruleInfo';
import { visibleDiagnostics } from './visible';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  toolVersion: string;
  rules: readonly RuleInfo[];
  /** Absolute folder that artifact URIs are relative to (the working directory). */
  cwd: string;
  quiet: boolean;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVEL_OF_SEVERITY: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const LEVEL_OF_RULE_LEVEL: Record<RuleLevel, SarifLevel> = { off: 'none', hint: 'note', info: 'note', warning: 'warning', error: 'error' };

/** The whole log for `reports` (in input order); failed inputs become tool notifications. */
export function buildSarifLog(reports: readonly FileReport[], options: SarifOptions): object {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.code, index]));
  const results = reports.flatMap((report) =>
    report.failure
      ? []
      : visibleDiagnostics(report.diagnostics, options.quiet).map((d) => ({
          ruleId: d.code,
          ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
          level: LEVEL_OF_SEVERITY[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(report.file, options.cwd), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
  );
  const failures = reports.filter((report) => report.failure);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cable-lint',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: options.rules.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.code),
              defaultConfiguration: { level: LEVEL_OF_RULE_LEVEL[rule.defaultLevel], enabled: rule.defaultLevel !== 'off' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(options.cwd) } },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((report) => ({
              level: 'error',
              message: { text: `${report.file}: ${report.failure!.message}` },
              locations: [
                { physicalLocation: { artifactLocation: { uri: artifactUri(report.file, options.cwd), uriBaseId: '%SRCROOT%' } } },
              ],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A file as given (`../corpus/x.txt`, `/abs/x.txt`) → a URI reference relative to `cwd`, `/`-separated and escaped. */
export function artifactUri(file: string, cwd: string): string {
  // `<stdin>` is no path; it is kept as a name (escaped), not resolved against the folder.
  const rel = file.startsWith('<') ? file : relative(cwd, resolve(cwd, file));
  return rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

/** `file:///work/main/`: the base must end with a slash for relative references to resolve inside it. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}
