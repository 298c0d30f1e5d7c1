/**
 * The Cable Preview: a reading view of the model, as plain JSON for the client to render. Each cable becomes a
 * header card (see `previewHeader`) and body blocks: numbered paragraphs with their number and marking apart and
 * their lines joined (`¶1. (C) Summary. Mexico's drug cartels are responsible for` / `60-80 percent …` read as one
 * text), headings, loose text, withheld paragraphs, footers and the signature. Text runs carry the acronyms the
 * hover knows (with their meaning), markings inside the text, and the Summary and Comment spans. Every block and
 * piece keeps its source lines, for scroll sync. The structure comes from the model; the text between its ranges
 * is only cut into stretches (blank lines, list items) and words.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  PreviewBlock,
  PreviewCable,
  PreviewDocument,
  PreviewMarking,
  PreviewPiece,
  PreviewRun,
  PreviewSpanRef,
} from '../../../../shared/previewProtocol';
import type { Dictionaries } from '../dicts/dictionaries';
import type { Cable, CableFile, Paragraph, PortionMarking, Position, Range, Span } from '../model';
import { isDashedLine } from '../parse/body';
import { parsePortionMarking } from '../parse/classification';
import type { LanguageSettings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { meaningsOf, type Meaning } from './acronyms';
import { ModelCache } from './modelCache';
import type { AcronymDefinition } from '../parse/acronymDefinitions';
import { previewHeader } from './previewHeader';
import { comparePositions, lineText } from './ranges';

export interface PreviewContext {
  dictionaries: Dictionaries;
  workspace?: WorkspaceIndex;
  /** For the user's own acronyms (`cable.acronyms`). */
  settings?: LanguageSettings;
  /** The model's cache, for the acronyms each cable defines; a fresh one when absent. */
  cache?: ModelCache;
}

/** Characters of body text one preview carries at most; a longer file is shown up to there (`truncatedAt`). */
export const MAX_PREVIEW_TEXT = 1_000_000;

/** A list item at a line start: `-- `, `- `, `* `, `o `, `A. `, `a) `, `(1) `, `iv. `. */
const LIST_ITEM = /^(--?|\*|•|o|[A-Za-z][.)]|\(\s*[A-Za-z0-9]{1,3}\s*\)|\d{1,2}\)|[ivx]{2,4}\.)\s+/;
/** A portion marking opening a stretch of text: `(C)`, `(S//NF)`, `(SBU)` (as the body parser reads them). */
const LEADING_MARKING = /^\(\s*([A-Za-z][A-Za-z/ ,]{0,39}?)\s*\)\s*/;
/** The line before a list item ends a sentence or a clause (else `-- don't trust …` only continues it). */
const ENDS_CLAUSE = /[.:;!?)"'”’]\s*$/;
const WORD = /[A-Za-z0-9]+/g;

const SOURCE_NOTES: Record<Meaning['source'], string | undefined> = {
  settings: 'your cable.acronyms',
  cable: 'defined in this cable',
  control: 'dissemination control',
  dictionary: undefined,
  tag: 'TAG',
  routing: 'routing indicator',
};

interface Budget {
  left: number;
  truncatedAt?: number;
}

/** The preview document of a whole file. */
export function getPreview(document: TextDocument, model: CableFile, context: PreviewContext): PreviewDocument {
  const budget: Budget = { left: MAX_PREVIEW_TEXT };
  const cables: PreviewCable[] = [];
  for (const cable of model.cables) {
    if (budget.truncatedAt !== undefined) break;
    if (isEmpty(cable)) continue;
    cables.push({
      line: cable.range.start.line,
      endLine: cable.range.end.line,
      header: previewHeader(cable, context),
      blocks: bodyBlocks(document, cable, context, budget),
    });
  }
  return {
    uri: document.uri,
    version: document.version,
    lineCount: document.lineCount,
    cables,
    ...(budget.truncatedAt !== undefined ? { truncatedAt: budget.truncatedAt } : {}),
  };
}

