/**
 * Drives the VS Code workbench in the browser as a user does (keyboard, command palette, mouse)
 * and reads what it shows through the in-page readers of `inPage.js`. Every wait is on a state of
 * the page with a timeout; a timeout says what was last seen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { pollUntil } from './processes';
import { screenshotsDir } from './tools';

const inPageScript = fileURLToPath(new URL('inPage.js', import.meta.url));

export interface ShownProblem {
  file: string | null;
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  source: string;
  code: string;
  /** One-based, as the panel shows it. */
  line: number;
  column: number;
}

interface Readers {
  statusLanguage: () => string | null;
  activeTabFile: () => string | null;
  editorLines: () => { lineNumber: number; text: string }[];
  tokenColours: () => string[];
  wordCentre: (arg: { lineIncludes: string; word: string }) => { x: number; y: number } | null;
  hoverText: () => string | null;
  problems: () => { complete: boolean; problems: ShownProblem[] } | null;
  outline: () => { complete: boolean; rows: { name: string; level: number }[] } | null;
  quickPickRows: () => string[];
  codeActions: () => string[];
  statusBarItem: (arg: { includes: string }) => string | null;
  treeView: (arg: { title: string }) => ShownTreeView | null;
  notifications: () => string[];
}

/** A side bar view as shown: its message and its rendered rows (`complete` when none is scrolled away). */
export interface ShownTreeView {
  message: string | null;
  complete: boolean;
  rows: ShownTreeRow[];
}

export interface ShownTreeRow {
  label: string;
  description: string;
  /** One-based depth. */
  level: number;
  /** null for a leaf. */
  expanded: boolean | null;
}

/** Runs one in-page reader. */
export function read<K extends keyof Readers>(page: Page, reader: K, ...arg: Parameters<Readers[K]>): Promise<ReturnType<Readers[K]>> {
  return page.evaluate(
    ([name, argument]) => (globalThis as unknown as { __cableE2e: Record<string, (a: unknown) => unknown> }).__cableE2e[name]!(argument),
    [reader, arg[0]] as const,
  ) as Promise<ReturnType<Readers[K]>>;
}

/** Polls an in-page reader until `accept` takes its value; the timeout error shows the last value. */
export async function waitFor<K extends keyof Readers, T>(
  page: Page,
  what: string,
  timeoutMs: number,
  reader: K,
  accept: (value: ReturnType<Readers[K]>) => T | undefined,
  ...arg: Parameters<Readers[K]>
): Promise<T> {
  let last: unknown;
  try {
    return await pollUntil(
      async () => {
        last = await read(page, reader, ...arg);
        return accept(last as ReturnType<Readers[K]>);
      },
      timeoutMs,
      what,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

/** Opens the workbench and waits until the Explorer lists the workspace's files. */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.addInitScript({ path: inPageScript });
  await page.goto(url);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** Runs a command by its palette title, e.g. `View: Toggle Problems`. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await escapeOverlays(page);
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input:focus', { timeout: 10_000 });
  await page.keyboard.type(title);
  await waitFor(page, `command "${title}" in the palette`, 10_000, 'quickPickRows', (rows) => rows.find((row) => row.startsWith(title)));
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open and waits until its editor is the active one. */
export async function openFile(page: Page, name: string): Promise<void> {
  await escapeOverlays(page);
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input:focus', { timeout: 10_000 });
  await page.keyboard.type(name);
  await waitFor(page, `${name} in Quick Open`, 10_000, 'quickPickRows', (rows) => (rows[0]?.startsWith(name) ? true : undefined));
  await page.keyboard.press('Enter');
  await waitFor(page, `${name} as the active editor`, 15_000, 'activeTabFile', (file) => (file === name ? true : undefined));
  await page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines', { timeout: 10_000 });
}

/** Puts the cursor of the active editor on a one-based line and column and brings it into view. */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await escapeOverlays(page);
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input:focus', { timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitFor(page, `line ${line} in view`, 10_000, 'editorLines', (lines) =>
    lines.some((l) => l.lineNumber === line) ? true : undefined,
  );
}

/** Waits until the status bar shows `label` as the active editor's language. */
export function waitForLanguage(page: Page, label: string, timeoutMs: number): Promise<true> {
  return waitFor(page, `language "${label}" in the status bar`, timeoutMs, 'statusLanguage', (shown) =>
    shown === label ? true : undefined,
  );
}

/** Hovers `word` on the first line that includes `lineIncludes` (the line must be in view) and returns the hover's text once it matches. */
export async function hoverAndRead(page: Page, lineIncludes: string, word: string, expected: RegExp, timeoutMs: number): Promise<string> {
  await page.mouse.move(1, 1); // leave any earlier hover, so the new one is for this word
  const centre = await waitFor(page, `"${word}" rendered in the editor`, 10_000, 'wordCentre', (box) => box ?? undefined, {
    lineIncludes,
    word,
  });
  await page.mouse.move(centre.x, centre.y);
  return waitFor(page, `hover on ${word} matching ${expected}`, timeoutMs, 'hoverText', (shown) =>
    shown && expected.test(shown) ? shown : undefined,
  );
}

/** Opens the Quick Fix menu at the cursor and applies the first action whose title includes `titleIncludes`. */
export async function applyQuickFix(page: Page, titleIncludes: string): Promise<string> {
  await escapeOverlays(page);
  await page.keyboard.press('Control+.');
  const title = await waitFor(page, `a quick fix titled with "${titleIncludes}"`, 15_000, 'codeActions', (titles) =>
    titles.find((t) => t.includes(titleIncludes)),
  );
  await page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
  return title;
}

/** Waits until the Problems panel (see `showProblems`) lists what `accept` takes, and returns `accept`'s value. */
export async function waitForProblems<T>(
  page: Page,
  what: string,
  timeoutMs: number,
  accept: (problems: ShownProblem[]) => T | undefined,
): Promise<T> {
  return waitFor(page, what, timeoutMs, 'problems', (shown) => {
    if (!shown) return undefined;
    if (!shown.complete) throw new Error('the Problems list is longer than the panel shows');
    return accept(shown.problems);
  });
}

/** Makes the Problems panel visible (without toggling it closed when it is open already). */
export async function showProblems(page: Page): Promise<void> {
  if (await read(page, 'problems')) return;
  await runCommand(page, 'View: Focus Problems');
  await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10_000 });
}

