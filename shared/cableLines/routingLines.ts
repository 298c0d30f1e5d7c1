/**
 * Routing header lines whose shape both the parser and the cable detector read: the date-time group
 * (`R 041708Z FEB 09`) and the address lines that follow it (`FM AMEMBASSY MEXICO`, `TO …`, `INFO …`).
 */

/**
 * `R 041708Z FEB 09`, `O P 011212Z AUG 06` (action and info precedence), `291359Z Nov 00`; service text may
 * follow (`ZDK`, `ZDS`, `ZFF6`, `ZFR CTG RUEHSD 0060 3230357`, `ZDK DUE TO SERVICES ZDK`). Groups: action
 * precedence, info precedence, day and time, month, year. No `d` flag (its indices cost more than the match): the
 * groups come in order, parted by white space, so their positions follow from their texts.
 */
export const DTG = /^\s*(?:([A-Z])\s+)?(?:([A-Z])\s+)?(\d{6}Z)\s+([A-Za-z]{3,9})\s+(\d{2,4})(?![\dA-Za-z])/;
/** What may follow a DTG on its line: nothing, or operating signals (`Z` + two letters) and their text. */
export const DTG_TAIL = /^\s*(?:(Z[A-Z]{2}\w{0,2}\b[^a-z]{0,80}?))?\s*$/;
/** `FM`, `FROM`, `TO` or `INFO` and the first addressee. */
export const ADDRESS_KEY = /^\s*(FM|FROM|TO|INFO)\s+(?=\S)/;
/** Lines longer than this are no DTG: the regexes are not run on them. */
const DTG_LINE_MAX = 200;

/** The DTG at the start of `text` with nothing but service text after it, or undefined. */
export function matchDateTimeGroup(text: string): RegExpExecArray | undefined {
  if (text.length > DTG_LINE_MAX) return undefined;
  const match = DTG.exec(text);
  return match !== null && DTG_TAIL.test(text.slice(match[0].length)) ? match : undefined;
}

/** With a precedence letter and a three-letter month, the shape alone says DTG, whatever the month's spelling. */
export function hasDateTimeGroupShape(match: RegExpExecArray): boolean {
  return match[1] !== undefined && match[4].length === 3;
}
