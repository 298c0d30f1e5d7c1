/**
 * Whether a text is a cable, from its first lines: the one detector of the project. The VS Code client
 * switches `.txt` files to the Cable language by it and decides by it whether a folder holds cables;
 * `cable-lint` picks `.txt` files by it; the server's index reads `.txt` files by it. It uses the parser's
 * own line recognisers (`shared/cableLines/`), so what is picked up is what the parser reads as a cable
 * header, and it imports nothing else, so both bundles carry it.
 *
 * It looks at the first `SNIFF_LINES` lines of the first `SNIFF_BYTES` bytes (UTF-8) of what it is given,
 * so a caller that reads those bytes from disk and one that passes a whole open document decide alike.
 *
 * The manifest's `firstLine` pattern (`contributes.languages`) is a narrower detector of its own: VS Code
 * applies it to the first line of a file no extension claims. A test holds it to accepting nothing this
 * one rejects.
 */
import { readBannerHead } from './cableLines/bannerLine';
import { isRefIdLine, startsRecord } from './cableLines/preambleLines';
import { ADDRESS_KEY, hasDateTimeGroupShape, matchDateTimeGroup } from './cableLines/routingLines';
import { isBlank, splitLines, type Line } from './cableLines/textLines';

/** How much of a file is read to decide: enough for a preamble, a routing header and the banner. */
export const SNIFF_BYTES = 4096;
/** A distribution header (`CXCAIRO:`, `ACTION: POL`, `INFO: …`, `DRAFTED: …`) may push the routing header down. */
export const SNIFF_LINES = 60;

const ROUTING_START = /^\s*VZCZC/;
const EXTRACT_NOTE = /^\s*This record is a partial extract of the original cable/i;
/** What scraped copies put before a banner: quotes of a CSV cell, or a `Cable dated:2005-08-17T21:24:00]` stamp. */
const BANNER_DEBRIS = /^\s*(?:"|",")?(?:Cable dated:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\]?)?\s*$/;
/** A banner serial as cables write it, six digits (`000283`, `176819`) or seven zero-padded: with it a plain `SECRET MEXICO 000283` is not prose. */
const BANNER_SERIAL = /^(?:\d{6}|0\d{6})$/;
/** Printed telegrams: `PAGE 01 HARARE 05461 01 OF 02 271458Z` then the office list `ACTION AF-00`. */
const PAGE_HEADER = /^\s*PAGE\s+01\s+[A-Z][A-Z ]{1,20}\s\d{4,6}\b.{0,30}\d{6}Z\s*$/;
const ACTION_OFFICE = /^\s*ACTION\s+[A-Z0-9]{1,6}-\d{2}\b/;

/** True when the start of a text looks like a cable: any one signal is enough (see below). */
export function looksLikeCable(text: string): boolean {
  const lines = splitLines(sniffedHead(text)).slice(0, SNIFF_LINES);
  const first = lines.findIndex((line) => !isBlank(line));
  if (first < 0) return false;
  if (isRefIdLine(lines[first]) || startsRecord(lines, first)) return true;
  return lines.some(isStrongSignal) || hasDateTimeGroupWithSender(lines) || hasTelegramPageHeader(lines);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of the first `SNIFF_BYTES` bytes, as a reader of the file's bytes gets it (a character cut in two reads as U+FFFD). */
function sniffedHead(text: string): string {
  const slice = text.slice(0, SNIFF_BYTES);
  const bytes = encoder.encode(slice);
  return bytes.length <= SNIFF_BYTES ? slice : decoder.decode(bytes.subarray(0, SNIFF_BYTES));
}

/** A routing header start, the partial-extract note, or a banner that prose does not produce. */
function isStrongSignal(line: Line): boolean {
  if (ROUTING_START.test(line.text) || EXTRACT_NOTE.test(line.text)) return true;
  const banner = readBannerHead(line.text);
  if (!banner) return false;
  // The parser forgives debris before a banner; a detector should not, or prose quoting one would pass.
  if (!BANNER_DEBRIS.test(line.text.slice(0, banner.classification.start))) return false;
  return banner.letterSpaced || banner.section !== undefined || BANNER_SERIAL.test(banner.serial?.text ?? '');
}

/**
 * `R 041708Z FEB 09` alone is common in military prose; followed by an `FM` line it starts a cable header
 * (then `TO` or only `INFO`). Any precedence letter the parser reads counts: `Z`, `Y`, `O`, `P`, `R`.
 */
function hasDateTimeGroupWithSender(lines: readonly Line[]): boolean {
  const dtg = lines.findIndex((line) => {
    const match = matchDateTimeGroup(line.text);
    return match !== undefined && hasDateTimeGroupShape(match);
  });
  return dtg >= 0 && lines.slice(dtg + 1, dtg + 3).some(isSenderLine);
}

function isSenderLine(line: Line): boolean {
  const key = ADDRESS_KEY.exec(line.text)?.[1];
  return key === 'FM' || key === 'FROM';
}

function hasTelegramPageHeader(lines: readonly Line[]): boolean {
  const page = lines.findIndex((line) => PAGE_HEADER.test(line.text));
  return page >= 0 && lines.slice(page + 1, page + 3).some((line) => ACTION_OFFICE.test(line.text));
}
