/**
 * Runs every rule over the shared corpus (`../shared/corpus`) and prints, per rule, how many cables it hits,
 * how many diagnostics it gives and three examples, then the share of cables with at least one error.
 * Used to choose default severities: an `error` must be a real defect nearly every time it fires.
 *
 *   node --import tsx scripts/corpus-report.ts
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getDictionaries } from '../server/src/language/dicts/dictionaries';
import { parseCableFile } from '../server/src/language/parse/parseCableFile';
import { RULES } from '../server/src/language/rules/registry';
import type { Severity } from '../server/src/language/rules/rule';
import { validateCableFile } from '../server/src/language/rules/validate';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../server/src/language/settings';
import { CONSISTENCY_CLASSES, checkFileConsistency, type ConsistencyClass } from '../test/support/consistency';
import { corpusFiles } from '../test/support/corpus';

export interface RuleTally {
  code: string;
  name: string;
  severity: Severity;
  /** Corpus files with at least one diagnostic of this rule. */
  cables: number;
  diagnostics: number;
  /** Up to three `file:line message` lines, from different files. */
  examples: string[];
}

/** Cables of one consistency class: how many, and up to five `file: detail` examples. */
export interface ConsistencyTally {
  kind: ConsistencyClass;
  cables: number;
  examples: string[];
}

export interface CorpusCounts {
  files: number;
  tallies: RuleTally[];
  /** Files with at least one diagnostic of severity error. */
  filesWithError: number;
  consistency: ConsistencyTally[];
  /** Files flagged in at least one consistency class. */
  inconsistentFiles: number;
}

const EXAMPLES_PER_RULE = 3;
const EXAMPLES_PER_CLASS = 5;

/** Counts each rule's diagnostics over `files` (the whole corpus by default), at default severities, uncapped. */
export function countCorpusDiagnostics(
  files: string[] = corpusFiles(),
  settings: LanguageSettings = { ...DEFAULT_SETTINGS, maxNumberOfProblems: Infinity },
): CorpusCounts {
  const dictionaries = getDictionaries();
  const tallies = new Map<string, RuleTally>(RULES.map((rule) => [rule.code, { ...rule, cables: 0, diagnostics: 0, examples: [] }]));
  const consistency = new Map<ConsistencyClass, ConsistencyTally>(
    (Object.keys(CONSISTENCY_CLASSES) as ConsistencyClass[]).map((kind) => [kind, { kind, cables: 0, examples: [] }]),
  );
  let filesWithError = 0;
  let inconsistentFiles = 0;
  for (const file of files) {
    const name = basename(file);
    const text = readFileSync(file, 'utf8');
    const model = parseCableFile(text, { fileName: name });
    const { diagnostics } = validateCableFile(model, settings, dictionaries);
    if (diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) filesWithError++;
    const findings = checkFileConsistency(text, model, diagnostics);
    if (findings.length) inconsistentFiles++;
    for (const kind of new Set(findings.map((f) => f.kind))) {
      const tally = consistency.get(kind)!;
      tally.cables++;
      if (tally.examples.length < EXAMPLES_PER_CLASS) tally.examples.push(`${name}: ${findings.find((f) => f.kind === kind)!.detail}`);
    }
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      const tally = tallies.get(String(diagnostic.code));
      if (!tally) continue;
      tally.diagnostics++;
      if (seen.has(tally.code)) continue;
      seen.add(tally.code);
      tally.cables++;
      if (tally.examples.length < EXAMPLES_PER_RULE)
        tally.examples.push(`${name}:${diagnostic.range.start.line + 1} ${diagnostic.message}`);
    }
  }
  return { files: files.length, tallies: [...tallies.values()], filesWithError, consistency: [...consistency.values()], inconsistentFiles };
}

function formatTable(counts: CorpusCounts): string {
  const header = ['code', 'name', 'severity', 'cables', 'diagnostics'];
  const rows = counts.tallies.map((t) => [t.code, t.name, t.severity, String(t.cables), String(t.diagnostics)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function formatExamples(counts: CorpusCounts): string {
  return counts.tallies
    .filter((t) => t.examples.length)
    .map((t) => [`${t.code} ${t.name} (${t.severity})`, ...t.examples.map((e) => `  ${e}`)].join('\n'))
    .join('\n\n');
}

function formatConsistency(counts: CorpusCounts): string {
  const percent = (n: number) => `${((100 * n) / Math.max(1, counts.files)).toFixed(1)}%`;
  const lines = counts.consistency.map((t) =>
    [`${t.kind}: ${t.cables} (${percent(t.cables)}) — ${CONSISTENCY_CLASSES[t.kind]}`, ...t.examples.map((e) => `  ${e}`)].join('\n'),
  );
  return [
    ...lines,
    `\nCables with at least one inconsistency: ${counts.inconsistentFiles} of ${counts.files} (${percent(counts.inconsistentFiles)})`,
  ].join('\n');
}

function main() {
  const counts = countCorpusDiagnostics();
  const share = counts.files ? (100 * counts.filesWithError) / counts.files : 0;
  console.log(`Rules over ${counts.files} corpus cables\n`);
  console.log(formatTable(counts));
  console.log(`\nExamples\n\n${formatExamples(counts)}`);
  console.log(`\nCables with at least one error: ${counts.filesWithError} of ${counts.files} (${share.toFixed(1)}%)`);
  console.log(`\nConsistency: what the text holds that the model lacks\n\n${formatConsistency(counts)}`);
}

// Run only when executed as a script, not when a test imports the counting.
if (/corpus-report\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) main();
