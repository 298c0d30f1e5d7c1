/**
 * Classification reasons as cables cite them (`REASONS 1.4(b) and (d)`), checked against the dictionary's orders
 * (`dicts/executiveOrders.ts`): E.O. 12958 listed them in §1.5 (a)–(g) from 14 October 1995; E.O. 13292 renumbered
 * them §1.4 and added (h) on 25 March 2003; E.O. 13526 kept §1.4 (a)–(h). Older orders (10501 to 12356) numbered
 * their categories otherwise, so for a cable under one of them, or dated before E.O. 12958 took effect, nothing is
 * said: a §1.4 citation there is a misread or misdated cable.
 */
import { getDictionaries, type ExecutiveOrders, type ReasonSection } from '../dicts/dictionaries';
import { monthName, readableDay } from './cableFacts';

interface ReasonFacts {
  /** The first section (§1.5) and the one that replaced it (§1.4). */
  former: ReasonSection;
  current: ReasonSection;
  /** The first day a cable could cite reasons: E.O. 12958 took effect. */
  citedSince: string;
  ordersCiting: ReadonlySet<string>;
}

function reasonFacts(orders: ExecutiveOrders): ReasonFacts {
  const { sections, withReasons } = orders;
  return {
    former: sections[0],
    current: sections[sections.length - 1],
    citedSince: sections[0].since,
    ordersCiting: new Set(withReasons.map((o) => o.number)),
  };
}

const FACTS = reasonFacts(getDictionaries().orders);

/** The day E.O. 13292 renumbered the reasons from §1.5 to §1.4 (2003-03-25). */
export const REASONS_RENUMBERED_ON = FACTS.current.since;

const lastLetter = (section: ReasonSection) => section.letters[section.letters.length - 1];

/** `1.4(a)–(h), or 1.5(a)–(g) in cables before 25 MAR 2003`, as the dictionary lists the sections. */
function expectedReasons(): string {
  const { former, current } = FACTS;
  return `${current.section}(a)–(${lastLetter(current)}), or ${former.section}(a)–(${lastLetter(former)}) in cables before ${readableDay(current.since)}`;
}

/** `§1.4 (a)–(h), or §1.5 (a)–(g) in cables before 25 March 2003`: what CBL412 accepts, in its description's words. */
export function acceptedReasonsInWords(): string {
  const { former, current } = FACTS;
  const day = current.since;
  const inWords = `${+day.slice(8, 10)} ${monthName(+day.slice(5, 7))} ${day.slice(0, 4)}`;
  return `§${current.section} (a)–(${lastLetter(current)}), or §${former.section} (a)–(${lastLetter(former)}) in cables before ${inWords}`;
}

/**
 * What is wrong with citing `section(letter)` in a cable of `day` under E.O. `order`, or undefined when it is a
 * known reason, or when the cable's order or date is one whose reasons were not numbered this way.
 */
export function reasonFault(section: string, letter: string, day: string | undefined, order?: string): string | undefined {
  const { former, current, citedSince, ordersCiting } = FACTS;
  if (order !== undefined && !ordersCiting.has(order)) return undefined;
  if (day !== undefined && day < citedSince) return undefined;
  const letters = current.section === section ? current.letters : former.section === section ? former.letters : undefined;
  const cited = `${section}(${letter})`;
  if (!letters) return `Reason ${cited} is not a classification reason: expected ${expectedReasons()}.`;
  if (!letters.includes(letter)) {
    return `Reason ${cited} is not a classification reason: §${section} lists (a)–(${letters[letters.length - 1]}).`;
  }
  if (section === current.section && day !== undefined && day < current.since) {
    const fallback = former.letters.includes(letter) ? ` expected ${former.section}(${letter})` : ` expected a §${former.section} reason`;
    return `Reason ${cited} in a cable of ${readableDay(day)}: the reasons were listed in §${former.section} until ${readableDay(current.since)};${fallback}.`;
  }
  return undefined;
}

/** The section a Classified By example should cite for a cable of `day`: 1.5 before the renumbering, else 1.4. */
export function reasonSectionFor(day: string | undefined): string {
  const { former, current, citedSince } = FACTS;
  return day !== undefined && day >= citedSince && day < current.since ? former.section : current.section;
}
