/**
 * Decides whether the start of a plain-text file is a diplomatic cable, so that `.txt` files from a
 * Cablegate dump open as `cable` without the user having to pick the language.
 *
 * Pure (no `vscode` import) so it can be unit-tested against the whole corpus. Every signal is a line
 * shape that ordinary prose, code, e-mail or CSV does not produce; a single one is enough.
 */

/** How many lines of the file are looked at; callers may pass more, the rest is ignored. */
export const DETECTION_LINE_LIMIT = 30;

/** A ref id on its own line: two-digit year, post, serial — `09MEXICO283`, `66BUENOSAIRES2481`. */
const REF_ID = /^\d{2}[A-Z]{2,}\d{1,7}$/;

/** First line of a cables.csv record: the row id, alone. */
const RECORD_ROW_ID = /^\d{1,7}$/;

/** Second line of a cables.csv record: `2009-02-04 17:08:00`. */
const RECORD_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Start of the routing header (`VZCZCXRO3019`). */
const ROUTING_START = /^VZCZC/;

/**
 * The letter-spaced classification banner, upper or sentence case: `C O N F I D E N T I A L`,
 * `S E C R E T`, `U N C L A S`, `c o n f i d e n t i a l`.
 */
const SPACED_BANNER =
  /^\s*(?:T O P )?(?:C O N F I D E N T I A L|S E C R E T|U N C L A S(?: S I F I E D)?)(?:\s|$)/i;

/** A plain unclassified banner with post and serial: `UNCLAS MANAMA 000064`, `UNCLAS SECTION 01 OF 02 THE HAGUE 000123`. */
const UNCLAS_BANNER = /^\s*UNCLAS\s+[A-Z][A-Z0-9 ./'-]*?\s\d{2,7}(?:\s|$)/;

/** The media partners' note that replaces the routing header. */
const PARTIAL_EXTRACT = /^\s*This record is a partial extract of the original cable/i;

/** Date-time group with precedence: `R 041708Z FEB 09`, `P R 281848Z DEC 66`. */
const DTG = /^\s*(?:[ZYOPR]\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2}\s*$/;

/** Originator and addressee lines that follow a DTG. */
const FROM_LINE = /^\s*FM\s+\S/;
const TO_LINE = /^\s*TO\s+\S/;

/** True when the first lines of a text look like a cable (see the signals above). */
export function looksLikeCable(firstLines: string): boolean {
  const lines = firstLines
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/, DETECTION_LINE_LIMIT)
    .map((line) => line.trimEnd());
  return startsWithRefIdOrRecord(lines) || lines.some(isStrongSignal) || hasDtgWithAddresses(lines);
}

/** The first non-empty line is a ref id, or starts a cables.csv record (row id, then a timestamp). */
function startsWithRefIdOrRecord(lines: readonly string[]): boolean {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return false;
  const head = lines[first].trim();
  if (REF_ID.test(head)) return true;
  const next = lines[first + 1]?.trim() ?? '';
  return RECORD_ROW_ID.test(head) && RECORD_DATE.test(next);
}

/** A line that on its own marks a cable: routing start, a banner or the partial-extract note. */
function isStrongSignal(line: string): boolean {
  return ROUTING_START.test(line) || SPACED_BANNER.test(line) || UNCLAS_BANNER.test(line) || PARTIAL_EXTRACT.test(line);
}

/** A DTG line is common enough in military prose, so it counts only with `FM` and `TO` lines near it. */
function hasDtgWithAddresses(lines: readonly string[]): boolean {
  return lines.some((line) => DTG.test(line)) && lines.some((line) => FROM_LINE.test(line)) && lines.some((line) => TO_LINE.test(line));
}
