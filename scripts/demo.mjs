// Starts code-server with the packaged extension on a workspace of sample cables (the reference cable
// as .cable and .txt, a defective and an error-free fixture) and prints the URL that opens the
// reference cable. Stops and cleans up on Ctrl+C. Reuses the e2e test's setup (test/e2e/support), so
// the demo shows exactly what the tests check. Needs `bash scripts/provision-e2e.sh`; packages the
// extension when the .vsix is missing.
//   node scripts/demo.mjs [--port 8080]
import { tsImport } from 'tsx/esm/api';

const support = (name) => tsImport(`../test/e2e/support/${name}.ts`, import.meta.url);
const { codeServerTools } = await support('tools');
const { ensureVsix } = await support('extensionPackage');
const { createCableWorkspace } = await support('workspace');
const { startCodeServer } = await support('codeServer');
const { SAMPLE_AS_CABLE } = await support('expectations');

const portArgument = process.argv.indexOf('--port');
const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : undefined;

// Handlers first: the e2e support then leaves Ctrl+C to us, and we stop code-server and clean up.
let server;
let workspace;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server?.stop();
  workspace?.remove();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  const tools = codeServerTools();
  const vsix = ensureVsix();
  workspace = createCableWorkspace();
  server = await startCodeServer(tools, [vsix], workspace.folder, { port });
} catch (error) {
  workspace?.remove();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// VS Code in the browser opens the file named in the `payload` query parameter.
const url = new URL(server.url);
const payload = [['openFile', `vscode-remote://${url.host}${workspace.path(SAMPLE_AS_CABLE)}`]];
url.searchParams.set('payload', JSON.stringify(payload));

console.log(`Cable demo: ${url.href}`);
console.log(`Workspace (a temporary copy): ${workspace.folder}`);
console.log('Press Ctrl+C to stop.');