/** A "cable" the parser made of a file that holds none (empty, or no part of a cable in it). */
function isEmpty(cable: Cable): boolean {
  const { caption } = cable;
  return (
    !cable.body.range &&
    !cable.routing &&
    !cable.banner &&
    !cable.preamble &&
    !cable.record &&
    !cable.refId &&
    !caption.subject &&
    !caption.tags &&
    !caption.eo
  );
}

/** What every block of one cable reads besides its lines. */
interface BodyContext {
  document: TextDocument;
  cable: Cable;
  context: PreviewContext;
  settings: LanguageSettings;
  /** Ranges whose text is no part of the reading: section and page breaks, footers, the signature. */
  excluded: Range[];
  meanings: Map<string, string | undefined>;
  /** The acronyms the cable defines itself. */
  definitions: ReadonlyMap<string, AcronymDefinition>;
}

function bodyBlocks(document: TextDocument, cable: Cable, context: PreviewContext, budget: Budget): PreviewBlock[] {
  const { body } = cable;
  if (!body.range) return [];
  const excluded = [
    ...body.sectionBreaks.map((b) => b.range),
    ...body.footers.map((f) => f.range),
    ...(body.signature ? [body.signature.range] : []),
    ...(body.trailingClassification ? [body.trailingClassification.range] : []),
  ];
  const definitions = (context.cache ?? new ModelCache(document)).acronymDefinitions(cable);
  const bc: BodyContext = {
    document,
    cable,
    context,
    settings: context.settings ?? DEFAULT_SETTINGS,
    excluded,
    meanings: new Map(),
    definitions,
  };
  const blocks: PreviewBlock[] = [];
  const claimed = new Set<number>();
  const claim = (range: Range) => {
    for (let line = range.start.line; line <= range.end.line; line++) claimed.add(line);
  };

  for (const paragraph of body.paragraphs) {
    claim(paragraph.range);
    blocks.push(paragraphBlock(paragraph, bc));
    if (paragraph.withheldAfter) {
      const line = paragraph.range.end.line;
      blocks.push({ kind: 'withheld', line, endLine: line, count: paragraph.withheldAfter });
    }
  }
  for (const heading of body.headings) {
    claim(heading.range);
    blocks.push({
      kind: 'heading',
      line: heading.range.start.line,
      endLine: heading.range.end.line,
      runs: wordRuns(heading.text.replace(/\s+/g, ' ').trim(), bc),
    });
  }
  for (const sectionBreak of body.sectionBreaks) {
    const line = sectionBreak.range.start.line;
    if (claimed.has(line) || sectionBreak.n === undefined || sectionBreak.m === undefined || sectionBreak.page !== undefined) continue;
    blocks.push({ kind: 'break', line, endLine: sectionBreak.range.end.line, text: `Section ${sectionBreak.n} of ${sectionBreak.m}` });
  }
  for (const footer of body.footers) {
    claim(footer.range);
    blocks.push({
      kind: 'footer',
      line: footer.range.start.line,
      endLine: footer.range.end.line,
      text: footer.text.replace(/\s+/g, ' ').trim(),
    });
  }
  if (body.signature) {
    claim(body.signature.range);
    blocks.push({
      kind: 'signature',
      line: body.signature.range.start.line,
      endLine: body.signature.range.end.line,
      text: body.signature.text.trim(),
    });
  }
  blocks.push(...looseTextBlocks(body.range, claimed, bc));
  blocks.sort((a, b) => a.line - b.line);

  // The budget is counted in text shown; a file past it is cut at a block's first line.
  const kept: PreviewBlock[] = [];
  for (const block of blocks) {
    budget.left -= blockLength(block);
    if (budget.left < 0) {
      budget.truncatedAt = block.line;
      break;
    }
    kept.push(block);
  }
  return kept;
}

function blockLength(block: PreviewBlock): number {
  const runsLength = (runs: PreviewRun[]) => runs.reduce((sum, run) => sum + run.text.length, 0);
  switch (block.kind) {
    case 'paragraph':
    case 'text':
      return block.pieces.reduce((sum, piece) => sum + runsLength(piece.runs), 0);
    case 'heading':
      return runsLength(block.runs);
    case 'withheld':
      return 0;
    default:
      return block.text.length;
  }
}

