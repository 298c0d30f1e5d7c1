/** What the parser tests read a parse with: the first cable of a text, the only one, and the text a range covers. */
import assert from 'node:assert/strict';
import type { Cable, Range } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';

/** The first cable parsed from `text` (named `fileName`, when the file name matters). */
export const cableOf = (text: string, fileName?: string): Cable => parseCableFile(text, { fileName }).cables[0];

/** The one cable of `text`, failing when the parser finds another number of them. */
export function only(text: string): Cable {
  const file = parseCableFile(text);
  assert.equal(file.cables.length, 1);
  return file.cables[0];
}

/** The text a range covers in `text`, across lines too. */
export function textAt(text: string, range: Range | undefined): string {
  assert.ok(range, 'expected a range');
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}

/** The text a one-line range covers, whatever the line ends (`\r\n`, `\r`, `\n`). */
export const slice = (text: string, range: Range): string =>
  text.split(/\r\n|\r|\n/)[range.start.line].slice(range.start.character, range.end.character);
