/** Dates in words for hovers: `041708Z FEB 09` reads as `Wednesday, 4 February 2009, 17:08 UTC`. */
import { getDictionaries } from '../dicts/dictionaries';

const { calendar } = getDictionaries();
const MONTHS = calendar.months.map((month) => month.name);
const WEEKDAYS = calendar.weekdays;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment in UTC, in words and as `2009-02-04 17:08 UTC`; undefined when the parts make no real date. */
export function utcInWords(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): { words: string; iso: string } | undefined {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59)
    return undefined;
  return {
    words: `${WEEKDAYS[date.getUTCDay()]}, ${day} ${MONTHS[month - 1]} ${year}, ${pad(hour)}:${pad(minute)} UTC`,
    iso: `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)} UTC`,
  };
}

/** Day `dayOfYear` (1–366) of `year` at `hour:minute` UTC, as `utcInWords` gives it. */
export function dayOfYearInWords(
  year: number,
  dayOfYear: number,
  hour: number,
  minute: number,
): { words: string; iso: string } | undefined {
  const date = new Date(Date.UTC(year, 0, dayOfYear));
  if (dayOfYear < 1 || date.getUTCFullYear() !== year) return undefined;
  return utcInWords(year, date.getUTCMonth() + 1, date.getUTCDate(), hour, minute);
}

/** `2019-01-15` → `15 January 2019`. */
export function isoDateInWords(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${+match[3]} ${MONTHS[+match[2] - 1]} ${match[1]}` : iso;
}
