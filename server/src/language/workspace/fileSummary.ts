/**
 * What the workspace index keeps of one file: per cable its ref id, date, classification, origin, subject,
 * TAGS and where it lies; the telegrams it cites, with their ranges. Plain data (it goes through worker
 * messages and the persistent cache as it is), with every string copied out of the file's text, so that an
 * index of 251,287 cables never keeps a whole file alive through a short slice of it.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Cable, CableFile } from '../model';
import { parseRefId, refIdFromFileName } from '../parse/refIds';

/** A range as four numbers, start line and character, end line and character: a quarter of a `Range`'s objects. */
export type CompactRange = readonly [number, number, number, number];

/** One cable of a file, as the index keeps it. */
export interface CableSummary {
  refId?: string;
  subject?: string;
  /** ISO date, `2009-02-04`. */
  date?: string;
  /** As the release spells it: `CONFIDENTIAL`, `SECRET//NOFORN`. */
  classification?: string;
  /** As the release names it: `Embassy Mexico`. */
  origin?: string;
  tags: readonly string[];
  /** The whole cable. */
  range: CompactRange;
  /** Where a jump to the cable lands: its ref id as written, else its first character. */
  target: CompactRange;
}

/** A telegram the file cites, in a REF item or a record's references. */
export interface CitationSummary {
  refId: string;
  range: CompactRange;
}

export interface FileSummary {
  cables: CableSummary[];
  citations: CitationSummary[];
  /** The ref id the file's name spells: `09MEXICO283` for `09MEXICO283.txt`. */
  nameRefId?: string;
}

/** Summarises a parsed file for the index. */
export function summariseCableFile(fileName: string, model: CableFile): FileSummary {
  const nameRefId = refIdFromFileName(fileName)?.text;
  return {
    cables: model.cables.map(summariseCable),
    citations: model.cables.flatMap(citationsOf),
    ...(nameRefId ? { nameRefId: detach(nameRefId) } : {}),
  };
}

function summariseCable(cable: Cable): CableSummary {
  const summary: CableSummary = {
    tags: (cable.caption.tags?.tags ?? []).map((tag) => detach(tag.text)),
    range: compact(cable.range),
    target: compact(cable.refId?.range ?? { start: cable.range.start, end: cable.range.start }),
  };
  const refId = cable.refId?.value.text;
  const subject = cable.caption.subject?.text ?? cable.preamble?.title?.text;
  const date = cable.date?.value.slice(0, 10);
  if (refId) summary.refId = detach(refId);
  if (subject) summary.subject = detach(subject);
  if (date) summary.date = detach(date);
  if (cable.classification) summary.classification = detach(cable.classification.value.text);
  if (cable.origin) summary.origin = detach(cable.origin.value);
  return summary;
}

function citationsOf(cable: Cable): CitationSummary[] {
  const own = cable.refId?.value.text;
  const citations: CitationSummary[] = [];
  for (const item of cable.caption.refs?.items ?? []) {
    for (const citation of item.cables) {
      if (citation.refId && citation.refId !== own) citations.push({ refId: detach(citation.refId), range: compact(citation.range) });
    }
  }
  for (const token of cable.record?.references ?? []) {
    const refId = parseRefId(token.text)?.text;
    if (refId && refId !== own) citations.push({ refId: detach(refId), range: compact(token.range) });
  }
  return citations;
}

export function compact(range: Range): CompactRange {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

export function expand([startLine, startCharacter, endLine, endCharacter]: CompactRange): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a slice as a pointer
 * into its parent; flattening a fresh concatenation makes a new string, so the parent can be freed.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}
