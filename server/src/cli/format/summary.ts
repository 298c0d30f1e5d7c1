/**
 * The closing summary: files, cables, problems by severity and by rule, time and speed. On stdout after
 * the text format; on stderr after json and sarif, whose stdout must stay machine-readable.
 */
import type { Severity } from '../report';
import type { RuleInfo } from '../ruleInfo';
import type { RunTally } from '../tally';
import { countsLine, plural } from './words';

export function formatSummary(tally: RunTally, elapsedMs: number, rules: readonly RuleInfo[]): string {
  const seconds = elapsedMs / 1000;
  // A speed measured over a blink is mostly start-up time: not worth printing.
  const speed = seconds >= 0.5 ? `, ${Math.round(tally.cables / seconds)} cables/s` : '';
  const lines = [
    `${plural(tally.files, 'file')}, ${plural(tally.cables, 'cable')} in ${seconds.toFixed(2)} s${speed}`,
    countsLine(tally.bySeverity),
  ];
  const names = new Map(rules.map((rule) => [rule.code, rule.name]));
  const byRule = [...tally.byRule].sort(([a, ca], [b, cb]) => total(cb) - total(ca) || (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(0, ...byRule.map(([code]) => label(code, names).length));
  for (const [code, counts] of byRule) lines.push(`  ${label(code, names).padEnd(width)}  ${countsLine(counts)}`);
  if (tally.failed) lines.push(`${plural(tally.failed, 'file')} could not be linted (see the messages above)`);
  return lines.join('\n') + '\n';
}

function label(code: string, names: Map<string, string>): string {
  const name = names.get(code);
  return name ? `${code} ${name}` : code || '(no code)';
}

function total(counts: Record<Severity, number>): number {
  return counts.error + counts.warning + counts.info + counts.hint;
}
