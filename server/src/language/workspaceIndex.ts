/**
 * Which cables the workspace holds and which cables cite which: the basis of document links, go-to-definition,
 * find-references and workspace symbols. The server fills an index with the files it knows; features only ask.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { Cable, CableFile } from './model';
import { parseCableFile } from './parse/parseCableFile';
import { parseRefId, refIdFromFileName } from './parse/refIds';

/** One cable of the workspace. */
export interface IndexedCable {
  uri: string;
  refId?: string;
  subject?: string;
  /** The whole cable. */
  range: Range;
}

export interface WorkspaceIndex {
  /** Where the cable `refId` (canonical, e.g. `08MEXICO3456`) lives: cables with that id and files named after it. */
  findCableFiles(refId: string): Location[];
  /** Where other cables cite `refId`: their REF items and record references. */
  findCitations(refId: string): Location[];
  allCables(): IndexedCable[];
}

interface FileEntry {
  cables: Array<IndexedCable & { target: Range }>;
  citations: Array<{ refId: string; range: Range }>;
  /** The ref id the file's name spells, e.g. `09MEXICO283` for `09MEXICO283.txt`. */
  nameRefId?: string;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** An index held in memory: `setFile` on open, change or discovery, `removeFile` on delete. */
export class InMemoryWorkspaceIndex implements WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();

  /** Records `uri`'s cables and citations; pass `model` when the file is already parsed. */
  setFile(uri: string, text: string, model?: CableFile): void {
    const fileName = fileNameOf(uri);
    const parsed = model ?? parseCableFile(text, { fileName });
    this.files.set(uri, indexFile(uri, fileName, parsed));
  }

  removeFile(uri: string): void {
    this.files.delete(uri);
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  get size(): number {
    return this.files.size;
  }

  findCableFiles(refId: string): Location[] {
    const wanted = canonical(refId);
    const locations: Location[] = [];
    for (const [uri, entry] of this.files) {
      const cables = entry.cables.filter((c) => c.refId === wanted);
      if (cables.length) locations.push(...cables.map((c) => ({ uri, range: c.target })));
      else if (entry.nameRefId === wanted) locations.push({ uri, range: entry.cables[0]?.target ?? START });
    }
    return locations.sort(byUri);
  }

  findCitations(refId: string): Location[] {
    const wanted = canonical(refId);
    const locations: Location[] = [];
    for (const [uri, entry] of this.files) {
      for (const citation of entry.citations) if (citation.refId === wanted) locations.push({ uri, range: citation.range });
    }
    return locations.sort(byUri);
  }

  allCables(): IndexedCable[] {
    return [...this.files.values()].flatMap((entry) => entry.cables.map(({ uri, refId, subject, range }) => ({ uri, refId, subject, range })));
  }
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

function indexFile(uri: string, fileName: string, model: CableFile): FileEntry {
  const nameRefId = refIdFromFileName(fileName)?.text;
  const cables = model.cables.map((cable) => ({
    uri,
    refId: cable.refId?.value.text,
    subject: cable.caption.subject?.text ?? cable.preamble?.title?.text,
    range: cable.range,
    target: targetOf(cable),
  }));
  const citations = model.cables.flatMap(citationsOf);
  return { cables, citations, nameRefId };
}

/** Where a jump to the cable lands: its ref id as written, else its first character. */
function targetOf(cable: Cable): Range {
  return cable.refId?.range ?? { start: cable.range.start, end: cable.range.start };
}

function citationsOf(cable: Cable): Array<{ refId: string; range: Range }> {
  const fromRefs = (cable.caption.refs?.items ?? []).flatMap((item) =>
    item.cables.flatMap((citation) => (citation.refId ? [{ refId: citation.refId, range: citation.range }] : [])),
  );
  const fromRecord = (cable.record?.references ?? []).flatMap((token) => {
    const refId = parseRefId(token.text);
    return refId ? [{ refId: refId.text, range: token.range }] : [];
  });
  const own = cable.refId?.value.text;
  return [...fromRefs, ...fromRecord].filter((c) => c.refId !== own);
}
