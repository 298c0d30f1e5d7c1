/**
 * Which paragraphs carry a portion marking and which need none, as real cables write them: older cables mark
 * the whole text once (`¶1. SECRET - ENTIRE TEXT.`), published copies withhold paragraphs as `XXXXXXXXXXXX`,
 * and some cables number their section titles (`¶5. WMD Proliferation Financing Issues`).
 */
import type { Cable, Paragraph } from '../model';
import { parseClassificationWords } from '../parse/classification';

/** A parenthesis meant as a marking (`(CC)`, `(S/NFF)`, `(Confidential)`), not a topic or an aside (`(Afghanistan)`). */
export function looksLikeMarking(text: string): boolean {
  return /^[A-Z][A-Z/ ]{0,11}$/.test(text) || parseClassificationWords(text) !== undefined;
}

const ENTIRE_PARAGRAPH = /\bENTIRE\s+(?:PARAGRAPH|TEXT)\b/i;

/**
 * True when the paragraph carries a marking: a known one, an attempt at one, `(CONFIDENTIAL -- ENTIRE PARAGRAPH)`,
 * or markings on its own items (`¶10. Conclusions:` then `-- (C) …`).
 */
export function carriesMarking(paragraph: Paragraph): boolean {
  const marking = paragraph.marking;
  if (paragraph.markedWithin) return true;
  if (marking && (marking.level !== undefined || looksLikeMarking(marking.text))) return true;
  return ENTIRE_PARAGRAPH.test(paragraph.lead);
}

/** True when the first paragraph marks the whole cable at once (`¶1. (C - ENTIRE TEXT).`). */
export function marksEntireText(cable: Cable): boolean {
  const first = cable.body.paragraphs[0];
  return first !== undefined && /\bENTIRE\s+TEXT\b/i.test(`${first.marking?.text ?? ''} ${first.lead}`);
}

/** Published copies replace a withheld paragraph, marking included, by `XXXXXXXXXXXX`. */
function isWithheld(paragraph: Paragraph): boolean {
  return /^X{6,}/i.test(paragraph.lead);
}

/** A numbered title on one line (`¶2. Afghanistan`, `¶7. OSAC CRIME SAFETY REPORT:`): no sentence, so no portion of text. */
function isNumberedTitle(paragraph: Paragraph): boolean {
  if (paragraph.title) return true;
  const words = paragraph.lead.split(/\s+/).filter(Boolean);
  return paragraph.range.start.line === paragraph.range.end.line && words.length <= 6 && !/[.!?]$/.test(paragraph.lead);
}

/** Older cables put the classification authority in the first paragraph (`¶1. CLASSIFIED BY …`). */
export function isClassifiedByParagraph(paragraph: Paragraph): boolean {
  return /^(?:\([A-Z]+\)\s*)?CLASSIFIED\s+BY\b/i.test(paragraph.lead);
}

/** True when the paragraph needs no marking of its own. */
export function needsNoMarking(paragraph: Paragraph): boolean {
  return isWithheld(paragraph) || isNumberedTitle(paragraph) || isClassifiedByParagraph(paragraph);
}
