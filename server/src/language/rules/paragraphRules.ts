/**
 * Paragraph rules (5xx): portion markings `(C)` against the cable's classification, paragraph numbers in
 * sequence, and `Summary`/`Comment` spans that are closed.
 */
import type { Cable, Level, Paragraph, Span } from '../model';
import { parseClassificationWords } from '../parse/classification';
import {
  allowedMarkings,
  cableLevel,
  classificationTier,
  everyMarking,
  levelWords,
  listWithOr,
  markingOf,
  needsPortionMarkings,
} from './cableFacts';
import type { NumberEdit, RenumberFix } from './fixData';
import { topLevelParagraphs } from './paragraphOutline';
import { carriesMarking, looksLikeMarking, marksEntireText, needsNoMarking } from './portionMarkings';
import type { CableRule } from './rule';

/** `¶5` or `paragraph 5`, as the cable numbers it. */
function paragraphLabel(paragraph: Paragraph): string {
  return paragraph.pilcrow ? `¶${paragraph.number}` : `Paragraph ${paragraph.number}`;
}

/** The cable's own paragraphs that should carry a marking and do not. */
function unmarkedParagraphs(cable: Cable): Paragraph[] {
  return topLevelParagraphs(cable.body.paragraphs).filter((p) => !carriesMarking(p) && !needsNoMarking(p));
}

/** The level whose markings the cable's paragraphs need, or undefined when they need none (or one marking covers all). */
function markedLevel(cable: Cable): Level | undefined {
  const level = cableLevel(cable);
  return needsPortionMarkings(level) && !marksEntireText(cable) ? level : undefined;
}

export const missingPortionMarkingRule: CableRule = {
  code: 'CBL501',
  name: 'missing-portion-marking',
  severity: 'warning',
  description: 'A paragraph without a portion marking such as `(C)` in a classified or SBU cable whose other paragraphs are marked.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const level = markedLevel(cable);
    if (!level) return;
    // A cable with no marking at all is reported once, by no-portion-markings.
    if (!cable.body.paragraphs.some(carriesMarking)) return;
    for (const paragraph of unmarkedParagraphs(cable)) {
      context.report({
        range: paragraph.numberToken.range,
        message: `${paragraphLabel(paragraph)} has no portion marking: expected one of ${listWithOr(allowedMarkings(level))} before the text, as this cable is ${levelWords(level)}.`,
        // Each level the cable allows, none preferred: which one the paragraph was is not in the text.
        fix: { fix: 'insert-marking', markings: allowedMarkings(level), lines: [paragraph.numberToken.range.start.line] },
      });
    }
  },
};

export const noPortionMarkingsRule: CableRule = {
  code: 'CBL502',
  name: 'no-portion-markings',
  severity: 'info',
  description: 'A classified or SBU cable none of whose paragraphs carries a portion marking (reported once).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const level = markedLevel(cable);
    if (!level || cable.body.paragraphs.some(carriesMarking)) return;
    const unmarked = unmarkedParagraphs(cable);
    if (unmarked.length < 2) return;
    context.report({
      range: unmarked[0].numberToken.range,
      message: `None of the ${unmarked.length} paragraphs has a portion marking, although this cable is ${levelWords(level)}: expected one of ${listWithOr(allowedMarkings(level))} after each paragraph number.`,
      fix: { fix: 'insert-marking', markings: allowedMarkings(level), lines: unmarked.map((p) => p.numberToken.range.start.line) },
    });
  },
};

export const unknownPortionMarkingRule: CableRule = {
  code: 'CBL503',
  name: 'unknown-portion-marking',
  severity: 'warning',
  description: 'A portion marking that is none of (U), (SBU), (C), (S), (TS) with known caveats (`(CC)`, `(Confidential)`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    for (const paragraph of cable.body.paragraphs) {
      const marking = paragraph.marking;
      if (!marking || marking.level || !looksLikeMarking(marking.text)) continue;
      const meant = parseClassificationWords(marking.text);
      const hint = meant ? ` (${markingOf(meant.level)} for ${marking.text})` : ', optionally with caveats as in (S//NF)';
      context.report({
        range: marking.range,
        message: `Unknown portion marking (${marking.text}): expected ${listWithOr(everyMarking())}${hint}.`,
      });
    }
  },
};

export const markingAboveClassificationRule: CableRule = {
  code: 'CBL504',
  name: 'marking-above-classification',
  severity: 'error',
  description: "A paragraph marked above the cable's classification (`(S)` in a CONFIDENTIAL cable).",
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const level = cableLevel(cable);
    if (!level) return;
    for (const paragraph of cable.body.paragraphs) {
      const marked = paragraph.marking?.level;
      if (!marked || classificationTier(marked) <= classificationTier(level)) continue;
      context.report({
        range: paragraph.marking!.range,
        message: `${paragraphLabel(paragraph)} is marked (${paragraph.marking!.text}), above this cable's classification ${levelWords(level)}: expected ${listWithOr(allowedMarkings(level))}, or a ${levelWords(marked)} cable.`,
      });
    }
  },
};

/** `¶4.` → `¶3.`: the paragraph's number token rewritten to `wanted`. */
function numberEdit(paragraph: Paragraph, wanted: number): NumberEdit {
  const token = paragraph.numberToken;
  return {
    range: token.range,
    expected: token.text,
    newText: token.text.replace(/\d+/, String(wanted)),
    from: paragraph.number,
    to: wanted,
    pilcrow: paragraph.pilcrow,
  };
}

