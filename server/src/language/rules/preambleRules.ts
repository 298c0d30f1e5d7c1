/**
 * Preamble and record rules (1xx): the metadata lines published collections put before a cable
 * (`09MEXICO283` / title / `Wed Feb 04 00:00:00 +0100 2009` / `CONFIDENTIAL` / `Embassy Mexico`, or the
 * cables.csv record `86237` / `2006-11-17 23:37:00` / `06MEXICO6546` / …).
 */
import type { Cable, Token } from '../model';
import { listWithOr, readableDay } from './cableFacts';
import type { CableRule, RuleContext } from './rule';

/** The metadata blocks of a cable, each with the name a message uses for it. */
function metadataBlocks(cable: Cable) {
  const blocks = [];
  if (cable.preamble)
    blocks.push({
      label: 'preamble',
      refId: cable.preamble.refId,
      date: cable.preamble.date,
      classification: cable.preamble.classification,
    });
  if (cable.record)
    blocks.push({ label: 'record', refId: cable.record.refId, date: cable.record.date, classification: cable.record.classification });
  return blocks;
}

export const malformedRefIdRule: CableRule = {
  code: 'CBL101',
  name: 'malformed-ref-id',
  severity: 'error',
  description: 'A preamble or record ref id that is not a two-digit year, an origin and a serial (`09MEXICO283`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const blocks = metadataBlocks(cable);
    for (const block of blocks) {
      const token = block.refId;
      if (!token || token.refId || !token.text) continue;
      // The other block, or the banner with the date, says which id was meant: the message names it.
      const other = blocks.find((b) => b !== block && b.refId?.refId)?.refId?.refId;
      const derived = other
        ? { text: other.text, where: `as the ${block.label === 'preamble' ? 'record' : 'preamble'} gives it` }
        : bannerRefId(cable);
      const expected = derived
        ? `${derived.text}, ${derived.where}`
        : 'a two-digit year, the origin and the serial without spaces, e.g. 09MEXICO283';
      context.report({
        range: token.range,
        message: `The ${block.label} ref id '${token.text}' is not a ref id: expected ${expected}.`,
      });
    }
  },
};

/** The ref id the banner's post and serial give with the cable's year, when the cable's ref id came from them. */
function bannerRefId(cable: Cable): { text: string; where: string } | undefined {
  const refId = cable.refId;
  if (!refId || (refId.source !== 'banner' && refId.source !== 'banner+dtg')) return undefined;
  return { text: refId.value.text, where: 'as the banner and the date give it' };
}

export const invalidDateRule: CableRule = {
  code: 'CBL102',
  name: 'invalid-date',
  severity: 'error',
  description: 'A preamble or record date that does not exist (`Wed Feb 30 …`, `2009-13-04 17:08:00`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    for (const block of metadataBlocks(cable)) {
      const token = block.date;
      if (!token || token.iso || !token.text) continue;
      const example = block.label === 'preamble' ? 'Wed Feb 04 00:00:00 +0100 2009' : '2009-02-04 17:08:00';
      context.report({
        range: token.range,
        message: `The ${block.label} date '${token.text}' is not a date that exists: expected a real day of the month and a time 00:00–23:59, as in ${example}.`,
      });
    }
  },
};

export const unknownClassificationRule: CableRule = {
  code: 'CBL103',
  name: 'unknown-classification',
  severity: 'error',
  description: 'A preamble or record classification that is no classification word (`CONFIDENTAIL`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    for (const block of metadataBlocks(cable)) {
      const token = block.classification;
      if (!token || token.classification || !token.text) continue;
      context.report({
        range: token.range,
        message: `The ${block.label} classification '${token.text}' is not a classification: expected ${listWithOr(context.dictionaries.levels.list.map((entry) => entry.name))} (optionally //NOFORN).`,
      });
    }
  },
};

/** Days between two ISO dates (order ignored). */
function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

function reportDisagreement(context: RuleContext, field: string, record: Token, recordValue: string, preambleValue: string) {
  context.report({
    range: record.range,
    message: `The record's ${field} ${recordValue} disagrees with the preamble's ${preambleValue}: expected the same ${field} in both.`,
  });
}

export const preambleRecordMismatchRule: CableRule = {
  code: 'CBL104',
  name: 'preamble-record-mismatch',
  severity: 'warning',
  description: 'The five-line preamble and the record give a different ref id, classification or date.',
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const { preamble, record } = cable;
    if (!preamble || !record) return;
    const refIds = [preamble.refId?.refId, record.refId?.refId] as const;
    if (refIds[0] && refIds[1] && record.refId && refIds[0].text !== refIds[1].text) {
      reportDisagreement(context, 'ref id', record.refId, refIds[1].text, refIds[0].text);
    }
    const levels = [preamble.classification?.classification, record.classification?.classification] as const;
    if (levels[0] && levels[1] && record.classification && levels[0].level !== levels[1].level) {
      reportDisagreement(context, 'classification', record.classification, levels[1].text, levels[0].text);
    }
    const dates = [preamble.date?.iso, record.date?.iso] as const;
    // The preamble's date is a local midnight (`+0100`), so a day either way is the same cable.
    if (dates[0] && dates[1] && record.date && daysApart(dates[0], dates[1]) > 1) {
      reportDisagreement(context, 'date', record.date, readableDay(dates[1]), readableDay(dates[0]));
    }
  },
};

/** True when two dates straddle a new year by a day, when a serial may carry either year. */
function nearNewYear(iso: string): boolean {
  const monthDay = iso.slice(5, 10);
  return monthDay === '12-31' || monthDay === '01-01';
}

export const refIdYearMismatchRule: CableRule = {
  code: 'CBL105',
  name: 'ref-id-year-mismatch',
  severity: 'warning',
  description: "The ref id's year (`09` in `09MEXICO283`) is not the year of the cable's date.",
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const refId = cable.refId;
    const date = cable.date?.value;
    if (!refId || !date || !refId.range || (refId.source !== 'preamble' && refId.source !== 'record')) return;
    if (refId.value.year === date.slice(2, 4) || nearNewYear(date)) return;
    context.report({
      range: refId.range,
      message: `The ref id ${refId.value.text} carries the year ${refId.value.year}, but the cable is dated ${readableDay(date)}: expected a ref id starting with ${date.slice(2, 4)}.`,
    });
  },
};

export const PREAMBLE_RULES: CableRule[] = [
  malformedRefIdRule,
  invalidDateRule,
  unknownClassificationRule,
  preambleRecordMismatchRule,
  refIdYearMismatchRule,
];
