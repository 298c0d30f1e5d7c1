/**
 * The date line of a partial extract: `Wednesday, 29 November 2000, 13:59` (the date-time group's day and
 * time, UTC) or the stamp `Cable dated:2005-08-17T21:24:00` glued to the banner.
 */
import type { Token } from '../model';
import { getDictionaries } from '../dicts/dictionaries';
import { isoDateTime, isValidDate, monthNumber } from './dates';
import { tokenAt, type Line } from './lines';

const WEEKDAYS = getDictionaries().calendar.weekdays.join('|');
const WEEKDAY_DATE = new RegExp(String.raw`^\s*(?:${WEEKDAYS}),\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4}),\s+(\d{1,2}):(\d{2})\s*$`);
const CABLE_DATED = /^\s*Cable dated:\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?\]?\s*$/;

/** The extract's date line with its ISO date-time, or undefined when `line` is none. */
export function parseExtractDate(line: Line): (Token & { iso?: string }) | undefined {
  // Asked of every header line: the first character (a weekday's or `Cable`'s) spares the regexes most of them.
  if (line.text.length > 80 || !OPENING_CHARACTERS.has(line.text.charCodeAt(line.first))) return undefined;
  const weekday = WEEKDAY_DATE.exec(line.text);
  if (weekday) return dated(line, line.text.trim(), +weekday[3], monthNumber(weekday[2]), +weekday[1], +weekday[4], +weekday[5]);
  const stamp = CABLE_DATED.exec(line.text);
  if (stamp) return dated(line, line.text.trim(), +stamp[1], +stamp[2], +stamp[3], +stamp[4], +stamp[5]);
  return undefined;
}

/** The first characters of the weekdays and of `Cable dated:`. */
const OPENING_CHARACTERS = new Set([...getDictionaries().calendar.weekdays, 'Cable'].map((word) => word.charCodeAt(0)));

function dated(line: Line, text: string, year: number, month: number, day: number, hour: number, minute: number): Token & { iso?: string } {
  const token = tokenAt(line, line.text.indexOf(text), text);
  const valid = month > 0 && isValidDate(year, month, day) && hour < 24 && minute < 60;
  return valid ? { text: token.text, range: token.range, iso: isoDateTime(year, month, day, hour, minute) } : token;
}
