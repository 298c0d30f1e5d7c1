/**
 * The classification banner `C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283` and the control and
 * office lines that follow it (`SIPDIS`, `NOFORN`, `DEPT FOR WHA/MEX`).
 */
import { getDictionaries } from '../dicts/dictionaries';
import type { Banner, Classification, Token } from '../model';
import { makeClassification, parseClassificationWords } from './classification';
import { lineOf, rangeOf, tokenAt, trimmedRange, trimmedToken, type Line } from './lines';
import { readBannerHead } from '../../../../shared/cableLines/bannerLine';

const { controls } = getDictionaries();
/** The controls written on the lines after the banner (the dictionary's; not FGI, a marking caveat only). */
const BANNER_CONTROLS = controls.list.filter((control) => control.banner);
/** Codes and spellings of those controls, longest first (`FOR OFFICIAL USE ONLY` before `FOUO`). */
const CONTROL_SPELLINGS = BANNER_CONTROLS.flatMap((control) => [control.code, ...control.spellings]).sort((a, b) => b.length - a.length);
/** A control as a pattern whose letters may close up (`E F T O`, `EFTO`). */
const controlPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' ?');
/**
 * Controls may be glued to the serial and to each other in scraped copies (`022025SIPDISNOFORN`); a short one
 * (`FOUO`, `SBU`, `EFTO`) or one of several words (`REL TO`, not in `QUARREL TO`) must stand as a word, or it
 * would be read inside other words.
 */
const tokenPattern = (text: string) =>
  text.includes(' ') || text.replace(/ /g, '').length < 5 ? `\\b${controlPattern(text)}\\b` : controlPattern(text);
/** A line of controls, or of one of the phrases that write a control among other words (`DEA SENSITIVE`); `PASS` is an instruction. */
const CONTROL_WORDS = new RegExp(
  `^(?:${[...CONTROL_SPELLINGS, ...BANNER_CONTROLS.flatMap((control) => control.phrases)].map(controlPattern).join('|')}|PASS [A-Z ]+)$`,
  'i',
);
/** The run of controls that opens a line before an office line: `SIPDIS NOFORN SIPDIS STATE FOR NEA/IR`. */
const LEADING_CONTROLS = new RegExp(String.raw`^\s*(?:(?:${CONTROL_SPELLINGS.map(controlPattern).join('|')})\b[\s,;]*){1,6}`, 'i');
const CONTROL_TOKEN = new RegExp(`(?:${CONTROL_SPELLINGS.map(tokenPattern).join('|')})`, 'gi');
/** With UNCLAS, a sensitive control makes the cable SBU, whose caveat is the sensitive one (FOUO: index.csv's `UNCLASSIFIED//FOR OFFICIAL USE ONLY`). */
const SENSITIVE_CAVEAT = controls.caveats.find((caveat) => caveat.sensitive);
/** `DEPT FOR WHA/MEX`, `NSC FOR SENIOR AFRICA DIRECTOR`, `DEPARTMENT PASS TO USTR`. */
const OFFICE_LINE = /^\s*[A-Z][A-Z0-9/&.,' -]{0,60}\s(?:FOR|PASS(?: TO)?|ALSO FOR)\s+\S/;
/** Old cables' release stamp: `Declassified/Released US Department of State EO Systematic Review 05 JUL 2006`. */
const RELEASE_STAMP = /^\s*(?:Declassified\/Released|Systematic Review)\b/;

/**
 * Reads the banner line, or undefined when `line` is no banner. Its head (classification, section, post,
 * serial) is read by `readBannerHead` in `shared/cableLines/bannerLine.ts`, as the cable detector reads it.
 */
export function parseBannerLine(line: Line): Banner | undefined {
  const head = readBannerHead(line.text);
  if (!head) return undefined;
  const classification = parseClassificationWords(head.word);
  if (!classification) return undefined;
  const banner: Banner = {
    range: trimmedRange(line),
    classificationToken: tokenAt(line, head.classification.start, head.classification.text),
    classification,
    letterSpaced: head.letterSpaced,
    controls: [],
    officeLines: [],
  };
  if (head.section) banner.section = { n: head.section.n, m: head.section.m, range: rangeOf(line, head.section.start, head.section.end) };
  if (head.post) banner.post = tokenAt(line, head.post.start, head.post.text);
  if (head.serial) banner.serial = tokenAt(line, head.serial.start, head.serial.text);
  banner.controls.push(...controlTokens(line, head.controlsFrom));
  return banner;
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
  banner.controls.push(...controlTokens(lineOf(line.index, line.text.slice(0, lead[0].length), line.offset), 0));
  const rest = line.text.slice(lead[0].length).trimEnd();
  if (rest) banner.officeLines.push(tokenAt(line, lead[0].length, rest));
}

/** The banner's classification with what its controls add: caveats (NOFORN), and SBU for UNCLAS with SENSITIVE or FOUO. */
export function bannerClassification(banner: Banner): Classification {
  const read = banner.controls.map((c) => controls.lookup(c.text)).filter((control) => control !== undefined);
  let level = banner.classification.level;
  const caveats = [...banner.classification.caveats];
  for (const control of read) if (control.markings.length && !caveats.includes(control.code)) caveats.push(control.code);
  if (level === 'U' && read.some((control) => control.sensitive)) {
    level = 'SBU';
    if (SENSITIVE_CAVEAT && !caveats.includes(SENSITIVE_CAVEAT.code)) caveats.push(SENSITIVE_CAVEAT.code);
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
