/**
 * Renders images/icon.svg to images/icon.png (128×128, transparent corners) in Debian's headless Chromium,
 * the one the end-to-end suites drive: `node --import tsx images/render-icon.ts`. The PNG is committed;
 * run this again only when the SVG changes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowser } from '../test/e2e/support/browser';
import { chromiumExecutable } from '../test/e2e/support/tools';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');

async function render(): Promise<void> {
  const browser = await startBrowser(chromiumExecutable());
  try {
    await browser.page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg}</body>`);
    await browser.page.locator('svg').screenshot({ path: join(here, 'icon.png'), omitBackground: true });
  } finally {
    await browser.stop();
  }
}

void render();
