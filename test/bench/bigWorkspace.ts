/**
 * A workspace at the scale of the whole Cablegate release for the workspace-index figures: `count` cable files
 * (251,287 by default) copied from the corpus into folders of 500 (`f0000/`, `f0001/`, …), each copy under a
 * name of its own, real copies (not links) so a server really reads every byte. A few of them, in the first, a
 * middle and the last folder, are corpus cables whose ref id is rewritten everywhere the text writes it, to a
 * made-up id no other cable has, so `workspace/symbol` can tell when those folders have been indexed.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RefId } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { parseRefId } from '../../server/src/language/parse/refIds';
import { corpusFiles } from '../support/corpus';

/** The number of cables of the Cablegate release. */
export const RELEASE_CABLES = 251_287;
export const FILES_PER_FOLDER = 500;

/** The workspace's size: CABLE_BENCH_WORKSPACE_FILES for quick runs, else the whole release. */
export function workspaceFileCount(): number {
  const raw = process.env.CABLE_BENCH_WORKSPACE_FILES;
  if (raw === undefined || raw === '') return RELEASE_CABLES;
  const count = Number(raw);
  // Three full folders at least: the unique cables go in the first, a middle and the last one.
  if (!Number.isInteger(count) || count < 3 * FILES_PER_FOLDER) {
    throw new Error(`CABLE_BENCH_WORKSPACE_FILES must be a whole number ≥ ${3 * FILES_PER_FOLDER}, not ${JSON.stringify(raw)}`);
  }
  return count;
}

/** A cable whose ref id no other cable of the workspace has. */
export interface UniqueCable {
  refId: string;
  /** The corpus file it was made from. */
  source: string;
  text: string;
}

export interface PlacedCable extends UniqueCable {
  /** `f0000`, the folder it lies in. */
  folderName: string;
  path: string;
}

export interface BigWorkspace {
  /** The workspace folder (the one the editor opens). */
  folder: string;
  files: number;
  folders: string[];
  bytes: number;
  buildMs: number;
  uniques: PlacedCable[];
}

/** `f0000`, `f0001`, … */
export function folderName(index: number): string {
  return `f${String(index).padStart(4, '0')}`;
}

interface Candidate {
  path: string;
  text: string;
  refId: RefId;
  /** The post as the banner writes it (`MEXICO`, `SAN JOSE`), when it has one. */
  bannerPost?: string;
}

/** Letters of the made-up origins (`ZZBENCHA`): two in the first folder, two in a middle one, two in the last, one added later. */
const UNIQUE_LETTERS = ['A', 'B', 'M', 'N', 'Y', 'Z'];
export const ADDED_LETTER = 'W';

let candidates: Candidate[] | undefined;
let corpusIds: Set<string> | undefined;

/**
 * Corpus cables that write their own ref id (record or preamble) and carry a `DE RUEH… #serial` line: there
 * the id appears in every form a cable writes it, so the rewrite is tested on all of them.
 */
