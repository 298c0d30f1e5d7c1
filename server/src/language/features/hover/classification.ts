/**
 * Hovers for what a cable says about its own secrecy: classification words, portion markings and their caveats,
 * the reasons of `Classified By`, the executive order and the declassification instruction of the E.O. line.
 */
import type { Dictionaries, Markings } from '../../dicts/dictionaries';
import { LEVEL_RANK, type Classification, type ClassifiedByField, type EoLine, type PortionMarking, type Reason } from '../../model';
import { everyMarking, listWithOr } from '../../rules/cableFacts';
import { PLACEHOLDER_EXPECTED, isPlaceholder } from '../../rules/placeholders';
import { isoDateInWords } from '../dateWords';
import { executiveOrder, reasonWording, type ReasonContext } from '../executiveOrders';
import type { RenderContext } from './context';
import { escapeMarkdown, paragraphs, strong } from '../markdown';

/** A classification as written in a preamble, record, banner or closing line. */
export function classificationHover(text: string, classification: Classification, dictionaries: Dictionaries): string {
  const level = dictionaries.levels.byLevel[classification.level].meaning;
  const caveats = classification.caveats.map((c) => `${strong(c)}: ${escapeMarkdown(caveatMeaning(c, dictionaries) ?? 'caveat')}`);
  return paragraphs([
    `${strong(text)} — classification ${strong(classification.text)}`,
    level && escapeMarkdown(level),
    caveats.join('  \n'),
  ]);
}

/** `(S//NF)`: level, each caveat spelled out (`NF` = NOFORN), and how it compares with the cable's own level. */
export function markingHover(marking: PortionMarking, context: RenderContext): string {
  const { markings, levels } = context.dictionaries;
  const written = `(${marking.text})`;
  if (!marking.level) {
    return paragraphs([
      `${strong(written)} — not a known portion marking`,
      `Expected ${listWithOr(everyMarking())}, optionally with caveats such as //NF or /REL NATO.`,
    ]);
  }
  const known = markings.portion_markings[written.toUpperCase()];
  const parts = marking.writtenCaveats ?? [];
  const caveats = marking.caveats.map((caveat, i) => {
    const as = parts[i] && parts[i].split(/\s+/)[0] !== caveat.split(' ')[0] ? `${strong(parts[i])} = ` : '';
    return `${as}${strong(caveat)}: ${escapeMarkdown(caveatMeaning(caveat, context.dictionaries) ?? 'caveat')}`;
  });
  const cableLevel = context.cable?.classification?.value.level;
  let comparison: string | undefined;
  if (cableLevel && LEVEL_RANK[marking.level] > LEVEL_RANK[cableLevel])
    comparison = `Above the cable's classification (${escapeMarkdown(context.cable!.classification!.value.text)}).`;
  return paragraphs([
    `${strong(written)} — portion marking: ${levels.byLevel[marking.level].title}`,
    known ? escapeMarkdown(known) : undefined,
    caveats.join('  \n'),
    comparison,
  ]);
}

function caveatMeaning(caveat: string, dictionaries: Dictionaries): string | undefined {
  return dictionaries.controls.byCode.get(caveat)?.meaning;
}

function reasonContext(context: RenderContext): ReasonContext {
  return { date: context.cable?.date?.value, order: context.cable?.caption.eo?.order?.text };
}

/** `(b)` of `1.4(b)`: the category's words under the order in force at the cable's date. */
export function reasonHover(reason: Reason, context: RenderContext): string {
  const wording = reasonWording(reason.section, reason.letter, reasonContext(context), context.dictionaries.orders);
  return paragraphs([
    `${strong(`${reason.section}(${reason.letter})`)} — classification reason`,
    `${escapeMarkdown(wording.citation)}: ${wording.wording ? escapeMarkdown(wording.wording) : 'no such category'}`,
    wording.note && escapeMarkdown(wording.note),
  ]);
}

