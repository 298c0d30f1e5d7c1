/**
 * The properties every document must keep, whatever its text: the parser and every feature of the language
 * service return without throwing, every range lies inside its document, outlines nest, the model keeps its
 * own properties, diagnostics follow the settings, code-action edits apply, and hover and completion markdown
 * stays inert. Shared by the property tests (fixed seed) and `scripts/fuzz.ts` (random seed, many more cases).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Location, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/language/languageService';
import type { CableFile } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { RULES } from '../../server/src/language/rules/registry';
import { DEFAULT_SETTINGS, type LanguageSettings, type RuleLevel } from '../../server/src/language/settings';
import { InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';
import {
  cableDocument,
  corpusSample,
  GeneratedDocument,
  languageSettings,
  positionIn,
  positionSeed,
  previewText,
  type DocumentOptions,
  type PayloadCable,
  type PositionSeed,
} from './fragments';
import { assertInertMarkdown, markdownIn } from './inertMarkdown';
import { checkModel, contains } from './modelProperties';
import { assertRangesInside } from './ranges';

/** A language service over a workspace of real and hostile cables, and the text of every file it may point into. */
export interface ServiceFixture {
  service: LanguageService;
  index: InMemoryWorkspaceIndex;
  texts: Map<string, string>;
}

/** Corpus cables in the workspace as they are. */
const WORKSPACE_CABLES = 12;

/**
 * The workspace: a few corpus cables; for every ref id the sampled cables cite, a file named after it whose
 * title carries markdown payloads (hovers on REF items quote it); and a record citing every sampled cable, so
 * links, definitions and references resolve for generated documents built from those cables.
 */
export function createServiceFixture(): ServiceFixture {
  const index = new InMemoryWorkspaceIndex();
  const texts = new Map<string, string>();
  const add = (uri: string, text: string) => {
    texts.set(uri, text);
    index.setFile(uri, text);
  };
  const models = corpusSample().cables.map((lines) => parseCableFile(lines.join('\n')));
  corpusSample()
    .cables.slice(0, WORKSPACE_CABLES)
    .forEach((lines, i) => add(`file:///workspace/cable-${i}.txt`, lines.join('\n')));
  const cited = new Set(
    models.flatMap((model) =>
      model.cables.flatMap((cable) => (cable.caption.refs?.items ?? []).flatMap((item) => (item.refId ? [item.refId] : []))),
    ),
  );
  for (const refId of cited) add(`file:///workspace/cited/${refId}.txt`, citedCable(refId));
  const own = models.flatMap((model) => model.cables.flatMap((cable) => (cable.refId ? [cable.refId.value.text] : [])));
  add('file:///workspace/citing.txt', `99999\n2009-02-04 17:08:00\n09STATE99999\nSecretary of State\nUNCLASSIFIED\n${own.join('|')}\n`);
  return { service: getLanguageService({ workspace: index }), index, texts };
}

/** A cable known only by its file name and preamble, with payloads where a REF hover may quote it. */
function citedCable(refId: string): string {
  return `${refId}\n[title](command:evil.run) <img src=x onerror=evil()> https://evil.example/${refId}\nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy [x](https://evil.example)\n`;
}

/** URIs a document may have: named after a ref id, untitled, percent-encoded payload characters. */
const DOCUMENT_URIS = [
  'file:///cables/09MEXICO283.txt',
  'untitled:Untitled-1',
  'file:///tmp/%5Bx%5D(command%3Aevil.run)/a%20b.cable',
  'file:///c%3A/Users/x/08STATE74879.txt',
];

/** Everything one case needs: the document, where to ask, the settings, a workspace-symbol query. */
export interface FeatureCase {
  document: GeneratedDocument;
  uri: string;
  positions: PositionSeed[];
  settings: LanguageSettings;
  query: string;
  /** A range the user selected for code actions, from two position seeds. */
  selection: [PositionSeed, PositionSeed];
}

/** Rule codes and names of the registry, for settings that name real rules. */
const RULE_KEYS = RULES.flatMap((rule) => [rule.code, rule.name]);

