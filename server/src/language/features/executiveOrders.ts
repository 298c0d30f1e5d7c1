/**
 * The executive orders a cable's `E.O.` line and `REASONS 1.4(b)` cite, and the wording of each reason under the
 * order in force when the cable was written: E.O. 12958 listed the reasons in §1.5 until E.O. 13292 (25 March
 * 2003) renumbered them §1.4 and added (h); E.O. 13526 (in force 27 June 2010) kept §1.4(a)–(h).
 */
import type { Markings } from '../dicts/dictionaries';
import orderData from '../dicts/data/executive-orders.json';

export interface ExecutiveOrder {
  number: string;
  title: string;
  president: string;
  /** ISO dates. */
  signed: string;
  effective: string;
  amendedBy?: string;
  amends?: string;
  replacedBy?: string;
}

const ORDERS = (orderData as { orders: Record<string, Omit<ExecutiveOrder, 'number'>> }).orders;

/** Reasons moved from §1.5 to §1.4 on this day. */
const RENUMBERED = '2003-03-25';
/** E.O. 13526 took effect on this day. */
const ORDER_13526_IN_FORCE = '2010-06-27';

export function executiveOrder(number: string): ExecutiveOrder | undefined {
  const entry = ORDERS[number];
  return entry ? { number, ...entry } : undefined;
}

export interface ReasonContext {
  /** The cable's date, ISO (`2009-02-04T17:08:00Z` or `2009-02-04`). */
  date?: string;
  /** The order the cable's E.O. line cites, e.g. `12958`. */
  order?: string;
}

export interface ReasonWording {
  /** `E.O. 12958, as amended by E.O. 13292, §1.4(b)`. */
  citation: string;
  /** The category's words, or undefined for a letter the order does not have. */
  wording?: string;
  /** A remark for the reader: the numbering did not fit the date, or the wording changed. */
  note?: string;
}

/** The wording of reason `section(letter)` (`1.4`, `b`) for a cable of `context.date` citing `context.order`. */
export function reasonWording(section: string, letter: string, context: ReasonContext, markings: Markings): ReasonWording {
  const reasons = markings.eo_classification_reasons;
  const day = context.date?.slice(0, 10);
  const l = letter.toLowerCase();
  if (context.order === '13526' || (day !== undefined && day >= ORDER_13526_IN_FORCE)) {
    return { citation: `E.O. 13526, §1.4(${l})`, wording: reasons[`E.O. 13526 1.4(${l})`] };
  }
  const original = reasons[`E.O. 12958 1.5(${l})`];
  const renumbered = day !== undefined && day >= RENUMBERED;
  if (section === '1.5') {
    const note = renumbered ? 'By this date E.O. 13292 had renumbered the reasons as §1.4.' : undefined;
    return { citation: `E.O. 12958, §1.5(${l})`, wording: original, note };
  }
  if (day !== undefined && !renumbered) {
    return { citation: `E.O. 12958, §1.5(${l})`, wording: original, note: 'Before 25 March 2003 E.O. 12958 listed the reasons in §1.5; read as §1.5.' };
  }
  const citation = `E.O. 12958, as amended by E.O. 13292, §1.4(${l})`;
  if (l === 'g') return { citation, wording: original, note: 'E.O. 13292 added "which includes defense against transnational terrorism".' };
  if (l === 'h') return { citation, wording: reasons['E.O. 13526 1.4(h)'], note: 'Added by E.O. 13292 in 2003.' };
  return { citation, wording: original };
}
