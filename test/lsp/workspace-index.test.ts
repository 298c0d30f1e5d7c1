/**
 * The workspace index as an editor meets it (built server over stdio): indexing from start-up with progress
 * and status, watched-file changes, the persistent cache, the limits and what hovers say meanwhile, the
 * Cables view's tree, and checking every cable (pushed, and pulled as workspace diagnostics).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_TEXT, loggedErrors, openDocument, sampleWithoutMarking, startSession, type Session, type SessionOptions } from './session';

/** The sample under another ref id and subject: a real-shaped cable of its own. */
function variant(refId: string, subject: string): string {
  return SAMPLE_TEXT.replace(/09MEXICO283/g, refId).replace(/THE U\.S\.-MEXICAN RELATIONSHIP[^\n]*/g, subject);
}

/** A cable from 2007 whose REF cites 09MEXICO283. */
const CITING = `07LIMA12
AN OLDER CABLE
Thu Feb 05 00:00:00 +0100 2007
UNCLASSIFIED
Embassy Lima

UNCLAS LIMA 000012

E.O. 12958: N/A
TAGS: PREL PE
SUBJECT: AN OLDER CABLE
REF: 09 MEXICO 283

¶1. (U) Text.
`;

const symbolNames = async (session: Session, query: string): Promise<string[]> =>
  (await session.client.request('workspace/symbol', { query })).map((symbol: any) => symbol.name.split(':')[0]).sort();

const uriOf = (path: string) => pathToFileURL(path).href;