export function featureCase(options: DocumentOptions = {}): fc.Arbitrary<FeatureCase> {
  return fc.record({
    document: cableDocument(options),
    uri: fc.constantFrom(...DOCUMENT_URIS),
    positions: fc.array(positionSeed, { minLength: 1, maxLength: 4 }),
    settings: languageSettings(RULE_KEYS),
    query: fc.oneof(fc.constantFrom('', 'MEXICO', '09', 'x', '*', '('), fc.string({ maxLength: 6 })),
    selection: fc.tuple(positionSeed, positionSeed),
  });
}

/** A case for one text and position seeds, with default settings: for regression examples. */
export function exampleCase(text: string, positions: PositionSeed[]): FeatureCase {
  const start: PositionSeed = { kind: 'inside', line: 0, character: 0 };
  return {
    document: new GeneratedDocument(text),
    uri: DOCUMENT_URIS[0],
    positions,
    settings: DEFAULT_SETTINGS,
    query: '',
    selection: [start, start],
  };
}

/** Runs every property on one case; throws an AssertionError naming the feature that broke one. */
export function checkEveryFeature(fixture: ServiceFixture, input: FeatureCase): void {
  const { service, index } = fixture;
  const text = input.document.text;
  const document = TextDocument.create(input.uri, 'cable', 1, text);
  const model = service.parse(document);
  checkModel(text, model, input.uri);

  index.setFile(input.uri, text, model);
  const texts = new Map(fixture.texts).set(input.uri, text);
  try {
    const diagnostics = checkDiagnostics(service, model, input.settings, text);
    checkCodeActions(service, document, model, diagnostics, rangeFrom(text, input.selection));
    const symbols = service.findDocumentSymbols(document, model);
    checkSymbols(symbols, text);
    checkFolding(service.getFoldingRanges(document, model), document.lineCount);
    const links = service.findDocumentLinks(document, model);
    assertRangesInside(links, text, 'links');
    for (const link of links) checkLinkTarget(link.target);
    // Random positions rarely land on a ref id or a marking; the starts of links, problems and symbols do.
    const landmarks = [...links, ...diagnostics, ...symbols.flatMap((s) => [s, ...(s.children ?? [])])]
      .slice(0, 12)
      .map((r) => r.range.start);
    for (const position of [...input.positions.map((seed) => positionIn(text, seed)), ...landmarks])
      checkAtPosition(service, document, model, position, input.settings, texts);
    checkLocations(
      service.findWorkspaceSymbols(input.query).map((s) => s.location as Location),
      texts,
      'workspace symbols',
    );
  } finally {
    index.removeFile(input.uri);
  }
}

function checkDiagnostics(service: LanguageService, model: CableFile, settings: LanguageSettings, text: string): Diagnostic[] {
  const { diagnostics } = service.validate(model, settings);
  assertRangesInside(diagnostics, text, 'diagnostics');
  const max = settings.maxNumberOfProblems;
  if (Number.isInteger(max) && max >= 0) assert.ok(diagnostics.length <= max, `${diagnostics.length} diagnostics over the limit of ${max}`);
  for (const diagnostic of diagnostics) {
    // A rule that throws is reported as CBL000 by design; under fuzzing it is a bug in that rule.
    assert.notEqual(diagnostic.code, RULE_FAILURE_CODE, diagnostic.message);
    assert.ok(typeof diagnostic.message === 'string' && diagnostic.message.trim() !== '', 'a diagnostic has a message');
    assert.equal(diagnostic.source, 'cable');
    const level = settingsLevel(String(diagnostic.code), settings);
    assert.notEqual(level, 'off', `${diagnostic.code} reported although the settings turn it off`);
    if (level && level !== 'off')
      assert.equal(diagnostic.severity, SEVERITY[level], `${diagnostic.code} at the severity the settings give`);
    else assert.ok([1, 2, 3, 4].includes(diagnostic.severity!), `severity ${diagnostic.severity}`);
  }
  return diagnostics;
}

