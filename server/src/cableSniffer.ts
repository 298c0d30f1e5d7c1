/**
 * Tells, from its first lines, whether a `.txt` file is a cable, so the workspace scan indexes cables and
 * not every text file of a project. The signs are the ones real cables start with: a ref id line
 * (`09MEXICO283`), a cables.csv record (`86237` / `2006-11-17 23:37:00`), a `VZCZC` routing header, a
 * date-time group (`R 220136Z DEC 97`), an `FM AMEMBASSY …` line, a `TAGS:` line, a banner
 * (`C O N F I D E N T I A L`, `UNCLAS SAN JOSE 000123`) or the partial-extract note.
 */

/** How much of a file the sniffer needs. */
export const SNIFF_BYTES = 4096;
const SNIFF_LINES = 12;

const CABLE_FIRST_LINES: readonly RegExp[] = [
  /^\d{2}[A-Z]{2,}\d{1,7}$/,
  /^VZCZC/,
  /^(?:T O P )?(?:C O N F I D E N T I A L|S E C R E T|U N C L A S)\b/,
  /^(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)\b.*\b\d{6}$/,
  /^(?:[ZOPR](?:\s?[ZOPR])?\s+)?\d{6}Z\s+[A-Za-z]{3}\s+\d{2}(?:\d{2})?$/,
  /^FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|USINT)\b/,
  /^TAGS:\s+[A-Z]{2,}/,
  /^This record is a partial extract of the original cable/i,
];
const RECORD_ROW_ID = /^\d{1,7}$/;
const RECORD_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** True when the head of a text file looks like a cable. */
export function looksLikeCable(head: string): boolean {
  const lines = head
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, SNIFF_LINES);
  return lines.some((line, index) => {
    // A cables.csv row id alone is just a number; it counts when the record's date follows.
    if (RECORD_ROW_ID.test(line)) return RECORD_DATE.test(lines[index + 1] ?? '');
    return CABLE_FIRST_LINES.some((pattern) => pattern.test(line));
  });
}
