/**
 * `.cable-lint.json` in the built server over stdio: a rule it turns off is not reported, a change of the
 * file (a watched-file event) is followed, and the "turn off" code actions' command writes the file
 * atomically, after which the diagnostics drop the rule.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TURN_OFF_RULE_COMMAND } from '../../server/src/language/features/ruleOffActions';
import { loggedErrors, openDocument, ruleCode, sampleWithoutMarking, startSession, type Session } from './session';

const MISSING_MARKING = ruleCode('missing-portion-marking');
const CHANGED = 2;
const codes = (published: any): string[] => published.diagnostics.map((d: any) => d.code);

describe('.cable-lint.json (built server over stdio)', () => {
  let folder: string;
  let session: Session;
  const configPath = () => join(folder, '.cable-lint.json');
  const cableUri = (name: string) => pathToFileURL(join(folder, name)).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cable-lsp-config-'));
    mkdirSync(join(folder, '1975'));
    writeFileSync(configPath(), '{\n  "root": true,\n  // as transcribed\n  "rules": { "missing-portion-marking": "off" }\n}\n');
    for (const name of ['unmarked.cable', '1975/unmarked.cable', 'other.cable'])
      writeFileSync(join(folder, name), sampleWithoutMarking().text);
    session = await startSession({ watchedFiles: true, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'cables' }] });
  });
  after(() => {
    session.client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Opens (or, when open, waits on) a document and returns its next published diagnostics. */
  async function open(name: string): Promise<any> {
    const since = session.client.mark();
    openDocument(session.client, cableUri(name), sampleWithoutMarking().text);
    return session.client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === cableUri(name), { since });
  }

  it('offers the command and watches the configuration files', async () => {
    // Logged after the registrations are sent, so they have arrived by then.
    await session.client.waitForNotification('window/logMessage', (p) => / ready; /.test(p.message));
    assert.deepEqual(session.initializeResult.capabilities.executeCommandProvider, { commands: [TURN_OFF_RULE_COMMAND] });
    const registrations = session.client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => r.params.registrations);
    const watchers = registrations.find((r: any) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions.watchers ?? [];
    assert.ok(
      watchers.some((w: any) => w.globPattern === '**/.cable-lint.json'),
      JSON.stringify(watchers),
    );
  });

  it('does not report a rule the configuration turns off', async () => {
    assert.ok(!codes(await open('unmarked.cable')).includes(MISSING_MARKING));
  });

  it('follows a change of the configuration', async () => {
    const { client } = session;
    const uri = cableUri('unmarked.cable');
    const refreshed = async (text: string) => {
      const since = client.mark();
      writeFileSync(configPath(), text);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath()).href, type: CHANGED }] });
      return client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri, { since });
    };
    const on = await refreshed('{ "root": true, "rules": { "CBL501": "error" } }');
    assert.equal(on.diagnostics.find((d: any) => d.code === MISSING_MARKING)?.severity, 1);
    const ignored = await refreshed('{ "root": true, "ignore": ["*.cable"] }');
    assert.deepEqual(ignored.diagnostics, [], 'an ignored file is not checked');
    const back = await refreshed('{\n  "root": true,\n  // as transcribed\n  "rules": { "missing-portion-marking": "warning" }\n}\n');
    assert.ok(codes(back).includes(MISSING_MARKING));
  });

  /** The code action titled `title` for the document's CBL501 diagnostic. */
  async function turnOffAction(uri: string, diagnostics: any[], title: string): Promise<any> {
    const marking = diagnostics.find((d) => d.code === MISSING_MARKING);
    assert.ok(marking, 'the document has a missing-marking diagnostic');
    const actions = await session.client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: marking.range,
      context: { diagnostics: [marking] },
    });
    const action = actions.find((a: any) => a.title === title);
    assert.ok(action, `no action "${title}" among ${actions.map((a: any) => a.title).join(', ')}`);
    return action;
  }

  it('"Turn off … in .cable-lint.json" writes the rule into the file atomically, keeping its comments, and the diagnostics drop it', async () => {
    const { client } = session;
    const uri = cableUri('unmarked.cable');
    const published = client.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)
      .at(-1)!.params;
    const action = await turnOffAction(uri, published.diagnostics, `Turn off ${MISSING_MARKING} in .cable-lint.json`);
    const inode = statSync(configPath()).ino;
    const since = client.mark();
    const result = await client.request('workspace/executeCommand', action.command);
    assert.deepEqual(result, { path: configPath(), created: false, changed: true });
    assert.equal(
      readFileSync(configPath(), 'utf8'),
      '{\n  "root": true,\n  // as transcribed\n  "rules": { "missing-portion-marking": "off" }\n}\n',
    );
    assert.notEqual(statSync(configPath()).ino, inode, 'replaced by a rename, not rewritten in place');
    assert.deepEqual(
      readdirSync(folder).filter((name) => name.includes('.tmp')),
      [],
      'no temporary file is left',
    );
    const after = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri, { since });
    assert.ok(!codes(after).includes(MISSING_MARKING));
  });

  it('"Turn off … for this file" adds an override for that one file only', async () => {
    const { client } = session;
    writeFileSync(configPath(), '{ "root": true }\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath()).href, type: CHANGED }] });
    const uri = cableUri('1975/unmarked.cable');
    const published = await open('1975/unmarked.cable');
    const action = await turnOffAction(uri, published.diagnostics, `Turn off ${MISSING_MARKING} for this file`);
    const since = client.mark();
    await client.request('workspace/executeCommand', action.command);
    assert.match(readFileSync(configPath(), 'utf8'), /"files": \["1975\/unmarked\.cable"\],\s+"rules": \{\s+"CBL501": "off"/);
    const after = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri, { since });
    assert.ok(!codes(after).includes(MISSING_MARKING));
    assert.ok(codes(await open('other.cable')).includes(MISSING_MARKING), 'the other cable still reports it');
  });

  it('tells the user about a configuration problem, with its place', async () => {
    const { client } = session;
    const since = client.mark();
    writeFileSync(configPath(), '{ "root": true, "rules": { "CBL501": "of" } }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath()).href, type: CHANGED }] });
    const message = await client.waitForNotification('window/showMessage', () => true, { since });
    assert.equal(message.type, 2);
    assert.match(
      message.message,
      /\.cable-lint\.json:1:38: "rules"\.CBL501: expected one of "off", "hint", "info", "warning", "error", found "of" \(this value is left out\)$/,
    );
  });

  it('logged no error', () => {
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
