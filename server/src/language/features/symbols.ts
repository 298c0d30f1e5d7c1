/**
 * The outline: one symbol per cable holding its header, banner, caption (with its fields), the body's headings
 * with the paragraphs under them, Summary and Comment spans, and the signature. Read from the model only.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { Cable, CableFile, Caption, Paragraph, Span } from '../model';
import { comparePositions, containsRange, ForwardLineReader, unionRange } from './ranges';

/** Outlines stop growing here: a pathological file must not flood the client. */
export const MAX_SYMBOLS = 5000;

export interface Outline {
  symbols: DocumentSymbol[];
  /** True when the outline reached its limit and later symbols were left out. */
  capped: boolean;
}

/** The outline of a cable file: one root per cable. */
export function findDocumentSymbols(document: TextDocument, model: CableFile): DocumentSymbol[] {
  return outlineCableFile(document, model).symbols;
}

/** The outline and whether it was cut at `limit` symbols. */
export function outlineCableFile(document: TextDocument, model: CableFile, limit = MAX_SYMBOLS): Outline {
  const budget = new Budget(limit);
  const symbols: DocumentSymbol[] = [];
  // Cables come in order, so their first lines are read in one pass.
  const lines = new ForwardLineReader(document.getText());
  model.cables.forEach((cable, index) => {
    const root = outlineCable(lines, cable, index, budget);
    if (root) symbols.push(root);
  });
  symbols.forEach(keepChildrenInside);
  return { symbols, capped: budget.capped };
}

/**
 * Children cut to lie inside their parent, as clients require: model parts do not always agree on where a line
 * starts (a routing line's range includes its indentation, the cable's does not).
 */
function keepChildrenInside(parent: DocumentSymbol) {
  for (const child of parent.children ?? []) {
    child.range = clampInto(child.range, parent.range);
    child.selectionRange = clampInto(child.selectionRange, child.range);
    keepChildrenInside(child);
  }
}

/** Counts symbols; once spent, every further `make` is refused and the outline is marked capped. */
class Budget {
  capped = false;
  constructor(private left: number) {}

  make(name: string, kind: SymbolKind, range: Range, selection: Range, detail?: string): DocumentSymbol | undefined {
    if (this.left <= 0) {
      this.capped = true;
      return undefined;
    }
    this.left--;
    return {
      name: name.trim() || '(untitled)',
      detail: detail?.trim() || undefined,
      kind,
      range,
      selectionRange: clampInto(selection, range),
      children: [],
    };
  }
}

/** `selection` cut to lie inside `range`, as the protocol requires. */
function clampInto(selection: Range, range: Range): Range {
  if (containsRange(range, selection)) return selection;
  const start = comparePositions(selection.start, range.start) < 0 ? range.start : selection.start;
  const end = comparePositions(selection.end, range.end) > 0 ? range.end : selection.end;
  return comparePositions(start, end) <= 0 ? { start, end } : { start: range.start, end: range.start };
}

/** From `range`'s start to the end of that line (or of the range, if sooner): a title for multi-line parts. */
function firstLine(lines: ForwardLineReader, range: Range): Range {
  const end =
    range.end.line === range.start.line
      ? range.end
      : { line: range.start.line, character: lines.lineText(range.start.line).trimEnd().length };
  return { start: range.start, end: comparePositions(end, range.start) < 0 ? range.start : end };
}

function outlineCable(lines: ForwardLineReader, cable: Cable, index: number, budget: Budget): DocumentSymbol | undefined {
  const name = cable.refId?.value.text ?? `Cable ${index + 1}`;
  const subject = cable.caption.subject?.text ?? cable.preamble?.title?.text;
  const detail = [cable.classification?.value.text, subject].filter(Boolean).join(' — ');
  const selection = cable.refId?.range ?? firstLine(lines, cable.range);
  const root = budget.make(name, SymbolKind.File, cable.range, selection, detail);
  if (!root) return undefined;
  const children: Array<DocumentSymbol | undefined> = [
    headerSymbol(lines, cable, budget),
    bannerSymbol(cable, budget),
    captionSymbol(cable.caption, budget),
  ];
  root.children = [...children.filter(isSymbol), ...bodySymbols(cable, budget)];
  return root;
}

