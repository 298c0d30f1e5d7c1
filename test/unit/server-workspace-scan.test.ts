/** The server's scan of the workspace folders: which files count as cables, what is never read, the limits, and the cache file. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { looksLikeCable } from '../../server/src/language/cableDetection';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { InThreadSummariser } from '../../server/src/node/workspace/fileSummariser';
import { cacheDirectory, cacheFileOf, readIndexCache, writeIndexCache } from '../../server/src/node/workspace/indexCache';
import { WorkspaceCables, localFolders } from '../../server/src/node/workspace/workspaceCables';

const CABLE = '09MEXICO283\nTHE U.S.-MEXICAN RELATIONSHIP\nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy Mexico\n';

describe('looksLikeCable', () => {
  it('knows the ways cables start', () => {
    const starts = [
      CABLE,
      '86237\n2006-11-17 23:37:00\n06MEXICO6546\n',
      '\uFEFFVZCZCXRO3019\nRR RUEHCD\n',
      'R 220136Z DEC 97\nFM AMEMBASSY WELLINGTON\n',
      'O R 181136Z DEC 08\nFM AMCONSUL LAHORE\n',
      'This record is a partial extract of the original cable. The full text is not available.\n',
      '\n\nC O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283\n',
      'UNCLAS SAN JOSE 000123\n',
    ];
    for (const head of starts) assert.equal(looksLikeCable(head), true, head);
  });

  it('leaves other text files alone', () => {
    for (const head of ['# README\nSome notes\n', '12\n13\n14\n', 'Meeting notes, 2009\nCONFIDENTIAL is a word\n', '']) {
      assert.equal(looksLikeCable(head), false, head);
    }
  });
});

describe('the workspace scan', () => {
  let root: string;
  let workspace: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cable-scan-'));
    workspace = join(root, 'workspace');
    const outside = join(root, 'outside');
    mkdirSync(join(workspace, 'cables', 'deeper'), { recursive: true });
    mkdirSync(join(workspace, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(workspace, '.git'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(workspace, 'cables', '09MEXICO283.txt'), CABLE);
    writeFileSync(join(workspace, 'cables', 'deeper', 'draft.cable'), 'anything in a .cable file counts\n');
    writeFileSync(join(workspace, 'notes.txt'), '# Notes\nnot a cable\n');
    writeFileSync(join(workspace, 'big.cable'), CABLE + 'x'.repeat(2 * 1024 * 1024));
    writeFileSync(join(workspace, 'node_modules', 'pkg', '08STATE1.txt'), CABLE);
    writeFileSync(join(workspace, '.git', 'x.cable'), CABLE);
    writeFileSync(join(outside, '10PARIS1.txt'), CABLE);
    symlinkSync(outside, join(workspace, 'linked-folder'));
    symlinkSync(join(outside, '10PARIS1.txt'), join(workspace, 'linked.txt'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  function scan(settings?: { maxFiles: number; maxFileBytes: number }, cache?: string) {
    const logged: string[] = [];
    const index = new WorkspaceCables({
      modelOf: (document) => parseCableFile(document.getText()),
      log: { info: (m) => logged.push(m), error: (m) => logged.push(`error: ${m}`) },
      summariser: new InThreadSummariser(),
      cacheDirectory: cache,
      serverVersion: 'test',
    });
    if (settings) index.setSettings(settings);
    index.addFolders([pathToFileURL(workspace).href, 'untitled:Untitled-1']);
    return { index, logged, uris: () => [...index.cables()].map((c) => c.uri).sort() };
  }

  it('reads cables inside the folder only: no symlink, no big file, no tool folder, no plain text', async () => {
    const { index, uris } = scan({ maxFiles: 100, maxFileBytes: 1024 * 1024 });
    await index.whenScanned();
    assert.deepEqual(uris(), [
      pathToFileURL(join(workspace, 'cables', '09MEXICO283.txt')).href,
      pathToFileURL(join(workspace, 'cables', 'deeper', 'draft.cable')).href,
    ]);
    assert.deepEqual(index.status(), { state: 'ready', files: 2, cables: 2, skipped: 1 }, 'the big file is counted as left out');
  });

  it('stops at the file limit and says which setting stopped it', async () => {
    // Files are looked at in order, folder by folder: big.cable, notes.txt, cables/09MEXICO283.txt, then the limit.
    const { index, logged } = scan({ maxFiles: 3, maxFileBytes: 1024 * 1024 });
    await index.whenScanned();
    assert.equal(index.status().state, 'limited');
    assert.deepEqual(index.completeness(), { state: 'limited', files: 1, limit: { setting: 'cable.index.maxFiles', value: 3 } });
    assert.match(logged.join('\n'), /stopped at cable\.index\.maxFiles = 3; 1 more files not read/);
  });

  it('reads the cache back, revalidating each entry by size and modification time', async () => {
    const cache = join(root, 'cache');
    const first = scan(undefined, cache);
    await first.index.whenScanned();
    const [file] = readdirSync(cache);
    assert.equal(file, cacheFileOf(cache, workspace).slice(cache.length + 1));
    writeFileSync(join(workspace, 'cables', '09MEXICO283.txt'), CABLE.replace('RELATIONSHIP', 'RELATIONSHIP, REVISED'));
    const second = scan(undefined, cache);
    await second.index.whenScanned();
    assert.match(second.logged.join('\n'), /Indexed 3 cable file\(s\) .* \(2 unchanged since last read\)/);
    assert.ok(
      [...second.index.cables()].some((c) => c.subject === 'THE U.S.-MEXICAN RELATIONSHIP, REVISED'),
      'the stale entry was read again',
    );
    writeFileSync(join(workspace, 'cables', '09MEXICO283.txt'), CABLE);
  });

  it('keeps the old cache whole when a write fails half-way, and leaves no temporary file', async () => {
    const cache = join(root, 'crash');
    const file = join(cache, 'index.jsonl');
    const entry = (n: number) =>
      [`${pathToFileURL(workspace).href}/f${n}.txt`, { stamp: { size: n, mtimeMs: n }, summary: { cables: [], citations: [] } }] as [
        string,
        any,
      ];
    await writeIndexCache(file, workspace, 'test', [entry(1), entry(2)]);
    const before = readFileSync(file, 'utf8');
    function* crashing() {
      yield entry(3);
      throw new Error('the disk is full');
    }
    await assert.rejects(writeIndexCache(file, workspace, 'test', crashing()), /the disk is full/);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.deepEqual(readdirSync(cache), ['index.jsonl']);
    const reading = await readIndexCache(file, workspace, 'test');
    assert.equal(reading.kind === 'read' && reading.files.size, 2);
    assert.deepEqual(await readIndexCache(file, workspace, 'another version'), {
      kind: 'rejected',
      why: 'it was written by another version (test, format 1)',
    });
    assert.deepEqual(await readIndexCache(file, join(root, 'elsewhere'), 'test'), {
      kind: 'rejected',
      why: `it is the cache of another folder (${workspace})`,
    });
    assert.deepEqual(await readIndexCache(join(cache, 'missing.jsonl'), workspace, 'test'), { kind: 'missing' });
  });

  it("keeps its cache under the client's folder, else under XDG_CACHE_HOME or ~/.cache", () => {
    assert.equal(cacheDirectory('/storage/ws'), '/storage/ws');
    assert.equal(cacheDirectory(undefined, { XDG_CACHE_HOME: '/xdg' }), '/xdg/cable-language');
    assert.match(cacheDirectory(undefined, {}), /\/\.cache\/cable-language$/);
    assert.equal(existsSync(join(root, 'cache')), true);
  });

  it('keeps only file: folders', () => {
    assert.deepEqual(localFolders(['file:///home/u/cables', 'vscode-vfs://github/u/r', 'untitled:x']), ['/home/u/cables']);
  });
});
