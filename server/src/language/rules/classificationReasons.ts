/**
 * Classification reasons as cables cite them (`REASONS 1.4(b) and (d)`): E.O. 12958 listed them in §1.5 (a)–(g);
 * E.O. 13292 renumbered them §1.4 and added (h) on 25 March 2003; E.O. 13526 kept §1.4 (a)–(h).
 */
import { readableDay } from './cableFacts';

export const REASONS_RENUMBERED_ON = '2003-03-25';

const LETTERS: Record<string, string> = { '1.4': 'abcdefgh', '1.5': 'abcdefg' };

/** What is wrong with citing `section(letter)` in a cable of `day`, or undefined when it is a known reason. */
export function reasonFault(section: string, letter: string, day: string | undefined): string | undefined {
  const letters = LETTERS[section];
  const cited = `${section}(${letter})`;
  if (!letters) return `Reason ${cited} is not a classification reason: expected 1.4(a)–(h), or 1.5(a)–(g) in cables before ${readableDay(REASONS_RENUMBERED_ON)}.`;
  if (!letters.includes(letter)) {
    return `Reason ${cited} is not a classification reason: §${section} lists (a)–(${letters[letters.length - 1]}).`;
  }
  if (section === '1.4' && day !== undefined && day < REASONS_RENUMBERED_ON) {
    const fallback = LETTERS['1.5'].includes(letter) ? ` expected 1.5(${letter})` : ' expected a §1.5 reason';
    return `Reason ${cited} in a cable of ${readableDay(day)}: the reasons were listed in §1.5 until ${readableDay(REASONS_RENUMBERED_ON)};${fallback}.`;
  }
  return undefined;
}
