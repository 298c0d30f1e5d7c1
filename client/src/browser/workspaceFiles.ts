/**
 * Answers the browser server's requests for the workspace's files (`cable/workspaceFiles`, `cable/readFile`),
 * which it cannot read itself in a Web Worker: listed with `vscode.workspace.findFiles`, read with
 * `vscode.workspace.fs`, so a GitHub repository opened on vscode.dev is indexed like a folder on disk.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  READ_FILE_REQUEST,
  WORKSPACE_FILES_REQUEST,
  type ReadFileParams,
  type ReadFileResult,
  type WorkspaceFilesParams,
  type WorkspaceFilesResult,
} from '../../../shared/protocol';
import { CANDIDATE_GLOB, SKIPPED_FOLDERS } from '../../../shared/cableFiles';

/** The tool folders the Node server skips too (it also skips hidden folders, which a glob cannot say as simply). */
const EXCLUDE = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;

export function registerWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest(WORKSPACE_FILES_REQUEST, (params: WorkspaceFilesParams) => listCandidates(params));
  client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readText(params));
}

async function listCandidates({ folderUri, maxFiles }: WorkspaceFilesParams): Promise<WorkspaceFilesResult> {
  const folder = vscode.Uri.parse(folderUri);
  // One more than the limit tells that the folder holds more.
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, CANDIDATE_GLOB), EXCLUDE, maxFiles + 1);
  const uris = found.map((uri) => uri.toString()).sort();
  return { uris: uris.slice(0, maxFiles), truncated: uris.length > maxFiles };
}

async function readText({ uri, maxBytes }: ReadFileParams): Promise<ReadFileResult> {
  const target = vscode.Uri.parse(uri);
  try {
    const { size, type } = await vscode.workspace.fs.stat(target);
    if ((type & vscode.FileType.File) === 0) return { kind: 'missing' };
    if (size > maxBytes) return { kind: 'tooBig', size };
    return { kind: 'text', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(target)) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
