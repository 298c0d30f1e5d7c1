/**
 * The Cables view's tree: the workspace's cables grouped by year › month, or by origin, classification or
 * TAG, each › year; children are asked for one node at a time, and long lists of cables come in pages, so
 * the view stays fast over the whole release.
 */
import type { CablesGrouping, CablesTreeNode, CablesTreeParams } from '../../../../shared/protocol';
import type { Dictionaries } from '../dicts/dictionaries';
import { LEVEL_RANK } from '../model';
import { parseClassificationWords } from '../parse/classification';
import { parseCableQuery } from '../workspace/cableQuery';
import type { IndexedCable, WorkspaceIndex } from '../workspace/workspaceIndex';

/** Cables listed per page under a group. */
export const CABLES_PAGE_SIZE = 500;

/** The key of cables that lack the grouped value (no date, no origin, no TAGS). */
export const NONE_KEY = '-';

/** What a grouping puts a cable under at each level; a TAG grouping puts a cable under each of its TAGS. */
interface Level {
  keys(cable: IndexedCable): readonly string[];
  label(key: string, dictionaries: Dictionaries): string;
  /** Groups in view order. */
  order(a: string, b: string): number;
}

const yearOf = (cable: IndexedCable) => [cable.date?.slice(0, 4) ?? NONE_KEY];
const byYear: Level = { keys: yearOf, label: (key) => (key === NONE_KEY ? 'Undated' : key), order: noneLast((a, b) => a.localeCompare(b)) };

const LEVELS = {
  date: [
    byYear,
    {
      keys: (cable) => [cable.date?.slice(5, 7) ?? NONE_KEY],
      label: (key, dictionaries) => dictionaries.calendar.months[Number(key) - 1]?.name ?? 'Month unknown',
      order: noneLast((a, b) => a.localeCompare(b)),
    },
  ],
  origin: [
    {
      keys: (cable) => [cable.origin ?? NONE_KEY],
      label: (key) => (key === NONE_KEY ? 'Origin unknown' : key),
      order: noneLast((a, b) => a.localeCompare(b)),
    },
    byYear,
  ],
  classification: [
    {
      keys: (cable) => [cable.classification ?? NONE_KEY],
      label: (key) => (key === NONE_KEY ? 'Not classified in the text' : key),
      order: noneLast(byLevel),
    },
    byYear,
  ],
  tag: [
    {
      keys: (cable) => (cable.tags.length ? [...new Set(cable.tags)] : [NONE_KEY]),
      label: (key, dictionaries) => (key === NONE_KEY ? 'No TAGS' : tagLabel(key, dictionaries)),
      order: noneLast((a, b) => a.localeCompare(b)),
    },
    byYear,
  ],
} satisfies Record<CablesGrouping, readonly Level[]>;

/** The children of the node at `params.path`. */
export function cablesTreeChildren(index: WorkspaceIndex, params: CablesTreeParams, dictionaries: Dictionaries): CablesTreeNode[] {
  const levels: readonly Level[] = LEVELS[params.grouping] ?? LEVELS.date;
  const path = params.path.slice(0, levels.length);
  const query = parseCableQuery(params.filter ?? '');
  const under: IndexedCable[] = [];
  for (const cable of index.cables()) {
    if (path.every((key, depth) => levels[depth].keys(cable).includes(key)) && query.score(cable) > 0) under.push(cable);
  }
  if (path.length < levels.length) return groups(under, levels[path.length], dictionaries);
  return page(under.sort(byDateThenId), params.offset ?? 0);
}

function groups(cables: IndexedCable[], level: Level, dictionaries: Dictionaries): CablesTreeNode[] {
  const counts = new Map<string, number>();
  for (const cable of cables) for (const key of level.keys(cable)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.keys()]
    .sort(level.order)
    .map((key) => ({ kind: 'group', key, label: level.label(key, dictionaries), count: counts.get(key)! }));
}

function page(cables: IndexedCable[], offset: number): CablesTreeNode[] {
  const start = Math.max(0, Math.floor(offset));
  const shown: CablesTreeNode[] = cables.slice(start, start + CABLES_PAGE_SIZE).map((cable) => ({
    kind: 'cable',
    uri: cable.uri,
    ...(cable.refId ? { refId: cable.refId } : {}),
    ...(cable.subject ? { subject: cable.subject } : {}),
    ...(cable.date ? { date: cable.date } : {}),
    ...(cable.classification ? { classification: cable.classification } : {}),
    line: cable.range[0],
  }));
  const next = start + CABLES_PAGE_SIZE;
  if (next < cables.length) shown.push({ kind: 'more', offset: next, remaining: cables.length - next });
  return shown;
}

function byDateThenId(a: IndexedCable, b: IndexedCable): number {
  return compare(a.date ?? '', b.date ?? '') || compare(a.refId ?? '', b.refId ?? '') || compare(a.uri, b.uri) || a.range[0] - b.range[0];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lowest level first: UNCLASSIFIED, …, SECRET//NOFORN. */
function byLevel(a: string, b: string): number {
  return levelRank(a) - levelRank(b) || a.localeCompare(b);
}

/** The rank of the level a classification text names (`SECRET//NOFORN` → S); a text that names none sorts after U. */
function levelRank(text: string): number {
  const level = parseClassificationWords(text)?.level;
  return level ? LEVEL_RANK[level] : LEVEL_RANK.U + 0.5;
}

function noneLast(order: (a: string, b: string) => number): (a: string, b: string) => number {
  return (a, b) => (a === NONE_KEY ? (b === NONE_KEY ? 0 : 1) : b === NONE_KEY ? -1 : order(a, b));
}

function tagLabel(tag: string, dictionaries: Dictionaries): string {
  const meaning = dictionaries.tags.get(tag)?.meaning;
  return meaning ? `${tag} — ${meaning}` : tag;
}
