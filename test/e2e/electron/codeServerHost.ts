/**
 * Runs the in-VS-Code checks (checks.ts) in code-server, for machines without desktop VS Code:
 * packs hostExtension.ts as a helper .vsix, installs it beside the packaged extension, opens the
 * workbench in headless Chromium (the extension host starts only then) and waits for the result file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowser, type HeadlessBrowser } from '../support/browser';
import { startCodeServer, type CodeServer } from '../support/codeServer';
import { ensureVsix } from '../support/extensionPackage';
import { pollUntil } from '../support/processes';
import { chromiumExecutable, codeServerTools, projectRoot } from '../support/tools';
import { openWorkbench } from '../support/workbench';
import { createCableWorkspace } from '../support/workspace';
import { bundleForExtensionHost } from './bundle';

const RESULT_TIMEOUT_MS = 300_000;

export async function runChecksInCodeServer(): Promise<number> {
  const tools = codeServerTools();
  const chromium = chromiumExecutable();
  const vsix = ensureVsix();
  const scratch = mkdtempSync(join(tmpdir(), 'cable-e2e-host-'));
  const workspace = createCableWorkspace();
  let codeServer: CodeServer | undefined;
  let browser: HeadlessBrowser | undefined;
  try {
    const resultPath = join(scratch, 'result.json');
    const helper = await packHelperExtension(join(scratch, 'helper'), resultPath);
    codeServer = await startCodeServer(tools, [vsix, helper], workspace.folder);
    browser = await startBrowser(chromium);
    await openWorkbench(browser.page, codeServer.url);
    await pollUntil(async () => (existsSync(resultPath) ? true : undefined), RESULT_TIMEOUT_MS, 'the checks’ result', 500);
    const result = JSON.parse(readFileSync(resultPath, 'utf8')) as { passed: boolean; lines: string[] };
    console.log(result.lines.join('\n'));
    return result.passed ? 0 : 1;
  } finally {
    await browser?.stop();
    await codeServer?.stop();
    workspace.remove();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Writes, bundles and packs the helper extension; returns the .vsix path. */
async function packHelperExtension(dir: string, resultPath: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'cable-e2e-host',
    publisher: 'cable-tools',
    version: '0.0.1',
    license: 'MIT',
    description: 'Runs the cable end-to-end checks inside the extension host (tests only).',
    engines: { vscode: '^1.82.0' },
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'README.md'), '# cable-e2e-host\n\nTest helper; never published.\n');
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ resultPath }));
  await bundleForExtensionHost(fileURLToPath(new URL('hostExtension.ts', import.meta.url)), join(dir, 'extension.js'));
  const out = join(dir, '..', 'cable-e2e-host.vsix');
  const vsce = join(projectRoot, 'node_modules', '.bin', 'vsce');
  const packed = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`packing the helper extension failed:\n${packed.stdout}\n${packed.stderr}`);
  return out;
}
