/**
 * Loads the grammar into vscode-textmate + Oniguruma (the engine VS Code runs) and tokenizes hostile input and
 * every real cable. No timing is asserted: a rule that backtracks catastrophically blows the test runner's timeout.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INITIAL, type IGrammar, type StateStack } from 'vscode-textmate';
import { loadCableGrammar, tokenizeText } from '../bench/tokenize';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS_DIR = join(ROOT, '..', 'shared', 'corpus');
const SAMPLE = join(ROOT, '..', 'shared', 'samples', '09MEXICO283.txt');

const ONE_MB = 1 << 20;
// VS Code stops tokenizing a line at editor.maxTokenizationLineLength (20,000); just below it every rule runs.
const BELOW_EDITOR_LIMIT = 19_999;

let grammar: IGrammar;

before(async () => {
  grammar = await loadCableGrammar();
});

/** `unit` repeated to exactly `length` characters, on one line. */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Repeats that trip naive rules: nesting, list labels, routing indicators, markers, runs of blanks. */
function pathologicalUnits(): Record<string, string> {
  return {
    'random cable text': readFileSync(SAMPLE, 'utf8').replace(/\s+/g, ' '),
    'open parentheses': '(',
    'lettered labels': 'A. ',
    'routing indicators': 'RUEH',
    'spaced routing indicators': 'RUEH ',
    spaces: ' ',
    tabs: '\t',
    dashes: '-',
    'portion markings': '(S//NF ',
    'summary markers': '. Summary',
    'classified by': 'Classified By: 1.4 (b and ',
    'title words': 'Title Word ',
    'caption keys': 'TAGS: SUBJECT: REF: ',
    backslashes: '\\ ',
  };
}

for (const [name, unit] of Object.entries(pathologicalUnits())) {
  for (const length of [ONE_MB, BELOW_EDITOR_LIMIT]) {
    test(`a ${length}-character line of ${name} tokenizes`, () => {
      for (const prefix of ['', 'TO ', 'SUBJECT: ', 'Classified By: ', 'REF: ', 'C O N F I D E N T I A L ']) {
        assert.ok(tokenizeText(grammar, prefix + repeatTo(unit, length)) > 0);
      }
    });
  }
}

test('every corpus cable tokenizes line by line', () => {
  const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt'));
  assert.ok(files.length >= 700, `expected the 720-cable corpus in ${CORPUS_DIR}, found ${files.length} files`);
  for (const file of files) {
    assert.doesNotThrow(() => tokenizeText(grammar, readFileSync(join(CORPUS_DIR, file), 'utf8')), file);
  }
});

/** Scopes of the token at the first occurrence of `text` on the first line of `file` that contains `line`. */
function scopesAt(file: string, line: string, text: string): string[] {
  let state: StateStack = INITIAL;
  for (const current of readFileSync(join(CORPUS_DIR, file), 'utf8').split(/\r\n|\n/)) {
    const { tokens, ruleStack } = grammar.tokenizeLine(current, state);
    state = ruleStack;
    if (!current.includes(line)) continue;
    const start = current.indexOf(text);
    assert.ok(start >= 0, `"${text}" is not on the line "${current}" of ${file}`);
    const token = tokens.find((t) => t.startIndex <= start && start < t.endIndex);
    return token?.scopes ?? [];
  }
  throw new Error(`no line of ${file} contains "${line}"`);
}

const KEY_TOKENS: Array<[file: string, line: string, text: string, scope: string]> = [
  ['06MEXICO1311.txt', '55988', '55988', 'constant.numeric.row-number.cable'],
  ['06MEXICO1311.txt', 'ZNR UUUUU ZZH', 'UUUUU', 'entity.name.type.classification.unclassified.cable'],
  ['06MEXICO1311.txt', 'INFO RUEHXC/', 'RUEHXC', 'support.constant.routing-indicator.cable'],
  ['06MEXICO1311.txt', 'UNCLAS SECTION 01 OF 02', 'UNCLAS', 'entity.name.type.classification.unclassified.cable'],
  ['06MEXICO1311.txt', '¶B. MEXICO 765', 'MEXICO 765', 'entity.name.function.ref-id.cable'],
  ['06MEXICO1509.txt', 'C O N F I D E N T I A L SECTION', 'C O N F I D E N T I A L', 'constant.language.classification.confidential.cable'],
  ['06MEXICO1509.txt', '1.4(B/D)', '(B/D)', 'constant.language.reason.cable'],
  ['09BAKU20.txt', 'S e c r e t section 01 of 02 baku', 'S e c r e t', 'support.function.classification.secret.cable'],
  ['09BAKU20.txt', 'ZNY SSSSS ZZH', 'SSSSS', 'support.function.classification.secret.cable'],
  ['09BAKU20.txt', 'Tags: pgov', 'pgov', 'entity.name.tag.cable'],
  ['00HARARE6677.txt', 'PAGE 01        HARARE', 'HARARE', 'entity.name.type.post.cable'],
  ['00HARARE6677.txt', 'INFO  LOG-00', 'LOG-00', 'support.constant.office.cable'],
  ['00HARARE6677.txt', 'This record is a partial extract', 'This record', 'comment.line.partial-extract.cable'],
  ['66BUENOSAIRES2481.txt', 'P R 281848Z DEC 66', '281848Z DEC 66', 'constant.numeric.date-time-group.cable'],
  ['66BUENOSAIRES2481.txt', 'AMEMBASSY RIO DE JANEIRO', 'AMEMBASSY', 'entity.name.type.addressee.cable'],
  ['72TEHRAN1164.txt', 'HECK', 'HECK', 'entity.name.function.signature.cable'],
  ['06BERN898.txt', '2006-05-05 15:15:00\t06BERN898', '06BERN898', 'entity.name.function.ref-id.cable'],
  ['02BOGOTA3281.txt', 'classification: SECRET', 'SECRET', 'support.function.classification.secret.cable'],
];

test('key tokens of real cables get the expected scopes', () => {
  for (const [file, line, text, scope] of KEY_TOKENS) {
    assert.ok(scopesAt(file, line, text).includes(scope), `${file}: "${text}" on "${line}" should be ${scope}`);
  }
});
