/**
 * Caption rules (4xx): `E.O. 12958: DECL: 01/15/2019`, `TAGS:`, `SUBJECT:`, `REF:` and `Classified By:`,
 * each present where a cable needs it and holding what it should.
 */
import type { ExecutiveOrders } from '../dicts/dictionaries';
import type { Cable, Range, Token } from '../model';
import { parseSlashDate, daysInMonth } from '../parse/dates';
import { cableDay, cableLevel, isClassified, levelWords, monthName, readableDay } from './cableFacts';
import { acceptedReasonsInWords, reasonFault, reasonSectionFor } from './classificationReasons';
import { isClassifiedByParagraph } from './portionMarkings';
import { PLACEHOLDER_EXPECTED, PLACEHOLDER_FIELD_WORDS, unfilledPlaceholders } from './placeholders';
import type { CableRule } from './rule';
import { isProvedTag, suggestTag, tagMeaning } from './tagSuggestions';

/**
 * The orders on classification a cable's E.O. line may name, newest first with the years each was in force:
 * `13526 (from 2010), 12958 (1995–2010, amended by 13292), … or 10501 (1953–1972)`. Amending orders (13292) are
 * known too, but named with the order they amend.
 */
function knownOrdersInWords(orders: ExecutiveOrders): string {
  const named = orders.list.filter((order) => !order.amends).reverse();
  const words = named.map((order) => {
    const from = order.effective.slice(0, 4);
    const until = order.replacedBy ? orders.byNumber.get(order.replacedBy)?.effective.slice(0, 4) : undefined;
    const amended = order.amendedBy ? `, amended by ${order.amendedBy}` : '';
    return `${order.number} (${until ? `${from}–${until}` : `from ${from}`}${amended})`;
  });
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The TAGS list describes the codes in use from the 1980s; older cables used retired codes (PFOR, PINT, PEPR). */
const TAGS_LIST_SINCE_YEAR = 1980;
/** A token meant as a tag code (`PGOV`, `KDRG`), not a free keyword or a name (`IRAQI`, `FREEDOM`, `(RICE`). */
const CODE_SHAPE = /^[A-Z][A-Z0-9]{1,3}$/;
/** Longer tokens are flagged only when they are a known tag misspelt or glued to another (`KFTFN`, `IZPREL`). */
const LONG_CODE_SHAPE = /^[A-Z][A-Z0-9]{4,5}$/;

/** The first caption field's keyword, or the banner: where a missing caption field is reported. */
function captionAnchor(cable: Cable): Range | undefined {
  const { eo, tags, subject } = cable.caption;
  const keywords = [eo?.keyword, tags?.keyword, subject?.keyword].filter((token): token is Token => token !== undefined);
  keywords.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return keywords[0]?.range ?? cable.banner?.classificationToken.range;
}

export const missingEoLineRule: CableRule = {
  code: 'CBL401',
  name: 'missing-eo-line',
  severity: 'warning',
  description: 'A cable with a banner or caption but no `E.O.` line.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const { eo, tags, subject } = cable.caption;
    if (eo || (!tags && !subject)) return;
    const range = captionAnchor(cable);
    if (!range) return;
    const example = isClassified(cableLevel(cable)) ? 'E.O. 12958: DECL: 01/15/2019' : 'E.O. 12958: N/A';
    context.report({ range, message: `This cable has no E.O. line: expected one such as '${example}' before TAGS.` });
  },
};

export const malformedEoLineRule: CableRule = {
  code: 'CBL402',
  name: 'malformed-eo-line',
  severity: 'warning',
  description: 'An `E.O.` line without a known executive order number or without a declassification instruction.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const eo = cable.caption.eo;
    if (!eo) return;
    if (!eo.order) {
      context.report({
        range: eo.range,
        message: 'This E.O. line names no executive order: expected the order number after E.O., e.g. E.O. 12958: DECL: 01/15/2019.',
      });
    } else if (!context.dictionaries.orders.byNumber.has(eo.order.text)) {
      const expected = knownOrdersInWords(context.dictionaries.orders);
      context.report({ range: eo.order.range, message: `E.O. ${eo.order.text} is not an order on classification: expected ${expected}.` });
    }
    if (eo.declKind === 'missing') {
      context.report({
        range: eo.range,
        message:
          'This E.O. line has no declassification instruction: expected DECL: and a date (01/15/2019), or N/A in an unclassified cable.',
      });
    }
  },
};

export const invalidDeclDateRule: CableRule = {
  code: 'CBL403',
  name: 'invalid-decl-date',
  severity: 'error',
  description: 'A declassification date that does not exist (`DECL: 02/30/2019`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const eo = cable.caption.eo;
    if (!eo?.decl || !eo.declInvalidDate) return;
    const date = parseSlashDate(eo.decl.text.split(/\s/)[0]);
    const why =
      date && date.month >= 1 && date.month <= 12
        ? `${monthName(date.month)} ${date.year} has ${daysInMonth(date.year, date.month)} days`
        : 'the month must be 01–12 (written month/day/year)';
    context.report({
      range: eo.decl.range,
      message: `The declassification date ${eo.decl.text} does not exist (${why}): expected a real date, mm/dd/yyyy.`,
    });
  },
};

