/**
 * The body: numbered paragraphs with portion markings, free-standing headings, Summary/Comment spans,
 * section-break lines, footers, the signature and a trailing classification line.
 * Two passes: line kinds first, then paragraphs and heading blocks, which need to see what follows.
 */
import type { Body, Heading, Level, Paragraph, PortionMarking, Range, SectionBreak, Token } from '../model';
import { LEVEL_MARKINGS, LEVEL_SPELLINGS, parseClassificationWords, parsePortionMarking, writtenCaveatsOf } from './classification';
import { emptyBody, newParagraph } from './modelShapes';
import { findSpans } from './spans';
import {
  isBlank,
  isDigitCode,
  isLowerCode,
  isUpperCode,
  isWhiteSpaceCode,
  lastContentIndex,
  rangeOf,
  tokenAt,
  trimmedRange,
  trimmedToken,
  type Line,
} from './lines';

export type Kind = 'blank' | 'paragraph' | 'break' | 'pageClass' | 'footer' | 'dashes' | 'text';

/** A paragraph number at a line start: `4. `, `¶4.(C)`, `4.Carry-on` (no space before a capital), `¶6. xxxx`;
 * not `5.html` nor a list letter glued on (`3.I) Date …` continues a lettered list). */
const PARAGRAPH = /^(\s*)(¶\s*)?(\d{1,3})\s*\.(?=\s|\(|$|[A-Z"'](?!\)))/;
const MARKING = /^(\s*)\(\s*([A-Za-z][A-Za-z/ ,]{0,39}?)\s*\)/;
/** `(C)`, `(SBU)`, `(S//NF)`, `(u)`, `(s/nf)` right after a paragraph number. */
const MARKED_AFTER_NUMBER = new RegExp(String.raw`^\s*\((?:${LEVEL_MARKINGS})(?:\/|\))`, 'i');
/** `MEXICO 00000283 002 OF 003`, and pages within a section: `CARACAS 00002367 001.2 OF 004`, or the page mark alone `004.2 OF 004`. */
const SECTION_BREAK = /^\s*(?:[A-Z][A-Za-z .'-]{1,40}\s+\d{6,10}\s+)?\d{1,3}(?:\.\d{1,3})?\s+OF\s+\d{1,3}\s*$/;
const PAGE_LINE = /^\s*PAGE\s+\d{1,3}\s+\S/;
/** A page's classification line: a level's spelling (the dictionary's) or any letter-spaced word, a caveat, a page tracking number. */
const PAGE_CLASSIFICATION = new RegExp(String.raw`^\s*(?:${LEVEL_SPELLINGS}|(?:[A-Za-z] ){3,}[A-Za-z])(?:\/\/[A-Z ]+)?\s*(?:PTQ\d+)?\s*$`);
const FOOTER = /^\s*Visit\b.{0,80}\b(?:Classified|Web\s*Site|Website|Intellipedia)/i;
const DASHES = /^\s*[-=_*]{3,}\s*$/;
const TRAILING_DASHES = /\s+-{3,}\s*$/;
const SECTION_NUMBERS = /(\d{1,3})(?:\.(\d{1,3}))?\s+OF\s+(\d{1,3})\s*$/;
/** A line cut off mid-sentence ends in a small letter, a digit, a comma or a hyphen (`… Friday, October`). */
function endsMidSentence(text: string): boolean {
  // The last character other than white space decides: no regex scan of a long line from its start.
  const code = text.charCodeAt(lastContentIndex(text));
  return isLowerCode(code) || isDigitCode(code) || code === 44 || code === 45;
}
/** A line ending on the word for a paragraph, whose number the next line carries (`… see para` / `6. During …`). */
const PARA_WORD_END = /\b(?:paras?|paragraphs?|PARAS?|PARAGRAPHS?|Paras?|Paragraphs?)\s*$/;
/** The text after a number starts with a small letter: `010. percent`, `5.html`. */
const LOWER_START = /^\s*[a-z]/;

const SIGNATURE = /^\s*[A-Z][A-Za-z'.-]{1,24}(?:\s+[A-Z][A-Za-z'.-]{0,24}){0,3}\s*$/;
const NOT_SIGNATURE = /^\s*(?:SIPDIS|NOFORN|NNNN|END|BT|UNQUOTE|SENSITIVE|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|NOTE|CORRECTED COPY)\b/i;

/**
 * True when `text`, the first line of a body, starts a numbered paragraph as a reader sees one without
 * context: a number and a dot at the line start (`4.`, `¶4.(C)`, `4.Carry-on`), not a wrapped figure
 * (`010. percent`) or a decimal (`2.7 million`).
 */
export function startsParagraph(text: string): boolean {
  const head = text.length > 400 ? text.slice(0, 400) : text;
  const match = PARAGRAPH.exec(head);
  if (!match) return false;
  return !(LOWER_START.test(head.slice(match[0].length, match[0].length + 4)) && match[3].startsWith('0'));
}

/** What the reader has seen before a line that opens with a number: the paragraphs so far and the line above. */
interface NumberContext {
  /** Number of the last paragraph, and the highest so far (a list restarting at 1 does not hide the sequence). */
  last: number;
  highest: number;
  /** The content line just above (past a page break, which cuts a sentence as a line break does), if adjacent. */
  above: string | undefined;
  /** True when the line above is itself a continuation: a full line or one under another content line. */
  aboveContinues: boolean;
  /** True when the last content line, even past a blank line, ends by pointing at a paragraph (`… see para`). */
  afterParaWord: boolean;
}

/**
 * Whether a numbered line starts a paragraph, judged as a reader does: a number that follows the previous
 * paragraph's, or carries a marking, starts one; a number out of sequence right under a line cut off
 * mid-sentence (`… Friday, October` / `17. The committee …`) or before a small letter (`010. percent`) is
 * the sentence running on.
 */
function isWrappedNumber(text: string, match: RegExpExecArray, inSequence: boolean, context: NumberContext): boolean {
  const after = text.slice(match[0].length, match[0].length + 12);
  if (MARKED_AFTER_NUMBER.test(after)) return false;
  if (LOWER_START.test(after) && (!inSequence || match[3].startsWith('0'))) return true;
  if (inSequence) return false;
  if (context.afterParaWord) return true;
  if (context.above === undefined) return false;
  return context.aboveContinues && endsMidSentence(context.above);
}

/**
 * The kind a non-blank line's own shape gives it: dashes, a section or page break, a page's classification
 * line, a footer, or text. Each pattern opens with `^\s*` and a known character, so the first character
 * `first` spares the patterns that cannot match.
 */
function kindByPattern(text: string, first: number): Kind {
  if ((first === 45 || first === 61 || first === 95 || first === 42) && DASHES.test(text)) return 'dashes';
  if ((isUpperCode(first) || isDigitCode(first)) && endsWithDigit(text) && SECTION_BREAK.test(text)) return 'break';
  if (first === 80 && PAGE_LINE.test(text)) return 'break';
  if ((isUpperCode(first) || isLowerCode(first)) && PAGE_CLASSIFICATION.test(text)) return 'pageClass';
  if ((first === 86 || first === 118) && FOOTER.test(text)) return 'footer';
  return 'text';
}

/** A rule of dashes, equals signs, underscores or stars alone on its line. */
export function isDashedLine(text: string): boolean {
  return DASHES.test(text);
}

/** A section or page marker alone on its line: `MEXICO 00000283 002 OF 003`, `004.2 OF 004`. */
export function isSectionBreakLine(text: string): boolean {
  return SECTION_BREAK.test(text);
}

/** A paragraph number opens with a digit or `¶`. */
function mayStartParagraph(first: number): boolean {
  return isDigitCode(first) || first === 0xb6;
}

/** Classifies each body line; the first paragraph's style (with or without ¶) keeps list items inside ¶-numbered cables out of the paragraphs. */
function lineKinds(lines: Line[], from: number, to: number): Kind[] {
  const kinds: Kind[] = [];
  let pilcrowStyle: boolean | undefined;
  const context: NumberContext = { last: 0, highest: 0, above: undefined, aboveContinues: false, afterParaWord: false };
  // The last content line; whether a blank or dashed line parts it from here (blank lines around a page
  // break belong to the break: `…, October` / page mark / `17. The …` is one sentence); whether it ran on from the line above it.
  let lastContent = -1;
  let parted = false;
  let blankRun = false;
  let afterPage = false;
  let contentBefore = false;
  for (let i = from; i < to; i++) {
    const text = lines[i].text;
    const first = lines[i].first;
    let kind: Kind = first < 0 ? 'blank' : text.length > 400 ? 'text' : kindByPattern(text, text.charCodeAt(first));
    if (kind === 'text' && mayStartParagraph(text.charCodeAt(first))) {
      const match = PARAGRAPH.exec(text.length > 400 ? text.slice(0, 400) : text);
      if (match) {
        const pilcrow = match[2] !== undefined;
        const previous = kinds[kinds.length - 1];
        const afterBreak = previous === undefined || previous !== 'text';
        const marked = MARKED_AFTER_NUMBER.test(text.slice(match[0].length, match[0].length + 12));
        context.above = !parted && !blankRun && lastContent >= 0 ? lines[lastContent].text : undefined;
        context.aboveContinues = contentBefore || (context.above !== undefined && context.above.trim().length >= 50);
        context.afterParaWord = lastContent >= 0 && PARA_WORD_END.test(lines[lastContent].text.slice(-24));
        const n = +match[3];
        const inSequence = n === context.last + 1 || n === context.highest + 1;
        if (!isWrappedNumber(text, match, inSequence, context)) {
          const style = pilcrowStyle ?? pilcrow;
          // Without a blank line, a number in sequence under a finished sentence still starts a paragraph (`slower.` / `6.Other …`).
          const runsOn = !afterBreak && inSequence && context.above !== undefined && !endsMidSentence(context.above);
          if (pilcrow || ((!style || marked) && (afterBreak || runsOn))) {
            kind = 'paragraph';
            pilcrowStyle ??= pilcrow;
            context.last = n;
            context.highest = Math.max(context.highest, n);
          }
        }
      }
    }
    kinds.push(kind);
    if (kind === 'text' || kind === 'paragraph' || kind === 'footer') {
      contentBefore = !parted && !blankRun && lastContent >= 0;
      lastContent = i;
      parted = blankRun = afterPage = false;
    } else if (kind === 'blank') {
      if (!afterPage) blankRun = true;
    } else if (kind === 'dashes') {
      parted = true;
    } else {
      blankRun = false;
      afterPage = true;
    }
  }
  return kinds;
}

/** `C)`, `SBU)`: a marking whose opening parenthesis was lost. */
const HALF_MARKING = new RegExp(String.raw`^(\s*)((?:${LEVEL_MARKINGS}))\)`);

function readMarking(line: Line, at: number): PortionMarking | undefined {
  const head = line.text.slice(at, at + 60);
  const match = MARKING.exec(head);
  if (!match) {
    const half = HALF_MARKING.exec(head);
    if (!half) return undefined;
    const start = at + half[1].length;
    const { level, caveats } = parsePortionMarking(half[2]);
    return marking(rangeOf(line, start, start + half[2].length + 1), half[2], level, caveats);
  }
  const start = at + match[1].length;
  const inside = match[2];
  const { level, caveats } = parsePortionMarking(inside);
  // `(sbu)`, `(s/nf)`, `(u)`, `( C )` are markings; a lower-case word in parentheses (`(see below)`) is not.
  // A lone letter that lists also use (`(c)` after `(b)`) is judged with its neighbours, in `dropListLetters`.
  if (/[a-z]/.test(inside) && level === undefined && !parseClassificationWords(inside)) return undefined;
  return marking(rangeOf(line, start, start + match[0].length - match[1].length), inside.trim(), level, caveats);
}

/**
 * A marking, with its caveats as written when it is a known one with caveats (they line up with `caveats`, one
 * for one). Built in one literal, so markings with and without written caveats are two shapes, not one per path.
 */
function marking(range: Range, text: string, level: Level | undefined, caveats: string[]): PortionMarking {
  return level && caveats.length
    ? { range, text, level, caveats, writtenCaveats: writtenCaveatsOf(text) }
    : { range, text, level, caveats };
}

function readParagraph(line: Line, headingIndex: number): Paragraph {
  const match = PARAGRAPH.exec(line.text.slice(0, 400))!;
  const start = match[1].length;
  const numberEnd = match[0].length;
  const numberToken = tokenAt(line, start, line.text.slice(start, numberEnd));
  const marking = readMarking(line, numberEnd);
  const textStart = marking ? marking.range.end.character - line.offset : numberEnd;
  const rest = line.text.slice(textStart, textStart + 120).trim();
  let insertAt = numberEnd;
  while (isWhiteSpaceCode(line.text.charCodeAt(insertAt))) insertAt++;
  return newParagraph({
    range: trimmedRange(line),
    number: +match[3],
    numberToken,
    pilcrow: match[2] !== undefined,
    marking,
    markingPosition: rangeOf(line, Math.min(insertAt, line.text.length), 0).start,
    lead: firstWords(rest, 8),
    headingIndex,
  });
}

/**
 * The first `count` words of a trimmed text, one space apart. One walk over the characters: a regex for uneven
 * white space (`\s\s|[^\S ]`) cost more than the walk, on every paragraph.
 */
function firstWords(text: string, count: number): string {
  let words = '';
  let taken = 0;
  let i = 0;
  while (i < text.length && taken < count) {
    let end = i;
    while (end < text.length && !isWhiteSpaceCode(text.charCodeAt(end))) end++;
    words = taken++ ? `${words} ${text.slice(i, end)}` : text.slice(i, end);
    i = end;
    while (i < text.length && isWhiteSpaceCode(text.charCodeAt(i))) i++;
  }
  return words;
}

/** `-- (C) …`, `A. (S/NF) …`, `¶B. (SBU) …`, `(C) The …`: a line inside a paragraph that carries its own marking. */
const INNER_MARKING = new RegExp(
  String.raw`^\s*(?:[-–•*]+\s*|¶?\s*[A-Za-z]\s*[.)]\s*|\(\s*[a-z0-9]\s*\)\s*)?\((?:${LEVEL_MARKINGS})(?:\s*\/\/?\s*[A-Z]{2,8})*\)`,
);

/** A whole paragraph withheld by the publisher, number and all: `XXXXXXXXXXXX` alone on its line. */
const WITHHELD_LINE = /^\s*X{6,}\.?\s*$/;

function carriesInnerMarking(text: string): boolean {
  const paren = text.indexOf('(');
  return paren >= 0 && paren < 12 && INNER_MARKING.test(text.slice(0, 60));
}

/** A numbered title: a few words with no sentence end, alone on the line, above a blank or dashed line. */
function isTitleLine(paragraph: Paragraph, line: Line, next: Kind | undefined): boolean {
  if (paragraph.marking || (next !== 'blank' && next !== 'dashes' && next !== undefined)) return false;
  const rest = line.text.slice(paragraph.numberToken.range.end.character - line.offset).trim();
  if (!rest || rest.length > 80 || /[.!?,;]$/.test(rest)) return false;
  return rest.split(/\s+/).length <= 8;
}

function endsWithDigit(text: string): boolean {
  return isDigitCode(text.charCodeAt(lastContentIndex(text)));
}

/** A heading's text without `SIPDIS` lines and the dashes some cables underline it with on the same line. */
function readHeading(lines: Line[], start: number, end: number): Heading {
  const parts = lines.slice(start, end).map((l) => l.text.replace(TRAILING_DASHES, '').trim());
  const text = parts.filter((t) => t !== 'SIPDIS').join(' ');
  const last = lines[end - 1];
  const lastEnd = last.text.replace(TRAILING_DASHES, '').trimEnd().length;
  const range = { start: trimmedRange(lines[start]).start, end: rangeOf(last, lastEnd, lastEnd).end };
  // Its paragraphs are grouped once the cable is whole (`groupHeadingSections`).
  return { range, text, paragraphIndexes: [], sectionRange: range };
}

/** A block of 1–3 short lines standing alone that reads like a title, not a sentence. */
function isHeadingText(block: Line[]): boolean {
  const text = block
    .map((l) => l.text.trim())
    .filter((t) => t !== 'SIPDIS')
    .join(' ');
  if (!text || text.length > 160 || block.length > 3) return false;
  if (!/^[A-Z0-9"'(]/.test(text) || /[.,;]$/.test(text)) return false;
  if (/^(END|BEGIN)\b/i.test(text) || (NOT_SIGNATURE.test(text) && text.split(/\s+/).length === 1)) return false;
  return text.split(/\s+/).length <= 20;
}

/** Parses `lines[from..to)` as a cable body. */
export function parseBody(lines: Line[], from: number, to: number): Body {
  const body = emptyBody();
  if (from >= to) return body;
  const kinds = lineKinds(lines, from, to);
  const kindAt = (i: number) => kinds[i - from];
  let lastContent = -1;
  let current: Paragraph | undefined;
  const closeParagraph = () => {
    if (current && lastContent >= 0) current.range = { start: current.range.start, end: trimmedRange(lines[lastContent]).end };
    current = undefined;
  };

  for (let i = from; i < to; i++) {
    const kind = kindAt(i);
    const line = lines[i];
    if (kind === 'blank' || kind === 'dashes') continue;
    if (kind === 'break' || kind === 'pageClass') {
      body.sectionBreaks.push(sectionBreakToken(line));
      continue;
    }
    if (kind === 'footer') {
      closeParagraph();
      let j = i;
      while (j + 1 < to && kindAt(j + 1) === 'text') j++;
      body.footers.push({
        text: lines
          .slice(i, j + 1)
          .map((l) => l.text.trim())
          .join(' '),
        range: { start: trimmedRange(lines[i]).start, end: trimmedRange(lines[j]).end },
      });
      lastContent = j;
      i = j;
      continue;
    }
    if (kind === 'paragraph') {
      closeParagraph();
      current = readParagraph(line, body.headings.length - 1);
      if (isTitleLine(current, line, kinds[i + 1 - from])) current.title = true;
      body.paragraphs.push(current);
      lastContent = i;
      continue;
    }
    if (current && !current.markedWithin && carriesInnerMarking(line.text)) current.markedWithin = true;
    if (current && isBlank(lines[i - 1]) && WITHHELD_LINE.test(line.text)) current.withheldAfter = (current.withheldAfter ?? 0) + 1;
    const block = headingBlockAt(lines, kinds, from, to, i);
    if (block) {
      closeParagraph();
      body.headings.push(readHeading(lines, i, block.end));
      lastContent = block.end - 1;
      i = block.end - 1;
      continue;
    }
    lastContent = i;
  }
  closeParagraph();
  dropListLetters(body.paragraphs, lines);
  // Page-classification lines at the very end close the cable rather than break it.
  const lastBreak = body.sectionBreaks[body.sectionBreaks.length - 1];
  if (lastBreak && lastBreak.range.start.line > lastContentLine(body) && PAGE_CLASSIFICATION.test(lines[lastBreak.range.start.line].text)) {
    body.trailingClassification = body.sectionBreaks.pop();
  }
  body.signature = findSignature(lines, kinds, from, to, body);
  if (body.signature) trimParagraphBefore(body, body.signature, lines);
  body.spans = findSpans(lines, kinds, from, body);
  const first = firstNonBlank(lines, from, to);
  const last = lastNonBlank(lines, from, to);
  if (first !== undefined && last !== undefined)
    body.range = { start: trimmedRange(lines[first]).start, end: trimmedRange(lines[last]).end };
  return body;
}

const LIST_LETTER = /^\s*\(\s*([a-z])\s*\)/;

/** The lone small letter in parentheses right after a paragraph's number (`¶39. (b) …`), if any. */
function listLetterOf(paragraph: Paragraph, lines: Line[]): string | undefined {
  const line = lines[paragraph.numberToken.range.start.line];
  const at = paragraph.numberToken.range.end.character - line.offset;
  return LIST_LETTER.exec(line.text.slice(at, at + 8))?.[1];
}

/**
 * `(c)`, `(s)`, `(u)` read as markings are list letters where a list is evident: the paragraph before
 * carries the letter before (`(b)` … `(c)`) or the one after carries the next letter.
 */
function dropListLetters(paragraphs: Paragraph[], lines: Line[]) {
  let letters: Array<string | undefined> | undefined;
  paragraphs.forEach((paragraph, k) => {
    const text = paragraph.marking?.text;
    if (!text || text.length !== 1 || text === text.toUpperCase()) return;
    letters ??= paragraphs.map((p) => listLetterOf(p, lines));
    const code = text.charCodeAt(0);
    const before = letters[k - 1]?.charCodeAt(0);
    const after = letters[k + 1]?.charCodeAt(0);
    if (before === code - 1 || after === code + 1) paragraph.marking = undefined;
  });
}

function lastContentLine(body: Body): number {
  const ends = [
    ...body.paragraphs.map((p) => p.range.end.line),
    ...body.headings.map((h) => h.range.end.line),
    ...body.footers.map((f) => f.range.end.line),
  ];
  return ends.length ? Math.max(...ends) : -1;
}

function sectionBreakToken(line: Line): SectionBreak {
  const token = trimmedToken(line);
  const numbers = SECTION_NUMBERS.exec(token.text);
  if (!numbers) {
    const classification = parseClassificationWords(token.text);
    return classification ? { text: token.text, range: token.range, classification } : token;
  }
  const { text, range } = token;
  return numbers[2] ? { text, range, n: +numbers[1], m: +numbers[3], page: +numbers[2] } : { text, range, n: +numbers[1], m: +numbers[3] };
}

/**
 * A heading block starts at `i` after a blank or dashed line, runs to the next blank line, and is followed
 * (past blank and dashed lines) by a paragraph start — or is underlined with dashes.
 */
function headingBlockAt(lines: Line[], kinds: Kind[], from: number, to: number, i: number): { end: number } | undefined {
  const before = i > from ? kinds[i - 1 - from] : 'blank';
  if (before !== 'blank' && before !== 'dashes' && before !== 'break' && before !== 'pageClass') return undefined;
  let end = i;
  while (end < to && kinds[end - from] === 'text' && end - i < 4) end++;
  if (end - i > 3) return undefined;
  let next = end;
  let dashed = false;
  while (next < to && (kinds[next - from] === 'blank' || kinds[next - from] === 'dashes')) {
    if (kinds[next - from] === 'dashes') dashed = true;
    next++;
  }
  const followedByParagraph = next < to && kinds[next - from] === 'paragraph';
  if (!followedByParagraph && !(dashed && before === 'dashes')) return undefined;
  return isHeadingText(lines.slice(i, end)) ? { end } : undefined;
}

function findSignature(lines: Line[], kinds: Kind[], from: number, to: number, body: Body): Token | undefined {
  for (let i = to - 1; i >= from; i--) {
    const kind = kinds[i - from];
    if (kind === 'blank' || kind === 'dashes' || kind === 'pageClass') continue;
    if (kind !== 'text') return undefined;
    const text = lines[i].text;
    if (!SIGNATURE.test(text) || NOT_SIGNATURE.test(text) || text.trim().length > 40 || text.trimEnd().endsWith('...')) return undefined;
    const before = i > from ? kinds[i - 1 - from] : 'blank';
    if (before !== 'blank' && before !== 'dashes') return undefined;
    if (body.headings.some((h) => h.range.start.line === i)) return undefined;
    return trimmedToken(lines[i]);
  }
  return undefined;
}

function trimParagraphBefore(body: Body, signature: Token, lines: Line[]) {
  const last = body.paragraphs[body.paragraphs.length - 1];
  if (!last || last.range.end.line < signature.range.start.line) return;
  let line = signature.range.start.line - 1;
  while (line > last.range.start.line && isBlank(lines[line])) line--;
  last.range = { start: last.range.start, end: trimmedRange(lines[line]).end };
}

function firstNonBlank(lines: Line[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!isBlank(lines[i])) return i;
  return undefined;
}

function lastNonBlank(lines: Line[], from: number, to: number): number | undefined {
  for (let i = to - 1; i >= from; i--) if (!isBlank(lines[i])) return i;
  return undefined;
}
