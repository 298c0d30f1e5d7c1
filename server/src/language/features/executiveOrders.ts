/**
 * The executive orders a cable's `E.O.` line and `REASONS 1.4(b)` cite, and the wording of each reason under the
 * order in force when the cable was written (the orders and their dates are the dictionary's, `dicts/executiveOrders.ts`):
 * E.O. 12958 listed the reasons in §1.5 until E.O. 13292 renumbered them §1.4 and added (h); E.O. 13526 kept §1.4(a)–(h).
 */
import { getDictionaries, type ExecutiveOrder, type ExecutiveOrders } from '../dicts/dictionaries';
import { isoDateInWords } from './dateWords';

export type { ExecutiveOrder };

export function executiveOrder(number: string, orders: ExecutiveOrders = getDictionaries().orders): ExecutiveOrder | undefined {
  return orders.byNumber.get(number);
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
export function reasonWording(section: string, letter: string, context: ReasonContext, orders: ExecutiveOrders): ReasonWording {
  const day = context.date?.slice(0, 10);
  const l = letter.toLowerCase();
  const order = orderOfReasons(orders, day, context.order);
  const own = order.reasons!.section;
  const amendment = order.amendedBy ? orders.byNumber.get(order.amendedBy) : undefined;
  const amended = amendment?.reasons && amendment.reasons.section !== own ? amendment : undefined;
  if (!amended) return { citation: `E.O. ${order.number}, §${own}(${l})`, wording: orders.category(order, l) };
  const original = orders.category(order, l);
  const renumbered = day !== undefined && day >= amended.effective;
  const newSection = amended.reasons!.section;
  if (section === own) {
    const note = renumbered ? `By this date E.O. ${amended.number} had renumbered the reasons as §${newSection}.` : undefined;
    return { citation: `E.O. ${order.number}, §${own}(${l})`, wording: original, note };
  }
  if (day !== undefined && !renumbered) {
    const note = `Before ${isoDateInWords(amended.effective)} E.O. ${order.number} listed the reasons in §${own}; read as §${own}.`;
    return { citation: `E.O. ${order.number}, §${own}(${l})`, wording: original, note };
  }
  const citation = `E.O. ${order.number}, as amended by E.O. ${amended.number}, §${newSection}(${l})`;
  const note = amended.reasons!.notes[l];
  return note ? { citation, wording: orders.category(amended, l), note } : { citation, wording: orders.category(amended, l) };
}

/**
 * The order whose reasons a cable cites: the latest order that replaced another (not an amendment) which the cable
 * names or which was in force at its date, else the first that listed reasons (E.O. 12958).
 */
function orderOfReasons(orders: ExecutiveOrders, day: string | undefined, cited: string | undefined): ExecutiveOrder {
  const replacing = orders.withReasons.filter((order) => !order.amends);
  for (let i = replacing.length - 1; i > 0; i--) {
    const order = replacing[i];
    if (order.number === cited || (day !== undefined && day >= order.effective)) return order;
  }
  return replacing[0];
}
