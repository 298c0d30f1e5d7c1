/**
 * Folding ranges: the routing header, the caption, each heading's section, each multi-line paragraph, Summary
 * and Comment spans, and long address lists. Read from the model only.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange, type Range } from 'vscode-languageserver-types';
import type { AddressList, Cable, CableFile } from '../model';

/** An address list folds from this many lines on: two lines read fine unfolded. */
const MIN_ADDRESS_LIST_LINES = 3;

/** Folding ranges of every cable in the file: at most one per start line, and properly nested. */
export function getFoldingRanges(_document: TextDocument, model: CableFile): FoldingRange[] {
  const ranges = model.cables.flatMap(cableFolds);
  return nested(onePerStartLine(ranges));
}

function cableFolds(cable: Cable): FoldingRange[] {
  const folds: Array<FoldingRange | undefined> = [];
  const { routing, caption, body } = cable;
  folds.push(fold(cable.preamble?.range, 'preamble'), fold(cable.record?.range, 'record'));
  if (routing) {
    folds.push(fold(routing.range, 'routing header'));
    for (const list of [routing.to, routing.info]) folds.push(addressListFold(list));
  }
  folds.push(fold(caption.range, 'caption'));
  for (const heading of body.headings) folds.push(fold(heading.sectionRange, heading.text));
  for (const paragraph of body.paragraphs) {
    const marking = paragraph.marking ? ` (${paragraph.marking.text})` : '';
    folds.push(fold(paragraph.range, `${paragraph.numberToken.text}${marking} ${paragraph.lead}…`));
  }
  for (const span of body.spans) {
    folds.push(
      fold(
        span.range,
        span.kind === 'summary' ? 'Summary…' : 'Comment…',
        span.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
      ),
    );
  }
  return folds.filter((f): f is FoldingRange => f !== undefined);
}

function addressListFold(list: AddressList | undefined): FoldingRange | undefined {
  if (!list) return undefined;
  const lines = list.range.end.line - list.range.start.line + 1;
  return lines >= MIN_ADDRESS_LIST_LINES ? fold(list.range, `${list.keyword.text} ${list.addresses.length} addressees`) : undefined;
}

/** A fold over the lines of `range`, or undefined when it covers a single line. */
function fold(range: Range | undefined, collapsedText: string, kind?: FoldingRangeKind): FoldingRange | undefined {
  if (!range || range.end.line <= range.start.line) return undefined;
  const folding: FoldingRange = { startLine: range.start.line, endLine: range.end.line, collapsedText: collapsedText.trim() };
  if (kind) folding.kind = kind;
  return folding;
}

/**
 * Clients keep one fold per start line; keep the widest so a Summary that runs past its paragraph still folds
 * whole, and sort by start line as clients expect.
 */
function onePerStartLine(ranges: FoldingRange[]): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  for (const range of ranges) {
    const kept = byStart.get(range.startLine);
    if (!kept || range.endLine > kept.endLine) byStart.set(range.startLine, range);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/**
 * Clients drop a fold that crosses another. A Comment that starts at the end of one paragraph and runs into the
 * next crosses both: the earlier fold then ends on the line before the later one starts (or goes, if nothing is
 * left of it), so both stay usable. Input sorted by start line, widest first.
 */
function nested(ranges: FoldingRange[]): FoldingRange[] {
  const open: FoldingRange[] = [];
  const dropped = new Set<FoldingRange>();
  for (const range of ranges) {
    while (open.length && open[open.length - 1].endLine < range.startLine) open.pop();
    while (open.length && open[open.length - 1].endLine < range.endLine) {
      const crossed = open.pop()!;
      crossed.endLine = range.startLine - 1;
      if (crossed.endLine <= crossed.startLine) dropped.add(crossed);
    }
    open.push(range);
  }
  return ranges.filter((range) => !dropped.has(range));
}
