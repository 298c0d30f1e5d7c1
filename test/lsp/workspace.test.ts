/** Cables on disk in the workspace folder: found in the background, reached by links, definition and references. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_TEXT, loggedErrors, openDocument, startSession, type Session } from './session';

/** A short cable whose REF cites the sample, 09MEXICO283. */
const CITING = `09MEXICO300
FOLLOW-UP ON SECURITY
Thu Feb 05 00:00:00 +0100 2009
CONFIDENTIAL
Embassy Mexico

C O N F I D E N T I A L MEXICO 000300

SIPDIS

E.O. 12958: DECL: 01/15/2019
TAGS: PGOV MX
SUBJECT: FOLLOW-UP ON SECURITY
REF: A. 09 MEXICO 283

Classified By: POLCOUNS CHARLES V. BARCLAY. REASONS 1.4(b) and (d)

¶1. (C) Text of the follow-up.
`;
const REF_LINE = 13;

describe('workspace cables (built server over stdio)', () => {
  let root: string;
  let session: Session;
  let sampleUri: string;
  let citingUri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cable-lsp-workspace-'));
    const folder = join(root, 'cables');
    const outside = join(root, 'outside');
    mkdirSync(folder);
    mkdirSync(outside);
    writeFileSync(join(folder, '09MEXICO283.txt'), SAMPLE_TEXT);
    writeFileSync(join(folder, '09MEXICO300.cable'), CITING);
    writeFileSync(join(folder, 'notes.txt'), 'Shopping list\n');
    writeFileSync(join(outside, '10PARIS1.txt'), SAMPLE_TEXT.replace(/09MEXICO283/g, '10PARIS1'));
    symlinkSync(outside, join(folder, 'outside-link'));
    sampleUri = pathToFileURL(join(folder, '09MEXICO283.txt')).href;
    citingUri = pathToFileURL(join(folder, '09MEXICO300.cable')).href;
    session = await startSession({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'cables' }] });
    await session.client.waitForNotification('window/logMessage', (p) => /^Indexed \d+ cable file/.test(p.message));
  });
  after(() => {
    session.client.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the cables of the folder, and nothing through a symlink', async () => {
    const symbols = await session.client.request('workspace/symbol', { query: '' });
    assert.deepEqual(symbols.map((s: any) => s.location.uri).sort(), [sampleUri, citingUri].sort());
  });

  it('goes from a REF to the cited cable on disk, which is not open', async () => {
    const { client } = session;
    openDocument(client, citingUri, CITING);
    const definition = await client.request('textDocument/definition', {
      textDocument: { uri: citingUri },
      position: { line: REF_LINE, character: 12 },
    });
    assert.deepEqual(
      definition.map((l: any) => l.uri),
      [sampleUri],
    );
    const links = await client.request('textDocument/documentLink', { textDocument: { uri: citingUri } });
    assert.deepEqual(
      links.map((l: any) => l.target),
      [sampleUri],
    );
  });

  it("finds the citations of a cable, with the open document's text winning over the disk", async () => {
    const { client } = session;
    client.notify('textDocument/didChange', {
      textDocument: { uri: citingUri, version: 2 },
      contentChanges: [
        {
          range: { start: { line: REF_LINE, character: 0 }, end: { line: REF_LINE + 1, character: 0 } },
          text: 'REF: A. 09 MEXICO 283\nB. 09 MEXICO 283\n',
        },
      ],
    });
    const references = await client.request('textDocument/references', {
      textDocument: { uri: sampleUri },
      position: { line: 0, character: 3 },
      context: { includeDeclaration: false },
    });
    assert.equal(references.length, 0, 'the sample is not open: requests about it get empty answers');
    openDocument(client, sampleUri, SAMPLE_TEXT);
    const cited = await client.request('textDocument/references', {
      textDocument: { uri: sampleUri },
      position: { line: 0, character: 3 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      cited.map((l: any) => [l.uri, l.range.start.line]),
      [
        [citingUri, REF_LINE],
        [citingUri, REF_LINE + 1],
      ],
    );
  });

  it('logged no error', () => {
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
