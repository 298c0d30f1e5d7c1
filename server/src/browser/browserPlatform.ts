/**
 * The server's platform in a browser's Web Worker (vscode.dev, github.dev): no disk, no threads, no watching.
 * The workspace's files are listed and read through the client (`cable/workspaceFiles`, `cable/readFile`,
 * answered with `vscode.workspace.findFiles` and `vscode.workspace.fs`); VS Code watches the folders and tells
 * the server. `.cable-lint.json` files are neither read nor written here, so the editor settings alone apply.
 */
import {
  READ_FILE_REQUEST,
  WORKSPACE_FILES_REQUEST,
  type ReadFileParams,
  type ReadFileResult,
  type WorkspaceFilesParams,
  type WorkspaceFilesResult,
} from '../../../shared/protocol';
import type { ClientChannel, ServerPlatform } from '../platform';
import { ClientFilesWorkspace, type WorkspaceFiles } from '../workspace/clientFilesWorkspace';

/** Files Check All reads are not limited in size: the user asked for them. */
const NO_SIZE_LIMIT = Number.MAX_SAFE_INTEGER;

export function browserPlatform(): ServerPlatform {
  return {
    name: 'a browser worker',
    createWorkspace: (options, { client }) => new ClientFilesWorkspace(options, workspaceFilesThrough(client)),
    readFile: async (uri, { client }) => {
      const result = await workspaceFilesThrough(client).read(uri, NO_SIZE_LIMIT);
      if (result.kind === 'text') return result.text;
      throw new Error(result.kind === 'failed' ? result.error : `${uri}: ${result.kind}`);
    },
  };
}

function workspaceFilesThrough(client: ClientChannel): WorkspaceFiles {
  return {
    list: (folderUri, maxFiles) =>
      client.sendRequest<WorkspaceFilesResult>(WORKSPACE_FILES_REQUEST, { folderUri, maxFiles } satisfies WorkspaceFilesParams),
    read: (uri, maxBytes) => client.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri, maxBytes } satisfies ReadFileParams),
  };
}