export const declBeforeCableDateRule: CableRule = {
  code: 'CBL404',
  name: 'decl-before-cable-date',
  severity: 'warning',
  description: 'A declassification date earlier than the cable itself.',
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const eo = cable.caption.eo;
    const day = cableDay(cable);
    if (!eo?.decl || !eo.declIso || !day || eo.declIso >= day) return;
    context.report({
      range: eo.decl.range,
      message: `The cable is declassified on ${readableDay(eo.declIso)}, before it was written on ${readableDay(day)}: expected a declassification date after the cable's date.`,
    });
  },
};

export const classifiedDeclNaRule: CableRule = {
  code: 'CBL405',
  name: 'classified-decl-na',
  severity: 'error',
  description: 'A classified cable whose `E.O.` line says `N/A` instead of a declassification date.',
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const eo = cable.caption.eo;
    const level = cableLevel(cable);
    if (!eo?.decl || eo.declKind !== 'na' || !level || !isClassified(level)) return;
    context.report({
      range: eo.decl.range,
      message: `This cable is ${levelWords(level)} but its E.O. line says ${eo.decl.text}, which only unclassified cables say: expected DECL: and a declassification date, e.g. DECL: 01/15/2019.`,
    });
  },
};

export const missingTagsRule: CableRule = {
  code: 'CBL406',
  name: 'missing-tags',
  severity: 'warning',
  description: 'A caption without a `TAGS` line, or with an empty one.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const { eo, tags, subject } = cable.caption;
    if (tags && !tags.tags.length) {
      context.report({
        range: tags.keyword.range,
        message: 'This TAGS line lists no tags: expected subject and country codes, e.g. TAGS: PGOV PREL MX.',
      });
      return;
    }
    if (tags || (!eo && !subject)) return;
    const range = captionAnchor(cable);
    if (range)
      context.report({ range, message: 'This cable has no TAGS line: expected one after the E.O. line, e.g. TAGS: PGOV PREL MX.' });
  },
};

/** False for cables older than the TAGS list, whose codes it does not know. */
function tagsListApplies(cable: Cable): boolean {
  const year = cable.year;
  return year === undefined || year >= TAGS_LIST_SINCE_YEAR;
}

export const unknownTagRule: CableRule = {
  code: 'CBL407',
  name: 'unknown-tag',
  severity: 'info',
  description: 'A TAGS code that is not in the TAGS list; the closest known tag is suggested and offered as a fix.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const tags = cable.caption.tags;
    if (!tags || !tagsListApplies(cable)) return;
    const { dictionaries } = context;
    // Two known tags without the space: read as both, and the missing space offered as the fix, which the
    // text proves (no letter changes).
    for (const word of tags.glued ?? []) {
      const replacement = word.parts.join(' ');
      const meaning = tagMeaning(replacement.toUpperCase(), dictionaries);
      context.report({
        range: word.range,
        message: `TAGS '${word.text}' run together: did you mean ${replacement}${meaning ? ` (${meaning})` : ''}?`,
        fix: { fix: 'replace', target: 'tag', expected: word.text, replacement, safe: true },
      });
    }
    // A long TAGS list may repeat a code: search the suggestion once per code.
    const suggestions = new Map<string, string | undefined>();
    for (const tag of tags.tags) {
      const code = tag.text.toUpperCase();
      if (dictionaries.tags.has(code) || !(CODE_SHAPE.test(code) || LONG_CODE_SHAPE.test(code))) continue;
      if (!suggestions.has(code)) suggestions.set(code, suggestTag(code, dictionaries));
      const suggestion = suggestions.get(code);
      if (!suggestion && !CODE_SHAPE.test(code)) continue;
      const meaning = suggestion && tagMeaning(suggestion, dictionaries);
      context.report({
        range: tag.range,
        message: suggestion
          ? `Unknown TAG '${tag.text}': did you mean ${suggestion}${meaning ? ` (${meaning})` : ''}?`
          : `Unknown TAG '${tag.text}': expected a code from the TAGS list (subject, program, country or organization).`,
        fix: suggestion
          ? {
              fix: 'replace',
              target: 'tag',
              expected: tag.text,
              replacement: suggestion,
              safe: isProvedTag(code, suggestion, dictionaries),
            }
          : undefined,
      });
    }
  },
};

export const noSubjectTagRule: CableRule = {
  code: 'CBL408',
  name: 'no-subject-tag',
  severity: 'info',
  description: 'TAGS with no subject or program tag (only countries or organizations).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const tags = cable.caption.tags;
    if (!tags?.tags.length || !tagsListApplies(cable)) return;
    const kinds = tags.tags.map((tag) => context.dictionaries.tags.get(tag.text.toUpperCase())?.kind);
    if (kinds.some((kind) => kind === 'subject' || kind === 'program')) return;
    context.report({
      range: tags.keyword.range,
      message: `None of the tags ${tags.tags.map((t) => t.text).join(' ')} is a subject or program tag: expected at least one, such as PGOV, PREL or ECON.`,
    });
  },
};