/** Shows the Outline view with the folders section collapsed, so the whole outline fits. */
export async function showOutline(page: Page): Promise<void> {
  const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
  await runCommand(page, 'Explorer: Focus on Outline View');
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  await page.waitForSelector('.pane-header[aria-label^="Outline"][aria-expanded="true"]', { timeout: 10_000 });
}

/**
 * Shows an Explorer view by its name (`Cables`) with the folders section collapsed, so the view has
 * the room; waits until the view's body is visible.
 */
export async function showExplorerView(page: Page, name: string): Promise<void> {
  await runCommand(page, `Explorer: Focus on ${name} View`);
  const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  await page.waitForSelector(`.pane-header[aria-label^="${name}"][aria-expanded="true"]`, { timeout: 10_000 });
  await waitFor(page, `the ${name} view shown`, 10_000, 'treeView', (view) => view ?? undefined, { title: name });
}

/** Clicks the row of an Explorer view (`Cables`) whose label starts with `labelStart` (expands a group, runs a leaf's command). */
export async function clickTreeRow(page: Page, viewName: string, labelStart: string): Promise<void> {
  await escapeOverlays(page);
  const pane = page.locator('.pane', { has: page.locator(`.pane-header[aria-label^="${viewName}"]`) });
  const rows = pane.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: labelStart }) });
  await rows.first().click();
}

/** Opens Go to Symbol in Workspace (Ctrl+T) and types `query`; the rows are read with `quickPickRows`. */
export async function searchWorkspaceSymbols(page: Page, query: string): Promise<void> {
  await escapeOverlays(page);
  await page.keyboard.press('Control+T');
  await page.waitForSelector('.quick-input-widget .quick-input-box input:focus', { timeout: 10_000 });
  await page.keyboard.type(query);
}

/** Picks the first row of the open quick pick whose text includes `includes`. */
export async function pickQuickPickRow(page: Page, includes: string, timeoutMs: number): Promise<string> {
  const row = await waitFor(page, `a row with "${includes}" in the quick pick`, timeoutMs, 'quickPickRows', (rows) =>
    rows.find((r) => r.includes(includes)),
  );
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: includes }).first().click();
  return row;
}

/** Saves a screenshot of the whole page as `.e2e/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Closes quick picks, menus and hovers that would swallow the next keystroke. */
async function escapeOverlays(page: Page): Promise<void> {
  if (await page.locator('.quick-input-widget:visible, .action-widget:visible, .context-view:visible').count()) {
    await page.keyboard.press('Escape');
  }
}
