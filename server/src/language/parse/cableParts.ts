/**
 * One cable given twice or in parts within one file: a partial-extract preview followed by the full record,
 * a trailing copy of the header, or the sections of a long cable each under its own header (`SECTION 02 OF
 * 03`). Adjacent parts with the same ref id are one cable: the parts' fields are combined, the fuller part's
 * winning, and the bodies of sections that continue the numbering are joined.
 */
import type { Body, Cable, Caption } from '../model';
import { emptyBody, emptyCaption, newCable } from './modelShapes';

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
  const cable = newCable(
    { start: first.range.start, end: second.range.end },
    joinCaptions(main.caption, other.caption),
    continues ? joinBodies(first.body, second.body) : main.body,
  );
  cable.preamble = main.preamble ?? other.preamble;
  cable.record = main.record ?? other.record;
  cable.extractNote = first.extractNote ?? second.extractNote;
  cable.extractDate = main.extractDate ?? other.extractDate;
  cable.routing = main.routing?.de || !other.routing ? main.routing : other.routing;
  cable.banner = main.banner ?? other.banner;
  return cable;
}

/** Each caption field from the main part, else from the other one (the caption's range is derived again after). */
function joinCaptions(main: Caption, other: Caption): Caption {
  const caption = emptyCaption();
  caption.eo = main.eo ?? other.eo;
  caption.tags = main.tags ?? other.tags;
  caption.subject = main.subject?.text ? main.subject : (other.subject ?? main.subject);
  caption.refs = main.refs ?? other.refs;
  caption.classifiedBy = main.classifiedBy ?? other.classifiedBy;
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
  const body = emptyBody();
  body.range = first.range && second.range ? { start: first.range.start, end: second.range.end } : (first.range ?? second.range);
  body.paragraphs = [
    ...first.paragraphs,
    ...second.paragraphs.map((p) => ({ ...p, headingIndex: p.headingIndex < 0 ? p.headingIndex : p.headingIndex + shift })),
  ];
  body.headings = [...first.headings, ...second.headings];
  body.spans = [...first.spans, ...second.spans];
  body.sectionBreaks = [...first.sectionBreaks, ...second.sectionBreaks];
  body.footers = [...first.footers, ...second.footers];
  body.signature = second.signature ?? first.signature;
  body.trailingClassification = second.trailingClassification ?? first.trailingClassification;
  return body;
}
