/**
 * One cable given twice or in parts within one file: a partial-extract preview followed by the full record,
 * a trailing copy of the header, or the sections of a long cable each under its own header (`SECTION 02 OF
 * 03`). Adjacent parts with the same ref id are one cable: the parts' fields are combined, the fuller part's
 * winning, and the bodies of sections that continue the numbering are joined.
 */
import type { Body, Cable, Caption } from '../model';

/** Joins adjacent cables that are parts of one; `derive` recomputes a joined cable's values. */
export function joinCableParts(cables: Cable[], derive: (cable: Cable) => void): Cable[] {
  const joined: Cable[] = [];
  for (const cable of cables) joinNextPart(joined, cable, derive);
  return joined;
}

/** One step of `joinCableParts`: `cable` joins the last of `joined` when it is a part of it, else is appended as it is. */
export function joinNextPart(joined: Cable[], cable: Cable, derive: (cable: Cable) => void): void {
  const previous = joined[joined.length - 1];
  if (previous && samecable(previous, cable)) {
    joined[joined.length - 1] = joinTwo(previous, cable);
    derive(joined[joined.length - 1]);
  } else joined.push(cable);
}

/** True when `b` is a part of the cable `a` (both carry the same ref id), so `joinCableParts` joins them. */
export function samecable(a: Cable, b: Cable): boolean {
  return a.refId !== undefined && b.refId !== undefined && a.refId.value.text === b.refId.value.text;
}

/** How much of a cable a part holds: its caption fields and its paragraphs. */
function weight(cable: Cable): number {
  const captionFields = Object.values(cable.caption).filter((v) => v !== undefined).length;
  return captionFields * 10 + cable.body.paragraphs.length;
}

function joinTwo(first: Cable, second: Cable): Cable {
  const continues = continuesNumbering(first.body, second.body);
  const [main, other] = continues || weight(first) >= weight(second) ? [first, second] : [second, first];
  return {
    range: { start: first.range.start, end: second.range.end },
    preamble: main.preamble ?? other.preamble,
    record: main.record ?? other.record,
    extractNote: first.extractNote ?? second.extractNote,
    extractDate: main.extractDate ?? other.extractDate,
    routing: main.routing?.de || !other.routing ? main.routing : other.routing,
    banner: main.banner ?? other.banner,
    caption: joinCaptions(main.caption, other.caption),
    body: continues ? joinBodies(first.body, second.body) : main.body,
  };
}

/** Each caption field from the main part, else from the other one (the caption's range is derived again after). */
function joinCaptions(main: Caption, other: Caption): Caption {
  const caption: Caption = {
    eo: main.eo ?? other.eo,
    tags: main.tags ?? other.tags,
    subject: main.subject?.text ? main.subject : (other.subject ?? main.subject),
    refs: main.refs ?? other.refs,
    classifiedBy: main.classifiedBy ?? other.classifiedBy,
  };
  for (const key of Object.keys(caption) as Array<keyof Caption>) if (caption[key] === undefined) delete caption[key];
  return caption;
}

/** A later section goes on where the earlier one stopped (`¶9` then `¶10`); a copy starts again at `¶1`. */
function continuesNumbering(first: Body, second: Body): boolean {
  const last = first.paragraphs[first.paragraphs.length - 1];
  const next = second.paragraphs[0];
  return last !== undefined && next !== undefined && next.number > last.number;
}

function joinBodies(first: Body, second: Body): Body {
  const shift = first.headings.length;
  return {
    range: first.range && second.range ? { start: first.range.start, end: second.range.end } : (first.range ?? second.range),
    paragraphs: [
      ...first.paragraphs,
      ...second.paragraphs.map((p) => ({ ...p, headingIndex: p.headingIndex < 0 ? p.headingIndex : p.headingIndex + shift })),
    ],
    headings: [...first.headings, ...second.headings],
    spans: [...first.spans, ...second.spans],
    sectionBreaks: [...first.sectionBreaks, ...second.sectionBreaks],
    footers: [...first.footers, ...second.footers],
    signature: second.signature ?? first.signature,
    trailingClassification: second.trailingClassification ?? first.trailingClassification,
  };
}
