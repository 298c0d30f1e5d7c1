/**
 * The server's platform on Node: workspace folders read from disk (listing, index workers below the server's
 * priority, a persistent cache), `.cable-lint.json` files read and written on disk, and `fs.watch` for clients
 * that watch nothing themselves.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runTurnOffRuleCommand } from '../config/turnOffRule';
import { ServerConfigs } from '../config/serverConfigs';
import type { ServerPlatform } from '../platform';
import { SERVER_VERSION } from '../serverInfo';
import { createFileSummariser } from './workspace/fileSummariser';
import { FolderWatcher } from './workspace/folderWatcher';
import { cacheDirectory } from './workspace/indexCache';
import { WorkspaceCables, localFolders } from './workspace/workspaceCables';

/** `indexWorkerScript`: the bundled index worker (`dist/indexWorker.js`); without it the index is built on the server's thread. */
export function nodePlatform(indexWorkerScript?: string): ServerPlatform {
  return {
    name: `Node.js ${process.version}`,
    createWorkspace: (options, { initializationOptions }) =>
      new WorkspaceCables({
        ...options,
        summariser: createFileSummariser(indexWorkerScript, (message) => options.log.error(message)),
        cacheDirectory: cacheDirectory(initializationOptions.cacheDirectory),
        serverVersion: SERVER_VERSION,
      }),
    readFile: (uri) => readFile(fileURLToPath(uri), 'utf8'),
    createConfigs: (log) => new ServerConfigs(log),
    turnOffRule: (rawArgs, deps) =>
      runTurnOffRuleCommand(rawArgs, { ...deps, workspaceFolders: () => localFolders([...deps.workspaceFolders()]) }),
    createWatcher: (changed, log) => new FolderWatcher(changed, log),
  };
}