describe('the workspace index (built server over stdio)', () => {
  let root: string;
  let folder: string;
  let cache: string;
  const sessions: Session[] = [];

  function makeFolder(): void {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, '2009'), { recursive: true });
    mkdirSync(join(folder, '2007'));
    writeFileSync(join(folder, '2009', '09MEXICO283.txt'), SAMPLE_TEXT);
    writeFileSync(join(folder, '2009', '09MEXICO284.txt'), variant('09MEXICO284', 'A SECOND MEXICO CABLE'));
    writeFileSync(join(folder, '2009', '09MEXICO285.cable'), sampleWithoutMarking().text.replace(/09MEXICO283/g, '09MEXICO285'));
    writeFileSync(join(folder, '2007', '07LIMA12.txt'), CITING);
  }

  async function start(options: SessionOptions = {}): Promise<Session> {
    const session = await startSession({
      workspaceFolders: [{ uri: uriOf(folder), name: 'cables' }],
      cacheDirectory: cache,
      workDoneProgress: true,
      watchedFiles: true,
      ...options,
    });
    sessions.push(session);
    return session;
  }

  const indexed = (session: Session, since = 0) =>
    session.client.waitForNotification('window/logMessage', (p) => /^Indexed \d+ cable file/.test(p.message), { since });

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cable-lsp-index-'));
    folder = join(root, 'cables');
    cache = join(root, 'cache');
  });
  after(() => {
    for (const session of sessions) session.client.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the folders from start-up, with work-done progress and a status that ends ready', async () => {
    makeFolder();
    const session = await start();
    const { client } = session;
    const end = await client.waitForNotification('$/progress', (p) => p.value?.kind === 'end');
    const begin = await client.waitForNotification('$/progress', (p) => p.value?.kind === 'begin' && p.token === end.token);
    assert.equal(begin.value.title, 'Indexing cables');
    await client.waitForNotification(
      '$/progress',
      (p) => p.token === end.token && p.value?.kind === 'report' && /\d+ of 4 files/.test(p.value.message ?? ''),
    );
    const ready = await client.waitForNotification('cable/indexStatus', (p) => p.state === 'ready');
    assert.deepEqual({ files: ready.files, cables: ready.cables, skipped: ready.skipped }, { files: 4, cables: 4, skipped: 0 });
    assert.ok(
      client.notifications.some((n) => n.method === 'cable/indexStatus' && n.params.state === 'scanning'),
      'the scan was announced',
    );
    const registrations = client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => r.params.registrations);
    assert.ok(
      registrations.some(
        (r: any) =>
          r.method === 'workspace/didChangeWatchedFiles' &&
          r.registerOptions.watchers.some((w: any) => w.globPattern === '**/*.{cable,txt,CABLE,TXT}'),
      ),
      JSON.stringify(registrations),
    );
    assert.deepEqual(await symbolNames(session, 'mexico'), ['09MEXICO283', '09MEXICO284', '09MEXICO285']);
  });

  it('follows watched-file events: a cable created, changed, renamed and deleted, and a folder deleted', async () => {
    const session = sessions[0];
    const { client } = session;
    const changed = async (changes: Array<{ uri: string; type: number }>) => {
      const since = client.mark();
      client.notify('workspace/didChangeWatchedFiles', { changes });
      await client.waitForNotification('cable/cablesChanged', () => true, { since });
    };
    const added = join(folder, '2009', '09MEXICO999.txt');
    writeFileSync(added, variant('09MEXICO999', 'A NEW ARRIVAL'));
    await changed([{ uri: uriOf(added), type: 1 }]);
    assert.deepEqual(await symbolNames(session, 'arrival'), ['09MEXICO999']);

    writeFileSync(added, variant('09MEXICO999', 'A CHANGED ARRIVAL AND MORE TEXT'));
    await changed([{ uri: uriOf(added), type: 2 }]);
    assert.deepEqual(await symbolNames(session, 'changed arrival'), ['09MEXICO999']);

    const renamed = join(folder, '2007', 'moved.txt');
    renameSync(added, renamed);
    await changed([
      { uri: uriOf(added), type: 3 },
      { uri: uriOf(renamed), type: 1 },
    ]);
    const [symbol] = await client.request('workspace/symbol', { query: '09MEXICO999' });
    assert.equal(symbol.location.uri, uriOf(renamed));

    rmSync(renamed);
    await changed([{ uri: uriOf(renamed), type: 3 }]);
    assert.deepEqual(await symbolNames(session, '09MEXICO999'), []);

    rmSync(join(folder, '2007'), { recursive: true });
    await changed([{ uri: uriOf(join(folder, '2007')), type: 3 }]);
    assert.deepEqual(await symbolNames(session, 'LIMA'), [], 'the files of a deleted folder leave the index');
    assert.deepEqual(loggedErrors(client), []);
    await client.shutdown();
  });

  it('starts again from the cache: unchanged files are not read, a changed one is', async () => {
    makeFolder();
    // Prime the cache with this folder, then change one file behind the server's back.
    const first = await start();
    await indexed(first);
    await first.client.shutdown();
    writeFileSync(join(folder, '2009', '09MEXICO284.txt'), variant('09MEXICO284', 'CHANGED WHILE THE EDITOR WAS CLOSED'));
    const second = await start();
    const log = await indexed(second);
    assert.match(log.message, /^Indexed 4 cable file\(s\) .* \(3 unchanged since last read\)/);
    assert.deepEqual(await symbolNames(second, 'closed'), ['09MEXICO284']);
    await second.client.shutdown();
  });

  for (const [damage, why] of [
    ['corrupt', /was not used: line 2 is not a file's summary/],
    ['truncated', /was not used: it is truncated/],
    ['foreign', /was not used: it is not a cable index/],
  ] as const) {
    it(`ignores a ${damage} cache and reads the folder again`, async () => {
      const [file] = readdirSync(cache).filter((name) => name.endsWith('.jsonl'));
      const text = readFileSync(join(cache, file), 'utf8');
      const lines = text.split('\n');
      const damaged =
        damage === 'corrupt'
          ? [lines[0], '["/etc/passwd", 1, 2, {"cables": "nope"}]', ...lines.slice(2)].join('\n')
          : damage === 'truncated'
            ? text.slice(0, text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1)
            : '{"some": "other tool"}\n';
      writeFileSync(join(cache, file), damaged);
      const session = await start();
      const log = await session.client.waitForNotification('window/logMessage', (p) => /index cache/.test(p.message));
      assert.match(log.message, why);
      assert.match((await indexed(session)).message, /^Indexed 4 cable file\(s\) .* \(0 unchanged since last read\)/);
      assert.deepEqual(await symbolNames(session, 'mexico'), ['09MEXICO283', '09MEXICO284', '09MEXICO285']);
      await session.client.shutdown();
      assert.match(readFileSync(join(cache, file), 'utf8'), /"end":4/, 'the cache was written again, whole');
    });
  }

  it('stops at cable.index.maxFiles, says so in the status, and hovers say the index is incomplete', async () => {
    makeFolder();
    const session = await start({ settings: { index: { maxFiles: 2 } } });
    const limited = await session.client.waitForNotification('cable/indexStatus', (p) => p.state === 'limited');
    assert.deepEqual(
      { files: limited.files, skipped: limited.skipped, limit: limited.limit },
      { files: 2, skipped: 2, limit: { setting: 'cable.index.maxFiles', value: 2 } },
    );
    // Folders are read in order: 07LIMA12 and 09MEXICO283 are in, the rest left out.
    const citing = uriOf(join(folder, '2007', '07LIMA12.txt'));
    openDocument(session.client, citing, CITING);
    const hover = await session.client.request('textDocument/hover', {
      textDocument: { uri: citing },
      position: { line: 11, character: 8 },
    });
    assert.match(hover.contents.value, /In the workspace \(the index stopped at 2 files: `cable\.index\.maxFiles` is 2\): \*\*09MEXICO283/);
    await session.client.shutdown();
  });

  it('gives the Cables view its tree: years, months, cables; and TAGS', async () => {
    makeFolder();
    const session = await start();
    await session.client.waitForNotification('cable/indexStatus', (p) => p.state === 'ready');
    const tree = (params: unknown) => session.client.request('cable/cablesTree', params);
    const years = await tree({ grouping: 'date', path: [] });
    assert.deepEqual(
      years.nodes.map((n: any) => [n.key, n.label, n.count]),
      [
        ['2007', '2007', 1],
        ['2009', '2009', 3],
      ],
    );
    assert.equal(years.status.state, 'ready');
    const months = await tree({ grouping: 'date', path: ['2009'] });
    assert.deepEqual(
      months.nodes.map((n: any) => [n.label, n.count]),
      [['February', 3]],
    );
    const cables = await tree({ grouping: 'date', path: ['2009', '02'] });
    assert.deepEqual(
      cables.nodes.map((n: any) => [n.kind, n.refId, n.date, n.classification, n.line]),
      [
        ['cable', '09MEXICO283', '2009-02-04', 'CONFIDENTIAL', 0],
        ['cable', '09MEXICO284', '2009-02-04', 'CONFIDENTIAL', 0],
        ['cable', '09MEXICO285', '2009-02-04', 'CONFIDENTIAL', 0],
      ],
    );
    const tags = await tree({ grouping: 'tag', path: [] });
    assert.ok(
      tags.nodes.some((n: any) => n.key === 'PREL' && n.label.startsWith('PREL — ') && n.count === 4),
      JSON.stringify(tags.nodes),
    );
    const filtered = await tree({ grouping: 'tag', path: ['PREL'], filter: 'lima' });
    assert.deepEqual(
      filtered.nodes.map((n: any) => [n.key, n.count]),
      [['2007', 1]],
    );
    await session.client.shutdown();
  });

  it('checks every cable that is not open and pushes its problems to a client that does not pull', async () => {
    const session = await start();
    await indexed(session);
    const defective = uriOf(join(folder, '2009', '09MEXICO285.cable'));
    const since = session.client.mark();
    const result = await session.client.request('cable/checkAllCables', {});
    assert.equal(result.files, 4);
    assert.equal(result.cancelled, false);
    assert.ok(result.problems >= 1 && result.filesWithProblems >= 1, JSON.stringify(result));
    const published = await session.client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === defective, { since });
    assert.ok(
      published.diagnostics.some((d: any) => /portion marking/i.test(d.message)),
      JSON.stringify(published.diagnostics),
    );
    assert.ok(
      session.client.notifications.slice(since).some((n) => n.method === '$/progress' && n.params.value?.title === 'Checking cables'),
    );
    await session.client.shutdown();
  });

  it('checks with the rule settings, and keeps every cable checked with cable.validate.scope = workspace', async () => {
    const session = await start({ settings: { validate: { scope: 'workspace' }, rules: { 'missing-portion-marking': 'off' } } });
    const defective = uriOf(join(folder, '2009', '09MEXICO285.cable'));
    const published = await session.client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === defective);
    assert.ok(!published.diagnostics.some((d: any) => /portion marking/i.test(d.message)), 'the rule set off is not reported');
    // A cable added later is checked too, without being asked.
    const added = join(folder, '2009', '09MEXICO286.cable');
    writeFileSync(added, sampleWithoutMarking().text.replace(/09MEXICO283/g, '09MEXICO286'));
    session.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 1 }] });
    await session.client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uriOf(added));
    rmSync(added);
    await session.client.shutdown();
  });

  it('watches the folders itself for a client that cannot', async () => {
    const session = await start({ watchedFiles: false });
    await session.client.waitForNotification('cable/indexStatus', (p) => p.state === 'ready');
    const added = join(folder, '2009', '09MEXICO777.txt');
    const since = session.client.mark();
    writeFileSync(added, variant('09MEXICO777', 'SEEN BY THE SERVER ITSELF'));
    await session.client.waitForNotification('cable/indexStatus', (p) => p.files === 5, { since });
    assert.deepEqual(await symbolNames(session, 'itself'), ['09MEXICO777']);
    const removed = session.client.mark();
    rmSync(added);
    await session.client.waitForNotification('cable/indexStatus', (p) => p.files === 4, { since: removed });
    assert.deepEqual(await symbolNames(session, 'itself'), []);
    await session.client.shutdown();
  });

  it('streams the problems into the workspace diagnostics a pulling client keeps open', async () => {
    const session = await start({ pull: true });
    await indexed(session);
    const defective = uriOf(join(folder, '2009', '09MEXICO285.cable'));
    const pending = session.client.request('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'workspace-pull' }, 60_000);
    await session.client.request('cable/checkAllCables', {});
    const partial = await session.client.waitForNotification(
      '$/progress',
      (p) => p.token === 'workspace-pull' && p.value.items.some((item: any) => item.uri === defective),
    );
    const report = partial.value.items.find((item: any) => item.uri === defective);
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((d: any) => /portion marking/i.test(d.message)));
    await session.client.shutdown();
    await pending.catch(() => undefined);
  });
});
