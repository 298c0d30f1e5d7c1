/**
 * Whether the workspace folders hold cables, decided cheaply: the extension activates on any folder
 * with a `.txt` file, and a folder of notes or logs must not cost a server process. One `.cable` file
 * is enough; otherwise the first few dozen `.txt` files are read up to their first lines (`ReadHead`: from
 * disk on the desktop, through `vscode.workspace.fs` in a browser).
 */
import * as vscode from 'vscode';
import { looksLikeCable } from '../../shared/cableDetection';
import { detectsTextFiles } from './settings';

/** Folders nobody keeps cables in, and that can be huge. */
const EXCLUDE = '**/{node_modules,.git}/**';
/** Enough `.txt` files to meet a cable in a mixed folder; few enough to stay well under a second. */
const TEXT_FILES_LOOKED_AT = 40;

/** The first SNIFF_BYTES bytes of a file as text, as the platform reads them; undefined when it cannot be read (or the server could not read it either). */
export type ReadHead = (uri: vscode.Uri) => Promise<string | undefined>;

export async function workspaceHoldsCables(readHead: ReadHead): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  if ((await vscode.workspace.findFiles('**/*.cable', EXCLUDE, 1)).length > 0) return true;
  for (const uri of await vscode.workspace.findFiles('**/*.txt', EXCLUDE, TEXT_FILES_LOOKED_AT)) {
    if (!detectsTextFiles(vscode.workspace.getConfiguration('cable', uri))) continue;
    const head = await readHead(uri);
    if (head !== undefined && looksLikeCable(head)) return true;
  }
  return false;
}
