/** Workspace symbols: cables found by ref id or by subject words. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { findWorkspaceSymbols } from '../../server/src/language/features/workspaceSymbols';
import { InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';

const FIXTURES = join(__dirname, '..', 'fixtures', 'workspace');

const index = new InMemoryWorkspaceIndex();
for (const name of readdirSync(FIXTURES)) index.setFile(`file:///ws/${name}`, readFileSync(join(FIXTURES, name), 'utf8'));

const names = (query: string) => findWorkspaceSymbols(query, index).map((s) => s.name);

describe('findWorkspaceSymbols', () => {
  it('finds cables by ref id, in any case and spacing', () => {
    assert.deepEqual(names('09mex'), [
      '09MEXICO500: FOLLOW-UP ON JUDICIAL REFORM',
      '09MEXICO600: FIRST OF TWO CABLES IN ONE FILE',
      '09MEXICO601: SECOND OF TWO CABLES IN ONE FILE',
    ]);
    assert.deepEqual(names('MEXICO 3456'), ['08MEXICO3456: JUDICIAL REFORM IN BAJA CALIFORNIA']);
  });

  it('finds cables by words of their subject', () => {
    assert.deepEqual(names('judicial reform'), [
      '08MEXICO3456: JUDICIAL REFORM IN BAJA CALIFORNIA',
      '09MEXICO500: FOLLOW-UP ON JUDICIAL REFORM',
    ]);
    assert.deepEqual(names('two cab'), ['09MEXICO600: FIRST OF TWO CABLES IN ONE FILE', '09MEXICO601: SECOND OF TWO CABLES IN ONE FILE']);
  });

  it('lists every cable for an empty query, and none for a query nothing matches', () => {
    assert.equal(names('').length, 5);
    assert.deepEqual(names('zanzibar'), []);
  });

  it('points each symbol at its cable in its file', () => {
    const [symbol] = findWorkspaceSymbols('09MEXICO601', index);
    assert.equal(symbol.kind, SymbolKind.File);
    assert.equal(symbol.location.uri, 'file:///ws/two-cables.txt');
    assert.equal(symbol.location.range.start.line, 16);
    assert.equal(symbol.containerName, '2009-02-18 · UNCLASSIFIED', 'the date and classification beside the subject');
  });

  it('finds cables by TAG and by words of their origin', () => {
    assert.deepEqual(names('KJUS'), ['08MEXICO3456: JUDICIAL REFORM IN BAJA CALIFORNIA', '09MEXICO500: FOLLOW-UP ON JUDICIAL REFORM']);
    assert.deepEqual(names('embassy mex').length, 4, 'the four cables from Embassy Mexico');
    assert.deepEqual(names('kjus follow'), ['09MEXICO500: FOLLOW-UP ON JUDICIAL REFORM'], 'a TAG and a subject word together');
  });

  it('stops at the limit', () => {
    assert.equal(findWorkspaceSymbols('', index, 2).length, 2);
  });
});
