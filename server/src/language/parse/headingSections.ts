/**
 * Each free-standing heading with the paragraphs under it and the range they cover together, as the outline
 * and folding show it: `Encourage Better Inter-Institutional Cooperation` above `¶3.` and `¶4.` spans to the end of `¶4`.
 */
import type { Body, Heading } from '../model';

/** Groups the body's paragraphs under their headings; run once the body is whole (joined parts included). */
export function groupHeadingSections(body: Body): void {
  const under = body.headings.map((): number[] => []);
  body.paragraphs.forEach((paragraph, index) => under[paragraph.headingIndex]?.push(index));
  body.headings = body.headings.map((heading, index) => withSection(heading, under[index], body));
}

function withSection(heading: Heading, paragraphIndexes: number[], body: Body): Heading {
  const last = body.paragraphs[paragraphIndexes[paragraphIndexes.length - 1]];
  const sectionRange = last ? { start: heading.range.start, end: last.range.end } : heading.range;
  return { ...heading, paragraphIndexes, sectionRange };
}
