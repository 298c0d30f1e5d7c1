/** REF items: `A. 08 MEXICO 3456`, `B) STATE 12345`, e-mails and memos, with the canonical ref id of cables. */
import type { Reference } from '../model';
import { rangeOf, type Line } from './lines';
import { makeRefId } from './refIds';

/** An item marker: `A.`, `B)`, `(C)`, `¶B.` at the start or after white space. */
const ITEM_MARKER = /(?:^|\s)(¶?(?:\(([A-Z])\)(?=\s|[A-Z0-9])|([A-Z])[.):](?=\s)))/g;
const CABLE_REF = /^(?:(?:19|20)?(\d{2})\s*)?((?:SECSTATE|STATE|USUN NEW YORK|[A-Z][A-Z'-]{1,20}(?: [A-Z][A-Z'-]{1,20}){0,2}?))\s*0*(\d{1,7})(?![\d/])/;
const COMPACT_REF = /^(\d{2})([A-Z]{3,})(\d{1,7})\b/;

/** A piece of REF text on one line, with its position. */
export interface RefSegment {
  line: Line;
  start: number;
  end: number;
}

/**
 * Splits the REF field's text (one segment per line, keyword removed) into items; an item without a letter
 * continues onto the next line unless that line starts a new item. `cableYear` (two digits) completes
 * references that carry no year.
 */
export function parseReferenceItems(segments: RefSegment[], cableYear: string | undefined): Reference[] {
  const items: Reference[] = [];
  for (const segment of segments) {
    const text = segment.line.text.slice(segment.start, segment.end);
    const markers = [...text.matchAll(ITEM_MARKER)];
    const firstMarker = markers.length ? markers[0].index! + markers[0][0].indexOf(markers[0][1]) : text.length;
    const lead = text.slice(0, firstMarker);
    if (lead.trim()) {
      const previous = items[items.length - 1];
      if (previous && segment !== segments[0]) extendItem(previous, segment, lead);
      else items.push(makeItem(segment, segment.start + leadingSpace(lead), lead.trim(), undefined));
    }
    markers.forEach((marker, k) => {
      const markerStart = marker.index! + marker[0].indexOf(marker[1]);
      const next = k + 1 < markers.length ? markers[k + 1].index! : text.length;
      const body = text.slice(markerStart + marker[1].length, next);
      // A doubled marker (`A. A) MEXICO 1963`): the second one carries the item.
      if (!body.trim()) return;
      const bodyStart = segment.start + markerStart + marker[1].length + leadingSpace(body);
      const letterText = marker[2] ?? marker[3];
      const letterStart = segment.start + markerStart + marker[1].indexOf(letterText);
      const letter = { text: letterText, range: rangeOf(segment.line, letterStart, letterStart + 1) };
      items.push(makeItem(segment, bodyStart, body.trim(), letter, segment.start + markerStart));
    });
  }
  for (const item of items) classify(item, cableYear);
  return items;
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function makeItem(segment: RefSegment, start: number, text: string, letter: Reference['letter'], itemStart = start): Reference {
  return {
    range: rangeOf(segment.line, itemStart, start + text.length),
    letter,
    text,
    kind: 'other',
    refIdRange: rangeOf(segment.line, start, start + text.length),
  };
}

function extendItem(item: Reference, segment: RefSegment, text: string) {
  item.text = `${item.text} ${text.trim()}`;
  const end = segment.start + leadingSpace(text) + text.trim().length;
  item.range = { start: item.range.start, end: rangeOf(segment.line, end, end).end };
}

function classify(item: Reference, cableYear: string | undefined) {
  const text = item.text.toUpperCase();
  const cable = /@/.test(text) ? undefined : cableRefOf(text, cableYear);
  if (cable) {
    item.kind = 'cable';
    const { start, end } = item.refIdRange!;
    // An item wrapped onto the next line names its cable across the break: no single-line range then.
    item.refIdRange = cable.length <= end.character - start.character ? { start, end: { line: start.line, character: start.character + cable.length } } : undefined;
    item.refId = cable.refId;
    return;
  }
  item.refIdRange = undefined;
  if (/@|E-?MAIL/.test(text)) item.kind = 'email';
  else if (/\bMEMO|MEMCON|LETTER|FAX\b/.test(text)) item.kind = 'memo';
}

/**
 * Reads the cable a REF item names at its start: `08 MEXICO 3456`, `SECSTATE 74879`, `08MEXICO3456`.
 * `refId` is undefined when neither the item nor `defaultYear` gives a year.
 */
export function cableRefOf(upperText: string, defaultYear: string | undefined): { refId?: string; length: number } | undefined {
  const cable = COMPACT_REF.exec(upperText) ?? CABLE_REF.exec(upperText);
  if (!cable) return undefined;
  const year = cable[1] ?? defaultYear;
  return { refId: year ? makeRefId(year, cable[2], cable[3]).text : undefined, length: cable[0].length };
}
