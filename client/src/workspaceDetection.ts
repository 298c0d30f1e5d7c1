/**
 * Whether the workspace folders hold cables, decided cheaply: the extension activates on any folder
 * with a `.txt` file, and a folder of notes or logs must not cost a server process. One `.cable` file
 * is enough; otherwise the first few dozen `.txt` files are read up to their first lines.
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { SNIFF_BYTES, looksLikeCable } from '../../shared/cableDetection';
import { detectsTextFiles } from './settings';

/** Folders nobody keeps cables in, and that can be huge. */
const EXCLUDE = '**/{node_modules,.git}/**';
/** Enough `.txt` files to meet a cable in a mixed folder; few enough to stay well under a second. */
const TEXT_FILES_LOOKED_AT = 40;

export async function workspaceHoldsCables(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  if ((await vscode.workspace.findFiles('**/*.cable', EXCLUDE, 1)).length > 0) return true;
  for (const uri of await vscode.workspace.findFiles('**/*.txt', EXCLUDE, TEXT_FILES_LOOKED_AT)) {
    if (!detectsTextFiles(vscode.workspace.getConfiguration('cable', uri))) continue;
    const head = await readHead(uri);
    if (head !== undefined && looksLikeCable(head)) return true;
  }
  return false;
}

/** The bytes the detector reads of a local file, as text; undefined for files that cannot be read (or are not on disk, where the server cannot read them either). */
async function readHead(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    const file = await open(uri.fsPath, 'r');
    try {
      const bytes = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await file.read(bytes, 0, SNIFF_BYTES, 0);
      // A character cut at the end decodes to U+FFFD, as the server's and cable-lint's readers decode it.
      return new TextDecoder().decode(bytes.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return undefined; // unreadable or gone since the search: it just does not count
  }
}