/** `REASONS 1.4`: every reason the cable gives. */
export function reasonsHover(field: ClassifiedByField, context: RenderContext): string {
  const lines = field.reasons.map((reason) => {
    const wording = reasonWording(reason.section, reason.letter, reasonContext(context), context.dictionaries.orders);
    return `${strong(`${reason.section}(${reason.letter})`)}: ${wording.wording ? escapeMarkdown(wording.wording) : 'no such category'}`;
  });
  const first = field.reasons[0];
  const citation = first
    ? reasonWording(first.section, first.letter, reasonContext(context), context.dictionaries.orders).citation.replace(/, §.*$/, '')
    : undefined;
  return paragraphs([
    `**Classification reasons**${citation ? ` — ${escapeMarkdown(citation)}` : ''}`,
    lines.join('  \n') || 'No reason letters were found.',
  ]);
}

/** `E.O. 12958`: which order, whose, when in force, what replaced it. */
export function executiveOrderHover(eo: EoLine, dictionaries: Dictionaries): string {
  const { markings } = dictionaries;
  const number = eo.order?.text;
  const order = number ? executiveOrder(number, dictionaries.orders) : undefined;
  if (!number)
    return paragraphs(['**E.O.** — executive order', 'The order under which the cable is classified; its number is missing here.']);
  if (!order)
    return paragraphs([
      `${strong(`E.O. ${number}`)} — executive order`,
      'Not one of the orders on classified national security information.',
    ]);
  const history = [
    `signed ${isoDateInWords(order.signed)} by ${order.president}`,
    `in force from ${isoDateInWords(order.effective)}`,
    order.amendedBy && `amended by E.O. ${order.amendedBy}`,
    order.replacedBy && `replaced by E.O. ${order.replacedBy}`,
  ].filter(Boolean);
  return paragraphs([
    `${strong(`E.O. ${number}`)} — ${escapeMarkdown(order.title)}`,
    escapeMarkdown(`${history.join('; ')}.`),
    declSentence(eo, markings),
  ]);
}

/** `DECL: 01/15/2019`: when the cable may be declassified. */
export function declHover(eo: EoLine, markings: Markings): string {
  const written = eo.decl?.text ?? 'DECL';
  return paragraphs([`${strong(written)} — declassification instruction`, declSentence(eo, markings)]);
}

function declSentence(eo: EoLine, markings?: Markings): string | undefined {
  const text = eo.decl?.text ?? '';
  switch (eo.declKind) {
    case 'date':
      return eo.declIso
        ? `Declassify on ${isoDateInWords(eo.declIso)} (${eo.declIso}).`
        : 'This looks like a date, but no such day exists.';
    case 'na':
      return 'N/A: no declassification date (the cable is unclassified).';
    case 'oadr':
      return escapeMarkdown(markings?.declassification_markings.OADR ?? "OADR: Originating Agency's Determination Required.");
    case 'marking': {
      const key = markings && Object.keys(markings.declassification_markings).find((k) => text.toUpperCase().startsWith(k.split('-')[0]));
      return key ? `${strong(key)}: ${escapeMarkdown(markings!.declassification_markings[key])}` : 'A declassification marking.';
    }
    case 'missing':
      return 'No declassification instruction is given.';
    default:
      return isPlaceholder('decl', text)
        ? `A placeholder of the new-cable skeleton, still to fill: ${escapeMarkdown(PLACEHOLDER_EXPECTED.decl)}.`
        : 'Neither a date nor a known declassification marking (OADR, X1–X8, 25X1…).';
  }
}

/** `SECTION 01 OF 03` in the banner, or a page line `MEXICO 00000283 002 OF 003`. */
export function sectionHover(n: number, m: number, page: boolean): string {
  const title = page ? `**Section ${n} of ${m}** — page line` : `**Section ${n} of ${m}**`;
  return paragraphs([
    title,
    `The cable was sent in ${m} section${m === 1 ? '' : 's'}; ${page ? 'this line opens' : 'the banner names'} section ${n}.`,
  ]);
}
