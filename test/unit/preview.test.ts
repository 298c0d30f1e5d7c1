/**
 * The Cable Preview's model: header cards (the reference cable and a made-up one), paragraphs reflowed with their
 * number and marking apart, list items, headings, Summary and Comment spans, acronyms with their meanings, breaks
 * left out of the text, source lines for scroll sync, and the size limit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviewBlock, PreviewDocument, PreviewPiece, PreviewRun } from '../../shared/previewProtocol';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { getPreview, MAX_PREVIEW_TEXT } from '../../server/src/language/features/preview';
import { getLanguageService } from '../../server/src/language/languageService';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../../server/src/language/settings';
import { InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';
import { readSample } from '../support/sample';

const SAMPLE = readSample();
const SAMPLE_LINES = SAMPLE.split(/\r?\n/);
const WORKSPACE_FIXTURES = join(__dirname, '..', 'fixtures', 'workspace');

/** A short SECRET//NOFORN cable: REF items (one in the workspace), list items with markings, spans, a section break. */
const SHORT = `09MEXICO600
BRIEFING ON ARMS TRAFFICKING
Tue Mar 03 00:00:00 +0100 2009
SECRET//NOFORN
Embassy Mexico
VZCZCXRO0600
OO RUEHCD
DE RUEHME #0600 0621530
ZNY SSSSS ZZH
O 031530Z MAR 09
FM AMEMBASSY MEXICO
TO RUEHC/SECSTATE WASHDC IMMEDIATE 5001
INFO RUEHCV/AMEMBASSY CARACAS PRIORITY 0101

S E C R E T MEXICO 000600

NOFORN
SIPDIS

E.O. 12958: DECL: 03/03/2019
TAGS: PREL SNAR MX XYZQ
SUBJECT: BRIEFING ON ARMS TRAFFICKING

REF: A. 08 MEXICO 3456
     B. 08 STATE 12345

Classified By: AMBASSADOR E. ANTHONY WAYNE. REASONS 1.4(b) and (d)

¶1. (S//NF) Summary. The GOM asked for help with information-
sharing on arms traffickers. End Summary.

¶2. (C) Three points stood out:
-- (C) the SSP wants trace data;
-- (S//NF) the PGR wants
faster answers -- and soon.
The minister said so. Comment: He meant it. End Comment.
MEXICO 00000600 002 OF 002
Another sentence after the break.

WAYNE
`;

function preview(
  text: string,
  options: { name?: string; workspace?: InMemoryWorkspaceIndex; settings?: LanguageSettings } = {},
): PreviewDocument {
  const name = options.name ?? '09MEXICO283.txt';
  const document = TextDocument.create(`file:///w/${name}`, 'cable', 3, text);
  const model = parseCableFile(text, { fileName: name });
  return getPreview(document, model, {
    dictionaries: getDictionaries(),
    workspace: options.workspace,
    settings: options.settings ?? DEFAULT_SETTINGS,
  });
}

function workspaceWithFixtures(): InMemoryWorkspaceIndex {
  const index = new InMemoryWorkspaceIndex();
  for (const name of ['08MEXICO3456.txt', '07STATE999.txt'])
    index.setFile(`file:///ws/${name}`, readFileSync(join(WORKSPACE_FIXTURES, name), 'utf8'));
  return index;
}

const runsText = (runs: PreviewRun[]) => runs.map((run) => run.text).join('');
const pieceText = (piece: PreviewPiece) => runsText(piece.runs);
const paragraphs = (doc: PreviewDocument) =>
  doc.cables[0].blocks.filter((b): b is Extract<PreviewBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
const paragraph = (doc: PreviewDocument, number: string) => {
  const found = paragraphs(doc).find((p) => p.number === number);
  assert.ok(found, `paragraph ${number}`);
  return found;
};
const lineOf = (prefix: string) => {
  const line = SAMPLE_LINES.findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0, prefix);
  return line;
};