/** The number edits that make the paragraphs run on from the first one's number. */
function renumberEdits(paragraphs: Paragraph[]): NumberEdit[] {
  const first = paragraphs[0]?.number ?? 1;
  return paragraphs.flatMap((paragraph, k) => (paragraph.number === first + k ? [] : [numberEdit(paragraph, first + k)]));
}

/** How `paragraph` breaks the sequence after `previous`: `repeats`, `goes back after` or `skips after`. */
function sequenceBreak(paragraph: Paragraph, previous: number): string {
  if (paragraph.number === previous) return 'repeats';
  return paragraph.number < previous ? 'goes back after' : 'skips after';
}

const numberLabel = (paragraph: Paragraph, n: number) => (paragraph.pilcrow ? `¶${n}` : `paragraph ${n}`);

export const paragraphNumberingRule: CableRule = {
  code: 'CBL505',
  name: 'paragraph-numbering',
  severity: 'warning',
  description: 'Paragraph numbers that skip or repeat (`¶4` after `¶2`); partial extracts, which leave paragraphs out, are spared.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    if (cable.extractNote) return;
    const paragraphs = topLevelParagraphs(cable.body.paragraphs);
    let edits: NumberEdit[] | undefined;
    let last = paragraphs[0]?.number ?? 0;
    for (let k = 1; k < paragraphs.length; k++) {
      const paragraph = paragraphs[k];
      // Paragraphs the publisher withheld whole (`XXXXXXXXXXXX` with their numbers) leave a gap that is no fault.
      const withheld = paragraphs[k - 1].withheldAfter ?? 0;
      if (paragraph.number === last + 1 || (paragraph.number > last && paragraph.number <= last + 1 + withheld)) {
        last = paragraph.number;
        continue;
      }
      const wanted = last + 1;
      // Between ¶6 and ¶8 a ¶9 can only be ¶7: the numbers on both sides prove it, so rewriting that one number
      // is a safe fix. Any other break (a gap, a repeat, a list that starts again at 1) may be a paragraph the
      // copy lost or a list of its own, so renumbering the rest is offered, never applied unasked.
      const proved = withheld === 0 && !paragraph.withheldAfter && paragraphs[k + 1]?.number === last + 2;
      // One stray number (`¶25` between `¶1` and `¶2`) is reported alone; the sequence goes on after it.
      const stray = !proved && paragraph.number !== last && paragraphs[k + 1]?.number === wanted;
      const message = proved
        ? `${paragraphLabel(paragraph)} is out of sequence between ${numberLabel(paragraph, last)} and ${numberLabel(paragraph, last + 2)}: expected ${numberLabel(paragraph, wanted)}.`
        : stray
          ? `${paragraphLabel(paragraph)} is out of sequence between ${numberLabel(paragraph, last)} and ${numberLabel(paragraph, wanted)}: expected ${numberLabel(paragraph, wanted)}.`
          : `${paragraphLabel(paragraph)} ${sequenceBreak(paragraph, last)} ${numberLabel(paragraph, last)}: expected ${numberLabel(paragraph, wanted)}.`;
      const fix: RenumberFix = proved
        ? { fix: 'renumber-paragraphs', edits: [numberEdit(paragraph, wanted)], safe: true }
        : { fix: 'renumber-paragraphs', edits: (edits ??= renumberEdits(paragraphs)) };
      context.report({ range: paragraph.numberToken.range, message, fix });
      if (proved) last = wanted;
      else if (!stray) last = paragraph.number;
    }
  },
};

/** True when the span starts a heading (`Summary` on its own line above the paragraphs), which needs no end. */
function startsHeading(cable: Cable, span: Span): boolean {
  return cable.body.headings.some((heading) => heading.range.start.line === span.start.range.start.line);
}

export const unclosedSummaryRule: CableRule = {
  code: 'CBL506',
  name: 'unclosed-summary',
  severity: 'info',
  description: '`Summary.` without `End Summary.`',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    for (const span of cable.body.spans) {
      if (span.kind !== 'summary' || span.end || startsHeading(cable, span)) continue;
      context.report({
        range: span.start.range,
        message: `'${span.start.text}' opens a summary that is never closed: expected 'End Summary.' where it ends.`,
      });
    }
  },
};

export const unclosedCommentRule: CableRule = {
  code: 'CBL507',
  name: 'unclosed-comment',
  severity: 'info',
  description: '`Comment:` left open when the next summary or comment starts (a closing comment may run to the end).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const spans = cable.body.spans;
    spans.forEach((span, k) => {
      const next = spans[k + 1];
      if (span.kind !== 'comment' || span.end || !next) return;
      context.report({
        range: span.start.range,
        message: `'${span.start.text}' opens a comment that is still open when '${next.start.text}' starts on line ${next.start.range.start.line + 1}: expected 'End Comment.' before it.`,
      });
    });
  },
};

export const PARAGRAPH_RULES: CableRule[] = [
  missingPortionMarkingRule,
  noPortionMarkingsRule,
  unknownPortionMarkingRule,
  markingAboveClassificationRule,
  paragraphNumberingRule,
  unclosedSummaryRule,
  unclosedCommentRule,
];