/** `¶1. (C) Summary. …`: number and marking apart, the text after them reflowed; a title paragraph is a heading. */
function paragraphBlock(paragraph: Paragraph, bc: BodyContext): PreviewBlock {
  const start = paragraph.marking?.range.end ?? paragraph.numberToken.range.end;
  const lines = { line: paragraph.range.start.line, endLine: paragraph.range.end.line };
  const number = paragraph.numberToken.text.replace(/\s+/g, '');
  const marking = paragraph.marking && previewMarking(paragraph.marking, bc.context.dictionaries);
  const stretches = collectStretches(bc, start, paragraph.range.end);
  if (paragraph.title) {
    const text = stretches.map((s) => s.text).join(' ');
    return { kind: 'heading', ...lines, number, marking, runs: wordRuns(text, bc) };
  }
  const span = blockSpan(stretches[0], bc.cable.body.spans);
  return {
    kind: 'paragraph',
    ...lines,
    number,
    marking,
    pieces: stretches.map((s) => previewPiece(s, bc, span)),
    ...(span ? { span } : {}),
  };
}

/** Body lines that no paragraph, heading, footer or signature claims: text blocks, parted by blank lines. */
function looseTextBlocks(bodyRange: Range, claimed: Set<number>, bc: BodyContext): PreviewBlock[] {
  const blocks: PreviewBlock[] = [];
  let first = -1;
  const flush = (last: number) => {
    if (first < 0) return;
    const stretches = collectStretches(bc, { line: first, character: 0 }, { line: last, character: Number.MAX_SAFE_INTEGER });
    if (stretches.length) {
      const span = blockSpan(stretches[0], bc.cable.body.spans);
      blocks.push({
        kind: 'text',
        line: stretches[0].parts[0].line,
        endLine: last,
        pieces: stretches.map((s) => previewPiece(s, bc, span)),
        ...(span ? { span } : {}),
      });
    }
    first = -1;
  };
  for (let line = bodyRange.start.line; line <= bodyRange.end.line; line++) {
    const blank = claimed.has(line) || lineSegments(bc, line, 0, Number.MAX_SAFE_INTEGER).length === 0;
    if (blank) flush(line - 1);
    else if (first < 0) first = line;
  }
  flush(bodyRange.end.line);
  return blocks;
}

/** One part of a stretch: `document` line `line`, characters [start, end), at `offset` in the joined text. */
interface StretchPart {
  line: number;
  start: number;
  end: number;
  offset: number;
}

/** Lines joined into one text, up to a blank line, a rule of dashes or the next list item. */
interface Stretch {
  text: string;
  parts: StretchPart[];
  bullet?: string;
}

/**
 * The text from `from` to `to` as stretches of joined lines. A line ending in a hyphen between letters joins the
 * next without a space (`information-` / `sharing`); every other line break becomes one space.
 */
function collectStretches(bc: BodyContext, from: Position, to: Position): Stretch[] {
  const stretches: Stretch[] = [];
  let current: Stretch | undefined;
  let previousText: string | undefined;
  for (let line = from.line; line <= to.line; line++) {
    const startChar = line === from.line ? from.character : 0;
    const endChar = line === to.line ? to.character : Number.MAX_SAFE_INTEGER;
    const segments = lineSegments(bc, line, startChar, endChar);
    // A page or section break cuts a sentence as a line break does: the text runs on past it.
    if (!segments.length && lineSegments(bc, line, startChar, endChar, false).length) continue;
    const lineContent = segments.map((s) => s.text).join(' ');
    if (!segments.length || isDashedLine(lineContent)) {
      current = undefined;
      previousText = undefined;
      continue;
    }
    const item = LIST_ITEM.exec(lineContent);
    const startsItem = item !== null && (current === undefined || startsListItem(item, lineContent, previousText));
    if (startsItem || current === undefined) {
      current = { text: '', parts: [] };
      stretches.push(current);
    }
    segments.forEach((segment, index) => {
      let { start, text } = segment;
      if (index === 0 && startsItem && item) {
        current!.bullet = item[1];
        start += item[0].length;
        text = text.slice(item[0].length);
      }
      if (!text) return;
      const glue =
        current!.text === '' ? '' : /[A-Za-z]-$/.test(current!.text) && !/--$/.test(current!.text) && /^[a-z]/.test(text) ? '' : ' ';
      current!.text += glue;
      current!.parts.push({ line, start, end: start + text.length, offset: current!.text.length });
      current!.text += text;
    });
    previousText = lineContent;
  }
  return stretches.filter((s) => s.text.length > 0);
}

