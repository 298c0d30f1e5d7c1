/** The server's workspace index: disk cables, open documents winning over them, and the fall-back on close. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModels } from '../../server/src/documents/documentModels';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { InThreadSummariser } from '../../server/src/node/workspace/fileSummariser';
import { WorkspaceCables } from '../../server/src/node/workspace/workspaceCables';

const cable = (refId: string, subject: string) => `${refId}\n${subject}\nWed Feb 04 00:00:00 +0100 2009\nCONFIDENTIAL\nEmbassy Mexico\n`;

describe('WorkspaceCables', () => {
  let root: string;
  let folderUri: string;
  let fileUri: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cable-workspace-'));
    mkdirSync(join(root, 'cables'));
    writeFileSync(join(root, 'cables', '09MEXICO283.txt'), cable('09MEXICO283', 'ON DISK'));
    folderUri = pathToFileURL(join(root, 'cables')).href;
    fileUri = pathToFileURL(join(root, 'cables', '09MEXICO283.txt')).href;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  function setup() {
    const parses: string[] = [];
    const models = new DocumentModels((document) => {
      parses.push(`${document.uri}@${document.version}`);
      return parseCableFile(document.getText(), { fileName: document.uri });
    });
    const logged: string[] = [];
    const workspace = new WorkspaceCables({
      modelOf: (document) => models.get(document),
      log: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
      summariser: new InThreadSummariser(),
    });
    const subjects = () => [...workspace.cables()].map((c) => [c.uri, c.subject]);
    return { workspace, models, parses, logged, subjects };
  }

  it('indexes the folder in the background and says how many files it found', async () => {
    const { workspace, logged, subjects } = setup();
    workspace.addFolders([folderUri, 'untitled:Untitled-1']);
    await workspace.whenScanned();
    assert.deepEqual(subjects(), [[fileUri, 'ON DISK']]);
    assert.match(logged.join('\n'), /Indexed 1 cable file\(s\)/);
  });

  it('lets an open document win over its file, indexing it only when asked, from the shared model', async () => {
    const { workspace, models, parses, subjects } = setup();
    workspace.addFolders([folderUri]);
    await workspace.whenScanned();
    const document = TextDocument.create(fileUri, 'cable', 1, cable('09MEXICO283', 'EDITED'));
    workspace.opened(document);
    TextDocument.update(document, [{ text: cable('09MEXICO283', 'EDITED TWICE') }], 2);
    workspace.changed(document);
    assert.deepEqual(parses, [], 'typing does not index');
    models.get(document); // the diagnostics parsed this version already
    assert.deepEqual(subjects(), [[fileUri, 'EDITED TWICE']]);
    assert.deepEqual(parses, [`${fileUri}@2`], 'one parse, shared with the rest of the server');
  });

  it('falls back to the file on disk when the document is closed', async () => {
    const { workspace, subjects } = setup();
    workspace.addFolders([folderUri]);
    await workspace.whenScanned();
    const document = TextDocument.create(fileUri, 'cable', 1, cable('09MEXICO283', 'UNSAVED'));
    workspace.opened(document);
    assert.deepEqual(subjects(), [[fileUri, 'UNSAVED']]);
    await workspace.closed(fileUri);
    assert.deepEqual(subjects(), [[fileUri, 'ON DISK']]);
  });

  it('forgets a closed document that is not a file of the workspace', async () => {
    const { workspace, subjects } = setup();
    workspace.addFolders([folderUri]);
    await workspace.whenScanned();
    for (const uri of ['untitled:Untitled-1', pathToFileURL(join(root, 'elsewhere.cable')).href]) {
      workspace.opened(TextDocument.create(uri, 'cable', 1, cable('10PARIS1', 'SCRATCH')));
      assert.equal(subjects().length, 2);
      await workspace.closed(uri);
      assert.deepEqual(subjects(), [[fileUri, 'ON DISK']]);
    }
  });

  it('drops the files of a removed folder', async () => {
    const { workspace, subjects } = setup();
    workspace.addFolders([folderUri]);
    workspace.removeFolders([folderUri]);
    await workspace.whenScanned();
    assert.deepEqual(subjects(), []);
  });
});
