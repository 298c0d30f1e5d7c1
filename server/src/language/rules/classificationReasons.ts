/**
 * Classification reasons as cables cite them (`REASONS 1.4(b) and (d)`): E.O. 12958 listed them in §1.5 (a)–(g)
 * from 14 October 1995; E.O. 13292 renumbered them §1.4 and added (h) on 25 March 2003; E.O. 13526 kept §1.4
 * (a)–(h). Older orders (11652, 12065, 12356) numbered their categories otherwise, so for a cable under one of
 * them, or dated before E.O. 12958 took effect, nothing is said: a §1.4 citation there is a misread or misdated cable.
 */
import reasonData from '../dicts/data/classification-reasons.json';
import { readableDay } from './cableFacts';

export const REASONS_RENUMBERED_ON = reasonData.sections['1.4'].since;
/** The first day a cable could cite §1.5 reasons: E.O. 12958 took effect. */
export const REASONS_CITED_SINCE = reasonData.effective['12958'];

const SECTIONS: Record<string, { letters: string }> = reasonData.sections;
const ORDERS_CITING_SECTIONS = new Set(reasonData.ordersCitingSections);

/**
 * What is wrong with citing `section(letter)` in a cable of `day` under E.O. `order`, or undefined when it is a
 * known reason, or when the cable's order or date is one whose reasons were not numbered this way.
 */
export function reasonFault(section: string, letter: string, day: string | undefined, order?: string): string | undefined {
  if (order !== undefined && !ORDERS_CITING_SECTIONS.has(order)) return undefined;
  if (day !== undefined && day < REASONS_CITED_SINCE) return undefined;
  const letters = SECTIONS[section]?.letters;
  const cited = `${section}(${letter})`;
  if (!letters) return `Reason ${cited} is not a classification reason: expected 1.4(a)–(h), or 1.5(a)–(g) in cables before ${readableDay(REASONS_RENUMBERED_ON)}.`;
  if (!letters.includes(letter)) {
    return `Reason ${cited} is not a classification reason: §${section} lists (a)–(${letters[letters.length - 1]}).`;
  }
  if (section === '1.4' && day !== undefined && day < REASONS_RENUMBERED_ON) {
    const fallback = SECTIONS['1.5'].letters.includes(letter) ? ` expected 1.5(${letter})` : ' expected a §1.5 reason';
    return `Reason ${cited} in a cable of ${readableDay(day)}: the reasons were listed in §1.5 until ${readableDay(REASONS_RENUMBERED_ON)};${fallback}.`;
  }
  return undefined;
}

/** The section a Classified By example should cite for a cable of `day`: 1.5 before the renumbering, else 1.4. */
export function reasonSectionFor(day: string | undefined): string {
  return day !== undefined && day >= REASONS_CITED_SINCE && day < REASONS_RENUMBERED_ON ? '1.5' : '1.4';
}
