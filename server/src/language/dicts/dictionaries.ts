/**
 * The reference dictionaries, loaded once from the JSON data files beside this module (see data/PROVENANCE.md):
 * TAGS, acronyms, routing indicators, precedence, markings and stations (copied from the shared dictionaries),
 * and the domain knowledge every layer reads from here alone: classification levels and their spellings,
 * dissemination controls, executive orders and their reasons, months and the two-digit-year rule.
 */
import { buildCalendar, type Calendar } from './calendar';
import { buildClassificationLevels, type ClassificationLevels } from './classificationLevels';
import { buildControls, type Controls } from './controls';
import { buildExecutiveOrders, type ExecutiveOrders } from './executiveOrders';
import acronymsData from './data/acronyms.json';
import classifierTitlesData from './data/classifier-titles.json';
import markingsData from './data/markings.json';
import precedenceData from './data/precedence.json';
import routingData from './data/routing.json';
import stationsData from './data/stations.json';
import tagsData from './data/tags.json';

export type { Calendar, Month } from './calendar';
export type { ClassificationLevels, LevelEntry } from './classificationLevels';
export type { ControlEntry, Controls } from './controls';
export type { ExecutiveOrder, ExecutiveOrders, OrderReasons, ReasonSection } from './executiveOrders';

export type TagKind = 'subject' | 'program' | 'geographic' | 'organization';

export interface TagEntry {
  kind: TagKind;
  meaning: string;
}

/** Meanings of written forms: `(S//NF)`, `OADR`, `CCCCC`. Levels, controls and reasons have their own dictionaries. */
export interface Markings {
  declassification_markings: Record<string, string>;
  portion_markings: Record<string, string>;
  security_line: Record<string, string>;
}

/** A post that sends telegrams, keyed by its origin as ref ids spell it (`MEXICO`, `THEHAGUE`, `STATE`). */
export interface StationEntry {
  /** The origin as the published metadata names it: `Embassy Mexico`, `Secretary of State`. */
  label: string;
  /** How REF lines and banners name it, upper case: `MEXICO`, `MEXICO CITY`. */
  names: string[];
  /** How FM lines and routing headers address it: `AMEMBASSY MEXICO`. */
  addresses?: string[];
  /** An address whose published label is not the station's (`AMEMBASSY BRUSSELS` beside `USEU BRUSSELS`). */
  addressLabels?: Record<string, string>;
  /** Routing indicators of the post: `RUEHME`. */
  routing?: string[];
}

/** What a name or address of a post stands for. */
export interface StationMatch {
  origin: string;
  label: string;
}

export interface Dictionaries {
  tags: ReadonlyMap<string, TagEntry>;
  acronyms: ReadonlyMap<string, string>;
  /** Routing indicator (`RUEHME`) → station name. */
  routing: ReadonlyMap<string, string>;
  /** `R`, `RR`, `ROUTINE`… → meaning. */
  precedence: ReadonlyMap<string, string>;
  markings: Markings;
  /** Canonical origin → station. */
  stations: ReadonlyMap<string, StationEntry>;
  /** Any name of a station, upper case and single-spaced (`RIO DE JAN`, `HAGUE`) → its canonical origin. */
  stationNames: ReadonlyMap<string, string>;
  /** FM-line address (`AMCONSUL MONTERREY`, `SECSTATE WASHDC`) → origin and published label. */
  stationAddresses: ReadonlyMap<string, StationMatch>;
  /** U, SBU, C, S, TS: names, spellings, marking words, security letters. */
  levels: ClassificationLevels;
  /** SIPDIS, NOFORN, SENSITIVE…: meanings, spellings, marking abbreviations. */
  controls: Controls;
  /** E.O. 10501 to 13526, and the reasons 12958, 13292 and 13526 list. */
  orders: ExecutiveOrders;
  /** Months, weekdays, two-digit years. */
  calendar: Calendar;
  /** Words of a classifier's title in `Classified By` lines (`polcouns`, `a/dcm`), lower case. */
  classifierTitles: ClassifierTitles;
}

/** The words `Classified By: POLCOUNS CHARLES V. BARCLAY` is read with (data/classifier-titles.json). */
export interface ClassifierTitles {
  titles: ReadonlySet<string>;
  /** `of`, `for`, `and`: words inside a title. */
  connectors: ReadonlySet<string>;
  /** `state`, `embassy`, `usg`: words of the agency after a title. */
  agencies: ReadonlySet<string>;
}

let loaded: Dictionaries | undefined;

/** The dictionaries, built on first use and shared afterwards. */
export function getDictionaries(): Dictionaries {
  loaded ??= {
    tags: new Map(Object.entries(tagsData as Record<string, TagEntry>)),
    acronyms: new Map(Object.entries(acronymsData as Record<string, string>)),
    routing: new Map(Object.entries(routingData as Record<string, string>)),
    precedence: new Map(Object.entries(precedenceData as Record<string, string>)),
    markings: markingsData as Markings,
    ...stationMaps(stationsData as Record<string, StationEntry>),
    levels: buildClassificationLevels(),
    controls: buildControls(),
    orders: buildExecutiveOrders(),
    calendar: buildCalendar(),
    classifierTitles: {
      titles: new Set(classifierTitlesData.titles),
      connectors: new Set(classifierTitlesData.connectors),
      agencies: new Set(classifierTitlesData.agencies),
    },
  };
  return loaded;
}

function stationMaps(data: Record<string, StationEntry>): Pick<Dictionaries, 'stations' | 'stationNames' | 'stationAddresses'> {
  const stations = new Map(Object.entries(data));
  const stationNames = new Map<string, string>();
  const stationAddresses = new Map<string, StationMatch>();
  for (const [origin, entry] of stations) {
    stationNames.set(origin, origin);
    for (const name of entry.names) stationNames.set(name, origin);
    for (const address of entry.addresses ?? [])
      stationAddresses.set(address, { origin, label: entry.addressLabels?.[address] ?? entry.label });
  }
  return { stations, stationNames, stationAddresses };
}

/** Edit distance where a swap of two neighbours (`PGVO` for `PGOV`) counts as one edit. */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The known tag closest to `code` (at most two edits), for "did you mean" suggestions. */
export function closestTag(code: string, dictionaries: Dictionaries = getDictionaries()): string | undefined {
  const upper = code.toUpperCase();
  // The search reads every tag; the same unknown codes recur from cable to cable, so answers are kept.
  let cache = closestTagCache.get(dictionaries);
  if (!cache || cache.size >= CLOSEST_TAG_CACHE_SIZE) closestTagCache.set(dictionaries, (cache = new Map()));
  if (cache.has(upper)) return cache.get(upper);
  const best = searchClosestTag(upper, dictionaries);
  cache.set(upper, best);
  return best;
}

const CLOSEST_TAG_CACHE_SIZE = 10_000;
const closestTagCache = new WeakMap<Dictionaries, Map<string, string | undefined>>();

function searchClosestTag(upper: string, dictionaries: Dictionaries): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const tag of dictionaries.tags.keys()) {
    if (Math.abs(tag.length - upper.length) >= bestDistance) continue;
    const d = editDistance(upper, tag);
    if (d < bestDistance) {
      best = tag;
      bestDistance = d;
    }
  }
  return best;
}
