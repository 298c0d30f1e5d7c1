/** `cable.validate.run = onSave`: diagnostics on open and on save, not while typing. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { REMOVED_MARKING, SAMPLE_TEXT, editDocument, loggedErrors, openDocument, ruleCode, startSession, type Session } from './session';

describe('on-save validation (built server over stdio)', () => {
  let session: Session;
  const MISSING_MARKING = ruleCode('missing-portion-marking');
  const URI = 'file:///tmp/on-save/09MEXICO283.txt';
  const forUri = (p: any) => p.uri === URI;

  before(async () => {
    session = await startSession({ settings: { validate: { enable: true, run: 'onSave' } } });
  });
  after(() => session.client.kill());

  it('validates on open, with the settings asked for the document', async () => {
    const { client } = session;
    const since = client.mark();
    const requestsSince = client.serverRequests.length;
    openDocument(client, URI, SAMPLE_TEXT);
    const published = await client.waitForNotification('textDocument/publishDiagnostics', forUri, { since });
    assert.equal(published.version, 1);
    assert.ok(!published.diagnostics.some((d: any) => d.code === MISSING_MARKING));
    // The workspace-wide settings (index limits, validation scope) are asked without a scope; the document's with its uri.
    const asked = client.serverRequests
      .slice(requestsSince)
      .find((r) => r.method === 'workspace/configuration' && r.params.items[0]?.scopeUri !== undefined);
    assert.deepEqual(asked?.params.items, [{ scopeUri: URI, section: 'cable' }]);
  });

  it('does not validate while typing', async () => {
    const { client } = session;
    const since = client.mark();
    editDocument(client, URI, SAMPLE_TEXT, 2, REMOVED_MARKING, '¶5. ');
    // Typing would publish after the 200 ms debounce; a window of three debounces shows it does not.
    assert.ok(await client.staysQuiet('textDocument/publishDiagnostics', forUri, { since, windowMs: 600 }));
  });

  it('validates the saved text on save', async () => {
    const { client } = session;
    const since = client.mark();
    client.notify('textDocument/didSave', { textDocument: { uri: URI } });
    const published = await client.waitForNotification('textDocument/publishDiagnostics', forUri, { since });
    assert.equal(published.version, 2);
    assert.equal(published.diagnostics.filter((d: any) => d.code === MISSING_MARKING).length, 1);
  });

  it('logged no error', () => {
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
