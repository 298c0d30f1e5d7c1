/**
 * How a query finds cables, for workspace symbols and the Cables view's filter alike: by ref id (`09mex`,
 * `MEXICO 283`), by TAG (`PREL`), by words of the subject or of the origin (`judicial reform`, `monterrey`).
 */
import type { CableSummary } from './fileSummary';

/** A cable as queries read it: the index may keep its subject and origin in upper case already. */
export type QueriedCable = CableSummary & { subjectKey?: string; originKey?: string };

export interface CableQuery {
  /** 0 when the cable does not match; higher is better. */
  score(cable: QueriedCable): number;
}

/** Scores: 4 the query is part of the ref id; 3 it is one of the TAGS; 2 every word starts a subject word; 1 every word starts a word of the subject or origin, or is a TAG. */
export function parseCableQuery(query: string): CableQuery {
  const trimmed = query.trim();
  if (!trimmed) return { score: () => 1 };
  const compact = trimmed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const words = trimmed
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  return {
    score(cable) {
      if (compact && cable.refId?.includes(compact)) return 4;
      if (words.length === 1 && cable.tags.includes(words[0])) return 3;
      if (!words.length) return 0;
      const subject = cable.subjectKey ?? cable.subject?.toUpperCase() ?? '';
      const origin = cable.originKey ?? cable.origin?.toUpperCase() ?? '';
      let inSubject = true;
      for (const word of words) {
        if (startsWord(subject, word)) continue;
        inSubject = false;
        if (!startsWord(origin, word) && !cable.tags.includes(word)) return 0;
      }
      return inSubject ? 2 : 1;
    },
  };
}

/** True when `word` starts a word of `text` (both upper case): a plain search, then a look at the character before. */
function startsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !isAlphanumeric(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
