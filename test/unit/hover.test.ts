/** Hover: TAGS, acronyms (settings > cable > dictionary), markings, reasons, routing, dates, REF items; always inert markdown. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, Position, Range } from 'vscode-languageserver-types';
import { doHover } from '../../server/src/language/features/hover/hover';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../../server/src/language/settings';
import { InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';
import { measureTagHoverCoverage } from '../../scripts/hover-coverage';
import { readSample } from '../support/sample';

const FIXTURES = join(__dirname, '..', 'fixtures', 'workspace');
const SAMPLE = readSample();

/** Position of the `nth` occurrence of `needle` in `text`, moved `delta` characters into it. */
function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" #${nth} not found`);
  }
  const before = text.slice(0, index + delta).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

interface HoverResult {
  value: string;
  range?: Range;
}

function hoverAt(
  text: string,
  needle: string,
  options: { nth?: number; delta?: number; settings?: LanguageSettings; workspace?: InMemoryWorkspaceIndex; name?: string } = {},
): HoverResult | null {
  const name = options.name ?? '09MEXICO283.txt';
  const document = TextDocument.create(`file:///w/${name}`, 'cable', 1, text);
  const model = parseCableFile(text, { fileName: name });
  const hover = doHover(document, model, positionOf(text, needle, options.nth, options.delta), options.settings ?? DEFAULT_SETTINGS, {
    workspace: options.workspace,
  });
  if (!hover) return null;
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return { value: contents.value, range: hover.range };
}

const range = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

describe('doHover on TAGS', () => {
  it('explains PGOV with its kind and meaning, over the tag only', () => {
    const hover = hoverAt(SAMPLE, 'PGOV', { delta: 2 })!;
    assert.match(hover.value, /\*\*PGOV\*\* — subject TAG/);
    assert.match(hover.value, /Political Affairs\\-\\-Government/);
    assert.deepEqual(hover.range, range(32, 6, 32, 10));
  });

  it('explains MX, KCRM, SNAR and PINR', () => {
    assert.match(hoverAt(SAMPLE, ' MX', { delta: 1 })!.value, /geographic TAG[\s\S]*Mexico/);
    assert.match(hoverAt(SAMPLE, 'KCRM')!.value, /program TAG[\s\S]*Criminal Activity/);
    assert.match(hoverAt(SAMPLE, 'SNAR')!.value, /subject TAG[\s\S]*Narcotics/);
    assert.match(hoverAt(SAMPLE, 'PINR')!.value, /subject TAG[\s\S]*Intelligence/);
  });

  it('says an unknown tag is unknown and suggests the closest one', () => {
    const text = SAMPLE.replace('TAGS: PGOV', 'TAGS: PGVO');
    const hover = hoverAt(text, 'PGVO')!;
    assert.match(hover.value, /unknown TAG/);
    assert.match(hover.value, /Did you mean \*\*PGOV\*\*/);
  });

  it('reads two tags run together on the TAGS line as the two tags', () => {
    const text = SAMPLE.replace('TAGS: PGOV', 'TAGS: IZPREL PGOV');
    assert.match(hoverAt(text, 'IZPREL')!.value, /^\*\*IZ\*\* — geographic TAG[\s\S]*Iraq/);
    assert.match(hoverAt(text, 'IZPREL', { delta: 2 })!.value, /^\*\*PREL\*\* — subject TAG/);
  });

  it('explains a tag code used in the text through the tags', () => {
    const text = SAMPLE.replace('Mexico to turn the page', 'MX to turn the page');
    const hover = hoverAt(text, 'MX to turn')!;
    assert.match(hover.value, /\*\*MX\*\* — Mexico/);
    assert.match(hover.value, /TAG \(geographic\)/);
  });
});

