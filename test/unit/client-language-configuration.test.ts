/**
 * language-configuration.json and the manifest's `firstLine`, used as VS Code uses them: the word
 * pattern picks the match around the cursor, folding markers are joined into one flag-less regex,
 * `firstLine` sees only line 1.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

interface LanguageConfiguration {
  wordPattern: string;
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  autoCloseBefore: string;
  surroundingPairs: [string, string][];
  folding: { markers: { start: string; end: string } };
}

const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { languages: { id: string; firstLine: string }[] };
};

/** The word VS Code selects on a double click at `column` (0-based), as its getWordAtText does. */
function wordAt(line: string, column: number): string | undefined {
  for (const match of line.matchAll(new RegExp(config.wordPattern, 'g'))) {
    if (match.index <= column && column < match.index + match[0].length) return match[0];
  }
  return undefined;
}

describe('wordPattern', () => {
  const cases: [line: string, token: string][] = [
    ['¶12. (C) The Ambassador met the minister.', '¶12'],
    ['Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)', '1.4(b)'],
    ['REASON: 1.4(B), (D)', '1.4(B)'],
    ['DE RUEHME #0283/01 0351708', 'RUEHME'],
    ['09MEXICO283', '09MEXICO283'],
    ['REF: A. 09MEXICO283 B. 08STATE1234', '09MEXICO283'],
    ['¶3. (S//NF) The source said', 'S//NF'],
    ['CLASSIFICATION: SECRET//NOFORN', 'SECRET//NOFORN'],
    ['R 041708Z FEB 09', '041708Z'],
    ["Mexico's drug cartels are responsible", "Mexico's"],
    ['and instigate rising violence on the U.S.-Mexico border.', 'U.S.'],
    ['E.O. 12958: DECL: 01/15/2019', '12958'],
  ];
  for (const [line, token] of cases) {
    it(`keeps ${token} whole`, () => {
      const start = line.indexOf(token);
      assert.ok(start >= 0);
      for (let column = start; column < start + token.length; column++) {
        assert.equal(wordAt(line, column), token, `at column ${column} of ${JSON.stringify(line)}`);
      }
    });
  }

  it('does not run a word into the portion marking or punctuation', () => {
    const line = '¶1. (C) Summary. Mexico is looking';
    assert.equal(wordAt(line, line.indexOf('C)')), 'C');
    assert.equal(wordAt(line, line.indexOf('Summary')), 'Summary');
    assert.equal(wordAt(line, line.indexOf('.')), undefined);
  });

  it('matches no empty string (VS Code would loop on it)', () => {
    assert.equal(new RegExp(config.wordPattern).test(''), false);
  });
});

describe('brackets and quotes', () => {
  it('auto-closes parentheses and double quotes', () => {
    const opens = config.autoClosingPairs.map((pair) => pair.open);
    assert.ok(opens.includes('('));
    assert.ok(opens.includes('"'));
  });

  it("never auto-closes the apostrophe, which prose is full of (Mexico's, don't)", () => {
    assert.ok(!config.autoClosingPairs.some((pair) => pair.open === "'"));
  });

  it('still wraps a selection in single quotes', () => {
    assert.ok(config.surroundingPairs.some(([open, close]) => open === "'" && close === "'"));
  });

  it('auto-closes only before whitespace or closing punctuation, not before a word', () => {
    assert.ok(!/[A-Za-z0-9]/.test(config.autoCloseBefore));
    assert.ok(config.autoCloseBefore.includes(' '));
  });
});

describe('folding markers', () => {
  // VS Code joins the markers into one regex and drops any flags.
  const markers = new RegExp(`(${config.folding.markers.start})|(?:${config.folding.markers.end})`);
  const kind = (line: string): 'start' | 'end' | undefined => {
    const match = markers.exec(line);
    if (!match) return undefined;
    return match[1] !== undefined ? 'start' : 'end';
  };

  const starts = [
    "¶1. (C) Summary. Mexico's drug cartels are responsible for",
    '1. (SBU) SUMMARY: In what turned in to a two hour meeting',
    '¶7. (C) Comment: The minister was candid.',
    'COMMENT: THE GOVERNMENT',
    'Summary',
    '¶1. (c) summary: on November 1, the ambassador presented',
    '12.(S//NF) Comment continued: The source',
  ];
  for (const line of starts) it(`opens a fold at ${JSON.stringify(line)}`, () => assert.equal(kind(line), 'start'));

  const ends = ['of law. End Summary.', 'END SUMMARY.', 'End comment.', 'the border. END COMMENT.'];
  for (const line of ends) it(`closes a fold at ${JSON.stringify(line)}`, () => assert.equal(kind(line), 'end'));

  const neither = [
    'summary. ', // the wrapped tail of "End / summary." in prose
    'comment on the apparent change of heart, the minister',
    'The Summary of the talks was not released.',
  ];
  for (const line of neither) it(`leaves ${JSON.stringify(line)} alone`, () => assert.equal(kind(line), undefined));
});

describe('firstLine', () => {
  const cable = manifest.contributes.languages.find((language) => language.id === 'cable');
  const firstLine = new RegExp(cable?.firstLine ?? '(?!)');

  const matching = [
    '09MEXICO283',
    '00HARARE5461',
    'VZCZCXRO3019 ',
    'C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283 ',
    'S E C R E T        TRIPOLI 00498',
    'U N C L A S STATE 012345',
    'C o n f i d e n t i a l section 01 of 04 ankara 000123',
    'This record is a partial extract of the original cable. The full text of the original cable is not available.',
  ];
  for (const line of matching) it(`claims a file starting ${JSON.stringify(line.slice(0, 30))}`, () => assert.ok(firstLine.test(line)));

  const other = ['# README', 'import fs from "node:fs";', 'CONFIDENTIAL', 'Dear Sir,', '190450', 'From: jane@example.org'];
  for (const line of other) it(`leaves a file starting ${JSON.stringify(line)} alone`, () => assert.equal(firstLine.test(line), false));

  it('claims every corpus cable whose first line is a ref id, VZCZC, banner or partial-extract note', () => {
    const kinds = /^(?:\d{2}[A-Z]+\d+\s*$|VZCZC|This record is a partial extract)/;
    const firstLines = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(CORPUS, name), 'utf8').split(/\r?\n/, 1)[0] ?? '')
      .filter((line) => kinds.test(line));
    assert.ok(firstLines.length > 500);
    assert.deepEqual(
      firstLines.filter((line) => !firstLine.test(line)),
      [],
    );
  });
});
