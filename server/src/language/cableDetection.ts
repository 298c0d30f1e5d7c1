/**
 * Whether a text is a cable, from its first lines: the CLI picks `.txt` files by it and the server indexes
 * workspace files by it. It uses the parser's own line recognisers, so what is picked up is what the parser
 * reads as a cable header.
 */
import { parseBannerLine } from './parse/banner';
import { isBlank, splitLines, type Line } from './parse/lines';
import { isRefIdLine, startsRecord } from './parse/preamble';

/** How much of a file is read to decide: enough for a preamble, a routing header and the banner. */
export const SNIFF_BYTES = 4096;
/** A distribution header (`CXCAIRO:`, `ACTION: POL`, `INFO: …`, `DRAFTED: …`) may push the routing header down. */
const SNIFF_LINES = 60;

const ROUTING_START = /^\s*VZCZC/;
const EXTRACT_NOTE = /^\s*This record is a partial extract of the original cable/i;
/** `R 041708Z FEB 09`, and the two-precedence form `P R 281848Z DEC 66` of split addressees. */
const DATE_TIME_GROUP = /^\s*(?:[ZOPR]\s+){1,2}\d{6}Z\s+[A-Za-z]{3}\s+\d{2}(?:\s+Z[A-Z]{2}\w{0,2}\b[^a-z]{0,80})?\s*$/;
/** What scraped copies put before a banner: quotes of a CSV cell, or a `Cable dated:2005-08-17T21:24:00]` stamp. */
const BANNER_DEBRIS = /^\s*(?:"|",")?(?:Cable dated:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\]?)?\s*$/;
const FM_LINE = /^\s*FM\s+\S/;
/** Zero-padded banner serial (`000283`): with it a plain `SECRET MEXICO 000283` banner is not prose. */
const PADDED_SERIAL = /^0\d{5,6}$/;

/** True when the start of a text looks like a cable: any one signal is enough (see below). */
export function looksLikeCable(head: string): boolean {
  const lines = splitLines(head).slice(0, SNIFF_LINES);
  const first = lines.findIndex((line) => !isBlank(line));
  if (first < 0) return false;
  if (isRefIdLine(lines[first]) || startsRecord(lines, first)) return true;
  return lines.some(isStrongSignal) || hasDateTimeGroupWithAddresses(lines) || hasTelegramPageHeader(lines);
}

/** Printed telegrams: `PAGE 01 HARARE 05461 01 OF 02 271458Z` then the office list `ACTION AF-00`. */
const PAGE_HEADER = /^\s*PAGE\s+01\s+[A-Z][A-Z ]{1,20}\s\d{4,6}\b.{0,30}\d{6}Z\s*$/;
const ACTION_OFFICE = /^\s*ACTION\s+[A-Z0-9]{1,6}-\d{2}\b/;

function hasTelegramPageHeader(lines: readonly Line[]): boolean {
  const page = lines.findIndex((l) => PAGE_HEADER.test(l.text));
  return page >= 0 && lines.slice(page + 1, page + 3).some((l) => ACTION_OFFICE.test(l.text));
}

/** A routing header start, the partial-extract note, or a banner that prose does not produce. */
function isStrongSignal(line: Line): boolean {
  if (ROUTING_START.test(line.text) || EXTRACT_NOTE.test(line.text)) return true;
  const banner = parseBannerLine(line);
  if (!banner) return false;
  // The parser forgives debris before a banner; a sniffer should not, or prose quoting one would pass.
  if (!BANNER_DEBRIS.test(line.text.slice(0, banner.classificationToken.range.start.character - line.offset))) return false;
  return banner.letterSpaced || banner.section !== undefined || PADDED_SERIAL.test(banner.serial?.text ?? '');
}

/** `R 041708Z FEB 09` alone is common in military prose; followed by an `FM` line it starts a cable header. */
function hasDateTimeGroupWithAddresses(lines: readonly Line[]): boolean {
  const dtg = lines.findIndex((l) => DATE_TIME_GROUP.test(l.text));
  return dtg >= 0 && lines.slice(dtg + 1, dtg + 3).some((l) => FM_LINE.test(l.text));
}
