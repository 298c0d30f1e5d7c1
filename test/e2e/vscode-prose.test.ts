/**
 * The prose defaults of the Cable language in a real VS Code (code-server in headless Chromium), against a
 * user whose own settings would rewrite the record: trailing whitespace trimmed, a final newline added, word
 * suggestions on, no word wrap. A plain-text file of the same workspace shows those user settings in force; a
 * real corpus cable whose lines end in spaces, typed in and saved, keeps every other line byte for byte, wraps
 * its long paragraphs and offers no word suggestions. Needs `npm run package` and the tools of
 * `scripts/provision-e2e.sh`; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { cableLanguageLabel } from './support/extensionPackage';
import { pollUntil } from './support/processes';
import { suiteSession } from './support/session';
import { e2eSkipReason, projectRoot } from './support/tools';
import { goToLine, openFile, read, runCommand, screenshot, waitForLanguage } from './support/workbench';
import { asCableWorkspace, type CableWorkspace } from './support/workspace';

const FIRST_ACTIVATION_MS = 90_000;
const UPDATE_MS = 30_000;

/** A partial-extract cable of 54 lines, 50 of them ending in a space, paragraphs of up to 1,558 characters, no final newline. */
const CORPUS_CABLE = resolve(projectRoot, '..', 'shared', 'corpus', '05MUMBAI1931.txt');
const CABLE = '05MUMBAI1931.cable';
/** Where the word is typed: inside ¶1, after its marking, in a word the cable itself uses (`GOVERNMENT`, in the subject). */
const TYPED_LINE_STARTS_WITH = '¶1. (SBU) The ';
const TYPED_PREFIX = 'gover';
const TYPED_REST = 'nment ';

/** The control: plain text whose lines end in spaces and a tab, with no final newline. */
const NOTES = 'notes.txt';
const NOTES_TEXT =
  'The government’s notes, kept with trailing spaces   \nA second line   \nA third line with a tab\t \nThe last line, with no final newline  ';

/**
 * The user's own settings, each the opposite of a Cable default: the cable's language defaults must win over them.
 * `editor.renderWhitespace` shows the trailing spaces, and tells the test that the user settings are in force.
 */
const USER_SETTINGS = {
  'files.trimTrailingWhitespace': true,
  'files.insertFinalNewline': true,
  'files.trimFinalNewlines': true,
  'editor.wordBasedSuggestions': 'matchingDocuments',
  'editor.wordWrap': 'off',
  'editor.renderWhitespace': 'trailing',
};

function createProseWorkspace(): CableWorkspace {
  if (!existsSync(CORPUS_CABLE)) throw new Error(`the corpus cable is missing: ${CORPUS_CABLE} (../shared must sit beside the project)`);
  const folder = mkdtempSync(join(tmpdir(), 'cable-e2e-prose-'));
  copyFileSync(CORPUS_CABLE, join(folder, CABLE));
  writeFileSync(join(folder, NOTES), NOTES_TEXT);
  return asCableWorkspace(folder);
}

describe('the Cable language’s prose defaults in VS Code (code-server)', { skip: e2eSkipReason() }, () => {
  const current = suiteSession({
    workspace: createProseWorkspace,
    started: (session) => session.step('prose-user-settings', () => writeUserSettings(session.page, USER_SETTINGS)),
    startTimeoutMs: 240_000,
  });

  it(
    'the user’s settings are in force for plain text: word suggestions, and trailing spaces trimmed on save',
    { timeout: 120_000 },
    async () => {
      const { page, step, workspace } = current();
      await step('prose-plain-text-control', async () => {
        await openFile(page, NOTES);
        // The editor draws rendered whitespace as SVG dots over the lines: the user's renderWhitespace is in force.
        const whitespace = page.locator('.editor-group-container.active .monaco-editor .view-overlays svg');
        await pollUntil(
          async () => ((await whitespace.count()) > 0 ? true : undefined),
          UPDATE_MS,
          'trailing whitespace shown (the user settings in force)',
        );
        await page.keyboard.press('Control+Home');
        await page.keyboard.type(TYPED_PREFIX);
        const offered = await suggestionsAfterCtrlSpace(page);
        assert.ok(
          offered.some((label) => /^government/i.test(label)),
          `word suggestions for "${TYPED_PREFIX}" in plain text: ${JSON.stringify(offered)}`,
        );
        await page.keyboard.press('Escape');
        await page.keyboard.type(TYPED_REST);
        await page.keyboard.press('Control+S');
        const typed = `${TYPED_PREFIX}${TYPED_REST}${NOTES_TEXT}`;
        const expected = `${typed
          .split('\n')
          .map((line) => line.trimEnd())
          .join('\n')}\n`;
        await waitForFile(workspace, NOTES, expected, 'the plain-text file saved with its trailing whitespace trimmed and a final newline');
      });
    },
  );

  it('Opening a cable with trailing spaces, typing and saving keeps every other line byte for byte', { timeout: 180_000 }, async () => {
    const { page, step, workspace } = current();
    await step('prose-cable-saved-as-is', async () => {
      const original = workspace.read(CABLE);
      const lines = original.split('\n');
      const typedLine = lines.findIndex((line) => line.startsWith(TYPED_LINE_STARTS_WITH));
      assert.ok(typedLine >= 0, `no line of ${CABLE} starts with "${TYPED_LINE_STARTS_WITH}"`);
      assert.ok(lines.filter((line) => / $/.test(line)).length > lines.length / 2, `most lines of ${CABLE} should end in a space`);
      assert.ok(!original.endsWith('\n'), `${CABLE} should have no final newline`);

      await openFile(page, CABLE);
      await waitForLanguage(page, cableLanguageLabel(), FIRST_ACTIVATION_MS);
      await goToLine(page, typedLine + 1, TYPED_LINE_STARTS_WITH.length + 1);
      await page.keyboard.type(TYPED_PREFIX);
      const offered = await suggestionsAfterCtrlSpace(page);
      assert.ok(!offered.some((label) => /govern/i.test(label)), `no word suggestions in a cable, but: ${JSON.stringify(offered)}`);
      await page.keyboard.press('Escape');
      await page.keyboard.type(TYPED_REST);
      await page.keyboard.press('Control+S');

      const expectedLines = [...lines];
      const line = lines[typedLine];
      expectedLines[typedLine] =
        line.slice(0, TYPED_LINE_STARTS_WITH.length) + TYPED_PREFIX + TYPED_REST + line.slice(TYPED_LINE_STARTS_WITH.length);
      await waitForFile(workspace, CABLE, expectedLines.join('\n'), 'the cable saved with only the typed line changed');

      // Word wrap is on: the long paragraph lines continue on rows that carry no line number.
      const rows = await read(page, 'editorLines');
      assert.ok(
        rows.some((row) => row.lineNumber <= 0),
        `no wrapped row among the ${rows.length} rows shown`,
      );
      await screenshot(page, 'prose-defaults');
    });
  });
});