function isSymbol(symbol: DocumentSymbol | undefined): symbol is DocumentSymbol {
  return symbol !== undefined;
}

/** Preamble, record and routing header together: where the cable came from, how urgent, when. */
function headerSymbol(lines: ForwardLineReader, cable: Cable, budget: Budget): DocumentSymbol | undefined {
  const parts = [cable.preamble?.range, cable.record?.range, cable.extractNote?.range, cable.routing?.range].filter(
    (r): r is Range => r !== undefined,
  );
  if (!parts.length) return undefined;
  const range = parts.reduce(unionRange);
  const detail = [cable.precedence?.value, cable.date && readableDate(cable.date.value)].filter(Boolean).join(', ');
  return budget.make('Header', SymbolKind.Module, range, firstLine(lines, range), detail);
}

/** `2009-02-04T17:08:00Z` → `2009-02-04 17:08 UTC`; a bare date stays as it is. */
function readableDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

function bannerSymbol(cable: Cable, budget: Budget): DocumentSymbol | undefined {
  const banner = cable.banner;
  if (!banner) return undefined;
  const section = banner.section ? `section ${banner.section.n} of ${banner.section.m}` : undefined;
  const detail = [banner.classification.text, section, ...distinctControls(banner)].filter(Boolean).join(', ');
  return budget.make('Banner', SymbolKind.Constant, banner.range, banner.classificationToken.range, detail);
}

