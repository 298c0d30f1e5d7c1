/**
 * The lines that open a cable's metadata: a ref id on its own line (`09MEXICO283`) and the first lines of
 * the cables.csv record in each of its exports. The parser reads the record from here on; the cable
 * detector takes the same openings as proof of a cable.
 */
import { isBlank, type Line } from './textLines';

/** `09MEXICO283`, `66BUENOSAIRES2481`, `09USUNNEWYORK283` alone on a line. */
export const REF_ID_LINE = /^\s*\d{2}[A-Z][A-Z0-9]*[A-Z]\d{1,7}\s*$/;
/** `2009-02-04 17:08:00` */
export const RECORD_DATE = /^\s*(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?\s*$/;
/** `2/22/2008 14:46`, as another export of the records writes it. */
export const RECORD_US_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})\s*$/;
/** A malformed ref id where a record gives its ref id: year digits, then letters and digits (`09MEXICO28X`). */
const REF_ID_SHAPED = /^\s*\d{2}[A-Z]{3,}[A-Z0-9]{0,20}\s*$/;
/**
 * The cables.csv row on one line, comma-separated, the origin quoted:
 * `12055,11/12/2003 16:26,03THEHAGUE2835,"Embassy The Hague",SECRET//NOFORN,03THEHAGUE2568,"This record…`.
 */
export const CSV_RECORD =
  /^\s*(\d{1,7}),(\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}|\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?),(\d{2}[A-Z][A-Z0-9]{2,30}),"?([^",]{0,80})"*,([A-Z][A-Z/ ]{0,60}),([^,"]{0,2000}),?(.*)$/d;
/** `190450` or `<<142612>>`. */
export const ROW_ID = /^\s*(?:<<)?\d{1,7}(?:>>)?\s*$/;
const RECORD_OPENING = /^\s*[\di<]/;
/** The tab-separated record on one line: `2008-07-01 12:57:00⇥08GENEVA498⇥US Mission Geneva⇥CONFIDENTIAL//NOFORN⇥⇥VZCZC…`. */
export const TAB_RECORD = /^\s*(?:(\d{1,7})\t)?(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$/d;
/** One-line records longer than this are not tried: the regexes above would scan them for nothing. */
export const ONE_LINE_RECORD_MAX = 2000;

export function isRefIdLine(line: Line | undefined): boolean {
  return line !== undefined && REF_ID_LINE.test(line.text);
}

export function isRecordDateLine(line: Line | undefined): boolean {
  return line !== undefined && (RECORD_DATE.test(line.text) || RECORD_US_DATE.test(line.text));
}

/**
 * True when a record starts at `lines[i]`: a one-line row (tab- or comma-separated), `id:` then `date:`
 * (the key-value export), a row id (`190450`, `<<142612>>`) then a record date then a ref id, or a record
 * date then a ref id.
 */
export function startsRecord(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  // Every record form opens with a digit, `id:` or `<<`: most lines are told at their first character.
  if (!line || !RECORD_OPENING.test(line.text)) return false;
  if (line.text.length < ONE_LINE_RECORD_MAX && (TAB_RECORD.test(line.text) || CSV_RECORD.test(line.text))) return true;
  if (/^\s*id:\s*\d+\s*$/.test(line.text)) return /^\s*date:/.test(lines[i + 1]?.text ?? '');
  if (ROW_ID.test(line.text)) {
    const date = nextFilled(lines, i + 1);
    return isRecordDateLine(lines[date]) && isRefIdShaped(lines[nextFilled(lines, date + 1)]);
  }
  return isRecordDateLine(line) && isRefIdShaped(lines[nextFilled(lines, i + 1)]);
}

/** The index of the next non-blank line from `j`, skipping at most one blank (some records space their fields). */
export function nextFilled(lines: readonly Line[], j: number): number {
  return isBlank(lines[j]) && !isBlank(lines[j + 1]) ? j + 1 : j;
}

/** A ref id, or a line shaped like one that is malformed (`09MEXICO28X`): a record's third field either way. */
function isRefIdShaped(line: Line | undefined): boolean {
  return line !== undefined && (REF_ID_LINE.test(line.text) || REF_ID_SHAPED.test(line.text));
}
