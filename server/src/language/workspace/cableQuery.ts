/**
 * How a query finds cables, for workspace symbols and the Cables view's filter alike: by ref id (`09mex`,
 * `MEXICO 283`), by TAG (`PREL`), by words of the subject or of the origin (`judicial reform`, `monterrey`).
 */
import type { CableSummary } from './fileSummary';

export interface CableQuery {
  /** 0 when the cable does not match; higher is better. */
  score(cable: CableSummary): number;
}

/** Scores: 4 the query is part of the ref id; 3 it is one of the TAGS; 2 every word starts a subject word; 1 every word starts a word of the subject or origin, or is a TAG. */
export function parseCableQuery(query: string): CableQuery {
  const trimmed = query.trim();
  if (!trimmed) return { score: () => 1 };
  const compact = trimmed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const words = trimmed.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const starts = words.map((word) => new RegExp(`(?:^|[^A-Z0-9])${word}`, 'i'));
  return {
    score(cable) {
      if (compact && cable.refId?.includes(compact)) return 4;
      if (words.length === 1 && cable.tags.includes(words[0])) return 3;
      if (!words.length) return 0;
      const subject = cable.subject ?? '';
      if (starts.every((start) => start.test(subject))) return 2;
      const origin = cable.origin ?? '';
      const matchesSomewhere = (start: RegExp, index: number) => start.test(subject) || start.test(origin) || cable.tags.includes(words[index]);
      return starts.every(matchesSomewhere) ? 1 : 0;
    },
  };
}
