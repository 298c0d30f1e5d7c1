/** Counting words shared by the text format and the summary. */
import type { Severity } from '../report';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 errors, 250 warnings, 12 info` or `no problems`. */
export function countsLine(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => (s === 'info' ? `${counts[s]} info` : plural(counts[s], s)));
  return parts.length ? parts.join(', ') : 'no problems';
}
