/**
 * Node entry of the language server (bundled to `dist/server.js`). The transport comes from the command
 * line, as editors pass it: `--stdio`, `--node-ipc`, `--socket=<port>` or `--pipe=<name>`.
 */
import { join } from 'node:path';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { nodePlatform } from './nodePlatform';
import { SERVER_NAME, SERVER_VERSION } from '../serverInfo';

const USAGE = `${SERVER_NAME} ${SERVER_VERSION}: language server for US diplomatic cables.

Usage: node server.js (--stdio | --node-ipc | --socket=<port> | --pipe=<name>)
       node server.js --version | --help
`;

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (!args.some((arg) => /^--(?:stdio|node-ipc|socket=|pipe=)/.test(arg))) {
  // Without a transport the library throws a stack trace; say what is missing instead.
  process.stderr.write(`No transport given.\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all), nodePlatform(join(__dirname, 'indexWorker.js')));
}
