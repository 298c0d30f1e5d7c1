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
const SNIFF_LINES = 30;

const ROUTING_START = /^\s*VZCZC/;
const EXTRACT_NOTE = /^\s*This record is a partial extract of the original cable/i;
/** `R 041708Z FEB 09`, and the two-precedence form `P R 281848Z DEC 66` of split addressees. */
const DATE_TIME_GROUP = /^\s*(?:[ZOPR]\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2}\s*$/;
const FM_LINE = /^\s*FM\s+\S/;
/** Zero-padded banner serial (`000283`): with it a plain `SECRET MEXICO 000283` banner is not prose. */
const PADDED_SERIAL = /^0\d{5,6}$/;

/** True when the start of a text looks like a cable: any one signal is enough (see below). */
export function looksLikeCable(head: string): boolean {
  const lines = splitLines(head).slice(0, SNIFF_LINES);
  const first = lines.findIndex((line) => !isBlank(line));
  if (first < 0) return false;
  if (isRefIdLine(lines[first]) || startsRecord(lines, first)) return true;
  return lines.some(isStrongSignal) || hasDateTimeGroupWithAddresses(lines);
}

/** A routing header start, the partial-extract note, or a banner that prose does not produce. */
function isStrongSignal(line: Line): boolean {
  if (ROUTING_START.test(line.text) || EXTRACT_NOTE.test(line.text)) return true;
  const banner = parseBannerLine(line);
  if (!banner) return false;
  // The parser forgives debris before a banner; a sniffer should not, or prose quoting one would pass.
  if (banner.classificationToken.range.start.character - line.offset !== line.text.length - line.text.trimStart().length) return false;
  return banner.letterSpaced || banner.section !== undefined || PADDED_SERIAL.test(banner.serial?.text ?? '');
}

/** `R 041708Z FEB 09` alone is common in military prose; followed by an `FM` line it starts a cable header. */
function hasDateTimeGroupWithAddresses(lines: readonly Line[]): boolean {
  const dtg = lines.findIndex((l) => DATE_TIME_GROUP.test(l.text));
  return dtg >= 0 && lines.slice(dtg + 1, dtg + 3).some((l) => FM_LINE.test(l.text));
}
