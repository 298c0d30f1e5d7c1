/**
 * The model's main objects, each made in one place with every field in one order, those a cable lacks set to
 * undefined: a field added only when present gives each combination of fields an object shape of its own, and the
 * rules, the outline and the hovers, which read every cable, then meet dozens of shapes at the same property.
 */
import type { Body, Cable, Caption, Paragraph, Range } from '../model';

export function newCable(range: Range, caption: Caption, body: Body): Cable {
  return {
    range,
    preamble: undefined,
    record: undefined,
    extractNote: undefined,
    extractDate: undefined,
    routing: undefined,
    banner: undefined,
    caption,
    body,
    refId: undefined,
    date: undefined,
    classification: undefined,
    origin: undefined,
    precedence: undefined,
    year: undefined,
  };
}

export function emptyCaption(): Caption {
  return { range: undefined, eo: undefined, tags: undefined, subject: undefined, refs: undefined, classifiedBy: undefined };
}

export function emptyBody(): Body {
  return {
    range: undefined,
    paragraphs: [],
    headings: [],
    spans: [],
    sectionBreaks: [],
    footers: [],
    signature: undefined,
    trailingClassification: undefined,
  };
}

/** A paragraph as `readParagraph` reads it; `title`, `markedWithin` and `withheldAfter` are set later when they hold. */
export function newParagraph(fields: Omit<Paragraph, 'title' | 'markedWithin' | 'withheldAfter'>): Paragraph {
  return {
    range: fields.range,
    number: fields.number,
    numberToken: fields.numberToken,
    pilcrow: fields.pilcrow,
    marking: fields.marking,
    markingPosition: fields.markingPosition,
    lead: fields.lead,
    headingIndex: fields.headingIndex,
    title: undefined,
    markedWithin: undefined,
    withheldAfter: undefined,
  };
}
