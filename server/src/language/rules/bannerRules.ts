/**
 * Banner rules (3xx): the classification banner `C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283`,
 * its presence, its classification, its section numbers and its post and serial.
 */
import type { Dictionaries } from '../dicts/dictionaries';
import type { Banner, Cable, Classification, Level, Range, Token } from '../model';
import { bannerClassification } from '../parse/banner';
import { canonicalOrigin } from '../parse/refIds';
import { levelWords } from './cableFacts';
import type { CableRule } from './rule';

/** Where a missing banner is reported: the first caption field, else the end of the routing header. */
function missingBannerAnchor(cable: Cable): Range | undefined {
  const { eo, tags, subject } = cable.caption;
  const first = [eo?.keyword, tags?.keyword, subject?.keyword]
    .filter((token): token is Token => token !== undefined)
    .sort((a, b) => a.range.start.line - b.range.start.line)[0];
  if (first) return first.range;
  const routing = cable.routing;
  if (!routing?.de && !routing?.dtg) return undefined;
  const end = routing.range.end;
  return { start: { line: end.line, character: 0 }, end };
}

export const missingBannerRule: CableRule = {
  code: 'CBL301',
  name: 'missing-banner',
  severity: 'info',
  description: 'A cable with a routing header or a caption but no classification banner line.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    if (cable.banner) return;
    const range = missingBannerAnchor(cable);
    if (!range) return;
    context.report({
      range,
      message:
        'This cable has no classification banner: expected a line such as C O N F I D E N T I A L MEXICO 000283 or UNCLAS MEXICO 000283 before the caption.',
    });
  },
};

/** The classification the banner should agree with: the preamble's or the record's, whichever parsed. */
function metadataClassification(cable: Cable): { classification: Classification; label: string } | undefined {
  const preamble = cable.preamble?.classification?.classification;
  if (preamble) return { classification: preamble, label: 'preamble' };
  const record = cable.record?.classification?.classification;
  return record ? { classification: record, label: 'record' } : undefined;
}

/** The banner's classification words for `level`, letter-spaced like the banner's own; none for SBU (it needs a SENSITIVE line). */
function bannerWordsFor(level: Level, banner: Banner, dictionaries: Dictionaries): string | undefined {
  const words = dictionaries.levels.byLevel[level].banner;
  if (!words || !banner.letterSpaced) return words;
  return words.replace(/ /g, '').split('').join(' ');
}

export const bannerClassificationMismatchRule: CableRule = {
  code: 'CBL302',
  name: 'banner-classification-mismatch',
  severity: 'error',
  description: "The banner's classification disagrees with the preamble's or record's classification.",
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const banner = cable.banner;
    const expected = metadataClassification(cable);
    if (!banner || !expected) return;
    const found = bannerClassification(banner);
    const want = expected.classification.level;
    if (found.level === want) return;
    const replacement = bannerWordsFor(want, banner, context.dictionaries);
    const sensitive = want === 'SBU' ? ' (UNCLAS with a SENSITIVE line)' : '';
    context.report({
      range: banner.classificationToken.range,
      message: `The banner reads ${banner.classificationToken.text} (${levelWords(found.level)}), but the ${expected.label} says ${expected.classification.text}: expected a ${levelWords(want)} banner${sensitive}.`,
      fix: replacement
        ? { fix: 'replace', target: 'banner-classification', expected: banner.classificationToken.text, replacement }
        : undefined,
    });
  },
};

const pad3 = (n: number) => String(n).padStart(3, '0');

export const sectionOrderRule: CableRule = {
  code: 'CBL303',
  name: 'section-out-of-order',
  severity: 'warning',
  description: '`SECTION n OF m` with n > m, or section-break lines (`MEXICO 00000283 002 OF 003`) out of order or with another total.',
  scope: 'cable',
  stage: 'syntax',
  check(cable, context) {
    const section = cable.banner?.section;
    const validSection = section && section.n >= 1 && section.n <= section.m ? section : undefined;
    if (section && !validSection) {
      context.report({
        range: section.range,
        message: `The banner gives SECTION ${section.n} OF ${section.m}: expected a section from 1 to ${section.m}.`,
      });
    }
    // A banner section that is itself wrong is no yardstick for the section lines.
    let previous = validSection?.n;
    const total = validSection?.m;
    // A page within a section (`001.2 OF 004`) may repeat its section; a gap is no fault; going back is.
    for (const mark of cable.body.sectionBreaks) {
      if (mark.n === undefined || mark.m === undefined) continue;
      if (total !== undefined && mark.m !== total) {
        context.report({
          range: mark.range,
          message: `The section line '${mark.text}' counts ${mark.m} sections, but the banner counts ${total}: expected OF ${pad3(total)}.`,
        });
      } else if (mark.n > mark.m) {
        context.report({
          range: mark.range,
          message: `The section line '${mark.text}' gives section ${mark.n} of ${mark.m}: expected a section from 1 to ${mark.m}.`,
        });
      } else if (previous !== undefined && (mark.n < previous || (mark.n === previous && mark.page === undefined))) {
        context.report({
          range: mark.range,
          message: `The section line '${mark.text}' gives section ${mark.n} after section ${previous}: expected section ${pad3(previous + 1)} or later.`,
        });
      }
      previous = mark.n;
    }
  },
};

export const bannerRefIdMismatchRule: CableRule = {
  code: 'CBL304',
  name: 'banner-ref-id-mismatch',
  severity: 'error',
  description: "The banner's post and serial (`MEXICO 000283`) disagree with the ref id (`09MEXICO283`).",
  scope: 'cable',
  stage: 'agreement',
  check(cable, context) {
    const banner = cable.banner;
    const refId = cable.refId;
    if (!banner?.post || !banner.serial || !refId || (refId.source !== 'preamble' && refId.source !== 'record')) return;
    const sameOrigin = canonicalOrigin(banner.post.text) === refId.value.origin;
    const sameSerial = Number.parseInt(banner.serial.text, 10) === Number.parseInt(refId.value.serial, 10);
    if (sameOrigin && sameSerial) return;
    const expectedSerial = refId.value.serial.padStart(banner.serial.text.length, '0');
    context.report({
      range: { start: banner.post.range.start, end: banner.serial.range.end },
      message: `The banner gives ${banner.post.text} ${banner.serial.text}, but the ${refId.source}'s ref id is ${refId.value.text}: expected the ref id's origin and serial, ${refId.value.origin} ${expectedSerial}.`,
    });
  },
};

export const BANNER_RULES: CableRule[] = [missingBannerRule, bannerClassificationMismatchRule, sectionOrderRule, bannerRefIdMismatchRule];
