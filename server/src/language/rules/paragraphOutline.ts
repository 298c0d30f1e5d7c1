/**
 * Which numbered paragraphs are the cable's own (`¶4. (C) …`) and which are items of a numbered list inside
 * one: published copies number both alike, so a list restarting at 1 would otherwise read as paragraphs that
 * repeat, and its items as paragraphs without a marking.
 */
import type { Paragraph } from '../model';
import { carriesMarking } from './portionMarkings';

export interface OutlinedParagraph {
  paragraph: Paragraph;
  /** True for an item of a list inside a paragraph (numbered 1, 2, … again, without a marking). */
  listItem: boolean;
}

/**
 * A marked paragraph is always a paragraph. An unmarked one is a list item when it starts a list (numbered 1
 * after the first paragraph) or continues one; otherwise it is a paragraph.
 */
export function outlineParagraphs(paragraphs: Paragraph[]): OutlinedParagraph[] {
  const outline: OutlinedParagraph[] = [];
  let lastItem: number | undefined;
  for (const paragraph of paragraphs) {
    const n = paragraph.number;
    const isFirst = outline.length === 0;
    // A quoted or nested list may skip a number its sub-items took (`4.1.`, `4.2.` between items 3 and 5).
    const continuesList = lastItem !== undefined && n > lastItem && n <= lastItem + 2;
    const startsList = !isFirst && n === 1;
    const listItem = !carriesMarking(paragraph) && (continuesList || startsList);
    lastItem = listItem ? n : undefined;
    outline.push({ paragraph, listItem });
  }
  return outline;
}

/** The cable's own paragraphs, list items left out. */
export function topLevelParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  return outlineParagraphs(paragraphs)
    .filter((entry) => !entry.listItem)
    .map((entry) => entry.paragraph);
}