describe('the preview of the reference cable', () => {
  const doc = preview(SAMPLE);
  const [cable] = doc.cables;
  const { header } = cable;

  it('is one cable, for the document version asked', () => {
    assert.equal(doc.cables.length, 1);
    assert.equal(doc.version, 3);
    assert.equal(doc.uri, 'file:///w/09MEXICO283.txt');
    assert.equal(doc.truncatedAt, undefined);
    assert.equal(cable.line, 0);
  });

  it('has the header card: ref id, date and time, from, to, precedence', () => {
    assert.equal(header.refId, '09MEXICO283');
    assert.deepEqual(header.date, { text: 'Wednesday, 4 February 2009, 17:08 UTC', iso: '2009-02-04T17:08:00Z' });
    assert.equal(header.dtg, '041708Z FEB 09');
    assert.deepEqual(header.from, [{ text: 'AMEMBASSY MEXICO', meaning: 'Embassy Mexico', precedence: undefined }]);
    assert.deepEqual(
      header.to.map((a) => a.text),
      ['SECSTATE WASHDC'],
    );
    assert.deepEqual(
      header.info.map((a) => a.text),
      ['ALL US CONSULATES IN MEXICO COLLECTIVE'],
    );
    assert.equal(header.precedence?.text, 'ROUTINE');
    assert.equal(header.origin, 'Embassy Mexico');
  });

  it('has the classification with its controls, once each', () => {
    assert.equal(header.classification?.level, 'C');
    assert.equal(header.classification?.text, 'CONFIDENTIAL');
    assert.match(header.classification?.meaning ?? '', /damage to national security/);
    assert.deepEqual(header.classification?.caveats, []);
    assert.deepEqual(
      header.classification?.controls.map((c) => c.text),
      ['SIPDIS'],
    );
    assert.match(header.classification?.controls[0].meaning ?? '', /SIPRNet/);
  });

  it('has the E.O. line, the TAGS with their meanings, the subject and Classified By', () => {
    assert.deepEqual(header.eo?.order, { text: 'E.O. 12958', meaning: 'Classified National Security Information' });
    assert.equal(header.eo?.declassify?.text, '15 January 2019');
    assert.deepEqual(
      header.tags.map((t) => t.code),
      ['PGOV', 'PREL', 'KCRM', 'SNAR', 'KJUS', 'PINR', 'MX'],
    );
    assert.match(header.tags[0].meaning ?? '', /Internal Governmental Affairs/);
    assert.equal(header.tags[0].kind, 'subject');
    assert.deepEqual(header.tags[6], { code: 'MX', meaning: 'Mexico', kind: 'geographic' });
    assert.equal(header.subject, 'THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN 2009--SECURITY AND REFORM');
    assert.equal(header.classifiedBy?.authority, 'POLCOUNS CHARLES V. BARCLAY');
    assert.deepEqual(
      header.classifiedBy?.reasons.map((r) => r.text),
      ['1.4(b)', '1.4(d)'],
    );
    assert.match(header.classifiedBy?.reasons[1].meaning ?? '', /foreign relations/);
    assert.deepEqual(header.references, []);
  });

  it('reflows ¶1: its lines joined into one text, number and marking apart', () => {
    const p1 = paragraph(doc, '¶1.');
    assert.deepEqual(p1.marking, { text: '(C)', level: 'C', meaning: 'Confidential paragraph' });
    assert.equal(p1.pieces.length, 1);
    const text = pieceText(p1.pieces[0]);
    assert.ok(text.startsWith("Summary. Mexico's drug cartels are responsible for 60-80 percent of the cocaine"), text.slice(0, 90));
    assert.ok(text.endsWith('relationship in the coming year. End Summary.'), text.slice(-60));
    assert.ok(!/\n|\s{2}/.test(text), 'no line breaks or doubled spaces are left');
    assert.ok(!text.includes('¶1') && !text.includes('(C)'), 'the number and the marking are not in the text');
    assert.equal(p1.line, lineOf('¶1. (C) Summary.'));
    assert.equal(p1.endLine, lineOf('relationship in the coming year. End Summary.'));
  });

  it('numbers every paragraph apart, with its marking and level', () => {
    const all = paragraphs(doc);
    assert.deepEqual(
      all.map((p) => p.number),
      ['¶1.', '¶2.', '¶3.', '¶4.', '¶5.', '¶6.', '¶7.', '¶8.', '¶9.', '¶10.', '¶11.', '¶12.'],
    );
    assert.deepEqual(
      all.map((p) => p.marking?.level),
      ['C', 'SBU', 'U', 'SBU', 'C', 'C', 'SBU', 'SBU', 'C', 'SBU', 'SBU', 'C'],
    );
    for (const p of all) assert.ok(!/^\s/.test(pieceText(p.pieces[0])), `${p.number} text starts at its first word`);
  });

  it('shows the headings as headings, a two-line heading as one', () => {
    const headings = cable.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? runsText(b.runs) : ''));
    assert.deepEqual(headings, [
      "Reinforce President Calderon's Commitment to Law Enforcement Development",
      'Encourage Better Inter-Institutional Cooperation',
      'Enhance Intelligence Collection and Sharing',
      'Engage the Enemy on Our Side of the Border',
      'Broaden Judicial Reform Effort',
    ]);
  });

  it('sets off the Summary (¶1) and the closing Comment (¶12), with their words marked', () => {
    const p1 = paragraph(doc, '¶1.');
    const p12 = paragraph(doc, '¶12.');
    assert.equal(p1.span?.kind, 'summary');
    assert.equal(p12.span?.kind, 'comment');
    assert.notEqual(p1.span?.index, p12.span?.index);
    assert.equal(paragraph(doc, '¶2.').span, undefined);
    const marks = (p: typeof p1) => p.pieces.flatMap((piece) => piece.runs.filter((r) => r.kind === 'spanMark').map((r) => r.text));
    assert.deepEqual(marks(p1), ['Summary.', 'End Summary.']);
    assert.deepEqual(marks(p12), ['Comment:']);
  });

  it('gives acronyms their meanings: the cable’s own definitions, then the dictionary', () => {
    const acronyms = new Map(
      cable.blocks
        .flatMap((b) => ('pieces' in b ? b.pieces.flatMap((p) => p.runs) : []))
        .filter((r) => r.kind === 'acronym')
        .map((r) => [r.text, r.title]),
    );
    assert.match(acronyms.get('SSP') ?? '', /^SSP: Secretariat of Public Security \(defined in this cable\)$/);
    assert.match(acronyms.get('AFI') ?? '', /Federal Investigative Agency/);
    assert.match(acronyms.get('GOM') ?? '', /Government of Mexico/);
    assert.ok(!acronyms.has('Mexico') && !acronyms.has('The'), 'ordinary words are no acronyms');
  });

  it('your own acronyms win', () => {
    const own = preview(SAMPLE, { settings: { ...DEFAULT_SETTINGS, acronyms: { GOM: 'the Mexican federal government' } } });
    const gom = own.cables[0].blocks.flatMap((b) => ('pieces' in b ? b.pieces.flatMap((p) => p.runs) : [])).find((r) => r.text === 'GOM');
    assert.equal(gom?.title, 'GOM: the Mexican federal government (your cable.acronyms)');
  });

  it('ends with the footer and the signature, outside the text', () => {
    const kinds = cable.blocks.map((b) => b.kind);
    assert.deepEqual(kinds.slice(-2), ['footer', 'signature']);
    const signature = cable.blocks.at(-1);
    assert.equal(signature?.kind === 'signature' ? signature.text : '', 'BASSETT');
    assert.ok(!pieceText(paragraph(doc, '¶12.').pieces.at(-1)!).includes('Visit Mexico City'));
  });

  it('keeps every block’s source lines in order, inside the cable, for scroll sync', () => {
    let last = header.endLine;
    assert.ok(header.line === 0 && header.endLine < lineOf('¶1.'));
    for (const block of cable.blocks) {
      assert.ok(block.line > last || block.kind === 'withheld', `${block.kind} at ${block.line} after ${last}`);
      assert.ok(block.endLine >= block.line && block.endLine <= cable.endLine);
      for (const piece of 'pieces' in block ? block.pieces : []) assert.ok(piece.line >= block.line && piece.endLine <= block.endLine);
      last = block.endLine;
    }
  });

  it('is what the language service answers', () => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///w/09MEXICO283.txt', 'cable', 3, SAMPLE);
    assert.deepEqual(service.getPreview(document, service.parse(document)), doc);
  });
});

