/**
 * One end-to-end session: a fresh workspace of cables, code-server with the packaged extension, and
 * headless Chromium showing the workbench. `stop()` ends everything it started, in reverse order,
 * whatever failed before, so no code-server or browser outlives a test run.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowser, type HeadlessBrowser } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { ensureVsix } from './extensionPackage';
import { chromiumExecutable, codeServerTools, screenshotsDir } from './tools';
import { openWorkbench, screenshot } from './workbench';
import { createCableWorkspace, type CableWorkspace } from './workspace';

export interface Session {
  page: Page;
  workspace: CableWorkspace;
  codeServer: CodeServer;
  /** Runs `check`; when it fails, adds a screenshot and code-server's last output to the error. */
  step: <T>(name: string, check: () => Promise<T>) => Promise<T>;
  stop: () => Promise<void>;
}

/**
 * @param createWorkspace the folder VS Code opens: by default the reference cable and the fixtures.
 * @param userSettings user settings in force from the workbench's start.
 */
export async function startSession(
  createWorkspace: () => CableWorkspace = createCableWorkspace,
  userSettings?: Record<string, unknown>,
): Promise<Session> {
  // Missing tools fail first, with the command that provisions them.
  const tools = codeServerTools();
  const chromium = chromiumExecutable();
  const vsix = ensureVsix();
  const workspace = createWorkspace();
  let codeServer: CodeServer | undefined;
  let browser: HeadlessBrowser | undefined;
  const stop = async () => {
    await browser?.stop().catch((error: unknown) => console.error('[e2e] stopping chromium:', error));
    await codeServer?.stop().catch((error: unknown) => console.error('[e2e] stopping code-server:', error));
    workspace.remove();
  };
  try {
    codeServer = await startCodeServer(tools, [vsix], workspace.folder, { userSettings });
    browser = await startBrowser(chromium);
    await openWorkbench(browser.page, codeServer.url);
  } catch (error) {
    await stop();
    throw error;
  }
  const { page } = browser;
  const server = codeServer;
  return {
    page,
    workspace,
    codeServer: server,
    stop,
    step: async (name, check) => {
      // An earlier run's screenshot of this check; other test files' sessions may be running, so only this one.
      rmSync(join(screenshotsDir, `failed-${name}.png`), { force: true });
      try {
        return await check();
      } catch (error) {
        const shot = await screenshot(page, `failed-${name}`).catch(() => 'none');
        (error as Error).message += `\n[screenshot: ${shot}]\n${server.logTail(15)}`;
        throw error;
      }
    },
  };
}

export interface SuiteSessionOptions {
  /** The folder VS Code opens: by default the reference cable and the fixtures. */
  workspace?: () => CableWorkspace;
  /** User settings in force from the workbench's start. */
  userSettings?: Record<string, unknown>;
  /** Runs once the session has started, within the start's time. */
  started?: (session: Session) => unknown;
  startTimeoutMs?: number;
}

/**
 * One session for a suite: started before its tests, stopped after them whatever failed. The function returned
 * gives each test the session, or says that it did not start.
 */
export function suiteSession(options: SuiteSessionOptions = {}): () => Session {
  let session: Session | undefined;
  before(
    async () => {
      session = await startSession(options.workspace, options.userSettings);
      await options.started?.(session);
    },
    { timeout: options.startTimeoutMs ?? 180_000 },
  );
  after(
    async () => {
      await session?.stop();
    },
    { timeout: 60_000 },
  );
  return () => {
    if (!session) throw new Error('the VS Code session did not start (see the failure of the before hook)');
    return session;
  };
}
