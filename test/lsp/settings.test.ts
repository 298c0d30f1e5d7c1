/** Settings changes reach open documents: a rule turned off, validation turned off, the problem cap, values typed by hand. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedErrors, openDocument, ruleCode, sampleWithoutMarking, startSession, type Session } from './session';

describe('settings changes (built server over stdio)', () => {
  let session: Session;
  const MISSING_MARKING = ruleCode('missing-portion-marking');
  const URI = 'file:///tmp/settings/unmarked-paragraph.cable';
  const forUri = (p: any) => p.uri === URI;

  before(async () => {
    session = await startSession();
    const since = session.client.mark();
    openDocument(session.client, URI, sampleWithoutMarking().text);
    await session.client.waitForNotification('textDocument/publishDiagnostics', forUri, { since });
  });
  after(() => session.client.kill());

  /** Changes what the client answers, tells the server, and waits for the document's next diagnostics. */
  async function changeSettings(settings: unknown): Promise<any> {
    const { client } = session;
    const since = client.mark();
    session.settings = settings;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    return client.waitForNotification('textDocument/publishDiagnostics', forUri, { since });
  }

  it('drops the diagnostics of a rule set to off, by name or by code', async () => {
    const byName = await changeSettings({ rules: { 'missing-portion-marking': 'off' } });
    assert.ok(!byName.diagnostics.some((d: any) => d.code === MISSING_MARKING));
    const back = await changeSettings({});
    assert.equal(back.diagnostics.filter((d: any) => d.code === MISSING_MARKING).length, 1);
    const byCode = await changeSettings({ rules: { [MISSING_MARKING]: 'off' } });
    assert.ok(!byCode.diagnostics.some((d: any) => d.code === MISSING_MARKING));
  });

  it('gives a rule the level the settings ask', async () => {
    const published = await changeSettings({ rules: { [MISSING_MARKING]: 'error' } });
    assert.equal(published.diagnostics.find((d: any) => d.code === MISSING_MARKING)?.severity, 1);
  });

  it('clears every diagnostic when validation is disabled', async () => {
    const published = await changeSettings({ validate: { enable: false } });
    assert.deepEqual(published.diagnostics, []);
  });

  it('caps the problems and says so once', async () => {
    const { client } = session;
    const messagesSince = client.mark();
    const published = await changeSettings({ maxNumberOfProblems: 0 });
    assert.deepEqual(published.diagnostics, []);
    const notice = await client.waitForNotification('window/showMessage', () => true, { since: messagesSince });
    assert.match(notice.message, /unmarked-paragraph\.cable has more than 0 problems/);
    await changeSettings({ maxNumberOfProblems: 0, acronyms: { GOM: 'Government of Mexico' } });
    assert.equal(client.notifications.slice(messagesSince).filter((n) => n.method === 'window/showMessage').length, 1);
  });

  it('reads hand-typed values by the rules VS Code users get (shared/settings.ts), and logs what it drops', async () => {
    const { client } = session;
    // A number typed as a string and a level in capitals: read, as they always were in VS Code.
    const capped = await changeSettings({ maxNumberOfProblems: '0', rules: { [MISSING_MARKING.toLowerCase()]: 'ERROR' } });
    assert.deepEqual(capped.diagnostics, []);
    const shown = await changeSettings({ rules: { [MISSING_MARKING]: 'ERROR' }, validate: { run: 'ONTYPE' } });
    assert.equal(shown.diagnostics.find((d: any) => d.code === MISSING_MARKING)?.severity, 1);
    const since = client.mark();
    await changeSettings({ rules: { [MISSING_MARKING]: 'loud' } });
    const logged = await client.waitForNotification('window/logMessage', (p: any) => /cable\.rules: ignored/.test(p.message), { since });
    assert.match(logged.message, new RegExp(`${MISSING_MARKING}.*"loud"`));
  });

  it('logged no error', () => {
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
