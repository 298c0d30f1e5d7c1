/**
 * Caption items that do not start a line. A quarter of the release lost its line breaks, so a header reads
 * `SUBJECT: MINISTER DEFENDS TRADE POLICY REF: LIMA 1234 Classified By: …` or, glued,
 * `LIMA 003571SIPDISEB FOR A/S SMITHE.O. 12958: DECL: 08/16/2015TAGS: EMIN PGOV`. Such a line is cut into
 * pieces, one per item, each a `Line` of its own whose `offset` says where it starts in the physical line:
 * every item parser then reads its piece as it reads a whole line, and ranges stay exact.
 */
import { LEVEL_SPELLINGS } from './classification';
import { lineOf, type Line } from './lines';

/** Where an item starts inside a line (never at its start: a line start is the line-based parser's). */
const ITEM_START = new RegExp(
  [
    // Letter-spaced banners, also glued to a preceding date: `…21:24:00]C O N F I D E N T I A L`.
    String.raw`(?:T O P )?S E C R E T(?= |$)|C O N F I D E N T I A L|U N C L A S S I F I E D|U N C L A S(?= )`,
    // A plain banner glued to the extract's `Cable dated:` stamp.
    String.raw`(?<=(?:\]|:\d\d))(?:${LEVEL_SPELLINGS})\b`,
    // E.O. with its order and what follows it: never the `pursuant to E.O. 13460` of prose. May be glued.
    String.raw`E\s?\.\s?[O0]\s?\.?\s?\d{5}(?=\s*[:;,.]?\s*(?:DECL|N\s?\/\s?A|OADR|:|$))|(?<![A-Za-z])EO\s?\d{5}\s*[:;]?\s*(?=DECL)`,
    // TAGS with a colon (may be glued to a date: `08/16/2015TAGS:`), or followed by upper-case codes.
    String.raw`(?:TAGS?|TGS|Tags?)\s?:(?=\s*[A-Za-z])|(?<=\s)TAGS(?=\s+[A-Z]{2,6}\s+[A-Z]{2,6}\b)`,
    String.raw`(?<![A-Za-z])(?:SUBJECT|SUBJ|Subject)\s?:`,
    // REF keywords with a colon; upper-case ones may be glued to the word before (`AMCITREF:`).
    String.raw`(?:REF(?:ERENCES?|TELS?|S|\(S\))?|(?<![A-Za-z])(?:Refs?|Ref\(s\)|References?|Reftels?))\s?:`,
    String.raw`(?<![A-Za-z])(?:Classified|CLASSIFIED)\s+(?:By|BY|by)\b`,
    // A section or page marker run into the subject: `… PROBLEMS LONDON 00002542 001.2 OF 002`.
    String.raw`(?<=\s)[A-Z][A-Z'-]{1,20}(?: [A-Z][A-Z'-]{1,20}){0,2} \d{6,10} \d{1,3}(?:\.\d{1,3})? OF \d{1,3}\b`,
    // A handling notice ends the subject before it.
    String.raw`(?<![A-Za-z])(?:SENSITIVE BUT UNCLASSIFIED|Sensitive but unclassified)(?=[\s.,;:-]+(?:please|PLEASE|handle|HANDLE|protect|PROTECT))`,
    // The first paragraph run on after the caption: `¶1.`, or a number with an upper-case marking.
    String.raw`¶\s?\d{1,3}\s?\.|(?<=\s)\d{1,3}\s?\.\s?\((?:U|C|S|SBU|TS|C\/NF|S\/NF|SBU\/NF)\)`,
  ].join('|'),
  'g',
);

/** A piece that opens the body: the line-based parser stops the header there. */
const PARAGRAPH_PIECE = /^\s*(?:¶\s?\d{1,3}\s?\.|\d{1,3}\s?\.\s?\()/;

/** How far into a line items are looked for: a flattened header is a few thousand characters. */
const SCAN_LIMIT = 8000;

/**
 * Cuts `line` where caption items start after its first character; returns `[line]` when none does.
 * Scanning stops at the first paragraph start: what follows is body text, left whole.
 */
export function splitCaptionItems(line: Line): Line[] {
  const text = line.text;
  if (text.length < 8) return [line];
  const scan = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  if (!mayHoldItems(scan)) return [line];
  const cuts: number[] = [];
  ITEM_START.lastIndex = 0;
  for (let m = ITEM_START.exec(scan); m; m = ITEM_START.exec(scan)) {
    const at = m.index;
    if (at > 0 && text.slice(0, at).trim() !== '' && at !== cuts[cuts.length - 1]) cuts.push(at);
    if (PARAGRAPH_PIECE.test(m[0])) break;
  }
  if (!cuts.length) return [line];
  const pieces: Line[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const piece = text.slice(from, cut);
    if (piece.trim()) pieces.push(lineOf(line.index, piece, line.offset + from));
    from = cut;
  }
  return pieces;
}

/** True when the piece opens the body (a paragraph number run on after the caption). */
export function isParagraphPiece(line: Line): boolean {
  return line.offset > 0 && PARAGRAPH_PIECE.test(line.text);
}

/**
 * A cheap first look, without look-behinds. An item that starts after a line's first character holds one of these
 * at or after its own start, so the look starts at the second character: the keyword that opens a line is the
 * line-based parser's. Keywords whose first letter may vary (case, letter spacing) are looked for from a later
 * letter, which must then stand far enough in (`NOT_BEFORE`): every alternative opens with a fixed character, so the
 * scan skips the positions none can start at. A banner glued to a stamp is told by what stands before it.
 */
const ITEM_HINT =
  /E\s?\.\s?[O0]|EO\s?\d|TAG|TGS|Tag|SUBJ|Subj|REF|Ref|lassified|LASSIFIED|¶|E C R E T|O N F I D|N C L A S|ENSITIVE BUT|ensitive but|\d \d{1,3}(?:\.\d{1,3})? OF \d|\d\s?\.\s?\(/g;
/**
 * Where a hint found from a later letter may stand at the earliest (the letters of its keyword before it, after the
 * line's first character); these hints are fixed texts. Every other hint may stand from 1.
 */
const NOT_BEFORE = new Map([
  ['lassified', 2],
  ['LASSIFIED', 2],
  ['ensitive but', 2],
  ['ENSITIVE BUT', 2],
  ['E C R E T', 3],
  ['O N F I D', 3],
  ['N C L A S', 3],
]);
const GLUED_BANNER_HINT = /\]|:\d\d[A-Z]/;

function mayHoldItems(scan: string): boolean {
  ITEM_HINT.lastIndex = 1;
  for (let m = ITEM_HINT.exec(scan); m; m = ITEM_HINT.exec(scan)) {
    if (m.index >= (NOT_BEFORE.get(m[0]) ?? 1)) return true;
    ITEM_HINT.lastIndex = m.index + 1;
  }
  // Both glued-banner hints hold `]` or `:`, which most lines lack.
  return (scan.includes(']') || scan.includes(':')) && GLUED_BANNER_HINT.test(scan);
}
