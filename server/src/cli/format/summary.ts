/**
 * How a run ends. After the text format's problems, one line per rule that reported any, with its count and
 * the address of its page (`docs/rules/CBL501.md`); then, in every format, one summary line: files and cables
 * checked, time, problems by severity and in how many files, and what `--fix` did or could do. On stdout after
 * the text format; on stderr after json, sarif and the diff of `--fix-dry-run`, whose stdout must stay
 * machine-readable.
 */
import { ruleDocsUrl } from '../../language/rules/ruleDocs';
import type { FixMode } from '../args';
import type { Severity } from '../report';
import type { RuleInfo } from '../ruleInfo';
import type { RunTally } from '../tally';
import { PLAIN_STYLE, type Style } from './style';
import { countsLine, plural } from './words';

/**
 * `CBL505 paragraph-numbering  43 warnings  https://…/docs/rules/CBL505.md` for each rule with problems to
 * show (errors only under `--quiet`), the most frequent first; empty when there are none.
 */
export function formatRuleLines(tally: RunTally, rules: readonly RuleInfo[], options: { quiet: boolean; style?: Style }): string {
  const style = options.style ?? PLAIN_STYLE;
  const names = new Map(rules.map((rule) => [rule.code, rule.name]));
  const shown = [...tally.byRule]
    .map(([code, counts]): [string, Record<Severity, number>] => [
      code,
      options.quiet ? { error: counts.error, warning: 0, info: 0, hint: 0 } : counts,
    ])
    .filter(([, counts]) => total(counts) > 0)
    .sort(([a, ca], [b, cb]) => total(cb) - total(ca) || (a < b ? -1 : a > b ? 1 : 0));
  if (!shown.length) return '';
  const labels = shown.map(([code]) => label(code, names));
  const counts = shown.map(([, c]) => countsLine(c));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const lines = shown.map(([code], k) => {
    const name = labels[k].padEnd(labelWidth);
    const url = code ? `  ${style.dim(style.link(ruleDocsUrl(code), ruleDocsUrl(code)))}` : '';
    return `${code ? style.link(name, ruleDocsUrl(code)) : name}  ${counts[k].padEnd(countWidth)}${url}`.trimEnd();
  });
  return '\n' + lines.join('\n') + '\n';
}

export interface SummaryOptions {
  fix: FixMode;
  style?: Style;
}

/**
 * One line: `Checked 720 files (723 cables) in 1.13 s, 639 cables/s: 213 problems (1 error, 98 warnings,
 * 109 info, 5 hints) in 150 files; 40 can be fixed with --fix`.
 */
export function formatSummary(tally: RunTally, elapsedMs: number, options: SummaryOptions = { fix: 'off' }): string {
  const style = options.style ?? PLAIN_STYLE;
  const seconds = elapsedMs / 1000;
  // A speed measured over a blink is mostly start-up time: not worth printing.
  const speed = seconds >= 0.5 ? `, ${Math.round(tally.cables / seconds)} cables/s` : '';
  const checked = `Checked ${plural(tally.files, 'file')} (${plural(tally.cables, 'cable')}) in ${seconds.toFixed(2)} s${speed}`;
  const parts = [fixPart(tally, options.fix), problemsPart(tally, options.fix, style)].filter(Boolean);
  if (options.fix === 'off' && tally.fixable) parts.push(`${tally.fixable} can be fixed with --fix`);
  if (tally.failed) parts.push(style.bold(style.red(`${plural(tally.failed, 'file')} could not be linted (see the messages above)`)));
  return `${checked}: ${parts.join('; ')}\n`;
}

function fixPart(tally: RunTally, fix: FixMode): string {
  if (fix === 'off') return '';
  const what = `${plural(tally.fixed, 'problem')} in ${plural(tally.fixedFiles, 'file')}`;
  if (fix === 'dry-run') return tally.fixed ? `--fix would fix ${what} (nothing written)` : 'nothing for --fix to fix';
  return tally.fixed ? `fixed ${what}` : 'nothing to fix';
}

function problemsPart(tally: RunTally, fix: FixMode, style: Style): string {
  const count = total(tally.bySeverity);
  if (!count) return style.green(fix !== 'off' && tally.fixed ? 'no problems left' : 'no problems');
  const left = fix === 'write' && tally.fixed ? ' left' : fix === 'dry-run' && tally.fixed ? ' would be left' : '';
  const colour = tally.bySeverity.error
    ? (text: string) => style.bold(style.red(text))
    : tally.bySeverity.warning
      ? (text: string) => style.bold(style.yellow(text))
      : style.bold;
  return `${colour(plural(count, 'problem'))}${left} (${countsLine(tally.bySeverity)}) in ${plural(tally.filesWithProblems, 'file')}`;
}

function label(code: string, names: Map<string, string>): string {
  const name = names.get(code);
  return name ? `${code} ${name}` : code || '(no code)';
}

function total(counts: Record<Severity, number>): number {
  return counts.error + counts.warning + counts.info + counts.hint;
}
