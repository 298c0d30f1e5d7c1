/**
 * Calendar helpers shared by the preamble, routing and caption parsers. Dates come out as ISO strings. The months
 * and the two-digit-year rule are the dictionary's (`dicts/calendar.ts`).
 */
import { getDictionaries } from '../dicts/dictionaries';

const { calendar } = getDictionaries();

/** 1–12 for a month word (`FEB`, `February`, `Sept`), 0 when unknown. */
export function monthNumber(word: string): number {
  return calendar.monthNumber(word);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidTime(hour: number, minute: number, second = 0): boolean {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

/** Cables span 1966–2010: a two-digit year 66–99 is 19xx, 00–65 is 20xx. */
export function fullYear(twoDigits: number): number {
  return calendar.fullYear(twoDigits);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isoDateTime(year: number, month: number, day: number, hour: number, minute: number, second = 0): string {
  return `${isoDate(year, month, day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
}

/** Day of the year (1–366) of a valid date. */
export function dayOfYear(year: number, month: number, day: number): number {
  let total = day;
  for (let m = 1; m < month; m++) total += daysInMonth(year, m);
  return total;
}

/**
 * A DECL date as written in E.O. lines: `01/15/2019`, `11/29/10`, `2019/01/15`, `2019-01-15`.
 * Returns the parts (month first, as State writes them) or undefined when the text is no date at all.
 */
export function parseSlashDate(text: string): { year: number; month: number; day: number } | undefined {
  let match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (match) return { year: +match[1], month: +match[2], day: +match[3] };
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = match[3].length === 2 ? fullYear(+match[3]) : +match[3];
  return { year, month: +match[1], day: +match[2] };
}
