/**
 * Months, weekdays and the two-digit-year rule, read from `data/calendar.json`: `041708Z FEB 09` is
 * 4 February 2009, and `28 DEC 66` is 1966 (the release runs from 1966 to 2010).
 */
import calendarData from './data/calendar.json';

export interface Month {
  /** `FEB`: as a date-time group writes it. */
  abbreviation: string;
  /** `February`. */
  name: string;
}

export interface Calendar {
  /** January first. */
  months: readonly Month[];
  /** Sunday first, as `Date.getUTCDay()` counts. */
  weekdays: readonly string[];
  /** 1–12 for a month word (`FEB`, `February`, `Sept`: its first three letters), 0 when unknown. */
  monthNumber(word: string): number;
  /** The four-digit year of a two-digit one: `09` → 2009, `66` → 1966. */
  fullYear(twoDigits: number): number;
}

export function buildCalendar(data: typeof calendarData = calendarData): Calendar {
  const months: readonly Month[] = data.months;
  const numbers = new Map(months.map((month, i) => [month.abbreviation, i + 1]));
  const { firstYear } = data.twoDigitYears;
  const pivot = firstYear % 100;
  const century = firstYear - pivot;
  return {
    months,
    weekdays: data.weekdays,
    monthNumber: (word) => numbers.get(word.slice(0, 3).toUpperCase()) ?? 0,
    fullYear: (twoDigits) => (twoDigits >= pivot ? century + twoDigits : century + 100 + twoDigits),
  };
}
