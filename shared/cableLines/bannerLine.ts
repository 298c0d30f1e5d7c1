/**
 * The head of a classification banner line, `C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283`: its
 * classification word, section, post and serial, as character positions in the line's text. The parser
 * builds its `Banner` (tokens, ranges, controls) from this; the cable detector reads the same head.
 */

/** What a banner line opens with; every position is an index into the line's text. */
export interface BannerHead {
  /** The classification as written (`C O N F I D E N T I A L`, `SECRET`) and where it starts. */
  classification: { start: number; text: string };
  /**
   * The classification word to read the level from, letter spacing removed and a lost first letter
   * restored (`O N F I D E N T I A L` → `CONFIDENTIAL`).
   */
  word: string;
  letterSpaced: boolean;
  /** `SECTION 01 OF 03`, before the post or (`UNCLAS LIMA 003571 SECTION 01 OF 02`) after the serial. */
  section?: { n: number; m: number; start: number; end: number };
  /** `MEXICO`, `SAN JOSE`, `THE HAGUE`. */
  post?: { start: number; text: string };
  /** `000283`. */
  serial?: { start: number; text: string };
  /** Where the controls glued to the banner may start (`022025SIPDISNOFORN`): after the serial, else after the section or the word. */
  controlsFrom: number;
}

/** Letter-spaced words, any case: `C O N F I D E N T I A L`, `C o n f i d e n t i a l`, `U N C L A S`. */
const LETTER_SPACED = /(?:[A-Za-z] ){3,}[A-Za-z](?![A-Za-z])/g;
/** After scraped CSV debris (`","UNCLAS THE HAGUE 001903`, `,UNCLAS MONTEVIDEO 000034`) too. */
const PLAIN = /^\s*(?:"?,"?|")?U?(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE)(?![A-Z/])/d;
const SECTION = /^\s*SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/di;
const LATE_SECTION = /(?:^|\s)SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/i;
/** Post and serial after the level: `MEXICO 000283`, `SAN JOSE 000123`, `THE HAGUE 001695`. */
const POST_SERIAL = /^\s*([A-Za-z][A-Za-z .'-]{0,40}?)\s+(\d{3,7})(?!\d)/d;

/** Letter-spaced banners whose first letter the copy lost (`O N F I D E N T I A L`), at the start of a line only. */
const TRUNCATED_WORDS: Record<string, string> = {
  ONFIDENTIAL: 'CONFIDENTIAL',
  ECRET: 'SECRET',
  NCLAS: 'UNCLAS',
  NCLASSIFIED: 'UNCLASSIFIED',
};

const CLASSIFICATION_WORDS = new Set(['CONFIDENTIAL', 'SECRET', 'TOPSECRET', 'UNCLASSIFIED', 'UNCLAS', 'UNCLASEFTO']);

/**
 * A letter-spaced classification near the start of the line; scraped copies put debris before it
 * (`","C O N F…`, `Cable dated:2002-11-15T12:40:00S E C R E T`, `SS E C R E T`).
 */
function letterSpacedClassification(text: string): { start: number; text: string } | undefined {
  const head = text.slice(0, 80);
  LETTER_SPACED.lastIndex = 0;
  for (let m = LETTER_SPACED.exec(head); m; m = LETTER_SPACED.exec(head)) {
    const compact = m[0].replace(/ /g, '').toUpperCase();
    if (CLASSIFICATION_WORDS.has(compact) || (m.index === leading(head) && TRUNCATED_WORDS[compact])) return { start: m.index, text: m[0] };
    // `SE C R E T`: the first letter glued to the second.
    const previous = head[m.index - 1] ?? '';
    if (/[A-Za-z]/.test(previous) && CLASSIFICATION_WORDS.has(previous.toUpperCase() + compact))
      return { start: m.index - 1, text: previous + m[0] };
  }
  return undefined;
}

/** Reads the head of a banner line, or undefined when the line is no banner (a plain classification word alone is a page or trailing line). */
export function readBannerHead(text: string): BannerHead | undefined {
  let classification = letterSpacedClassification(text);
  const letterSpaced = classification !== undefined;
  if (!classification) {
    const plain = PLAIN.exec(text);
    if (!plain) return undefined;
    classification = { start: plain.indices![1][0], text: plain[1] };
  }
  const compact = letterSpaced ? classification.text.replace(/ /g, '') : classification.text;
  const head: BannerHead = {
    classification,
    word: TRUNCATED_WORDS[compact.toUpperCase()] ?? compact,
    letterSpaced,
    controlsFrom: classification.start + classification.text.length,
  };
  let cursor = head.controlsFrom;
  const section = SECTION.exec(text.slice(cursor));
  if (section) {
    head.section = {
      n: +section[1],
      m: +section[2],
      start: cursor + section.indices![0][0] + leading(section[0]),
      end: cursor + section[0].length,
    };
    cursor += section[0].length;
  }
  const postSerial = POST_SERIAL.exec(text.slice(cursor));
  if (postSerial) {
    head.post = { start: cursor + postSerial.indices![1][0], text: postSerial[1] };
    head.serial = { start: cursor + postSerial.indices![2][0], text: postSerial[2] };
    cursor += postSerial[0].length;
  } else if (!letterSpaced && !section) {
    return undefined;
  }
  if (!head.section) {
    const late = LATE_SECTION.exec(text.slice(cursor, cursor + 200));
    if (late) {
      const start = cursor + late.index + late[0].length - late[0].trimStart().length;
      head.section = { n: +late[1], m: +late[2], start, end: cursor + late.index + late[0].length };
    }
  }
  head.controlsFrom = cursor;
  return head;
}

function leading(text: string): number {
  return text.length - text.trimStart().length;
}