describe('the preview of a made-up short cable', () => {
  const doc = preview(SHORT, { name: '09MEXICO600.txt', workspace: workspaceWithFixtures() });
  const [cable] = doc.cables;
  const { header } = cable;

  it('has the header: SECRET//NOFORN with its caveat, IMMEDIATE, addressees with their precedence', () => {
    assert.equal(header.refId, '09MEXICO600');
    assert.equal(header.date?.text, 'Tuesday, 3 March 2009, 15:30 UTC');
    assert.equal(header.classification?.level, 'S');
    assert.equal(header.classification?.text, 'SECRET//NOFORN');
    assert.deepEqual(
      header.classification?.caveats.map((c) => c.text),
      ['NOFORN'],
    );
    assert.deepEqual(
      header.classification?.controls.map((c) => c.text),
      ['SIPDIS'],
    );
    assert.equal(header.precedence?.text, 'IMMEDIATE');
    assert.deepEqual(header.to, [{ text: 'SECSTATE WASHDC', meaning: 'Secretary of State', precedence: 'IMMEDIATE' }]);
    assert.deepEqual(header.info, [{ text: 'AMEMBASSY CARACAS', meaning: 'Embassy Caracas', precedence: 'PRIORITY' }]);
    assert.equal(header.classifiedBy?.authority, 'AMBASSADOR E. ANTHONY WAYNE');
  });

  it('says which TAG it does not know, and the closest one', () => {
    const unknown = header.tags.find((t) => t.code === 'XYZQ');
    assert.equal(unknown?.kind, 'unknown');
    assert.match(unknown?.meaning ?? '', /Unknown TAG/);
  });

  it('links the references whose cables the workspace holds, and only those', () => {
    const [a, b] = header.references;
    assert.equal(a.letter, 'A');
    assert.deepEqual(a.runs, [{ text: '08 MEXICO 3456', cite: 0 }]);
    assert.deepEqual(a.cables[0], {
      text: '08 MEXICO 3456',
      refId: '08MEXICO3456',
      target: { uri: 'file:///ws/08MEXICO3456.txt', line: 0 },
      subject: 'JUDICIAL REFORM IN BAJA CALIFORNIA',
    });
    assert.equal(b.cables[0].refId, '08STATE12345');
    assert.equal(b.cables[0].target, undefined);
  });

  it('joins a word broken at a hyphen, and marks the Summary', () => {
    const p1 = paragraph(doc, '¶1.');
    assert.deepEqual(p1.marking, { text: '(S//NF)', level: 'S', meaning: 'Secret, NOFORN' });
    assert.equal(pieceText(p1.pieces[0]), 'Summary. The GOM asked for help with information-sharing on arms traffickers. End Summary.');
    assert.equal(p1.span?.kind, 'summary');
  });

  it('keeps list items apart, with their bullets and markings, and a dash inside a sentence in it', () => {
    const p2 = paragraph(doc, '¶2.');
    assert.deepEqual(
      p2.pieces.map((p) => [p.bullet, p.marking?.text]),
      [
        [undefined, undefined],
        ['--', '(C)'],
        ['--', '(S//NF)'],
      ],
    );
    assert.equal(pieceText(p2.pieces[0]), 'Three points stood out:');
    assert.equal(pieceText(p2.pieces[1]), 'the SSP wants trace data;');
    assert.match(pieceText(p2.pieces[2]), /^the PGR wants faster answers -- and soon\. The minister said so\./);
    assert.equal(p2.pieces[2].marking?.level, 'S');
  });

  it('leaves the section break out of the text, which runs on past it', () => {
    const last = pieceText(paragraph(doc, '¶2.').pieces[2]);
    assert.ok(!last.includes('00000600'), last);
    assert.ok(last.endsWith('End Comment. Another sentence after the break.'), last);
  });

  it('sets off a Comment that starts inside a paragraph on its own text', () => {
    const p2 = paragraph(doc, '¶2.');
    assert.equal(p2.span, undefined, 'the paragraph itself is no comment');
    const runs = p2.pieces[2].runs;
    const inComment = runs
      .filter((r) => r.span === 'comment')
      .map((r) => r.text)
      .join('');
    assert.equal(inComment, 'Comment: He meant it. End Comment.');
    assert.ok(runs.filter((r) => r.span === undefined).some((r) => r.text.includes('The minister said so.')));
  });
});

