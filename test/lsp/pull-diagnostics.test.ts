/** Pulled diagnostics, for a client with `textDocument/diagnostic`: answered on request, never pushed. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  REMOVED_MARKING,
  SAMPLE_TEXT,
  SAMPLE_URI,
  editDocument,
  openDocument,
  ruleCode,
  sampleWithoutMarking,
  startSession,
  type Session,
} from './session';

describe('pull diagnostics (built server over stdio)', () => {
  let session: Session;
  const MISSING_MARKING = ruleCode('missing-portion-marking');
  const UNMARKED_URI = 'file:///tmp/unmarked-paragraph.cable';

  before(async () => {
    session = await startSession({ pull: true });
  });
  after(() => session.client.kill());

  it('registers the diagnostic provider without inter-file dependencies', () => {
    const provider = session.initializeResult.capabilities.diagnosticProvider;
    assert.equal(provider.interFileDependencies, false);
    assert.equal(provider.workspaceDiagnostics, true);
  });

  it('answers textDocument/diagnostic with a full report', async () => {
    const { client } = session;
    openDocument(client, SAMPLE_URI, SAMPLE_TEXT);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: SAMPLE_URI } });
    assert.equal(report.kind, 'full');
    assert.ok(Array.isArray(report.items));
    assert.ok(report.items.every((d: any) => d.source === 'cable'));
  });

  it('reports the missing marking of a paragraph', async () => {
    const { client } = session;
    const { text, line } = sampleWithoutMarking();
    openDocument(client, UNMARKED_URI, text);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: UNMARKED_URI } });
    assert.deepEqual(
      report.items.filter((d: any) => d.code === MISSING_MARKING).map((d: any) => d.range.start.line),
      [line],
    );
  });

  it('answers an empty report for a document it does not know', async () => {
    const report = await session.client.request('textDocument/diagnostic', { textDocument: { uri: 'file:///tmp/never-opened.cable' } });
    assert.deepEqual(report, { kind: 'full', items: [] });
  });

  it('asks the client to pull again after a settings change', async () => {
    const { client } = session;
    const since = client.serverRequests.length;
    session.settings = { rules: { [MISSING_MARKING]: 'off' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForServerRequest('workspace/diagnostic/refresh', { since });
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: UNMARKED_URI } });
    assert.ok(!report.items.some((d: any) => d.code === MISSING_MARKING), 'the rule is off now');
  });

  it('never pushes diagnostics to a pulling client', async () => {
    const { client } = session;
    // Pushes on open would come at once (no debounce); a window of several debounces shows there are none.
    assert.ok(await client.staysQuiet('textDocument/publishDiagnostics', () => true, { since: 0, windowMs: 600 }));
  });
});

describe('pull diagnostics in on-save mode (built server over stdio)', () => {
  let session: Session;
  const MISSING_MARKING = ruleCode('missing-portion-marking');
  const URI = 'file:///tmp/pull-on-save/09MEXICO283.txt';

  before(async () => {
    session = await startSession({ pull: true, settings: { validate: { run: 'onSave' } } });
    openDocument(session.client, URI, SAMPLE_TEXT);
  });
  after(() => session.client.kill());

  const missingMarkings = async () => {
    const report = await session.client.request('textDocument/diagnostic', { textDocument: { uri: URI } });
    return report.items.filter((d: any) => d.code === MISSING_MARKING).length;
  };

  it('answers with the last saved version while the user types, then asks for a pull on save', async () => {
    const { client } = session;
    assert.equal(await missingMarkings(), 0);
    editDocument(client, URI, SAMPLE_TEXT, 2, REMOVED_MARKING, '¶5. ');
    assert.equal(await missingMarkings(), 0, 'the unsaved edit is not validated');
    const since = client.serverRequests.length;
    client.notify('textDocument/didSave', { textDocument: { uri: URI } });
    await client.waitForServerRequest('workspace/diagnostic/refresh', { since });
    assert.equal(await missingMarkings(), 1);
  });
});
