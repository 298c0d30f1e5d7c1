/** Cross-references: the workspace index, document links, go-to-definition and find-references between cables. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { findDefinition, findDocumentLinks, findReferences } from '../../server/src/language/features/links';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { fileNameOf, InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';

const FIXTURES = join(__dirname, '..', 'fixtures', 'workspace');
const uriOf = (name: string) => `file:///ws/${name}`;

function workspace(): InMemoryWorkspaceIndex {
  const index = new InMemoryWorkspaceIndex();
  for (const name of readdirSync(FIXTURES)) index.setFile(uriOf(name), readFileSync(join(FIXTURES, name), 'utf8'));
  return index;
}

function open(name: string) {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const document = TextDocument.create(uriOf(name), 'cable', 1, text);
  return { text, document, model: parseCableFile(text, { fileName: name }) };
}

function positionOf(text: string, needle: string, delta = 0): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found`);
  const lines = text.slice(0, index + delta).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('InMemoryWorkspaceIndex', () => {
  const index = workspace();

  it('finds a cable by its ref id in any spelling', () => {
    for (const id of ['08MEXICO3456', '08mexico3456', '08MEXICO03456']) {
      assert.deepEqual(index.findCableFiles(id), [
        { uri: uriOf('08MEXICO3456.txt'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } } },
      ]);
    }
  });

  it('finds a file that only its name identifies', () => {
    assert.deepEqual(
      index.findCableFiles('07STATE999').map((l) => l.uri),
      [uriOf('07STATE999.txt')],
    );
  });

  it('finds each cable of a file with two', () => {
    assert.equal(index.findCableFiles('09MEXICO601')[0].range.start.line, 16);
  });

  it('records the citations of REF items', () => {
    const citations = index.findCitations('08MEXICO3456');
    assert.deepEqual(
      citations.map((l) => [fileNameOf(l.uri), l.range.start.line, l.range.start.character, l.range.end.character]),
      [
        ['cites-08MEXICO3456.txt', 21, 8, 22],
        ['two-cables.txt', 28, 5, 19],
      ],
    );
  });

  it('lists all cables with their subjects, and forgets removed files', () => {
    const local = workspace();
    assert.equal([...local.cables()].length, 5);
    assert.equal([...local.cables()].find((c) => c.refId === '09MEXICO500')!.subject, 'FOLLOW-UP ON JUDICIAL REFORM');
    local.removeFile(uriOf('two-cables.txt'));
    assert.equal([...local.cables()].length, 3);
    assert.deepEqual(
      local.findCitations('08MEXICO3456').map((l) => fileNameOf(l.uri)),
      ['cites-08MEXICO3456.txt'],
    );
  });

  it('decodes file names from URIs', () => {
    assert.equal(fileNameOf('file:///a/b/09MEXICO%20283.txt?x#y'), '09MEXICO 283.txt');
  });
});

describe('findDocumentLinks', () => {
  const index = workspace();

  it('links a REF item to the cable file in the workspace, and leaves out cables it lacks', () => {
    const { document, model } = open('cites-08MEXICO3456.txt');
    const links = findDocumentLinks(document, model, index);
    assert.deepEqual(links, [
      {
        range: { start: { line: 21, character: 8 }, end: { line: 21, character: 22 } },
        target: uriOf('08MEXICO3456.txt'),
        tooltip: 'Open 08MEXICO3456 in 08MEXICO3456.txt',
      },
    ]);
  });

  it('opens a cable that does not start its file at its line', () => {
    const text = 'UNCLAS MEXICO 000700\n\nTAGS: PGOV\nSUBJECT: CITES THE SECOND\nREF: 09 MEXICO 601\n\n¶1. (U) Text.\n';
    const document = TextDocument.create(uriOf('09MEXICO700.txt'), 'cable', 1, text);
    const [link] = findDocumentLinks(document, parseCableFile(text, { fileName: '09MEXICO700.txt' }), index);
    assert.equal(link.target, `${uriOf('two-cables.txt')}#L17`);
  });

  it('links record references', () => {
    const text =
      '86237\n2006-11-17 23:37:00\n06MEXICO6546\nEmbassy Mexico\nCONFIDENTIAL\n08MEXICO3456|06MEXICO6278\n\nC O N F I D E N T I A L MEXICO 006546\n\nTAGS: PGOV\nSUBJECT: RECORD\n\n¶1. (C) Text.\n';
    const document = TextDocument.create(uriOf('06MEXICO6546.txt'), 'cable', 1, text);
    const links = findDocumentLinks(document, parseCableFile(text, { fileName: '06MEXICO6546.txt' }), index);
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]),
      [[5, 0, 12, uriOf('08MEXICO3456.txt')]],
    );
  });
});

describe('findDefinition and findReferences', () => {
  const index = workspace();

  it('goes from a REF item to the cited cable', () => {
    const { text, document, model } = open('cites-08MEXICO3456.txt');
    const locations = findDefinition(document, model, positionOf(text, '08 MEXICO 3456', 3), index);
    assert.deepEqual(
      locations.map((l) => [fileNameOf(l.uri), l.range.start.line]),
      [['08MEXICO3456.txt', 0]],
    );
    assert.deepEqual(findDefinition(document, model, positionOf(text, '08 STATE 12345', 3), index), []);
  });

  it('goes from a ref id written in the text', () => {
    const text = 'UNCLAS MEXICO 000701\n\nTAGS: PGOV\nSUBJECT: TEXT\n\n¶1. (U) As 08MEXICO3456 reported.\n';
    const document = TextDocument.create(uriOf('09MEXICO701.txt'), 'cable', 1, text);
    const locations = findDefinition(
      document,
      parseCableFile(text, { fileName: '09MEXICO701.txt' }),
      positionOf(text, '08MEXICO3456', 4),
      index,
    );
    assert.deepEqual(
      locations.map((l) => fileNameOf(l.uri)),
      ['08MEXICO3456.txt'],
    );
  });

  it('finds the cables that cite a cable, from its own ref id', () => {
    const { text, document, model } = open('08MEXICO3456.txt');
    const references = findReferences(document, model, positionOf(text, '08MEXICO3456', 2), index);
    assert.deepEqual(
      references.map((l) => [fileNameOf(l.uri), l.range.start.line]),
      [
        ['cites-08MEXICO3456.txt', 21],
        ['two-cables.txt', 28],
      ],
    );
    const withDeclaration = findReferences(document, model, positionOf(text, '08MEXICO3456', 2), index, true);
    assert.equal(withDeclaration[0].uri, uriOf('08MEXICO3456.txt'));
  });

  it('finds the same citations from the banner’s post and serial', () => {
    const { text, document, model } = open('08MEXICO3456.txt');
    assert.equal(findReferences(document, model, positionOf(text, 'MEXICO 003456', 8), index).length, 2);
  });

  it('finds nothing away from ref ids', () => {
    const { text, document, model } = open('08MEXICO3456.txt');
    assert.deepEqual(findReferences(document, model, positionOf(text, 'oral trials'), index), []);
    assert.deepEqual(findDefinition(document, model, positionOf(text, 'oral trials'), index), []);
  });
});