describe('doHover on acronyms', () => {
  it('explains GOM from the dictionary', () => {
    const hover = hoverAt(SAMPLE, 'GOM')!;
    assert.match(hover.value, /\*\*GOM\*\* — Government of Mexico/);
    assert.match(hover.value, /\*Dictionary\*/);
    assert.deepEqual(hover.range, range(74, 40, 74, 43));
  });

  it('prefers the cable’s own definitions: PGR, SSP, AFI, SEDENA', () => {
    const pgr = hoverAt(SAMPLE, 'PGR', { nth: 1 })!;
    assert.match(pgr.value, /\*\*PGR\*\* — Attorney General's Office\n/);
    assert.match(pgr.value, /Defined in this cable \(line 93, a translated name\)/);
    assert.match(pgr.value, /Dictionary: Attorney General's Office of Mexico/);
    assert.match(
      hoverAt(SAMPLE, 'SSP and AFI')!.value,
      /\*\*SSP\*\* — Secretariat of Public Security\n[\s\S]*line 94, initials in another order/,
    );
    assert.match(hoverAt(SAMPLE, 'AFI into')!.value, /\*\*AFI\*\* — Federal Investigative Agency\n[\s\S]*line 95/);
    assert.match(hoverAt(SAMPLE, 'SEDENA')!.value, /\*\*SEDENA\*\* — Secretariat of National Defense\n[\s\S]*Defined in this cable/);
  });

  it('reads a definition whose initials fit in order', () => {
    assert.match(
      hoverAt(SAMPLE, 'GSOMIA')!.value,
      /General Security of Military Information Agreement[\s\S]*Defined in this cable \(line 132\)/,
    );
  });

  it('explains CISEN, SEMAR and NORTHCOM from the dictionary', () => {
    assert.match(hoverAt(SAMPLE, 'CISEN')!.value, /Center for Investigation and National Security/);
    assert.match(hoverAt(SAMPLE, 'SEMAR signed')!.value, /Secretariat of the Navy/);
    assert.match(hoverAt(SAMPLE, 'NORTHCOM')!.value, /U\\\.S\\\. Northern Command/);
  });

  it('lets the user’s acronyms win over the cable and the dictionary', () => {
    const settings = { ...DEFAULT_SETTINGS, acronyms: { SSP: 'Our own SSP', GOM: 'Government of Mexico (ours)' } };
    const ssp = hoverAt(SAMPLE, 'SSP and AFI', { settings })!;
    assert.match(ssp.value, /^\*\*SSP\*\* — Our own SSP\n\n\*Your acronyms/);
    assert.match(ssp.value, /Defined in this cable \(line 94/);
    assert.match(hoverAt(SAMPLE, 'GOM', { settings })!.value, /— Government of Mexico \\\(ours\\\)/);
  });

  it('has nothing to say about ordinary words', () => {
    assert.equal(hoverAt(SAMPLE, 'cartels'), null);
    assert.equal(hoverAt(SAMPLE, 'Mexico', { nth: 5 }), null);
  });
});

describe('doHover on classification', () => {
  it('explains (C) and (SBU) portion markings over the marking', () => {
    const c = hoverAt(SAMPLE, '(C)', { delta: 1 })!;
    assert.match(c.value, /portion marking: Confidential/);
    assert.deepEqual(c.range, range(39, 4, 39, 7));
    const sbu = hoverAt(SAMPLE, '(SBU)', { delta: 2 })!;
    assert.match(sbu.value, /portion marking: Sensitive But Unclassified/);
    assert.deepEqual(sbu.range, range(66, 4, 66, 9));
  });

  it('spells out caveats: NF is NOFORN, and says when a paragraph is marked above the cable', () => {
    const text = SAMPLE.replace('¶5. (C)', '¶5. (S//NF)');
    const hover = hoverAt(text, '(S//NF)', { delta: 1 })!;
    assert.match(hover.value, /\*\*NF\*\* = \*\*NOFORN\*\*: Not releasable to foreign nationals/);
    assert.match(hover.value, /Above the cable's classification \(CONFIDENTIAL\)/);
  });

  it('explains the reason (b) of 1.4(b) under E.O. 12958 as amended, for a 2009 cable', () => {
    const hover = hoverAt(SAMPLE, '1.4(b)', { delta: 4 })!;
    assert.match(hover.value, /E\\\.O\\\. 12958, as amended by E\\\.O\\\. 13292, §1\\\.4\\\(b\\\): foreign government information/);
    assert.deepEqual(hover.range, range(36, 55, 36, 58));
    assert.match(hoverAt(SAMPLE, '(d)', { delta: 1 })!.value, /foreign relations or foreign activities of the United States/);
  });

  it('reads 1.5 reasons of a 2002 cable under E.O. 12958 §1.5, and 2010 cables under E.O. 13526', () => {
    const old = SAMPLE.replace('2009-02-04 17:08:00', '2002-02-04 17:08:00').replace('REASONS 1.4(b)', 'REASONS 1.5(b)');
    assert.match(hoverAt(old, '1.5(b)', { delta: 4 })!.value, /E\\\.O\\\. 12958, §1\\\.5\\\(b\\\): foreign government information/);
    const late = SAMPLE.replace('2009-02-04 17:08:00', '2010-08-04 17:08:00');
    assert.match(hoverAt(late, '1.4(b)', { delta: 4 })!.value, /E\\\.O\\\. 13526, §1\\\.4\\\(b\\\)/);
  });

  it('explains the banner classification, SIPDIS and the E.O. line', () => {
    assert.match(hoverAt(SAMPLE, 'C O N F')!.value, /classification \*\*CONFIDENTIAL\*\*[\s\S]*damage to national security/);
    assert.match(hoverAt(SAMPLE, 'SIPDIS')!.value, /dissemination control[\s\S]*SIPRNet/);
    const eo = hoverAt(SAMPLE, 'E.O. 12958', { delta: 6 })!;
    assert.match(eo.value, /\*\*E\\\.O\\\. 12958\*\* — Classified National Security Information/);
    assert.match(eo.value, /Declassify on 15 January 2019 \(2019-01-15\)/);
    assert.match(hoverAt(SAMPLE, '01/15/2019')!.value, /Declassify on 15 January 2019/);
    const decl = hoverAt(SAMPLE, 'DECL:', { delta: 1 })!;
    assert.match(decl.value, /\*\*01\/15\/2019\*\* — declassification instruction/);
    assert.deepEqual(decl.range, range(31, 12, 31, 16));
  });
});

describe('doHover on the routing header', () => {
  it('names the station of RUEHME', () => {
    const hover = hoverAt(SAMPLE, 'RUEHME', { nth: 1 })!;
    assert.match(hover.value, /\*\*RUEHME\*\* — routing indicator\n\nAMEMBASSY MEXICO CITY/);
    assert.deepEqual(hover.range, range(20, 3, 20, 9));
  });

  it('decodes the date-time group 041708Z FEB 09 into words, giving the date once', () => {
    const hover = hoverAt(SAMPLE, '041708Z FEB 09', { nth: 1, delta: 3 })!;
    assert.match(hover.value, /^\*\*041708Z FEB 09\*\* — date-time group\n\n\*\*Wednesday, 4 February 2009, 17:08 UTC\*\*\n\n/);
    assert.equal(hover.value.match(/2009/g)!.length, 1, hover.value);
    assert.deepEqual(hover.range, range(22, 2, 22, 16));
  });

  it('explains the precedences RR and R', () => {
    assert.match(hoverAt(SAMPLE, 'RR RUEHCD', { nth: 1 })!.value, /\*\*RR\*\* — precedence[\s\S]*ROUTINE \/ ROUTINE/);
    assert.match(hoverAt(SAMPLE, 'R 041708Z', { nth: 1 })!.value, /\*\*R\*\* — precedence[\s\S]*ROUTINE/);
  });

  it('decodes the DE line’s day of year, giving the date and time once', () => {
    const hover = hoverAt(SAMPLE, '0351708', { nth: 1 })!;
    assert.match(hover.value, /Sent on day 35 of the year: \*\*Wednesday, 4 February 2009, 17:08 UTC\*\*\.$/);
    assert.equal(hover.value.match(/17:08/g)!.length, 1, hover.value);
    assert.deepEqual(hover.range, range(20, 19, 20, 26));
  });
});

describe('doHover on references', () => {
  const citing = readFileSync(join(FIXTURES, 'cites-08MEXICO3456.txt'), 'utf8');
  const workspace = new InMemoryWorkspaceIndex();
  for (const name of ['08MEXICO3456.txt', 'cites-08MEXICO3456.txt', 'two-cables.txt']) {
    workspace.setFile(`file:///ws/${name}`, readFileSync(join(FIXTURES, name), 'utf8'));
  }

  it('names the cable a REF item cites and finds it in the workspace', () => {
    const hover = hoverAt(citing, '08 MEXICO 3456', { workspace, name: 'cites-08MEXICO3456.txt' })!;
    assert.match(hover.value, /\*\*Reference A\*\* — cable \*\*08MEXICO3456\*\*/);
    assert.match(hover.value, /Year 2008, from \*\*MEXICO\*\*, serial 3456/);
    assert.match(hover.value, /In the workspace: \*\*08MEXICO3456\\\.txt\*\*: JUDICIAL REFORM IN BAJA CALIFORNIA/);
    assert.deepEqual(hover.range, range(21, 5, 21, 22));
  });

  it('says when the cited cable is not in the workspace', () => {
    assert.match(
      hoverAt(citing, '08 STATE 12345', { workspace, name: 'cites-08MEXICO3456.txt' })!.value,
      /cable \*\*08STATE12345\*\*[\s\S]*Not in the workspace\./,
    );
  });

  it('tells who cites a cable, from its own ref id', () => {
    const own = readFileSync(join(FIXTURES, '08MEXICO3456.txt'), 'utf8');
    const hover = hoverAt(own, '08MEXICO3456', { workspace, name: '08MEXICO3456.txt' })!;
    assert.match(hover.value, /this cable's ref id/);
    assert.match(hover.value, /Cited by 2 files in the workspace: \*\*cites\\-08MEXICO3456\\\.txt\*\*, \*\*two\\-cables\\\.txt\*\*/);
  });

  it('never states absence as fact while the index is incomplete', () => {
    const partial = new InMemoryWorkspaceIndex();
    partial.setFile('file:///ws/cites-08MEXICO3456.txt', citing);
    const own = readFileSync(join(FIXTURES, '08MEXICO3456.txt'), 'utf8');
    partial.setCompleteness({ state: 'scanning', total: 251_287 });
    assert.match(
      hoverAt(citing, '08 STATE 12345', { workspace: partial, name: 'cites-08MEXICO3456.txt' })!.value,
      /Not among the cables indexed so far \(indexing: 1 of 251,287 files read\)\./,
    );
    partial.setCompleteness({ state: 'limited', limit: { setting: 'cable.index.maxFiles', value: 1 } });
    assert.match(
      hoverAt(citing, '08 STATE 12345', { workspace: partial, name: 'cites-08MEXICO3456.txt' })!.value,
      /Not among the cables indexed \(the index stopped at 1 file: `cable\.index\.maxFiles` is 1\)\./,
    );
    assert.match(
      hoverAt(own, '08MEXICO3456', { workspace: partial, name: '08MEXICO3456.txt' })!.value,
      /Cited by 1 file in the workspace \(the index stopped at 1 file/,
    );
    const empty = new InMemoryWorkspaceIndex();
    empty.setCompleteness({ state: 'scanning' });
    assert.match(
      hoverAt(own, '08MEXICO3456', { workspace: empty, name: '08MEXICO3456.txt' })!.value,
      /No other file among those indexed cites it so far \(indexing: 0 files read\)\./,
    );
  });
});

describe('doHover on REFTEL and ref A in the text', () => {
  const citing = readFileSync(join(FIXTURES, 'cites-08MEXICO3456.txt'), 'utf8');
  const workspace = new InMemoryWorkspaceIndex();
  for (const name of ['08MEXICO3456.txt', 'cites-08MEXICO3456.txt', 'two-cables.txt']) {
    workspace.setFile(`file:///ws/${name}`, readFileSync(join(FIXTURES, name), 'utf8'));
  }
  /** A cable whose REF line names a cable in the workspace, an e-mail and two telegrams of the State Department. */
  const threeRefs = [
    'C O N F I D E N T I A L MEXICO 000500',
    '',
    'SIPDIS',
    '',
    'E.O. 12958: DECL: 02/16/2019',
    'TAGS: PGOV KJUS MX',
    'SUBJECT: FOLLOW-UP ON JUDICIAL REFORM',
    '',
    'REF: A. 08 MEXICO 3456',
    '     B. EMAIL FROM WHA/MEX 02/10/09',
    '     C. 08 STATE 12345, 23456',
    '',
    'Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)',
    '',
    '¶1. (C) As reftels report, ref C asks and refs A and D confirm, the',
    'REFTEL A NEW LAW passed.',
    '',
    'BASSETT',
    '',
  ].join('\n');
  const at = (text: string, needle: string, name = '09MEXICO500.txt', delta = 1) => hoverAt(text, needle, { workspace, name, delta })!;

  it('names the cable `Reftel A` points to, over the words and the letter, and finds it in the workspace', () => {
    const hover = at(citing, 'Reftel A', 'cites-08MEXICO3456.txt');
    assert.match(hover.value, /^\*\*Reftel A\*\* — reference telegram\n\nPoints to REF \*\*A\*\*: cable \*\*08MEXICO3456\*\*\./);
    assert.match(hover.value, /In the workspace: \*\*08MEXICO3456\\\.txt\*\*: JUDICIAL REFORM IN BAJA CALIFORNIA$/);
    const line = citing.split('\n').findIndex((l) => l.includes('Reftel A'));
    assert.deepEqual(hover.range, range(line, 8, line, 16));
  });

  it('lists every REF item for `reftels`, each with its ref id and whether the workspace holds it', () => {
    const hover = at(threeRefs, 'reftels');
    assert.match(hover.value, /^\*\*reftels\*\* — reference telegrams\n\nPoints to the 3 items of the REF line:/);
    assert.match(hover.value, /REF \*\*A\*\*: cable \*\*08MEXICO3456\*\* \(in the workspace: \*\*08MEXICO3456\\\.txt\*\*\)  \n/);
    assert.match(hover.value, /REF \*\*B\*\*: an e-mail, no cable  \n/);
    assert.match(
      hover.value,
      /REF \*\*C\*\*: cables \*\*08STATE12345\*\* \(not in the workspace\), \*\*08STATE23456\*\* \(not in the workspace\)$/,
    );
  });

  it('names the telegrams of `ref C` and what the workspace holds of each', () => {
    const hover = at(threeRefs, 'ref C');
    assert.match(
      hover.value,
      /Points to REF \*\*C\*\*: cables \*\*08STATE12345\*\* \(not in the workspace\), \*\*08STATE23456\*\* \(not in the workspace\)\.$/,
    );
  });

  it('says which letter of `refs A and D` the REF line lacks', () => {
    const hover = at(threeRefs, 'refs A and D');
    assert.match(hover.value, /^\*\*refs A and D\*\* — references\n\n/);
    assert.match(hover.value, /Points to REF \*\*A\*\*: cable \*\*08MEXICO3456\*\*\.\n\nThe REF line has no item \*\*D\*\*\./);
  });

  it('reads `REFTEL A NEW LAW` as the word REFTEL when no letter names an item', () => {
    const text = threeRefs.replace(/REF: A\. 08 MEXICO 3456\n[\s\S]*?23456\n/, 'REF: 08 MEXICO 3456\n');
    const hover = at(text, 'REFTEL A NEW');
    assert.match(hover.value, /^\*\*REFTEL\*\* — reference telegram\n\nPoints to the REF item: cable \*\*08MEXICO3456\*\*\./);
    const line = text.split('\n').findIndex((l) => l.startsWith('REFTEL'));
    assert.deepEqual(hover.range, range(line, 0, line, 6));
  });

  it('says so when the caption has no REF line', () => {
    const text = threeRefs.replace(/REF: A\. 08 MEXICO 3456\n[\s\S]*?23456\n\n/, '');
    assert.match(at(text, 'reftels').value, /caption has no REF line, so the telegram it refers to is not named here\.$/);
  });

  it('ends a REF item that names no telegram with what it is, not with its text', () => {
    const hover = at(threeRefs, 'EMAIL FROM');
    assert.equal(hover.value, '**Reference B** — an e-mail\n\nNot a telegram: it has no ref id, so no cable file is linked to it.');
  });
});

describe('doHover never ends with a bare source line', () => {
  /** The markdown's words as a reader sees them. */
  const plain = (markdown: string) =>
    markdown.replace(/\\(.)/g, '$1').replace(/\*\*?/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  const cables: Array<[string, string]> = [
    ['09MEXICO283.txt', SAMPLE],
    ...['08MEXICO3456.txt', 'cites-08MEXICO3456.txt', 'two-cables.txt'].map((name): [string, string] => [
      name,
      readFileSync(join(FIXTURES, name), 'utf8'),
    ]),
    [
      '09MEXICO501.txt',
      'C O N F I D E N T I A L MEXICO 000501\n\nE.O. 13526: DECL: MM/DD/YYYY\nTAGS: PGOV\nSUBJECT: SUBJECT IN CAPITALS\nREF: A. EMAIL FROM WHA/MEX 02/10/09 B. ANKAR...\n\n¶1. (C) Text, reftel A.\n\nSIGNATURE\n',
    ],
  ];

  it('ends every hover of these cables with what the hovered text means, never the text or its line', () => {
    let hovers = 0;
    for (const [name, text] of cables) {
      const document = TextDocument.create(`file:///w/${name}`, 'cable', 1, text);
      const model = parseCableFile(text, { fileName: name });
      const lines = text.split(/\r?\n/);
      lines.forEach((line, index) => {
        for (const word of line.matchAll(/\S+/g)) {
          const hover = doHover(document, model, { line: index, character: word.index! }, DEFAULT_SETTINGS);
          if (!hover) continue;
          hovers++;
          const blocks = (hover.contents as MarkupContent).value.split('\n\n');
          const last = plain(blocks[blocks.length - 1]);
          const { start, end } = hover.range!;
          const hovered = start.line === end.line ? lines[start.line].slice(start.character, end.character).trim() : undefined;
          const shown = `${name}:${index + 1}: ${blocks.join(' / ')}`;
          assert.notEqual(last, hovered, shown);
          assert.ok(last.length < 8 || !lines[start.line].includes(last), shown);
        }
      });
    }
    assert.ok(hovers > 250, `${hovers} hovers`);
  });

  it('says that DECL: MM/DD/YYYY is a placeholder still to fill', () => {
    const [, text] = cables[cables.length - 1];
    assert.match(
      hoverAt(text, 'MM/DD/YYYY', { name: '09MEXICO501.txt' })!.value,
      /^\*\*MM\/DD\/YYYY\*\* — declassification instruction\n\nA placeholder of the new\-cable skeleton, still to fill: the declassification date/,
    );
  });
});

describe('doHover on hostile text', () => {
  const hostile = [
    'UNCLAS MEXICO 000666',
    '',
    'TAGS: PGOV [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>',
    'SUBJECT: [click me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%22%7D)',
    '',
    '¶1. (U) The <b>x</b> ![pixel](http://evil.example/p.png) and the Big & Brave Party (BBP) met',
    'the NOTE team. See http://evil.example and www.evil.example.',
    '',
    'BASSETT',
  ].join('\n');
  const settings = {
    ...DEFAULT_SETTINGS,
    acronyms: { NOTE: '[run](command:evil) <script>alert(1)</script> ![i](http://e/i.png) `code` *em* http://x.example' },
  };

  /** Markdown that a renderer shows as plain words: no link, image, raw HTML tag, autolink or command URI survives. */
  function assertInert(value: string) {
    assert.doesNotMatch(value, /\]\(/, 'a link or image target');
    assert.doesNotMatch(value, /!\[/, 'an image');
    assert.doesNotMatch(value, /<[a-z/]/i, 'a raw HTML tag');
    assert.doesNotMatch(value, /(?<!\\)command:/, 'a command URI');
    assert.doesNotMatch(value, /https?:\/\//, 'an autolink');
    assert.doesNotMatch(value, /(?<!\\)www\./, 'a www autolink');
    assert.doesNotMatch(value, /(?<!\\)`/, 'a code span from the document');
  }

  it('escapes markdown, HTML and command links in an unknown tag', () => {
    for (const needle of ['[x]', 'command:work', 'img src']) {
      const hover = hoverAt(hostile, needle, { delta: 1, settings, name: 'hostile.txt' });
      if (hover) assertInert(hover.value);
    }
    const tag = hoverAt(hostile, '<img', { delta: 1, settings, name: 'hostile.txt' })!;
    assert.match(tag.value, /&lt;img/);
    assertInert(tag.value);
  });

  it('escapes a definition the cable makes with hostile text around it', () => {
    const hover = hoverAt(hostile, 'BBP', { settings, name: 'hostile.txt' })!;
    assert.match(hover.value, /^\*\*BBP\*\* — Big &amp; Brave Party\n/);
    assertInert(hover.value);
  });

  it('escapes the user’s own acronyms', () => {
    const hover = hoverAt(hostile, 'NOTE', { settings, name: 'hostile.txt' })!;
    assert.match(hover.value, /\\\[run\\\]\\\(command\\:evil\\\) &lt;script&gt;/);
    assertInert(hover.value);
  });

  it('escapes a hostile subject shown for a cited cable', () => {
    const workspace = new InMemoryWorkspaceIndex();
    workspace.setFile(
      'file:///ws/09MEXICO666.txt',
      hostile.replace(
        'UNCLAS MEXICO 000666',
        '09MEXICO666\nX\nWed Feb 04 00:00:00 +0100 2009\nUNCLASSIFIED\nEmbassy Mexico\n\nUNCLAS MEXICO 000666',
      ),
    );
    const citing = 'UNCLAS MEXICO 000700\n\nTAGS: PGOV\nSUBJECT: CITES\nREF: 09 MEXICO 666\n\n¶1. (U) Text.\n';
    const hover = hoverAt(citing, '09 MEXICO 666', { workspace, name: '09MEXICO700.txt' })!;
    assert.match(hover.value, /In the workspace: \*\*09MEXICO666\\\.txt\*\*: \\\[click me\\\]\\\(command\\:/);
    assertInert(hover.value);
  });
});

describe('measureTagHoverCoverage', () => {
  it('counts the tags whose hover gives a meaning and lists the others by frequency', () => {
    const odd = SAMPLE.replace('TAGS: PGOV PREL', 'TAGS: PGOV IZPREL EAP QQQQ');
    const coverage = measureTagHoverCoverage([
      { name: '09MEXICO283.txt', text: SAMPLE },
      { name: 'odd.txt', text: odd },
    ]);
    // IZPREL is read as the tags IZ and PREL.
    assert.equal(coverage.occurrences, 17);
    assert.deepEqual([coverage.known, coverage.glued, coverage.acronyms], [15, 0, 1]);
    assert.deepEqual(coverage.unexplained, [{ tag: 'QQQQ', count: 1 }]);
    assert.equal(coverage.share, 16 / 17);
  });
});
