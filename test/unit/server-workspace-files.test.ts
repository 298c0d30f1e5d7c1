/** The workspace scan: which files count as cables, and what is never read. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { looksLikeCable } from '../../server/src/language/cableDetection';
import { localFolders, scanWorkspaceFolders } from '../../server/src/workspaceFiles';

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

describe('scanWorkspaceFolders', () => {
  let root: string;
  let workspace: string;
  let outside: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cable-scan-'));
    workspace = join(root, 'workspace');
    outside = join(root, 'outside');
    mkdirSync(join(workspace, 'cables', 'deeper'), { recursive: true });
    mkdirSync(join(workspace, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(workspace, '.git'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(workspace, 'cables', '09MEXICO283.txt'), CABLE);
    writeFileSync(join(workspace, 'cables', 'deeper', 'draft.cable'), 'anything in a .cable file counts\n');
    writeFileSync(join(workspace, 'notes.txt'), '# Notes\nnot a cable\n');
    writeFileSync(join(workspace, 'big.cable'), CABLE + 'x'.repeat(2000));
    writeFileSync(join(workspace, 'node_modules', 'pkg', '08STATE1.txt'), CABLE);
    writeFileSync(join(workspace, '.git', 'x.cable'), CABLE);
    writeFileSync(join(outside, '10PARIS1.txt'), CABLE);
    symlinkSync(outside, join(workspace, 'linked-folder'));
    symlinkSync(join(outside, '10PARIS1.txt'), join(workspace, 'linked.txt'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const limits = { maxFiles: 100, maxEntries: 1000, maxBytes: 1000 };

  it('reads cables inside the folder only: no symlink, no big file, no tool folder, no plain text', async () => {
    const found: string[] = [];
    const report = await scanWorkspaceFolders([workspace], (uri) => found.push(uri), { limits });
    assert.deepEqual(found.sort(), [
      pathToFileURL(join(workspace, 'cables', '09MEXICO283.txt')).href,
      pathToFileURL(join(workspace, 'cables', 'deeper', 'draft.cable')).href,
    ]);
    assert.deepEqual(report, { files: 2, incomplete: false });
  });

  it('hands over the file text', async () => {
    const texts = new Map<string, string>();
    await scanWorkspaceFolders([join(workspace, 'cables')], (uri, text) => texts.set(uri, text), { limits });
    assert.equal(texts.get(pathToFileURL(join(workspace, 'cables', '09MEXICO283.txt')).href), CABLE);
  });

  it('stops at the file limit and when cancelled', async () => {
    const found: string[] = [];
    const capped = await scanWorkspaceFolders([workspace], (uri) => found.push(uri), { limits: { ...limits, maxFiles: 1 } });
    assert.deepEqual({ files: capped.files, incomplete: capped.incomplete, found: found.length }, { files: 1, incomplete: true, found: 1 });
    const cancelled = await scanWorkspaceFolders([workspace], () => assert.fail('nothing is read'), { limits, isCancelled: () => true });
    assert.deepEqual(cancelled, { files: 0, incomplete: true });
  });

  it('reports a folder that cannot be read and goes on', async () => {
    const errors: string[] = [];
    const report = await scanWorkspaceFolders([join(root, 'missing'), join(workspace, 'cables')], () => {}, { limits, onError: (path) => errors.push(path) });
    assert.equal(report.files, 2);
    assert.deepEqual(errors, [join(root, 'missing')]);
  });

  it('keeps only file: folders', () => {
    assert.deepEqual(localFolders(['file:///home/u/cables', 'vscode-vfs://github/u/r', 'untitled:x']), ['/home/u/cables']);
  });
});