/** A bullet opens an item after a line that ends a clause, or when the item reads as one (a capital, a marking). */
function startsListItem(item: RegExpExecArray, line: string, previous: string | undefined): boolean {
  if (previous === undefined || ENDS_CLAUSE.test(previous)) return true;
  const isDash = /^[-*•o]/.test(item[1]);
  return isDash && /^[A-Z(“"]/.test(line.slice(item[0].length));
}

/** The text of `line` within [start, end), less the excluded ranges on it, as trimmed segments. */
function lineSegments(bc: BodyContext, line: number, start: number, end: number, exclude = true): Array<{ start: number; text: string }> {
  const full = lineText(bc.document, line);
  let cuts: Array<[number, number]> = [[start, Math.min(end, full.length)]];
  for (const range of exclude ? bc.excluded : []) {
    if (range.start.line > line || range.end.line < line) continue;
    const from = range.start.line < line ? 0 : range.start.character;
    const to = range.end.line > line ? full.length : range.end.character;
    cuts = cuts.flatMap(([a, b]): Array<[number, number]> =>
      to <= a || from >= b
        ? [[a, b]]
        : [
            [a, Math.max(a, from)],
            [Math.min(b, to), b],
          ],
    );
  }
  const segments: Array<{ start: number; text: string }> = [];
  for (const [a, b] of cuts) {
    const raw = full.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) segments.push({ start: a + lead, text });
  }
  return segments;
}

/** The offset in the stretch's text of a document position (clamped to the stretch). */
function offsetOf(stretch: Stretch, position: Position): number {
  for (const part of stretch.parts) {
    if (comparePositions(position, { line: part.line, character: part.start }) <= 0) return part.offset;
    if (comparePositions(position, { line: part.line, character: part.end }) <= 0) return part.offset + position.character - part.start;
  }
  return stretch.text.length;
}

/** The span a block lies in from its first character on (its text then needs no span of its own). */
function blockSpan(first: Stretch | undefined, spans: Span[]): PreviewSpanRef | undefined {
  const part = first?.parts[0];
  if (!part) return undefined;
  const at = { line: part.line, character: part.start };
  const index = spans.findIndex((span) => comparePositions(span.range.start, at) <= 0 && comparePositions(at, span.range.end) < 0);
  if (index < 0) return undefined;
  const span = spans[index];
  return { kind: span.kind, index, ...(span.end ? {} : { open: true }) };
}

function previewPiece(stretch: Stretch, bc: BodyContext, blockSpanRef: PreviewSpanRef | undefined): PreviewPiece {
  const firstPart = stretch.parts[0];
  const lastPart = stretch.parts[stretch.parts.length - 1];
  const piece: PreviewPiece = { line: firstPart.line, endLine: lastPart.line, runs: [] };
  if (stretch.bullet) piece.bullet = stretch.bullet;
  let textStart = 0;
  const leading = LEADING_MARKING.exec(stretch.text);
  if (leading) {
    const parsed = parsePortionMarking(leading[1]);
    if (parsed.level) {
      piece.marking = previewMarking({ text: leading[1], level: parsed.level }, bc.context.dictionaries);
      textStart = leading[0].length;
    }
  }
  piece.runs = annotatedRuns(stretch, textStart, bc, blockSpanRef);
  return piece;
}

/** Cuts the stretch's text at span boundaries and span words, then into words with meanings. */
function annotatedRuns(stretch: Stretch, textStart: number, bc: BodyContext, blockSpanRef: PreviewSpanRef | undefined): PreviewRun[] {
  const { text } = stretch;
  const spans = bc.cable.body.spans;
  const spanIntervals: Array<{ from: number; to: number; kind: Span['kind'] }> = [];
  const marks: Array<{ from: number; to: number }> = [];
  spans.forEach((span, index) => {
    const from = Math.max(offsetOf(stretch, span.range.start), textStart);
    let to = offsetOf(stretch, span.range.end);
    if (to <= from) return;
    for (const token of [span.start, span.end]) {
      if (!token) continue;
      const a = Math.max(offsetOf(stretch, token.range.start), textStart);
      let b = offsetOf(stretch, token.range.end);
      // The stop after the words belongs to them: `Summary.`, `Comment:`, and so to the span they close.
      if (/[.:]/.test(text[b] ?? '')) {
        if (to === b) to++;
        b++;
      }
      if (b > a) marks.push({ from: a, to: b });
    }
    if (index !== blockSpanRef?.index) spanIntervals.push({ from, to, kind: span.kind });
  });
  const cuts = new Set<number>([textStart, text.length]);
  for (const interval of [...spanIntervals, ...marks]) {
    cuts.add(interval.from);
    cuts.add(interval.to);
  }
  const points = [...cuts].filter((p) => p >= textStart && p <= text.length).sort((a, b) => a - b);
  const runs: PreviewRun[] = [];
  const mixedCase = /[a-z]/.test(text);
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (to <= from) continue;
    const piece = text.slice(from, to);
    const span = spanIntervals.find((s) => s.from <= from && to <= s.to)?.kind;
    const isMark = marks.some((m) => m.from <= from && to <= m.to);
    const pieceRuns: PreviewRun[] = isMark ? [{ text: piece, kind: 'spanMark' }] : wordRuns(piece, bc, mixedCase);
    for (const run of pieceRuns) pushRun(runs, span ? { ...run, span } : run);
  }
  return runs;
}