function corpusCandidates(): { candidates: Candidate[]; corpusIds: Set<string> } {
  if (candidates && corpusIds) return { candidates, corpusIds };
  candidates = [];
  corpusIds = new Set();
  for (const path of corpusFiles()) {
    const text = readFileSync(path, 'utf8');
    const nameId = parseRefId(basename(path, extname(path)).toUpperCase());
    if (nameId) corpusIds.add(nameId.text);
    const model = parseCableFile(text, {});
    for (const cable of model.cables) if (cable.refId) corpusIds.add(cable.refId.value.text);
    const cable = model.cables.length === 1 ? model.cables[0] : undefined;
    const refId = cable?.refId;
    if (!cable || !refId || (refId.source !== 'record' && refId.source !== 'preamble')) continue;
    if (!deLinePattern(refId.value).test(text)) continue;
    candidates.push({ path, text, refId: refId.value, bannerPost: cable.banner?.post?.text });
  }
  if (candidates.length < UNIQUE_LETTERS.length + 1) throw new Error(`Only ${candidates.length} corpus cables fit for a unique ref id`);
  return { candidates, corpusIds };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `DE RUEHME #0283/01 0351708`: the station's serial, 4 digits or more (the low digits of a longer serial). */
function deLinePattern(refId: RefId): RegExp {
  const low = refId.serial.length > 4 ? refId.serial.slice(-4) : refId.serial;
  return new RegExp(`^(DE +\\S+ +#)(0*${escape(low)})(?=\\D|$)`, 'm');
}

/**
 * `text` with the ref id `from` written as `to` wherever the cable writes it: the compact id (record,
 * preamble), `MEXICO 000283` (banner, section-break lines, with their zero padding), `#0283` in the `DE` line.
 */
function rewriteRefId(text: string, from: RefId, bannerPost: string | undefined, to: RefId): string {
  const pad = (serial: string, width: number) => serial.padStart(width, '0');
  let out = text.replace(new RegExp(`\\b${from.year}${escape(from.origin)}0*${from.serial}\\b`, 'g'), to.text);
  for (const post of new Set([bannerPost, from.origin].filter((p): p is string => !!p))) {
    out = out.replace(
      new RegExp(`\\b${escape(post)}([ \\t]+)(0*${from.serial})\\b`, 'g'),
      (_all, space: string, serial: string) => `${to.origin}${space}${pad(to.serial, serial.length)}`,
    );
  }
  const de = deLinePattern(from);
  out = out.replace(
    new RegExp(de.source, 'gm'),
    (_all, head: string, serial: string) => `${head}${pad(to.serial, serial.length).slice(-serial.length)}`,
  );
  return out;
}

/**
 * The `n`th unique cable: a corpus cable (a different one for each `n`) with its ref id made `YYZZBENCH<letter><serial>`,
 * checked by the parser itself to give that id from its own text (not from a file name), with no trace of the old one.
 */
export function uniqueCable(letter: string, n: number): UniqueCable {
  const { candidates: all, corpusIds: ids } = corpusCandidates();
  const step = Math.max(1, Math.floor(all.length / (UNIQUE_LETTERS.length + 1)));
  for (let k = 0; k < all.length; k++) {
    const candidate = all[(n * step + k) % all.length];
    const to = parseRefId(`${candidate.refId.year}ZZBENCH${letter}${101 + n}`);
    if (!to || ids.has(to.text)) continue;
    const text = rewriteRefId(candidate.text, candidate.refId, candidate.bannerPost, to);
    const cable = parseCableFile(text, {}).cables[0];
    const got = cable?.refId;
    if (!got || got.value.text !== to.text || got.source === 'filename') continue;
    if (text.includes(candidate.refId.text) || deLinePattern(candidate.refId).test(text)) continue;
    if (cable.banner?.serial && cable.banner.post?.text !== to.origin) continue;
    return { refId: to.text, source: candidate.path, text };
  }
  throw new Error(`No corpus cable could be given the ref id ZZBENCH${letter}`);
}

/** Checks that no id is part of another (workspace/symbol matches a query anywhere in a ref id) nor of a corpus id. */
function checkDistinct(ids: string[]): void {
  const { corpusIds: corpus } = corpusCandidates();
  for (const id of ids) {
    const clash = [...ids.filter((other) => other !== id), ...corpus].find((other) => other.includes(id));
    if (clash) throw new Error(`The made-up ref id ${id} is part of ${clash}`);
  }
}

/** Where the unique cables go: two in the first folder, two in the middle one, two in the last, at a third and two thirds of each. */
function uniquePositions(count: number): Array<{ letter: string; index: number }> {
  const folders = Math.ceil(count / FILES_PER_FOLDER);
  const inFolder = (folder: number) => Math.min(FILES_PER_FOLDER, count - folder * FILES_PER_FOLDER);
  const spots = [0, Math.floor((folders - 1) / 2), folders - 1].flatMap((folder) => {
    const size = inFolder(folder);
    return [Math.floor(size / 3), Math.floor((2 * size) / 3)].map((offset) => folder * FILES_PER_FOLDER + offset);
  });
  const unique = [...new Set(spots)];
  if (unique.length !== spots.length) throw new Error(`${count} files are too few for ${spots.length} unique cables in three folders`);
  return unique.map((index, i) => ({ letter: UNIQUE_LETTERS[i], index }));
}

/**
 * Builds the workspace in `folder` (which must not exist yet). Yields to the event loop after each folder so a
 * signal handler can clean up mid-way; `onFolder` is told of progress.
 */
export async function buildBigWorkspace(
  folder: string,
  count: number,
  onFolder?: (done: number, total: number) => void,
): Promise<BigWorkspace> {
  const start = performance.now();
  const files = corpusFiles();
  const sizes = files.map((file) => statSync(file).size);
  const positions = uniquePositions(count);
  const uniques = new Map(positions.map(({ letter, index }, n) => [index, uniqueCable(letter, n)]));
  checkDistinct([...[...uniques.values()].map((u) => u.refId), uniqueCable(ADDED_LETTER, UNIQUE_LETTERS.length).refId]);

  mkdirSync(folder);
  const folders: string[] = [];
  const placed: PlacedCable[] = [];
  let bytes = 0;
  const folderCount = Math.ceil(count / FILES_PER_FOLDER);
  for (let f = 0; f < folderCount; f++) {
    const name = folderName(f);
    const dir = join(folder, name);
    mkdirSync(dir);
    folders.push(name);
    const end = Math.min(count, (f + 1) * FILES_PER_FOLDER);
    for (let i = f * FILES_PER_FOLDER; i < end; i++) {
      const unique = uniques.get(i);
      if (unique) {
        const path = join(dir, `${unique.refId}${extname(unique.source)}`);
        writeFileSync(path, unique.text);
        bytes += Buffer.byteLength(unique.text);
        placed.push({ ...unique, folderName: name, path });
      } else {
        const source = files[i % files.length];
        const extension = extname(source);
        // `09MEXICO283-000720.txt`: the corpus name and the copy's number, the extension kept.
        copyFileSync(source, join(dir, `${basename(source, extension)}-${String(i).padStart(6, '0')}${extension}`));
        bytes += sizes[i % files.length];
      }
    }
    onFolder?.(f + 1, folderCount);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { folder, files: count, folders, bytes, buildMs: performance.now() - start, uniques: placed };
}
