/**
 * Which cables the workspace holds and which cables cite which: the basis of document links, go-to-definition,
 * find-references, workspace symbols and the Cables view. The host fills an index with what it knows of the
 * files and says how complete that is; features only ask. Lookups by ref id go through maps, so a hover over
 * 251,287 indexed cables costs what it costs over ten.
 */
import type { Location } from 'vscode-languageserver-types';
import type { CableFile } from '../model';
import { parseCableFile } from '../parse/parseCableFile';
import { parseRefId } from '../parse/refIds';
import { expand, summariseCableFile, type CableSummary, type CitationSummary, type FileSummary } from './fileSummary';

/** One cable of the workspace, with the file it is in. */
export interface IndexedCable extends CableSummary {
  readonly uri: string;
  /** The subject and origin in upper case, for queries (the same string when it already is). */
  readonly subjectKey?: string;
  readonly originKey?: string;
}

/** How much of the workspace the index holds, so that "not in the workspace" is said only when it is known. */
export interface IndexCompleteness {
  /** `scanning`: files are still being read; `limited`: a limit stopped the index before the end. */
  state: 'complete' | 'scanning' | 'limited';
  /** Files indexed. */
  files: number;
  /** While scanning: the files found so far that are to be read. */
  total?: number;
  /** Which setting stopped the index, and its value. */
  limit?: { setting: string; value: number };
}

export interface WorkspaceIndex {
  /** Where the cable `refId` (canonical, e.g. `08MEXICO3456`) lives: cables with that id and files named after it. */
  findCableFiles(refId: string): Location[];
  /** Where other cables cite `refId`: their REF items and record references. */
  findCitations(refId: string): Location[];
  /** The cables whose ref id is `refId`. */
  cablesWithId(refId: string): IndexedCable[];
  /** Every indexed cable, in no particular order. */
  cables(): readonly IndexedCable[];
  completeness(): IndexCompleteness;
  /** Goes up whenever a file enters, changes or leaves the index; lets features cache what they derive from it. */
  readonly version: number;
}

/** A cable with its place in the flat list. */
type SlottedCable = IndexedCable & { slot: number };

interface FileEntry {
  cables: SlottedCable[];
  citations: readonly CitationSummary[];
  nameRefId?: string;
}

const COMPLETE: IndexCompleteness = { state: 'complete', files: 0 };

