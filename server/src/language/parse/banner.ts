/**
 * The classification banner `C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283` and the control and
 * office lines that follow it (`SIPDIS`, `NOFORN`, `DEPT FOR WHA/MEX`).
 */
import type { Banner, Classification, Token } from '../model';
import { makeClassification, parseClassificationWords } from './classification';
import { groupToken, rangeOf, tokenAt, trimmedRange, trimmedToken, type Line } from './lines';

/** Letter-spaced words, any case: `C O N F I D E N T I A L`, `C o n f i d e n t i a l`, `U N C L A S`. */
const LETTER_SPACED = /(?:[A-Za-z] ){3,}[A-Za-z](?![A-Za-z])/g;
/** After scraped CSV debris (`","UNCLAS THE HAGUE 001903`, `,UNCLAS MONTEVIDEO 000034`) too. */
const PLAIN = /^\s*(?:"?,"?|")?U?(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE)(?![A-Z/])/d;
const SECTION = /^\s*SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/di;
const LATE_SECTION = /(?:^|\s)SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/i;
/** Post and serial after the level: `MEXICO 000283`, `SAN JOSE 000123`, `THE HAGUE 001695`. */
const POST_SERIAL = /^\s*([A-Za-z][A-Za-z .'-]{0,40}?)\s+(\d{3,7})(?!\d)/d;
const CONTROL_WORDS = /^(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|NOTAL|CHEROKEE|FOR OFFICIAL USE ONLY|FOUO|E ?F ?T ?O|SBU|ROGER CHANNEL|PASS [A-Z ]+|SENSITIVE BUT UNCLASSIFIED|DEA SENSITIVE)$/i;
/** The run of controls that opens a line before an office line: `SIPDIS NOFORN SIPDIS STATE FOR NEA/IR`. */
const LEADING_CONTROLS = /^\s*(?:(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|NOTAL|SBU)\b[\s,;]*){1,6}/i;
/** Controls may be glued to the serial and to each other in scraped copies: `022025SIPDISNOFORN`. */
const CONTROL_TOKEN = /(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|NOTAL|CHEROKEE|FOR OFFICIAL USE ONLY|\bFOUO\b|\bE ?F ?T ?O\b)/gi;
/** `DEPT FOR WHA/MEX`, `NSC FOR SENIOR AFRICA DIRECTOR`, `DEPARTMENT PASS TO USTR`. */
const OFFICE_LINE = /^\s*[A-Z][A-Z0-9/&.,' -]{0,60}\s(?:FOR|PASS(?: TO)?|ALSO FOR)\s+\S/;
/** Old cables' release stamp: `Declassified/Released US Department of State EO Systematic Review 05 JUL 2006`. */
const RELEASE_STAMP = /^\s*(?:Declassified\/Released|Systematic Review)\b/;

/** Letter-spaced banners whose first letter the copy lost (`O N F I D E N T I A L`), at the start of a line only. */
const TRUNCATED_WORDS: Record<string, string> = { ONFIDENTIAL: 'CONFIDENTIAL', ECRET: 'SECRET', NCLAS: 'UNCLAS', NCLASSIFIED: 'UNCLASSIFIED' };

const CLASSIFICATION_WORDS = new Set(['CONFIDENTIAL', 'SECRET', 'TOPSECRET', 'UNCLASSIFIED', 'UNCLAS', 'UNCLASEFTO']);

/**
 * A letter-spaced classification near the start of the line; scraped copies put debris before it
 * (`","C O N F…`, `Cable dated:2002-11-15T12:40:00S E C R E T`, `SS E C R E T`).
 */
function letterSpacedClassification(line: Line): Token | undefined {
  const head = line.text.slice(0, 80);
  LETTER_SPACED.lastIndex = 0;
  for (let m = LETTER_SPACED.exec(head); m; m = LETTER_SPACED.exec(head)) {
    const compact = m[0].replace(/ /g, '').toUpperCase();
    if (CLASSIFICATION_WORDS.has(compact) || (m.index === leading(head) && TRUNCATED_WORDS[compact])) return tokenAt(line, m.index, m[0]);
    // `SE C R E T`: the first letter glued to the second.
    const previous = head[m.index - 1] ?? '';
    if (/[A-Za-z]/.test(previous) && CLASSIFICATION_WORDS.has(previous.toUpperCase() + compact)) return tokenAt(line, m.index - 1, previous + m[0]);
  }
  return undefined;
}

/** Reads the banner line, or undefined when `line` is no banner. */
export function parseBannerLine(line: Line): Banner | undefined {
  const text = line.text;
  let classificationToken: Token | undefined;
  let letterSpaced = false;
  const spaced = letterSpacedClassification(line);
  if (spaced) {
    classificationToken = spaced;
    letterSpaced = true;
  } else {
    const plain = PLAIN.exec(text);
    if (!plain) return undefined;
    classificationToken = groupToken(line, plain, 1)!;
  }
  const compact = letterSpaced ? classificationToken.text.replace(/ /g, '') : classificationToken.text;
  const classification = parseClassificationWords(TRUNCATED_WORDS[compact.toUpperCase()] ?? compact);
  if (!classification) return undefined;
  const banner: Banner = {
    range: trimmedRange(line),
    classificationToken,
    classification,
    letterSpaced,
    controls: [],
    officeLines: [],
  };
  let cursor = classificationToken.range.end.character - line.offset;
  const section = SECTION.exec(text.slice(cursor));
  if (section) {
    banner.section = { n: +section[1], m: +section[2], range: rangeOf(line, cursor + section.indices![0][0] + leading(section[0]), cursor + section[0].length) };
    cursor += section[0].length;
  }
  const postSerial = POST_SERIAL.exec(text.slice(cursor));
  if (postSerial) {
    banner.post = tokenAt(line, cursor + postSerial.indices![1][0], postSerial[1]);
    banner.serial = tokenAt(line, cursor + postSerial.indices![2][0], postSerial[2]);
    cursor += postSerial[0].length;
  } else if (!letterSpaced && !section) {
    // A plain classification word alone is a page or trailing line, not a banner.
    return undefined;
  }
  if (!banner.section) {
    // `UNCLAS LIMA 003571 SECTION 01 OF 02`: the section may also follow the post and serial.
    const late = LATE_SECTION.exec(text.slice(cursor, cursor + 200));
    if (late) {
      const start = cursor + late.index + late[0].length - late[0].trimStart().length;
      banner.section = { n: +late[1], m: +late[2], range: rangeOf(line, start, cursor + late.index + late[0].length) };
    }
  }
  banner.controls.push(...controlTokens(line, cursor));
  return banner;
}

function leading(text: string): number {
  return text.length - text.trimStart().length;
}

function controlTokens(line: Line, from: number): Token[] {
  const tokens: Token[] = [];
  const rest = line.text.slice(from, from + 200);
  CONTROL_TOKEN.lastIndex = 0;
  for (let m = CONTROL_TOKEN.exec(rest); m; m = CONTROL_TOKEN.exec(rest)) tokens.push(tokenAt(line, from + m.index, m[0]));
  return tokens;
}

/** A line after the banner that holds only dissemination controls (`SIPDIS`, `NOFORN`, `SENSITIVE`). */
export function isControlLine(line: Line): boolean {
  const text = line.text.replace(/<[^>]{0,20}>/g, '').trim();
  if (text.length === 0 || text.length >= 80) return false;
  return CONTROL_WORDS.test(text) || text.split(/\s*[,;/ ]\s*(?=[A-Z])/).every((part) => CONTROL_WORDS.test(part.trim()));
}

export function isOfficeLine(line: Line): boolean {
  return line.text.length < 120 && (OFFICE_LINE.test(line.text) || RELEASE_STAMP.test(line.text));
}

/** Adds a line after the banner; false when it is neither controls nor an office line. */
export function addBannerLine(banner: Banner, line: Line): boolean {
  if (isControlLine(line)) banner.controls.push(...controlTokens(line, 0));
  else if (isOfficeLine(line) || opensWithControls(line)) addOfficeLine(banner, line);
  else return false;
  return true;
}

/** Controls, then upper-case addressing text (`SIPDIS NOFORN SIPDIS STATE FOR NEA/IR, EEB A/S …`). */
function opensWithControls(line: Line): boolean {
  if (line.text.length > 400) return false;
  const lead = LEADING_CONTROLS.exec(line.text);
  return lead !== null && !/[a-z]/.test(line.text.slice(lead[0].length));
}

/** An office line, with the controls that open it read as controls (`SIPDIS NOFORN STATE FOR NEA/IR`). */
function addOfficeLine(banner: Banner, line: Line): void {
  const lead = LEADING_CONTROLS.exec(line.text);
  if (!lead) {
    banner.officeLines.push(trimmedToken(line));
    return;
  }
  banner.controls.push(...controlTokens({ ...line, text: line.text.slice(0, lead[0].length) }, 0));
  const rest = line.text.slice(lead[0].length).trimEnd();
  if (rest) banner.officeLines.push(tokenAt(line, lead[0].length, rest));
}

/** The banner's classification with what its controls add: NOFORN, and SENSITIVE/FOUO for UNCLAS. */
export function bannerClassification(banner: Banner): Classification {
  const controls = banner.controls.map((c) => c.text.toUpperCase().replace(/ /g, ''));
  let level = banner.classification.level;
  const caveats = [...banner.classification.caveats];
  if (controls.includes('NOFORN') && !caveats.includes('NOFORN')) caveats.push('NOFORN');
  if (level === 'U' && controls.some((c) => c === 'SENSITIVE' || c === 'FOROFFICIALUSEONLY' || c === 'FOUO')) {
    level = 'SBU';
    caveats.push('FOUO');
  }
  return makeClassification(level, caveats);
}

/**
 * Upper-case lines between the banner and the caption (office lists that wrap, `CORRECTED COPY` notes)
 * stay with the banner, so a `NOFORN` after them is still read.
 */
export function isLooseBannerLine(banner: Banner, line: Line): boolean {
  const text = line.text.trim();
  if (!text || text.length > 120 || /[a-z]/.test(text)) return false;
  banner.officeLines.push(trimmedToken(line));
  return true;
}
