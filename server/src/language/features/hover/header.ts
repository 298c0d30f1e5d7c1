/** Hovers for the routing header: routing indicators, precedence, the `DE` line, the security line, the date-time group. */
import type { Dictionaries } from '../../dicts/dictionaries';
import type { AddressList, Cable, DateTimeGroup, DeLine } from '../../model';
import { dayOfYearInWords, utcInWords } from '../dateWords';
import { escapeMarkdown, paragraphs, strong } from '../markdown';

/** `RUEHME` → the station it names. */
export function routingIndicatorHover(indicator: string, dictionaries: Dictionaries): string {
  const station = dictionaries.routing.get(indicator.toUpperCase());
  return paragraphs([
    `${strong(indicator)} — routing indicator`,
    station ? escapeMarkdown(station) : 'Not in the table of routing indicators.',
  ]);
}

/** `RR`, `R`, `PRIORITY`. */
export function precedenceHover(text: string, dictionaries: Dictionaries): string {
  const meaning = dictionaries.precedence.get(text.toUpperCase().replace(/\s+/g, ' '));
  return paragraphs([`${strong(text)} — precedence`, meaning ? escapeMarkdown(meaning) : 'Not a known precedence.']);
}

/** `DE RUEHME #0283/01 0351708`: sending station, its serial, the section, and the day of year and time decoded. */
export function deLineHover(de: DeLine, cable: Cable | undefined, dictionaries: Dictionaries): string {
  const station = de.station ? dictionaries.routing.get(de.station.text.toUpperCase()) : undefined;
  const parts = [
    de.station && `From station ${strong(de.station.text)}${station ? ` (${escapeMarkdown(station)})` : ''}`,
    de.serial && `station serial ${strong(de.serial.text)}`,
    de.section && `section ${strong(de.section.text)}`,
  ].filter(Boolean);
  let when: string | undefined;
  if (de.dayOfYear !== undefined && de.hour !== undefined && de.minute !== undefined) {
    // The DE line's day counts in the year of its transmission, the DTG's, even on a record dated a day later.
    const year = cable?.routing?.dtg?.fullYear ?? cable?.year;
    const decoded = year ? dayOfYearInWords(year, de.dayOfYear, de.hour, de.minute) : undefined;
    // The date once: decoded, the day of the year needs no time of its own.
    const time = `${String(de.hour).padStart(2, '0')}:${String(de.minute).padStart(2, '0')} UTC`;
    when = decoded ? `Sent on day ${de.dayOfYear} of the year: **${decoded.words}**.` : `Sent on day ${de.dayOfYear} of the year, ${time}.`;
  }
  const body = de.wellFormed
    ? `${parts.join(', ')}.`
    : 'This DE line does not have the usual shape `DE RUEHxx #nnnn/nn dddhhmm`: station, serial and section, then the day of the year and the time.';
  return paragraphs(['**DE line** — sending station and transmission', body, when]);
}

/** `041708Z FEB 09` → `Wednesday, 4 February 2009, 17:08 UTC`, the date given once. */
export function dateTimeGroupHover(dtg: DateTimeGroup, dictionaries: Dictionaries): string {
  const written = `${dtg.dayTime.text} ${dtg.month.text} ${dtg.year.text}`;
  const decoded = dtg.monthNumber ? utcInWords(dtg.fullYear, dtg.monthNumber, dtg.day, dtg.hour, dtg.minute) : undefined;
  const precedence = dtg.precedence ? dictionaries.precedence.get(dtg.precedence.text) : undefined;
  return paragraphs([
    `${strong(written)} — date-time group`,
    decoded ? `**${decoded.words}**` : 'Not a real date and time (day, hour, minute or month out of range).',
    'Day, hour and minute, `Z` for Zulu (UTC), then month and year.',
    precedence && `Precedence ${strong(dtg.precedence!.text)}: ${escapeMarkdown(precedence)}`,
  ]);
}

/** `ZNY`, `CCCCC`, `ZZH` of the security line. */
export function securityLineHover(text: string, dictionaries: Dictionaries): string {
  const meaning = dictionaries.markings.security_line[text.toUpperCase()];
  return paragraphs([`${strong(text)} — security line`, meaning ? escapeMarkdown(meaning) : 'Not a known part of the security line.']);
}

/** `VZCZCXRO3019`: the start of a transmission. */
export function transmissionIdHover(text: string): string {
  return paragraphs([
    `${strong(text)} — transmission identification`,
    'VZCZC opens the transmission; the characters after it identify the channel and the message sequence.',
  ]);
}

const ADDRESS_KEYWORDS: Record<string, string> = {
  FM: 'From: the post or office that sends the cable',
  FROM: 'From: the post or office that sends the cable',
  TO: 'Action addressees: who must act on the cable',
  INFO: 'Information addressees: who receive the cable for information',
};

/** `FM`, `TO`, `INFO` of the address lists. */
export function addressListHover(list: AddressList): string {
  const keyword = list.keyword.text.toUpperCase();
  const count = list.addresses.length;
  return paragraphs([
    `${strong(list.keyword.text)} — ${ADDRESS_KEYWORDS[keyword] ?? 'address list'}`,
    `${count} addressee${count === 1 ? '' : 's'}.`,
  ]);
}
