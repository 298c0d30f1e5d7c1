/**
 * Features over every corpus cable: an outline rooted at the cable's ref id whose symbols nest, valid
 * folding ranges, and the share of TAG occurrences that hover explains (target ≥ 95%).
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/language/languageService';
import { measureTagHoverCoverage, readCorpus } from '../../scripts/hover-coverage';
import { CORPUS_DIR, readCorpusIndex } from '../support/corpus';
import { assertRangesInside } from '../support/ranges';

const service = getLanguageService();
const corpus = readCorpus(CORPUS_DIR);
const refIds = new Set(readCorpusIndex().map((e) => e.refId));

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

function assertNested(symbol: DocumentSymbol, label: string) {
  assert.ok(contains(symbol.range, symbol.selectionRange), `${label}: ${symbol.name} selects outside its range`);
  for (const child of symbol.children ?? []) {
    assert.ok(contains(symbol.range, child.range), `${label}: ${child.name} lies outside ${symbol.name}`);
    assertNested(child, label);
  }
}

test('every corpus cable gets an outline named by its ref id, nested and inside the text', () => {
  let named = 0;
  for (const { name, text } of corpus) {
    const document = TextDocument.create(`file:///corpus/${name}`, 'cable', 1, text);
    const model = service.parse(document);
    const symbols = service.findDocumentSymbols(document, model);
    assert.ok(symbols.length >= 1, name);
    // Each root is named by the ref id the parser read; the parser's corpus test compares those with the index.
    model.cables.forEach((cable, i) => assert.equal(symbols[i]?.name, cable.refId?.value.text ?? `Cable ${i + 1}`, name));
    if (symbols.some((s) => s.name === basename(name, '.txt'))) named++;
    else console.log(`${name}: outline roots are ${symbols.map((s) => s.name).join(', ')}`);
    for (const symbol of symbols) assertNested(symbol, name);
    assertRangesInside(symbols, text, name);
    assertRangesInside(
      service
        .getFoldingRanges(document, model)
        .map((f) => ({ start: { line: f.startLine, character: 0 }, end: { line: f.endLine, character: 0 } })),
      text,
      name,
    );
  }
  console.log(`${named}/${refIds.size} outlines carry the index's ref id`);
  assert.ok(named / refIds.size >= 0.99);
});

test('hover explains at least 95% of the TAG occurrences on TAGS lines', () => {
  const coverage = measureTagHoverCoverage(corpus);
  console.log(
    `TAG hover coverage: ${coverage.known + coverage.glued + coverage.acronyms}/${coverage.occurrences} (${(coverage.share * 100).toFixed(1)}%); ` +
      `dictionary alone ${(coverage.knownShare * 100).toFixed(1)}%`,
  );
  console.log(
    `top unexplained: ${coverage.unexplained
      .slice(0, 20)
      .map((u) => `${u.tag} ${u.count}`)
      .join(', ')}`,
  );
  assert.ok(coverage.share >= 0.95);
});
