/**
 * Cable-level values (ref id, date, classification, origin, precedence) chosen from the parts that carry
 * them, most reliable first, each recorded with where it came from.
 */
import type { Cable, RefId, Sourced } from '../model';
import { bannerClassification } from './banner';
import { makeClassification, levelOfSecurityLetter } from './classification';
import { getDictionaries } from '../dicts/dictionaries';
import { knownOrigin, makeRefId, refIdFromFileName } from './refIds';

const PRECEDENCE_WORDS: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };

/** The year of the cable's date, else of its date-time group (whose day may not exist); set once `date` is. */
function cableFullYear(cable: Cable): number | undefined {
  if (cable.date) return +cable.date.value.slice(0, 4);
  return cable.routing?.dtg?.fullYear;
}

/** The two-digit year the cable was written in, from whatever dates it has (before `Cable.year` is set). */
export function cableYear(cable: Cable): string | undefined {
  const iso = cable.record?.date?.iso ?? cable.routing?.dtg?.iso ?? cable.preamble?.date?.iso ?? cable.extractDate?.iso;
  if (iso) return iso.slice(2, 4);
  const dtg = cable.routing?.dtg;
  if (dtg) return String(dtg.fullYear).slice(2, 4);
  return undefined;
}

function deriveRefId(cable: Cable, fileName: string | undefined): Sourced<RefId> | undefined {
  const fromPreamble = cable.preamble?.refId;
  if (fromPreamble?.refId) return { value: fromPreamble.refId, source: 'preamble', range: fromPreamble.range };
  const fromRecord = cable.record?.refId;
  if (fromRecord?.refId) return { value: fromRecord.refId, source: 'record', range: fromRecord.range };
  const banner = cable.banner;
  const year = cableYear(cable);
  // A redacted post (`XXXXXXXXXXXX 000004`) names no origin.
  if (banner?.post && banner.serial && year && !/^X+$/i.test(banner.post.text)) {
    return {
      value: makeRefId(year, banner.post.text, banner.serial.text),
      source: cable.routing?.dtg ? 'banner+dtg' : 'banner',
      range: { start: banner.post.range.start, end: banner.serial.range.end },
    };
  }
  const fromName = refIdFromFileName(fileName);
  return fromName ? { value: fromName, source: 'filename' } : undefined;
}

function deriveDate(cable: Cable): Sourced<string> | undefined {
  const record = cable.record?.date;
  if (record?.iso) return { value: record.iso, source: 'record', range: record.range };
  const dtg = cable.routing?.dtg;
  if (dtg?.iso) return { value: dtg.iso, source: 'routing', range: dtg.range };
  const preamble = cable.preamble?.date;
  if (preamble?.iso) return { value: preamble.iso, source: 'preamble', range: preamble.range };
  const extract = cable.extractDate;
  if (extract?.iso) return { value: extract.iso, source: 'extract', range: extract.range };
  return undefined;
}

function deriveClassification(cable: Cable): Cable['classification'] {
  const preamble = cable.preamble?.classification;
  if (preamble?.classification) return { value: preamble.classification, source: 'preamble', range: preamble.range };
  const record = cable.record?.classification;
  if (record?.classification) return { value: record.classification, source: 'record', range: record.range };
  if (cable.banner) return { value: bannerClassification(cable.banner), source: 'banner', range: cable.banner.classificationToken.range };
  const security = cable.routing?.security;
  const level = security?.letter ? levelOfSecurityLetter(security.letter) : undefined;
  if (security && level) return { value: makeClassification(level, []), source: 'routing', range: security.letters?.range };
  return undefined;
}

/** `AMEMBASSY MEXICO` → `Embassy Mexico`, as the published metadata names origins, for a post the stations dictionary lacks. */
function originFromAddress(name: string): string | undefined {
  const match = /^(AMEMBASSY|AMCONSUL|USMISSION|SECSTATE|AMEMB|USDEL|USUN)\s*(.*)$/.exec(name.trim().toUpperCase());
  if (!match) return undefined;
  const place = match[2].replace(/\b([A-Z])([A-Z]*)\b/g, (_, a: string, b: string) => a + b.toLowerCase());
  const kinds: Record<string, string> = {
    AMEMBASSY: 'Embassy',
    AMEMB: 'Embassy',
    AMCONSUL: 'Consulate',
    USMISSION: 'Mission',
    USDEL: 'Delegation',
    USUN: 'Mission USUN',
  };
  if (match[1] === 'SECSTATE') return 'Secretary of State';
  return `${kinds[match[1]]} ${place}`.trim();
}

/** The published label of an FM-line address: `AMCONSUL MONTERREY` → `Consulate Monterrey`, `USDEL SECRETARY//EUROPE//` → `US Delegation, Secretary`. */
function labelOfAddress(name: string): string | undefined {
  const address = name
    .toUpperCase()
    .replace(/\/\/.*$/, '')
    .replace(/[^A-Z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return getDictionaries().stationAddresses.get(address)?.label ?? originFromAddress(address);
}

/** The published label of a station name or origin (`LIMA`, `USUN NEW YORK`, `THEHAGUE`). */
function labelOfStation(name: string): string | undefined {
  const origin = knownOrigin(name);
  return origin ? getDictionaries().stations.get(origin)?.label : undefined;
}

/** The origin from the preamble or record; else the FM line; else the banner's post or the ref id's origin, named as the published metadata names it. */
function deriveOrigin(cable: Cable): Sourced<string> | undefined {
  const preamble = cable.preamble?.origin;
  if (preamble?.text) return { value: preamble.text, source: 'preamble', range: preamble.range };
  const record = cable.record?.origin;
  if (record?.text) return { value: record.text, source: 'record', range: record.range };
  const from = cable.routing?.from?.addresses[0];
  const fromLabel = from && labelOfAddress(from.name.text);
  if (fromLabel) return { value: fromLabel, source: 'routing', range: from!.name.range };
  const post = cable.banner?.post;
  const postLabel = post && labelOfStation(post.text);
  if (postLabel) return { value: postLabel, source: 'banner', range: post!.range };
  const refId = cable.refId;
  const refLabel = refId && labelOfStation(refId.value.origin);
  return refLabel ? { value: refLabel, source: refId!.source, range: refId!.range } : undefined;
}

/** Fills the cable-level values of `cable` in place. */
export function deriveCableValues(cable: Cable, fileName: string | undefined): void {
  cable.refId = deriveRefId(cable, fileName);
  cable.date = deriveDate(cable);
  cable.classification = deriveClassification(cable);
  cable.origin = deriveOrigin(cable);
  cable.year = cableFullYear(cable);
  const letter = cable.routing?.dtg?.precedence;
  if (letter && PRECEDENCE_WORDS[letter.text])
    cable.precedence = { value: PRECEDENCE_WORDS[letter.text], source: 'routing', range: letter.range };
}
