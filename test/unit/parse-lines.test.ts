/**
 * `orderedGroupTokens`: group positions without the `d` flag, for the patterns whose groups come in order. Checked
 * against the `d` flag's own indices on every corpus line the routing patterns match, and on lines made to trip a
 * first-occurrence search (a group's text standing earlier in the line).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lineOf as makeLine, orderedGroupTokens, splitLines, type Line } from '../../server/src/language/parse/lines';
import { ADDRESS_KEY, DTG, DTG_TAIL } from '../../shared/cableLines/routingLines';
import { corpusFiles } from '../support/corpus';

function expectSameAsIndices(pattern: RegExp, line: Line) {
  const match = pattern.exec(line.text);
  const withIndices = new RegExp(pattern.source, pattern.flags + 'd').exec(line.text);
  assert.equal(match === null, withIndices === null);
  if (!match || !withIndices) return false;
  const tokens = orderedGroupTokens(line, match);
  for (let group = 1; group < match.length; group++) {
    const expected: [number, number] | undefined = withIndices.indices![group];
    const token = tokens[group];
    if (!expected) assert.equal(token, undefined, `group ${group} of ${JSON.stringify(line.text)}`);
    else {
      assert.equal(token?.text, match[group]);
      assert.equal(token.range.start.character, line.offset + expected[0], `group ${group} of ${JSON.stringify(line.text)}`);
      assert.equal(token.range.end.character, line.offset + expected[1]);
      assert.equal(token.range.start.line, line.index);
    }
  }
  return true;
}

test('routing groups are where the d flag puts them, on every corpus line they match', () => {
  let matched = 0;
  for (const file of corpusFiles()) {
    for (const line of splitLines(readFileSync(file, 'utf8'))) {
      for (const pattern of [DTG, ADDRESS_KEY, DTG_TAIL]) if (expectSameAsIndices(pattern, line)) matched++;
    }
  }
  assert.ok(matched > 2000, `only ${matched} matches: the corpus holds a DTG and addressees per cable`);
});

test('a group whose text also stands earlier in the line is found after the group before it', () => {
  const lines: Line[] = [
    // The year `08` stands inside the day and time; the precedence letter `R` in the month.
    makeLine(4, 'R 080808Z MAR 08', 0),
    makeLine(2, '  O P 011212Z AUG 06 ZDK', 3),
    makeLine(0, 'TO RUEHC/SECSTATE WASHDC PRIORITY 4318', 1),
  ];
  for (const line of lines) assert.ok(expectSameAsIndices(DTG, line) || expectSameAsIndices(ADDRESS_KEY, line), line.text);
  const dtg = orderedGroupTokens(lines[0], DTG.exec(lines[0].text)!);
  assert.deepEqual(
    dtg.map((token) => token?.range.start.character),
    [undefined, 0, undefined, 2, 10, 14],
  );
});
