/**
 * `npm run test:electron`: the checks of checks.ts inside desktop VS Code via @vscode/test-electron,
 * with the extension loaded from this folder (run `npm run build` first).
 * Which VS Code: `VSCODE_EXECUTABLE`, or a download when `CABLE_E2E_DOWNLOAD_VSCODE=1` (needs access
 * to VS Code's update server). Without either it says why it skips and exits 0. On Linux without a
 * display, run it under `xvfb-run -a`. `--in-code-server` runs the same checks in code-server instead.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { e2eSkipReason, projectRoot } from '../support/tools';
import { createCableWorkspace } from '../support/workspace';
import { bundleForExtensionHost } from './bundle';
import { runChecksInCodeServer } from './codeServerHost';

async function main(): Promise<number> {
  const skip = e2eSkipReason();
  if (skip) return skipped(skip);
  if (process.argv.includes('--in-code-server')) return runChecksInCodeServer();
  const download = process.env.CABLE_E2E_DOWNLOAD_VSCODE === '1';
  const executable = process.env.VSCODE_EXECUTABLE;
  if (!executable && !download) {
    return skipped(
      'no VS Code: set VSCODE_EXECUTABLE to a VS Code executable, or CABLE_E2E_DOWNLOAD_VSCODE=1 to download one ' +
        '(this machine reaches no download server); `npm run test:electron -- --in-code-server` runs the same checks in code-server',
    );
  }
  if (executable && !existsSync(executable)) throw new Error(`VSCODE_EXECUTABLE names no file: ${executable}`);
  if (!existsSync(join(projectRoot, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run npm run build first');

  const scratch = mkdtempSync(join(tmpdir(), 'cable-e2e-electron-'));
  const workspace = createCableWorkspace();
  try {
    const tests = join(scratch, 'index.js');
    await bundleForExtensionHost(fileURLToPath(new URL('index.ts', import.meta.url)), tests);
    await runTests({
      vscodeExecutablePath:
        executable ?? (await downloadAndUnzipVSCode({ version: 'stable', cachePath: join(projectRoot, '.tools', 'vscode') })),
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: tests,
      launchArgs: [
        workspace.folder,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(scratch, 'user-data')}`,
        `--extensions-dir=${join(scratch, 'extensions')}`,
      ],
    });
    console.log('electron: all checks passed');
    return 0;
  } finally {
    workspace.remove();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  }
}

function skipped(reason: string): number {
  console.log(`electron tests skipped: ${reason}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