/** An index held in memory: `setFile` on open, change or discovery, `removeFile` on delete. */
export class InMemoryWorkspaceIndex implements WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  /** Ref id → files that hold a cable with that id or are named after it. */
  private readonly holders = new Map<string, Set<string>>();
  /** Ref id → files that cite it. */
  private readonly citers = new Map<string, Set<string>>();
  private cableCount = 0;
  private state: Omit<IndexCompleteness, 'files'> = COMPLETE;
  /** Every cable, kept as a flat list (removal swaps the last one in), so queries over 251,287 cables walk an array. */
  private readonly all: SlottedCable[] = [];
  private readonly strings = new Map<string, string>();
  version = 0;

  /** Records `uri`'s cables and citations from its text; pass `model` when the file is already parsed. */
  setFile(uri: string, text: string, model?: CableFile): void {
    const fileName = fileNameOf(uri);
    this.setSummary(uri, summariseCableFile(fileName, model ?? parseCableFile(text, { fileName })));
  }

  /** Records a file's summary, made elsewhere (a worker, the persistent cache). */
  setSummary(uri: string, summary: FileSummary): void {
    this.removeFile(uri);
    const entry: FileEntry = {
      cables: summary.cables.map((cable) => this.indexedCable(uri, cable)),
      citations: summary.citations.map(({ refId, range }) => ({ refId: this.intern(refId), range })),
      nameRefId: summary.nameRefId,
    };
    this.files.set(uri, entry);
    this.cableCount += entry.cables.length;
    for (const cable of entry.cables) {
      cable.slot = this.all.length;
      this.all.push(cable);
    }
    for (const refId of idsHeld(entry)) addTo(this.holders, refId, uri);
    for (const { refId } of entry.citations) addTo(this.citers, refId, uri);
    this.version++;
  }

  removeFile(uri: string): void {
    const entry = this.files.get(uri);
    if (!entry) return;
    this.files.delete(uri);
    this.cableCount -= entry.cables.length;
    for (const cable of entry.cables) {
      const last = this.all.pop()!;
      if (last !== cable) {
        last.slot = cable.slot;
        this.all[cable.slot] = last;
      }
    }
    for (const refId of idsHeld(entry)) removeFrom(this.holders, refId, uri);
    for (const { refId } of entry.citations) removeFrom(this.citers, refId, uri);
    this.version++;
  }

  /**
   * Dates, classifications, origins, TAGS and cited ids repeat across a release: one string for each value,
   * so 251,287 cables hold a few thousand copies, not a million.
   */
  private intern<T extends string | undefined>(text: T): T {
    if (text === undefined) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known as T;
    this.strings.set(text, text);
    return text;
  }

  /** Every cable object has the same fields in the same order, so the loops of queries stay monomorphic. */
  private indexedCable(uri: string, cable: CableSummary): SlottedCable {
    const subjectKey = cable.subject?.toUpperCase();
    const origin = this.intern(cable.origin);
    return {
      uri,
      refId: cable.refId,
      subject: cable.subject,
      date: this.intern(cable.date),
      classification: this.intern(cable.classification),
      origin,
      tags: cable.tags.map((tag) => this.intern(tag)),
      range: cable.range,
      target: cable.target,
      subjectKey: subjectKey === cable.subject ? cable.subject : subjectKey,
      originKey: this.intern(origin?.toUpperCase()),
      slot: -1,
    };
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  /** The summary as kept (for the persistent cache). */
  summaryOf(uri: string): FileSummary | undefined {
    const entry = this.files.get(uri);
    if (!entry) return undefined;
    return {
      cables: entry.cables.map(summaryOfCable),
      citations: [...entry.citations],
      ...(entry.nameRefId ? { nameRefId: entry.nameRefId } : {}),
    };
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Files indexed. */
  get size(): number {
    return this.files.size;
  }

  /** Cables in them. */
  get cableTotal(): number {
    return this.cableCount;
  }

  /** Said by the host as it scans; `files` is always this index's own count. */
  setCompleteness(state: Omit<IndexCompleteness, 'files'>): void {
    this.state = state;
  }

  completeness(): IndexCompleteness {
    return { ...this.state, files: this.files.size };
  }

  findCableFiles(refId: string): Location[] {
    const wanted = canonical(refId);
    const locations: Location[] = [];
    for (const uri of this.holders.get(wanted) ?? []) {
      const entry = this.files.get(uri)!;
      const cables = entry.cables.filter((cable) => cable.refId === wanted);
      if (cables.length) locations.push(...cables.map((cable) => ({ uri, range: expand(cable.target) })));
      else locations.push({ uri, range: entry.cables[0] ? expand(entry.cables[0].target) : START });
    }
    return locations.sort(byUri);
  }

  findCitations(refId: string): Location[] {
    const wanted = canonical(refId);
    const locations: Location[] = [];
    for (const uri of this.citers.get(wanted) ?? []) {
      for (const citation of this.files.get(uri)!.citations)
        if (citation.refId === wanted) locations.push({ uri, range: expand(citation.range) });
    }
    return locations.sort(byUri);
  }

  cablesWithId(refId: string): IndexedCable[] {
    const wanted = canonical(refId);
    return [...(this.holders.get(wanted) ?? [])].flatMap((uri) => this.files.get(uri)!.cables.filter((cable) => cable.refId === wanted));
  }

  cables(): readonly IndexedCable[] {
    return this.all;
  }
}

/** The summary fields of an indexed cable, without the absent ones (as the cache writes them). */
function summaryOfCable(cable: IndexedCable): CableSummary {
  const summary: CableSummary = { tags: cable.tags, range: cable.range, target: cable.target };
  if (cable.refId !== undefined) summary.refId = cable.refId;
  if (cable.subject !== undefined) summary.subject = cable.subject;
  if (cable.date !== undefined) summary.date = cable.date;
  if (cable.classification !== undefined) summary.classification = cable.classification;
  if (cable.origin !== undefined) summary.origin = cable.origin;
  return summary;
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function idsHeld(entry: FileEntry): Set<string> {
  const ids = new Set<string>();
  for (const cable of entry.cables) if (cable.refId) ids.add(cable.refId);
  if (entry.nameRefId) ids.add(entry.nameRefId);
  return ids;
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (set) set.add(uri);
  else map.set(key, new Set([uri]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}

const byUri = (a: Location, b: Location) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line);

/** `08mexico3456` or `08MEXICO03456` → `08MEXICO3456`; other text as given, upper-cased. */
function canonical(refId: string): string {
  return parseRefId(refId.toUpperCase())?.text ?? refId.toUpperCase();
}

/** The last path segment of a URI, decoded: `file:///w/09MEXICO283.txt` → `09MEXICO283.txt`. */
export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