/** Each control once, in the order written: 220 corpus cables write `SIPDIS` twice (after the banner and again below). */
function distinctControls(banner: NonNullable<Cable['banner']>): string[] {
  const key = (text: string) => text.toUpperCase().replace(/[\s.]+/g, '');
  const seen = new Set<string>();
  return banner.controls
    .map((c) => c.text.trim())
    .filter((text) => {
      const k = key(text);
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

function captionSymbol(caption: Caption, budget: Budget): DocumentSymbol | undefined {
  if (!caption.range) return undefined;
  const first = [caption.eo, caption.tags, caption.subject, caption.refs, caption.classifiedBy]
    .filter((f) => f !== undefined)
    .sort((a, b) => comparePositions(a!.range.start, b!.range.start))[0]!;
  const symbol = budget.make('Caption', SymbolKind.Struct, caption.range, first.keyword.range);
  if (!symbol) return undefined;
  const fields: Array<DocumentSymbol | undefined> = [];
  if (caption.eo) {
    const eo = caption.eo;
    const detail = [eo.order?.text, eo.decl && `DECL: ${eo.decl.text}`].filter(Boolean).join(', ');
    fields.push(budget.make('E.O.', SymbolKind.Property, eo.range, eo.keyword.range, detail));
  }
  if (caption.tags) {
    fields.push(
      budget.make('TAGS', SymbolKind.Array, caption.tags.range, caption.tags.keyword.range, caption.tags.tags.map((t) => t.text).join(' ')),
    );
  }
  if (caption.subject) {
    fields.push(budget.make('SUBJECT', SymbolKind.String, caption.subject.range, caption.subject.keyword.range, caption.subject.text));
  }
  if (caption.refs) fields.push(refsSymbol(caption.refs, budget));
  if (caption.classifiedBy) {
    const field = caption.classifiedBy;
    const reasons = field.reasons.map((r) => `${r.section}(${r.letter})`).join(', ');
    fields.push(
      budget.make(
        'Classified By',
        SymbolKind.Property,
        field.range,
        field.keyword.range,
        [field.authority?.text, reasons].filter(Boolean).join(' — '),
      ),
    );
  }
  symbol.children = fields.filter(isSymbol).sort(byStart);
  return symbol;
}

function refsSymbol(refs: NonNullable<Caption['refs']>, budget: Budget): DocumentSymbol | undefined {
  const symbol = budget.make(
    'REF',
    SymbolKind.Array,
    refs.range,
    refs.keyword.range,
    `${refs.items.length} item${refs.items.length === 1 ? '' : 's'}`,
  );
  if (!symbol) return undefined;
  symbol.children = refs.items
    .map((item) => {
      const name = item.letter ? `${item.letter.text}. ${item.text}` : item.text;
      return budget.make(name, SymbolKind.Key, item.range, item.refIdRange ?? item.range, item.refId ?? item.kind);
    })
    .filter(isSymbol);
  return symbol;
}

const byStart = (a: DocumentSymbol, b: DocumentSymbol) => comparePositions(a.range.start, b.range.start);

/** Headings holding their paragraphs, paragraphs before the first heading, spans in their container, the signature. */
function bodySymbols(cable: Cable, budget: Budget): DocumentSymbol[] {
  const { body } = cable;
  const top: DocumentSymbol[] = [];
  const paragraphSymbols: DocumentSymbol[] = [];
  const headingSymbols: Array<DocumentSymbol | undefined> = body.headings.map((heading) => {
    const under = heading.paragraphIndexes.map((index) => body.paragraphs[index]);
    const detail = under.length ? paragraphSpan(under) : undefined;
    return budget.make(heading.text, SymbolKind.Namespace, heading.sectionRange, heading.range, detail);
  });
  top.push(...headingSymbols.filter(isSymbol));
  for (const paragraph of body.paragraphs) {
    const symbol = paragraphSymbol(paragraph, budget);
    if (!symbol) break;
    paragraphSymbols.push(symbol);
    const heading = paragraph.headingIndex >= 0 ? headingSymbols[paragraph.headingIndex] : undefined;
    (heading ? heading.children! : top).push(symbol);
  }
  for (const span of body.spans) {
    const symbol = spanSymbol(span, body.paragraphs, budget);
    if (!symbol) break;
    const container = [...paragraphSymbols, ...headingSymbols.filter(isSymbol)]
      .filter((s) => containsRange(s.range, span.range))
      .sort((a, b) => comparePositions(b.range.start, a.range.start))[0];
    (container ? container.children! : top).push(symbol);
  }
  if (body.signature) {
    const signature = budget.make('Signature', SymbolKind.Key, body.signature.range, body.signature.range, body.signature.text);
    if (signature) top.push(signature);
  }
  for (const symbol of [...headingSymbols.filter(isSymbol), ...paragraphSymbols]) symbol.children!.sort(byStart);
  return top.sort(byStart);
}

function paragraphSymbol(paragraph: Paragraph, budget: Budget): DocumentSymbol | undefined {
  const marking = paragraph.marking ? `(${paragraph.marking.text})` : undefined;
  const detail = [marking, paragraph.lead].filter(Boolean).join(' ');
  const selection = paragraph.marking ? unionRange(paragraph.numberToken.range, paragraph.marking.range) : paragraph.numberToken.range;
  return budget.make(`¶${paragraph.number}`, SymbolKind.String, paragraph.range, selection, detail);
}

/** `¶8–¶12`, or `¶3` for one paragraph. */
function paragraphSpan(paragraphs: Paragraph[]): string {
  const first = paragraphs[0].number;
  const last = paragraphs[paragraphs.length - 1].number;
  return first === last ? `¶${first}` : `¶${first}–¶${last}`;
}

function spanSymbol(span: Span, paragraphs: Paragraph[], budget: Budget): DocumentSymbol | undefined {
  const name = span.kind === 'summary' ? 'Summary' : 'Comment';
  const covered = paragraphs.filter((p) => p.range.end.line >= span.range.start.line && p.range.start.line <= span.range.end.line);
  const detail = [covered.length ? paragraphSpan(covered) : undefined, span.end ? undefined : `no End ${name}`].filter(Boolean).join(', ');
  return budget.make(name, SymbolKind.Object, span.range, span.start.range, detail);
}
