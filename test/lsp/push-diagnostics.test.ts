/** Pushed diagnostics, for a client without `textDocument/diagnostic`: on open, while typing, cleared on close. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  REMOVED_MARKING,
  SAMPLE_TEXT,
  SAMPLE_URI,
  editDocument,
  loggedErrors,
  openDocument,
  ruleCode,
  sampleWithoutMarking,
  startSession,
  type Session,
} from './session';

describe('push diagnostics (built server over stdio)', () => {
  let session: Session;
  const MISSING_MARKING = ruleCode('missing-portion-marking');

  before(async () => {
    session = await startSession();
  });
  after(() => session.client.kill());

  it('registers no diagnostic provider: this client gets pushed diagnostics', () => {
    assert.equal(session.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.equal(session.initializeResult.serverInfo.name, 'cable-language-server');
  });

  it("publishes the sample's diagnostics when it is opened as a cable", async () => {
    const { client } = session;
    const since = client.mark();
    openDocument(client, SAMPLE_URI, SAMPLE_TEXT);
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === SAMPLE_URI, { since });
    assert.equal(published.version, 1);
    assert.ok(Array.isArray(published.diagnostics));
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'cable');
      assert.match(String(diagnostic.code), /^CBL\d{3}$/);
    }
    assert.ok(!published.diagnostics.some((d: any) => d.code === MISSING_MARKING), 'every paragraph of the sample is marked');
  });

  it('reports the missing marking once the user deletes it, for the new version', async () => {
    const { client } = session;
    const since = client.mark();
    editDocument(client, SAMPLE_URI, SAMPLE_TEXT, 2, REMOVED_MARKING, '¶5. ');
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === SAMPLE_URI, { since });
    assert.equal(published.version, 2);
    const missing = published.diagnostics.filter((d: any) => d.code === MISSING_MARKING);
    assert.equal(missing.length, 1);
    assert.equal(missing[0].range.start.line, sampleWithoutMarking().line);
  });

  it('clears the diagnostics on close', async () => {
    const { client } = session;
    const since = client.mark();
    client.notify('textDocument/didClose', { textDocument: { uri: SAMPLE_URI } });
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === SAMPLE_URI, { since });
    assert.deepEqual(published.diagnostics, []);
  });

  it('reports the missing marking of a cable opened without it', async () => {
    const { client } = session;
    const uri = 'file:///tmp/unmarked-paragraph.cable';
    const { text, line } = sampleWithoutMarking();
    const since = client.mark();
    openDocument(client, uri, text);
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri, { since });
    const missing = published.diagnostics.filter((d: any) => d.code === MISSING_MARKING);
    assert.deepEqual(
      missing.map((d: any) => d.range.start.line),
      [line],
    );
    assert.match(missing[0].message, /\(C\)/, 'the message says what was expected');
  });

  it('logged no error', () => {
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