export const missingSubjectRule: CableRule = {
  code: 'CBL409',
  name: 'missing-subject',
  severity: 'warning',
  description: 'A caption without a `SUBJECT` line, or with an empty one.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const { eo, tags, subject } = cable.caption;
    if (subject && !subject.text.trim()) {
      context.report({
        range: subject.keyword.range,
        message: 'This SUBJECT line is empty: expected the subject of the cable after SUBJECT:.',
      });
      return;
    }
    if (subject || (!eo && !tags)) return;
    const range = captionAnchor(cable);
    if (range)
      context.report({ range, message: 'This cable has no SUBJECT line: expected one after TAGS, e.g. SUBJECT: MEXICO: JUDICIAL REFORM.' });
  },
};

/** REF text cut short by the copy (`ANKAR...`, `S...`): the cable it named cannot be read any more. */
const TRUNCATED = /(?:\.{2,}|…)$/;

export const unparsedReferenceRule: CableRule = {
  code: 'CBL410',
  name: 'unparsed-reference',
  severity: 'hint',
  description: 'A REF item cut short (`ANKAR...`), so the cable it names cannot be read.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    for (const item of cable.caption.refs?.items ?? []) {
      if (item.kind !== 'other' || !TRUNCATED.test(item.text)) continue;
      context.report({
        range: item.range,
        message: `The REF item '${item.text}' is cut short: expected a whole reference such as 08 MEXICO 3456.`,
      });
    }
  },
};

/**
 * The classifier named elsewhere: in the first paragraph, as older cables do (`¶1. CLASSIFIED BY POLITICAL
 * COUNSELOR …`), or on the SUBJECT or REF line where a flattened copy glued the line.
 */
function namesClassifierElsewhere(cable: Cable): boolean {
  if (cable.body.paragraphs.slice(0, 2).some(isClassifiedByParagraph)) return true;
  const captionTexts = [cable.caption.subject?.text ?? '', ...(cable.caption.refs?.items.map((item) => item.text) ?? [])];
  return captionTexts.some((text) => /\bCLASSIFIED\s+BY\b/i.test(text));
}

/** Sections after the first repeat the caption but not the Classified By line. */
function isLaterSection(cable: Cable): boolean {
  return (cable.banner?.section?.n ?? 1) > 1;
}

export const missingClassifiedByRule: CableRule = {
  code: 'CBL411',
  name: 'missing-classified-by',
  severity: 'warning',
  description: 'A classified cable under E.O. 12958 or 13526 with no `Classified By` line.',
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const eo = cable.caption.eo;
    const level = cableLevel(cable);
    // The orders that list reasons (12958 and after) have the classifier and the reasons named on the cable.
    if (!eo?.order || !context.dictionaries.orders.byNumber.get(eo.order.text)?.reasons || !level || !isClassified(level)) return;
    if (cable.caption.classifiedBy || namesClassifierElsewhere(cable) || isLaterSection(cable)) return;
    context.report({
      range: eo.range,
      message: `This ${levelWords(level)} cable has no Classified By line: expected one after the caption naming the classifier and the reasons, e.g. Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS ${reasonSectionFor(cableDay(cable))}(b) and (d).`,
    });
  },
};

export const unknownClassificationReasonRule: CableRule = {
  code: 'CBL412',
  name: 'unknown-classification-reason',
  severity: 'warning',
  description: `A classification reason outside ${acceptedReasonsInWords()}.`,
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const day = cableDay(cable);
    const order = cable.caption.eo?.order?.text;
    for (const reason of cable.caption.classifiedBy?.reasons ?? []) {
      const fault = reasonFault(reason.section, reason.letter, day, order);
      if (fault) context.report({ range: reason.range, message: fault });
    }
  },
};

export const unfilledPlaceholderRule: CableRule = {
  code: 'CBL413',
  name: 'unfilled-placeholder',
  severity: 'warning',
  description:
    'Text the new-cable skeleton left to fill in (`DECL: MM/DD/YYYY`, `SUBJECT IN CAPITALS`, `NAME, TITLE`, `POST`, `RUEHXX`, `SIGNATURE`).',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    for (const placeholder of unfilledPlaceholders(cable)) {
      context.report({
        range: placeholder.range,
        message: `${PLACEHOLDER_FIELD_WORDS[placeholder.field]} still holds the skeleton's placeholder '${placeholder.text}': expected ${PLACEHOLDER_EXPECTED[placeholder.field]}.`,
      });
    }
  },
};

export const CAPTION_RULES: CableRule[] = [
  missingEoLineRule,
  malformedEoLineRule,
  invalidDeclDateRule,
  declBeforeCableDateRule,
  classifiedDeclNaRule,
  missingTagsRule,
  unknownTagRule,
  noSubjectTagRule,
  missingSubjectRule,
  unparsedReferenceRule,
  missingClassifiedByRule,
  unknownClassificationReasonRule,
  unfilledPlaceholderRule,
];
