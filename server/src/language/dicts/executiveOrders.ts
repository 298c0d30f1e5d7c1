/**
 * The executive orders on classified information and the reasons each lists, read from `data/executive-orders.json`:
 * E.O. 12958 listed the reasons in §1.5 (a)–(g) from 14 October 1995; E.O. 13292 renumbered them §1.4 and added (h)
 * on 25 March 2003; E.O. 13526 kept §1.4 (a)–(h). Those dates are the orders' own `effective` dates, written once.
 */
import ordersData from './data/executive-orders.json';

/** The categories an order lists for classifying, as cables cite them: `1.4(b)`. */
export interface OrderReasons {
  /** `1.5`, `1.4`. */
  section: string;
  /** Letter → wording; an order that amends another words only the categories it changed. */
  categories: Readonly<Record<string, string>>;
  /** Letter → what the order changed in it (an amending order). */
  notes: Readonly<Record<string, string>>;
}

/** `E.O. 12958`: Classified National Security Information, signed by Bill Clinton on 17 April 1995. */
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
  /** Absent for orders before E.O. 12958, which numbered their categories otherwise. */
  reasons?: OrderReasons;
  sources: readonly string[];
}

/** A section of reasons and when cables cited it: §1.5 from 1995-10-14 until 2003-03-25, then §1.4. */
export interface ReasonSection {
  section: string;
  /** The letters it lists, in order: `abcdefg`. */
  letters: string;
  /** ISO day the first order listing it took effect. */
  since: string;
  /** ISO day the next section replaced it. */
  until?: string;
}

export interface ExecutiveOrders {
  /** By effective date, oldest first. */
  list: readonly ExecutiveOrder[];
  byNumber: ReadonlyMap<string, ExecutiveOrder>;
  /** The orders whose reasons cables cite in `Classified By` (12958, 13292, 13526), oldest first. */
  withReasons: readonly ExecutiveOrder[];
  /** The sections of reasons, oldest first: §1.5, then §1.4. */
  sections: readonly ReasonSection[];
  /** The wording of `letter` under `order`, or under the order it amends when it words it not itself. */
  category(order: ExecutiveOrder, letter: string): string | undefined;
}

type OrderData = Omit<ExecutiveOrder, 'number' | 'reasons'> & {
  reasons?: { section: string; categories: Record<string, string>; notes?: Record<string, string> };
};

export function buildExecutiveOrders(data: typeof ordersData = ordersData): ExecutiveOrders {
  const list = Object.entries(data.orders as Record<string, OrderData>)
    .map(([number, { reasons, ...entry }]): ExecutiveOrder => ({
      number,
      ...entry,
      ...(reasons ? { reasons: { section: reasons.section, categories: reasons.categories, notes: reasons.notes ?? {} } } : {}),
    }))
    .sort((a, b) => a.effective.localeCompare(b.effective));
  const byNumber = new Map(list.map((order) => [order.number, order]));
  const category = (order: ExecutiveOrder, letter: string): string | undefined => {
    const own = order.reasons?.categories[letter];
    if (own !== undefined || !order.amends) return own;
    const amended = byNumber.get(order.amends);
    return amended ? category(amended, letter) : undefined;
  };
  const withReasons = list.filter((order) => order.reasons);
  return { list, byNumber, withReasons, sections: reasonSections(withReasons, category), category };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function reasonSections(orders: readonly ExecutiveOrder[], category: ExecutiveOrders['category']): ReasonSection[] {
  const sections: ReasonSection[] = [];
  for (const order of orders) {
    const section = order.reasons!.section;
    let entry = sections.find((s) => s.section === section);
    if (!entry) {
      const previous = sections[sections.length - 1];
      if (previous) previous.until = order.effective;
      sections.push((entry = { section, letters: '', since: order.effective }));
    }
    const listed = entry.letters;
    entry.letters = [...LETTERS].filter((l) => listed.includes(l) || category(order, l) !== undefined).join('');
  }
  return sections;
}