describe('the preview of other files', () => {
  it('shows text without numbered paragraphs as text blocks, reflowed', () => {
    const text =
      'UNCLAS SECTION 01 OF 01 STATE 000999\n\nSUBJECT: A NOTE\n\nThe first line of a note\nand its second line.\n\nA second stretch.\n';
    const [cable] = preview(text, { name: 'note.txt' }).cables;
    const loose = cable.blocks.filter((b) => b.kind === 'text');
    assert.deepEqual(
      loose.map((b) => (b.kind === 'text' ? b.pieces.map(pieceText) : [])),
      [['The first line of a note and its second line.'], ['A second stretch.']],
    );
  });

  it('is empty for a file that holds no cable', () => {
    assert.deepEqual(preview('', { name: 'empty.txt' }).cables, []);
  });

  it(`stops at ${MAX_PREVIEW_TEXT.toLocaleString('en-US')} characters of text, and says where`, () => {
    const sentence = 'Words of a long paragraph that goes on and on for the sake of the test. ';
    const body = Array.from({ length: 990 }, (_, i) => `¶${i + 1}. (U) ${sentence.repeat(16)}\n`).join('\n');
    const doc = preview(`UNCLAS STATE 000999\n\nSUBJECT: LONG\n\n${body}`, { name: 'long.txt' });
    assert.ok(doc.truncatedAt !== undefined && doc.truncatedAt > 0);
    const shown = doc.cables[0].blocks.reduce(
      (sum, b) => sum + ('pieces' in b ? b.pieces.reduce((s, p) => s + pieceText(p).length, 0) : 0),
      0,
    );
    assert.ok(shown <= MAX_PREVIEW_TEXT && shown > MAX_PREVIEW_TEXT * 0.9, `${shown} characters shown`);
    assert.ok(doc.cables[0].blocks.every((b) => b.line < doc.truncatedAt!));
  });
});