/**
 * Writes `settings` into the user's settings.json as a user does: Preferences: Open User Settings (JSON), the
 * keys typed after the opening brace, saved, closed. VS Code shows the file in a modal editor whose title names
 * it, so the test waits until the file on disk holds the settings.
 */
async function writeUserSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const title = page.locator('.modal-editor-title .monaco-icon-label');
  const text = page.locator('.modal-editor-part .monaco-editor.focused .view-lines');
  const file = await pollUntil(
    async () => {
      const shown = await title.getAttribute('aria-label', { timeout: 1_000 });
      const loaded = /workbench\.startupEditor/.test((await text.textContent({ timeout: 1_000 })) ?? '');
      return shown && /[/\\]User[/\\]settings\.json$/.test(shown) && loaded ? shown : undefined;
    },
    15_000,
    'the user settings.json shown, focused, in a modal editor',
  );
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  // One input event, so that auto-closing quotes and brackets do not double what is typed.
  await page.keyboard.insertText(
    `${Object.entries(settings)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(', ')},`,
  );
  await page.keyboard.press('Control+S');
  await pollUntil(
    async () => {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return Object.entries(settings).every(([key, value]) => JSON.stringify(saved[key]) === JSON.stringify(value)) ? true : undefined;
    },
    UPDATE_MS,
    `the settings saved in ${file}`,
  );
  await page.locator('.modal-editor-part [aria-label^="Close Modal Editor"]').click();
  // A close that races the end of the save asks whether to save; what is on disk is what was typed, so save.
  const save = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Save$/ });
  const modal = page.locator('.modal-editor-part');
  await pollUntil(
    async () => {
      if (await save.isVisible()) await save.click();
      return (await modal.isVisible()) ? undefined : true;
    },
    10_000,
    'the user settings editor closed',
  );
  // VS Code may have tried to write the user settings meanwhile, and say so in a toast that would cover the editor.
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/**
 * Asks for completion with Ctrl+Space at the cursor and returns the labels offered once the widget has settled
 * (rows, or its "No suggestions." message); closes nothing.
 */
async function suggestionsAfterCtrlSpace(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.editor-widget.suggest-widget').filter({ visible: true });
  return pollUntil(
    async () => {
      if ((await widget.count()) === 0) return undefined;
      const rows = widget.locator('.monaco-list-row');
      const labels: string[] = [];
      for (let i = 0; i < (await rows.count()); i++)
        labels.push((await rows.nth(i).getAttribute('aria-label')) ?? (await rows.nth(i).textContent()) ?? '');
      if (labels.length > 0) return labels;
      const message = widget.locator('.message');
      const settled = (await message.isVisible()) && !/loading/i.test((await message.textContent()) ?? '');
      return settled ? labels : undefined;
    },
    UPDATE_MS,
    'the suggest widget after Ctrl+Space',
  );
}

/** Waits until `name` on disk is exactly `expected`; the timeout error shows the lines that differ. */
async function waitForFile(workspace: CableWorkspace, name: string, expected: string, what: string): Promise<void> {
  let last = '';
  try {
    await pollUntil(
      async () => {
        last = workspace.read(name);
        return last === expected ? true : undefined;
      },
      UPDATE_MS,
      what,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${lineDiff(expected, last)}`);
  }
}

/** The lines where `actual` differs from `expected`, with their trailing whitespace made visible. */
function lineDiff(expected: string, actual: string): string {
  const show = (line: string | undefined) =>
    line === undefined ? '(none)' : JSON.stringify(line.length > 120 ? `…${line.slice(-120)}` : line);
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push(`line ${i + 1}: expected ${show(a[i])}, on disk ${show(b[i])}`);
  }
  return out.length ? out.slice(0, 20).join('\n') : '(no line differs)';
}
