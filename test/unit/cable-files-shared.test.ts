/** Which files may be cables (shared/cableFiles.ts), as the disk index, the browser index and the watcher read it. */
import assert from 'node:assert/strict';
import { extname } from 'node:path';
import { describe, it } from 'node:test';
import { CANDIDATE_GLOB, SKIPPED_FOLDERS, candidateKind } from '../../shared/cableFiles';

describe('candidateKind', () => {
  it('tells .cable from .txt files, in any case, by name, path or URI', () => {
    assert.equal(candidateKind('09MEXICO283.cable'), 'cable');
    assert.equal(candidateKind('/home/u/cables/09MEXICO283.CABLE'), 'cable');
    assert.equal(candidateKind('vscode-vfs://github/u/archive/beirut/85BEIRUT1725.txt'), 'text');
    assert.equal(candidateKind('notes.TXT'), 'text');
    assert.equal(candidateKind('cables.csv'), undefined);
    assert.equal(candidateKind('09MEXICO283.txt.gz'), undefined);
  });

  it("reads an extension as Node's extname does: a name that is only `.txt` has none", () => {
    for (const name of ['.txt', '.cable', 'folder.txt/readme', 'a..txt', 'x.', 'plain']) {
      const extension = extname(name).toLowerCase();
      assert.equal(candidateKind(name), extension === '.cable' ? 'cable' : extension === '.txt' ? 'text' : undefined, name);
    }
  });

  it('names the same files in its glob, and the tool folders', () => {
    assert.equal(CANDIDATE_GLOB, '**/*.{cable,txt,CABLE,TXT}');
    assert.ok(SKIPPED_FOLDERS.includes('node_modules') && SKIPPED_FOLDERS.includes('.git'));
  });
});
