/**
 * Debian's headless Chromium, started by us (so we hold its process id and can always end it) and
 * driven by playwright-core over the DevTools protocol; no browser is downloaded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startGroup, stopGroup, waitForOutput, type Started } from './processes';

export interface HeadlessBrowser {
  page: Page;
  /** Closes the DevTools connection and ends Chromium's process group. */
  stop: () => Promise<void>;
}

export const VIEWPORT = { width: 1600, height: 1000 };

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--remote-debugging-address=127.0.0.1',
  '--remote-debugging-port=0',
  `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
];

/** Starts Chromium on about:blank and returns its first page. */
export async function startBrowser(executable: string): Promise<HeadlessBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'cable-e2e-chromium-'));
  let process: Started | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await stopGroup(process);
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    process = startGroup(executable, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
      env: { ...globalThis.process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache') },
    });
    const [, endpoint] = await waitForOutput(process, /DevTools listening on (ws:\/\/\S+)/, 30_000, 'chromium start');
    browser = await chromium.connectOverCDP(endpoint!);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(VIEWPORT);
    return { page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
