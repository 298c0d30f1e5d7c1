/**
 * code-server (VS Code 1.139 served to a browser) with the packaged extension installed, on a free
 * loopback port. Every run gets its own HOME, XDG folders, user data and extensions folders under
 * one temp dir, so nothing is written to the user's home and runs never share state.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort, pollUntil, startGroup, stopGroup, waitForOutput, type Started } from './processes';
import type { CodeServerTools } from './tools';

export interface CodeServer {
  /** The workbench URL with the workspace folder open. */
  url: string;
  /** The last lines code-server printed and the last lines of its extension host and output-channel logs. */
  logTail: (lines: number) => string;
  /** Ends code-server's process group and removes its temp dir. */
  stop: () => Promise<void>;
}

/** User settings that keep the workbench quiet and predictable: no welcome page, tips, trust prompts or AI chat. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'outline.collapseItems': 'alwaysExpand',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

/**
 * Starts code-server serving `workspace` with the extensions of `vsixes` installed; the caller must `stop()` it.
 * `userSettings` are added to the user settings before the workbench first starts (some, such as
 * `remote.extensionKind`, are only read then).
 */
export async function startCodeServer(
  tools: CodeServerTools,
  vsixes: string[],
  workspace: string,
  options: { port?: number; userSettings?: Record<string, unknown> } = {},
): Promise<CodeServer> {
  const runDir = await mkdtemp(join(tmpdir(), 'cable-e2e-code-server-'));
  const dirs = {
    home: join(runDir, 'home'),
    config: join(runDir, 'xdg-config'),
    data: join(runDir, 'xdg-data'),
    cache: join(runDir, 'xdg-cache'),
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.userSettings }, null, 2));
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env = isolatedEnv(dirs);
  const common = ['--config', configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  let server: Started | undefined;
  try {
    for (const vsix of vsixes) await installExtension(tools, common, env, vsix);
    const port = options.port ?? (await freeLoopbackPort());
    server = startGroup(
      tools.node,
      [
        tools.codeServerEntry,
        ...common,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        workspace,
      ],
      { env, cwd: runDir },
    );
    await waitForOutput(server, /HTTP server listening on/, 60_000, 'code-server start');
    const base = `http://127.0.0.1:${port}`;
    await pollUntil(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 10_000, 'code-server /healthz');
    const started = server;
    return {
      url: `${base}/?folder=${encodeURIComponent(workspace)}`,
      logTail: (lines) => logTail(started.output(), join(dirs.userData, 'logs'), lines),
      stop: async () => {
        await stopGroup(started);
        await rm(runDir, { recursive: true, force: true, maxRetries: 5 });
      },
    };
  } catch (error) {
    await stopGroup(server);
    await rm(runDir, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
}

/** `--install-extension` as a process of its own (about 2 s), checked by its exit code and message. */
async function installExtension(tools: CodeServerTools, common: string[], env: NodeJS.ProcessEnv, vsix: string): Promise<void> {
  const installer = startGroup(tools.node, [tools.codeServerEntry, ...common, '--install-extension', vsix], { env });
  try {
    const code = await Promise.race([
      installer.exited,
      new Promise<'timeout'>((resolveTimeout) => setTimeout(() => resolveTimeout('timeout'), 60_000).unref()),
    ]);
    if (code !== 0 || !/successfully installed/i.test(installer.output())) {
      throw new Error(`installing ${vsix} into code-server failed (${code}):\n${installer.output()}`);
    }
  } finally {
    await stopGroup(installer);
  }
}

/** The test's environment with its own home and XDG folders, and without variables that would leak in. */
function isolatedEnv(dirs: { home: string; config: string; data: string; cache: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_|NODE_TEST_|NODE_OPTIONS$|PASSWORD$|HASHED_PASSWORD$)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    // The extension gallery is pointed at a closed loopback port: the tests install from a .vsix, and
    // nothing should look up a marketplace host from a machine that reaches only package registries.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
  };
}

/** code-server's own output, its extension host log and the extension's output channels, each cut to its last lines. */
function logTail(output: string, logsDir: string, lines: number): string {
  const tail = (text: string) => text.split('\n').slice(-lines).join('\n');
  const parts = [`--- code-server output\n${tail(output)}`];
  if (existsSync(logsDir)) {
    for (const entry of readdirSync(logsDir, { recursive: true }).map(String).sort()) {
      if (/exthost\d*[/\\](remoteexthost|.*Cable.*)\.log$/.test(entry))
        parts.push(`--- ${entry}\n${tail(readFileSync(join(logsDir, entry), 'utf8'))}`);
    }
  }
  return parts.join('\n');
}