const RULE_FAILURE_CODE = 'CBL000';
const LEVELS = new Set<string>(['off', 'hint', 'info', 'warning', 'error']);
const SEVERITY: Record<Exclude<RuleLevel, 'off'>, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/** The level the settings give a rule, as documented: by code, else by name; undefined leaves the default. */
function settingsLevel(code: string, settings: LanguageSettings): RuleLevel | undefined {
  const name = RULES.find((rule) => rule.code === code)?.name;
  for (const key of [code, name]) {
    const level = key !== undefined && Object.hasOwn(settings.rules, key) ? settings.rules[key] : undefined;
    if (level !== undefined && LEVELS.has(level)) return level;
  }
  return undefined;
}

/** Quick fixes for each diagnostic, for all at once and for the selection: edits lie inside and apply. */
function checkCodeActions(
  service: LanguageService,
  document: TextDocument,
  model: CableFile,
  diagnostics: Diagnostic[],
  selection: Range,
): void {
  const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  const requests: Array<[Range, Diagnostic[]]> = [
    ...diagnostics.slice(0, 40).map((d): [Range, Diagnostic[]] => [d.range, [d]]),
    [whole, diagnostics],
    [selection, []],
  ];
  for (const [range, context] of requests) {
    const actions = service.getCodeActions(document, model, range, { diagnostics: context });
    assertRangesInside(actions, document.getText(), 'code actions');
    for (const action of actions) {
      const edits = editsFor(action, document.uri);
      // Overlapping edits make applyEdits throw, as they make the editor refuse the action.
      if (edits.length) parseCableFile(TextDocument.applyEdits(document, edits));
    }
  }
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const edits = [...(action.edit?.changes?.[uri] ?? [])];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e));
  }
  return edits;
}

/** Each symbol has a name, its selection inside its range, and its children inside it. */
function checkSymbols(symbols: DocumentSymbol[], text: string): void {
  assertRangesInside(symbols, text, 'document symbols');
  const visit = (symbol: DocumentSymbol, parent: DocumentSymbol | undefined) => {
    assert.ok(symbol.name.trim() !== '', 'a symbol has a name');
    assert.ok(contains(symbol.range, symbol.selectionRange), `selectionRange of ${symbol.name} outside its range`);
    if (parent)
      assert.ok(
        contains(parent.range, symbol.range),
        `${symbol.name} ${JSON.stringify(symbol.range)} outside its parent ${parent.name} ${JSON.stringify(parent.range)}`,
      );
    for (const child of symbol.children ?? []) visit(child, symbol);
  };
  for (const symbol of symbols) visit(symbol, undefined);
}

function checkFolding(ranges: Array<{ startLine: number; endLine: number }>, lineCount: number): void {
  for (const { startLine, endLine } of ranges) {
    assert.ok(
      Number.isInteger(startLine) && Number.isInteger(endLine) && startLine >= 0 && startLine <= endLine && endLine < lineCount,
      `folding ${startLine}–${endLine} of ${lineCount} lines`,
    );
  }
}

/** Hover, completion, definition and references at one position, which may lie past a line or the document. */
function checkAtPosition(
  service: LanguageService,
  document: TextDocument,
  model: CableFile,
  position: Position,
  settings: LanguageSettings,
  texts: Map<string, string>,
): void {
  const text = document.getText();
  const at = `at ${JSON.stringify(position)}`;
  const hover = service.doHover(document, model, position, settings);
  assertRangesInside(hover, text, `hover ${at}`);
  assertInertMarkdown(hover, `hover ${at}`);
  // The editor highlights the hover's range: it must hold the cursor (its end too: a cursor after a word names it).
  if (hover?.range && isInside(text, position))
    assert.ok(contains(hover.range, { start: position, end: position }), `hover range ${JSON.stringify(hover.range)} does not hold ${at}`);
  const completion = service.doComplete(document, model, position);
  assert.ok(Array.isArray(completion.items), `completion ${at} has items`);
  assertRangesInside(completion, text, `completion ${at}`);
  assertInertMarkdown(completion, `completion ${at}`);
  for (const item of completion.items)
    assert.ok(typeof item.label === 'string' && item.label.trim() !== '', `completion ${at} has an item without a label`);
  if (isInside(text, position))
    for (const item of completion.items) checkCompletionEdit(item.textEdit, position, `completion ${item.label} ${at}`);
  checkLocations(service.findDefinition(document, model, position), texts, `definition ${at}`);
  checkLocations(service.findReferences(document, model, position), texts, `references ${at}`);
}

