/**
 * What the status bar, the Cables view and Check All say about the workspace index, in one place so
 * that they say it the same way. Pure (no `vscode` import) so it can be unit-tested.
 */
import { formatCount } from '../../shared/formatCount';
import type { CheckAllResult, IndexStatus } from '../../shared/protocol';

export { formatCount };

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** The status bar item's text: `$(sync~spin) Cables: 12,000 of 251,287`, `Cables: 251,287 indexed`, `$(warning) Cables: 20,000 indexed (limit)`. */
export function statusBarText(status: IndexStatus): string {
  switch (status.state) {
    case 'scanning':
      return status.total === undefined
        ? `$(sync~spin) Cables: ${formatCount(status.files)} files read`
        : `$(sync~spin) Cables: ${formatCount(status.files)} of ${formatCount(status.total)}`;
    case 'limited':
      return `$(warning) Cables: ${formatCount(status.cables)} indexed (limit)`;
    default:
      return `Cables: ${formatCount(status.cables)} indexed`;
  }
}

/** The status bar item's tooltip: the state in a sentence, what a limit left out and which setting to change. */
export function statusBarTooltip(status: IndexStatus): string {
  const lines: string[] = [];
  if (status.state === 'scanning') {
    lines.push(
      `Indexing the workspace's cables: ${formatCount(status.files)}${status.total === undefined ? '' : ` of ${formatCount(status.total)}`} files read.`,
    );
  } else {
    lines.push(`${plural(status.cables, 'cable', 'cables')} in ${plural(status.files, 'file', 'files')} indexed.`);
  }
  if (status.limit) lines.push(limitSentence(status));
  else if (status.skipped > 0) lines.push(`${plural(status.skipped, 'file was', 'files were')} left out (too big or unreadable).`);
  lines.push('Click to show the Cables view.');
  return lines.join('\n');
}

/** The Cables view's message while the index is not whole: scanning, or stopped at a limit; else undefined. */
export function viewMessage(status: IndexStatus): string | undefined {
  if (status.state === 'scanning') {
    const of = status.total === undefined ? '' : ` of ${formatCount(status.total)}`;
    return `Indexing: ${formatCount(status.files)}${of} files…`;
  }
  if (status.state === 'limited') return `Not every cable is listed. ${limitSentence(status)}`;
  return undefined;
}

/** `The limit cable.index.maxFiles (20,000) was reached: 231,287 files left out.` */
function limitSentence(status: IndexStatus): string {
  const limit = status.limit ? `The limit ${status.limit.setting} (${formatCount(status.limit.value)})` : 'A limit';
  return `${limit} was reached${status.skipped > 0 ? `: ${plural(status.skipped, 'file', 'files')} left out` : ''}.`;
}

/** `Checked 5,992 cables: 331 problems in 120 files.`, or what was checked before a cancel. */
export function checkAllMessage(result: CheckAllResult): string {
  const found =
    result.problems === 0
      ? 'no problems'
      : `${plural(result.problems, 'problem', 'problems')} in ${plural(result.filesWithProblems, 'file', 'files')}`;
  if (result.cancelled) return `Check of all cables cancelled after ${plural(result.files, 'file', 'files')}: ${found} so far.`;
  return `Checked ${plural(result.files, 'cable', 'cables')}: ${found}.`;
}