/** Plain text cut at the words the hover would explain: each such word a run with its meaning as `title`. */
function wordRuns(text: string, bc: BodyContext, mixedCase = /[a-z]/.test(text)): PreviewRun[] {
  const runs: PreviewRun[] = [];
  const anyOwnAcronyms = Object.keys(bc.settings.acronyms ?? {}).length > 0;
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!anyOwnAcronyms && (word.length < 2 || !/[A-Z]/.test(word))) continue;
    const title = meaningOf(word, mixedCase, bc);
    if (!title) continue;
    const at = match.index ?? 0;
    if (at > last) pushRun(runs, { text: text.slice(last, at) });
    runs.push({ text: word, kind: 'acronym', title });
    last = at + word.length;
  }
  if (last < text.length) pushRun(runs, { text: text.slice(last) });
  return runs;
}

function meaningOf(word: string, mixedCase: boolean, bc: BodyContext): string | undefined {
  const key = `${mixedCase ? 'm' : 'u'}${word}`;
  if (bc.meanings.has(key)) return bc.meanings.get(key);
  const [first] = meaningsOf(word, {
    cableDefinitions: bc.definitions,
    settings: bc.settings,
    dictionaries: bc.context.dictionaries,
    // Stands in for the word's line: all capitals or mixed case is what it is asked for.
    lineText: mixedCase ? 'a' : 'A',
  });
  const note = first ? SOURCE_NOTES[first.source] : undefined;
  const title = first ? `${word}: ${first.text}${note ? ` (${note})` : ''}` : undefined;
  bc.meanings.set(key, title);
  return title;
}

/** Appends a run, merging it into the last when both are plain text alike. */
function pushRun(runs: PreviewRun[], run: PreviewRun): void {
  const last = runs[runs.length - 1];
  if (last && !last.kind && !run.kind && last.span === run.span) last.text += run.text;
  else runs.push({ ...run });
}

function previewMarking(marking: Pick<PortionMarking, 'text' | 'level'>, dictionaries: Dictionaries): PreviewMarking {
  const written = `(${marking.text})`;
  const meaning =
    dictionaries.markings.portion_markings[written.toUpperCase()] ??
    (marking.level ? dictionaries.levels.byLevel[marking.level].title : 'Not a known portion marking');
  return { text: written, ...(marking.level ? { level: marking.level } : {}), ...(meaning ? { meaning } : {}) };
}