/** Editors drop an item whose edit does not sit on the cursor's line around the cursor. */
function checkCompletionEdit(edit: unknown, position: Position, label: string): void {
  if (!edit || typeof edit !== 'object') return;
  const ranges = ['range', 'insert', 'replace']
    .map((key) => (edit as Record<string, Range | undefined>)[key])
    .filter((r): r is Range => r !== undefined);
  for (const range of ranges) {
    const ok =
      range.start.line === position.line &&
      range.end.line === position.line &&
      range.start.character <= position.character &&
      position.character <= range.end.character;
    assert.ok(ok, `${label}: edit range ${JSON.stringify(range)} does not hold the cursor`);
  }
}

/** A link target is a URI a client can open: parseable, and never a command or script. */
function checkLinkTarget(target: string | undefined): void {
  if (target === undefined) return;
  assert.ok(URL.canParse(target), `link target ${JSON.stringify(target)} is no URI`);
  assert.ok(!/^(?:command|javascript|vbscript|data):/i.test(target), `link target ${target}`);
}

/** Locations point into known files, inside their text. */
function checkLocations(locations: Location[], texts: Map<string, string>, label: string): void {
  for (const location of locations) {
    const text = texts.get(location.uri);
    assert.ok(text !== undefined, `${label}: points to an unknown file ${location.uri}`);
    assertRangesInside(location.range, text, label);
  }
}

function isInside(text: string, position: Position): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return position.line < lines.length && position.character <= lines[position.line].length;
}

/** An ordered range between two seeded positions, clamped into the text as an editor's selection is. */
function rangeFrom(text: string, [a, b]: [PositionSeed, PositionSeed]): Range {
  const document = TextDocument.create('untitled:selection', 'cable', 1, text);
  const [start, end] = [positionIn(text, a), positionIn(text, b)]
    .map((p) => document.positionAt(document.offsetAt(p)))
    .sort((x, y) => x.line - y.line || x.character - y.character);
  return { start, end };
}

/** What a payload cable's probes saw: how many, and how many quoted a payload (to show the check is not vacuous). */
export interface ProbeCount {
  probes: number;
  quoting: number;
}

/** Hover and completion at every token of a payload cable (which is in the workspace too) render inert markdown. */
export function checkPayloadCable(fixture: ServiceFixture, cable: PayloadCable, count: ProbeCount): void {
  const { service, index } = fixture;
  const uri = 'file:///cables/09MEXICO283.txt';
  const document = TextDocument.create(uri, 'cable', 1, cable.text);
  const settings: LanguageSettings = {
    rules: {},
    maxNumberOfProblems: 1000,
    acronyms: { USERACR: cable.userAcronym, EVL: cable.userAcronym },
  };
  const model = service.parse(document);
  // REF and ref-id hovers may quote a cited cable's subject from the workspace.
  index.setFile(uri, cable.text, model);
  try {
    for (const position of tokenPositions(document)) {
      const label = `at ${JSON.stringify(position)} of ${previewText(cable.text, 400)}`;
      const hover = service.doHover(document, model, position, settings);
      assertInertMarkdown(hover, `hover ${label}`);
      const completion = service.doComplete(document, model, position);
      assertInertMarkdown(completion, `completion ${label}`);
      count.probes++;
      if (markdownIn([hover, completion]).some((markdown) => /evil/i.test(markdown))) count.quoting++;
    }
  } finally {
    index.removeFile(uri);
  }
}

/** Every token's start and middle on every line, and each line's end: where a user hovers or asks for completion. */
function tokenPositions(document: TextDocument): Position[] {
  const positions: Position[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const text = document
      .getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } })
      .replace(/[\r\n]+$/, '');
    for (const match of text.matchAll(/\S+/g))
      positions.push({ line, character: match.index }, { line, character: match.index + (match[0].length >> 1) });
    positions.push({ line, character: text.length });
  }
  return positions;
}
