/** The outline: cables, header, banner, caption fields, headings with their paragraphs, spans, signature. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { findDocumentSymbols, outlineCableFile } from '../../server/src/language/features/symbols';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { getLanguageService } from '../../server/src/language/languageService';
import { readSample } from '../support/sample';

const FIXTURES = join(__dirname, '..', 'fixtures', 'workspace');

function outline(text: string, name = 'test.txt') {
  const document = TextDocument.create(`file:///w/${name}`, 'cable', 1, text);
  return findDocumentSymbols(document, parseCableFile(text, { fileName: name }));
}

const range = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});
const names = (symbols: DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);
const child = (symbol: DocumentSymbol, name: string) => symbol.children!.find((c) => c.name === name)!;

function before(a: Range['start'], b: Range['start']) {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
function contains(outer: Range, inner: Range) {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every selection range inside its range, every child inside its parent, names never empty. */
function assertWellFormed(symbols: DocumentSymbol[], parent?: DocumentSymbol) {
  for (const symbol of symbols) {
    assert.ok(symbol.name.length > 0, 'symbol names must not be empty');
    assert.ok(
      contains(symbol.range, symbol.selectionRange),
      `${symbol.name}: selection ${JSON.stringify(symbol.selectionRange)} outside ${JSON.stringify(symbol.range)}`,
    );
    if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} lies outside ${parent.name}`);
    assertWellFormed(symbol.children ?? [], symbol);
  }
}

describe('findDocumentSymbols on the sample cable', () => {
  const symbols = outline(readSample(), '09MEXICO283.txt');
  const cable = symbols[0];

  it('makes one root named after the ref id, with classification and subject as detail', () => {
    assert.equal(symbols.length, 1);
    assert.equal(cable.name, '09MEXICO283');
    assert.equal(
      cable.detail,
      'CONFIDENTIAL — THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN 2009--SECURITY AND REFORM',
    );
    assert.deepEqual(cable.selectionRange, range(0, 0, 0, 11));
  });

  it('lists header, banner, caption, ¶1, the five headings and the signature in order', () => {
    assert.deepEqual(names(cable.children), [
      'Header',
      'Banner',
      'Caption',
      '¶1',
      "Reinforce President Calderon's Commitment to Law Enforcement Development",
      'Encourage Better Inter-Institutional Cooperation',
      'Enhance Intelligence Collection and Sharing',
      'Engage the Enemy on Our Side of the Border',
      'Broaden Judicial Reform Effort',
      'Signature',
    ]);
    assert.equal(child(cable, 'Header').detail, 'ROUTINE, 2009-02-04 17:08 UTC');
    assert.deepEqual(child(cable, 'Header').range, range(0, 0, 25, 50));
    assert.equal(child(cable, 'Banner').detail, 'CONFIDENTIAL, section 1 of 3, SIPDIS');
    assert.equal(child(cable, 'Signature').detail, 'BASSETT');
  });

  it('gives the caption its fields', () => {
    const caption = child(cable, 'Caption');
    assert.deepEqual(names(caption.children), ['E.O.', 'TAGS', 'SUBJECT', 'Classified By']);
    assert.equal(child(caption, 'TAGS').detail, 'PGOV PREL KCRM SNAR KJUS PINR MX');
    assert.equal(child(caption, 'E.O.').detail, '12958, DECL: 01/15/2019');
    assert.deepEqual(caption.range, range(31, 0, 37, 7));
  });

  it('puts each paragraph under its heading', () => {
    const under = (heading: string) => names(child(cable, heading).children).filter((n) => n.startsWith('¶'));
    assert.deepEqual(under("Reinforce President Calderon's Commitment to Law Enforcement Development"), ['¶2']);
    assert.deepEqual(under('Encourage Better Inter-Institutional Cooperation'), ['¶3', '¶4']);
    assert.deepEqual(under('Enhance Intelligence Collection and Sharing'), ['¶5', '¶6']);
    assert.deepEqual(under('Engage the Enemy on Our Side of the Border'), ['¶7']);
    assert.deepEqual(under('Broaden Judicial Reform Effort'), ['¶8', '¶9', '¶10', '¶11', '¶12']);
  });

  it('runs a heading to the end of its last paragraph and selects its title', () => {
    const heading = child(cable, 'Broaden Judicial Reform Effort');
    assert.deepEqual(heading.range, range(163, 0, 226, 36));
    assert.deepEqual(heading.selectionRange, range(163, 0, 163, 30));
    assert.equal(heading.detail, '¶8–¶12');
    const twoLines = child(cable, "Reinforce President Calderon's Commitment to Law Enforcement Development");
    assert.deepEqual(twoLines.selectionRange, range(63, 0, 64, 11));
  });

  it('gives every paragraph its marking and lead words', () => {
    const paragraphs = [child(cable, '¶1'), ...cable.children!.filter((c) => c.kind === 3).flatMap((h) => h.children!)].filter((s) =>
      s.name.startsWith('¶'),
    );
    assert.deepEqual(
      paragraphs.map((p) => `${p.name} ${p.detail!.split(' ')[0]}`),
      [
        '¶1 (C)',
        '¶2 (SBU)',
        '¶3 (U)',
        '¶4 (SBU)',
        '¶5 (C)',
        '¶6 (C)',
        '¶7 (SBU)',
        '¶8 (SBU)',
        '¶9 (C)',
        '¶10 (SBU)',
        '¶11 (SBU)',
        '¶12 (C)',
      ],
    );
    const first = child(cable, '¶1');
    assert.equal(first.detail, "(C) Summary. Mexico's drug cartels are responsible for");
    assert.deepEqual(first.range, range(39, 0, 61, 45));
    assert.deepEqual(first.selectionRange, range(39, 0, 39, 7));
  });

  it('puts the Summary under ¶1 and the unclosed Comment under ¶12', () => {
    const summary = child(child(cable, '¶1'), 'Summary');
    assert.deepEqual(summary.range, range(39, 8, 61, 44));
    assert.deepEqual(summary.selectionRange, range(39, 8, 39, 15));
    const twelve = child(child(cable, 'Broaden Judicial Reform Effort'), '¶12');
    assert.equal(child(twelve, 'Comment').detail, '¶12, no End Comment');
  });

  it('keeps selection ranges inside ranges and children inside parents', () => {
    assertWellFormed(symbols);
  });
});

describe('findDocumentSymbols on other shapes', () => {
  it('makes two roots for a file with two cables', () => {
    const symbols = outline(readFileSync(join(FIXTURES, 'two-cables.txt'), 'utf8'), 'two-cables.txt');
    assert.deepEqual(names(symbols), ['09MEXICO600', '09MEXICO601']);
    assert.deepEqual(names(child(symbols[1], 'Caption').children), ['E.O.', 'TAGS', 'SUBJECT', 'REF']);
    assert.deepEqual(names(child(child(symbols[1], 'Caption'), 'REF').children), ['08 MEXICO 3456']);
    assertWellFormed(symbols);
  });

  it('lists REF items with their canonical ref ids', () => {
    const [cable] = outline(readFileSync(join(FIXTURES, 'cites-08MEXICO3456.txt'), 'utf8'), 'cites-08MEXICO3456.txt');
    const refs = child(child(cable, 'Caption'), 'REF');
    assert.deepEqual(
      refs.children!.map((r) => [r.name, r.detail]),
      [
        ['A. 08 MEXICO 3456', '08MEXICO3456'],
        ['B. 08 STATE 12345', '08STATE12345'],
      ],
    );
  });

  it('names a cable without ref id by its place in the file', () => {
    const symbols = outline('SUBJECT: NO ID AT ALL\n\n1. (U) Text of the cable.\n', 'notes.txt');
    assert.equal(symbols[0].name, 'Cable 1');
    assert.deepEqual(names(symbols[0].children), ['Caption', '¶1']);
  });

  it('stops at the limit and says so', () => {
    const text = readSample();
    const document = TextDocument.create('file:///w/09MEXICO283.txt', 'cable', 1, text);
    const model = parseCableFile(text, { fileName: '09MEXICO283.txt' });
    const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    const full = outlineCableFile(document, model);
    assert.equal(full.capped, false);
    const cut = outlineCableFile(document, model, 10);
    assert.equal(cut.capped, true);
    assert.equal(count(cut.symbols), 10);
    assertWellFormed(cut.symbols);
  });

  it('keeps ranges well formed for any mix of cable lines', () => {
    const pieces = [
      '¶1. (C) Summary. A summary.',
      'End Summary.',
      '2. (U) A plain paragraph.',
      '¶3. (SBU) Comment: something',
      'End Comment.',
      'A Heading Line',
      'TAGS: PGOV MX',
      'SUBJECT: A SUBJECT',
      'REF: A. 08 MEXICO 3456',
      'C O N F I D E N T I A L MEXICO 000283',
      '09MEXICO283',
      'continuation text of a paragraph',
      'BASSETT',
      '',
      '   ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (lines) => {
        assertWellFormed(outline(lines.join('\n')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('findDocumentSymbols on the banner’s controls', () => {
  /** As 06ANKARA4688 writes it: SIPDIS below the banner, then NOFORN and SIPDIS again. */
  const text = [
    'C O N F I D E N T I A L ANKARA 004688 ',
    ' ',
    'SIPDIS ',
    ' ',
    'NOFORN ',
    'SIPDIS ',
    ' ',
    'E.O. 12958: DECL: 08/08/2021 ',
    'TAGS: PGOV PINR PREL TU',
    "SUBJECT: TURKEY'S FOREIGN POLICY SPLIT",
    ' ',
    'Classified By: Ambassador Ross Wilson, for reasons 1.4(b) and (d).',
    ' ',
    '1. (C/NF) Summary: Text. End Summary.',
    '',
  ].join('\n');

  it('names each control once, in the order written', () => {
    const banner = child(outline(text, '06ANKARA4688.txt')[0], 'Banner');
    assert.equal(banner.detail, 'CONFIDENTIAL, SIPDIS, NOFORN');
  });

  it('repeats no control when SIPDIS comes twice, as in 05MINSK851', () => {
    const twice =
      'UNCLAS SECTION 01 OF 02 MINSK 000851 \n \nSIPDIS \n \nSIPDIS \n \nSENSITIVE \n \nE.O. 12958: N/A\nTAGS: PGOV BO\nSUBJECT: TEXT\n \n1. (SBU) Text.\n';
    assert.equal(child(outline(twice, '05MINSK851.txt')[0], 'Banner').detail, 'UNCLASSIFIED, section 1 of 2, SIPDIS, SENSITIVE');
  });
});

describe('outline cap', () => {
  it('the service tells its host when the outline was cut at 5,000 entries', () => {
    const service = getLanguageService();
    const text = Array.from({ length: 6000 }, (_, i) => `¶${(i % 999) + 1}. (U) Paragraph ${i}.\n`).join('\n');
    const document = TextDocument.create('file:///many.cable', 'cable', 1, text);
    const limits: number[] = [];
    const symbols = service.findDocumentSymbols(document, service.parse(document), (limit) => limits.push(limit));
    const count = (list: typeof symbols): number => list.reduce((sum, s) => sum + 1 + count(s.children ?? []), 0);
    assert.ok(count(symbols) <= 5000);
    assert.deepEqual(limits, [5000]);
  });
});
