/**
 * The workspace index of the browser server, which reads the folders through the client: what it lists and
 * reads, `.txt` files that are not cables left out, the limit, changes and deletes, open documents winning
 * over their file and falling back to it on close. The client is an in-memory map of files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexStatus, ReadFileResult } from '../../shared/protocol';
import { DocumentModels } from '../../server/src/documents/documentModels';
import { parseCableDocument } from '../../server/src/language/languageService';
import { ClientFilesWorkspace, type WorkspaceFiles } from '../../server/src/workspace/clientFilesWorkspace';

const FOLDER = 'vscode-vfs://github/cable-tools/archive';

/** A cables.csv-style record, as the release's files begin. */
const cable = (refId: string, subject: string) => `${refId}\n${subject}\nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy Mexico\n`;

function setup(files: Record<string, string>) {
  const store = new Map(Object.entries(files).map(([name, text]) => [`${FOLDER}/${name}`, text]));
  const reads: string[] = [];
  const client: WorkspaceFiles = {
    list: async (folderUri, maxFiles) => {
      const uris = [...store.keys()].filter((uri) => uri.startsWith(`${folderUri}/`)).sort();
      return { uris: uris.slice(0, maxFiles), truncated: uris.length > maxFiles };
    },
    read: async (uri, maxBytes): Promise<ReadFileResult> => {
      reads.push(uri);
      const text = store.get(uri);
      if (text === undefined) return { kind: 'missing' };
      return text.length > maxBytes ? { kind: 'tooBig', size: text.length } : { kind: 'text', text };
    },
  };
  const models = new DocumentModels(parseCableDocument);
  const statuses: IndexStatus[] = [];
  const changed: string[] = [];
  const workspace = new ClientFilesWorkspace(
    {
      modelOf: (document) => models.get(document),
      log: { info: () => undefined, error: () => undefined },
      onStatus: (status) => statuses.push(status),
      onFilesChanged: (uris) => changed.push(...uris),
    },
    client,
  );
  const subjects = () => [...workspace.cables()].map((entry) => `${entry.uri.slice(FOLDER.length + 1)}: ${entry.subject}`).sort();
  return { workspace, store, reads, statuses, changed, subjects };
}

describe('ClientFilesWorkspace', () => {
  it('indexes the .cable files and the .txt files that read as cables, and says when it is ready', async () => {
    const { workspace, subjects, statuses } = setup({
      '09MEXICO283.cable': cable('09MEXICO283', 'SECURITY COOPERATION'),
      'beirut/85BEIRUT1725.txt': cable('85BEIRUT1725', 'LEBANESE POLITICS'),
      'notes.txt': 'Notes for the archive trip.\nBring the finding aids.\n',
    });
    workspace.addFolders([`${FOLDER}/`]);
    await workspace.whenScanned();
    assert.deepEqual(subjects(), ['09MEXICO283.cable: SECURITY COOPERATION', 'beirut/85BEIRUT1725.txt: LEBANESE POLITICS']);
    assert.equal(statuses[0]?.state, 'scanning');
    assert.deepEqual(workspace.status(), { state: 'ready', files: 2, cables: 2, skipped: 0 });
    assert.equal(workspace.folderUriOf(`${FOLDER}/beirut/85BEIRUT1725.txt`), FOLDER);
    assert.deepEqual(
      workspace.findCableFiles('85BEIRUT1725').map((location) => location.uri),
      [`${FOLDER}/beirut/85BEIRUT1725.txt`],
    );
  });

  it('stops at cable.index.maxFiles and says so, and counts files too big to read', async () => {
    const { workspace } = setup({
      'a.cable': cable('09MEXICO1', 'ONE'),
      'b.cable': cable('09MEXICO2', 'TWO'),
      'c.cable': cable('09MEXICO3', 'THREE'),
    });
    workspace.setSettings({ maxFiles: 2, maxFileBytes: 5_000_000 });
    workspace.addFolders([FOLDER]);
    await workspace.whenScanned();
    assert.deepEqual(workspace.status(), {
      state: 'limited',
      files: 2,
      cables: 2,
      skipped: 0,
      limit: { setting: 'cable.index.maxFiles', value: 2 },
    });
    workspace.setSettings({ maxFiles: 10, maxFileBytes: 10 });
    await workspace.whenScanned();
    assert.deepEqual(workspace.status(), { state: 'ready', files: 0, cables: 0, skipped: 3 });
  });

  it('reads a changed file again and forgets a deleted one, or a deleted folder with its files', async () => {
    const { workspace, store, subjects, changed } = setup({
      'a.cable': cable('09MEXICO1', 'ONE'),
      'sub/b.cable': cable('09MEXICO2', 'TWO'),
    });
    workspace.addFolders([FOLDER]);
    await workspace.whenScanned();
    store.set(`${FOLDER}/a.cable`, cable('09MEXICO1', 'ONE, AMENDED'));
    await workspace.filesChanged([`${FOLDER}/a.cable`]);
    assert.deepEqual(subjects(), ['a.cable: ONE, AMENDED', 'sub/b.cable: TWO']);
    store.delete(`${FOLDER}/sub/b.cable`);
    changed.length = 0;
    await workspace.filesChanged([`${FOLDER}/sub`]);
    assert.deepEqual(subjects(), ['a.cable: ONE, AMENDED']);
    assert.deepEqual(changed, [`${FOLDER}/sub/b.cable`]);
  });

  it('lets an open document win over its file, and falls back to the file on close', async () => {
    const { workspace, subjects } = setup({ 'a.cable': cable('09MEXICO1', 'ON FILE') });
    workspace.addFolders([FOLDER]);
    await workspace.whenScanned();
    workspace.opened(TextDocument.create(`${FOLDER}/a.cable`, 'cable', 1, cable('09MEXICO1', 'BEING EDITED')));
    assert.deepEqual(subjects(), ['a.cable: BEING EDITED']);
    await workspace.closed(`${FOLDER}/a.cable`);
    assert.deepEqual(subjects(), ['a.cable: ON FILE']);
  });

  it('forgets a removed folder', async () => {
    const { workspace, subjects } = setup({ 'a.cable': cable('09MEXICO1', 'ONE') });
    workspace.addFolders([FOLDER]);
    await workspace.whenScanned();
    workspace.removeFolders([FOLDER]);
    await workspace.whenScanned();
    assert.deepEqual(subjects(), []);
    assert.equal(workspace.status().state, 'idle');
  });
});
