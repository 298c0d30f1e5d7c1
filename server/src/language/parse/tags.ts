/** The TAGS field: `TAGS: PGOV PREL KCRM SNAR KJUS PINR MX`, space- or comma-separated, may wrap. */
import type { TagsField, Token } from '../model';
import { endOfLastLine, keyMatch } from './caption';
import { tokenAt, trimmedRange, type Line } from './lines';

/** `TAGS: PGOV PREL …` with its wrapped lines `lines[i..next)`. */
export function parseTags(lines: Line[], i: number, next: number): TagsField {
  const { keyword, after } = keyMatch('tags', lines[i]);
  const tags: Token[] = [];
  for (let j = i; j < next; j++) {
    const line = lines[j];
    const from = j === i ? after : 0;
    const text = line.text.slice(from, from + 2000);
    const regex = /[^\s,;]+/g;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const word = m[0].replace(/[.:]+$/, '');
      if (word) tags.push(tokenAt(line, from + m.index, word));
    }
  }
  return { range: { start: trimmedRange(lines[i]).start, end: endOfLastLine(lines, i, next) }, keyword, tags };
}

/** Continuation lines of TAGS hold only short upper-case codes. */
export function isTagsContinuation(line: Line): boolean {
  return /^\s*[A-Z0-9]{2,6}(?:[\s,]+[A-Z0-9]{2,6})*[\s,]*$/.test(line.text) && line.text.length < 120;
}

