/**
 * The Cable Preview in a real VS Code (code-server in headless Chromium), as a reader uses it: "Cable: Open
 * Preview to the Side" on the reference cable shows the header card (subject, date, classification band, TAGS
 * with their meanings) and ¶1 reflowed; an edit of the source shows in the preview; the preview scrolls with the
 * editor and the editor with the preview; a cited cable that the workspace holds opens from its link. The
 * webview is an iframe inside an iframe: it is found among the page's frames by its content. Needs
 * `npm run package` and the tools of `scripts/provision-e2e.sh`; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { SAMPLE_AS_CABLE, lineStartingWith } from './support/expectations';
import { cableLanguageLabel } from './support/extensionPackage';
import { pollUntil } from './support/processes';
import { suiteSession } from './support/session';
import { e2eSkipReason, projectRoot } from './support/tools';
import { goToLine, openFile, read, runCommand, screenshot, waitFor, waitForLanguage } from './support/workbench';
import { createCableWorkspace, type CableWorkspace } from './support/workspace';

const FIRST_ACTIVATION_MS = 90_000;
const UPDATE_MS = 30_000;
const CITING_CABLE = 'cites-08MEXICO3456.txt';
const CITED_CABLE = '08MEXICO3456.txt';

/** The usual workspace, and a cable that cites another one in it (for the links of the References). */
function workspaceWithCitation(): CableWorkspace {
  const workspace = createCableWorkspace();
  for (const name of [CITING_CABLE, CITED_CABLE])
    copyFileSync(join(projectRoot, 'test', 'fixtures', 'workspace', name), workspace.path(name));
  return workspace;
}

/** What the preview shows, read inside its frame. */
interface ShownPreview {
  subject: string | null;
  date: string | null;
  band: { text: string; className: string; background: string } | null;
  tags: Array<{ code: string; meaning: string }>;
  firstParagraph: { number: string; marking: string; text: string } | null;
  /** The source line of the element at the top of the view, and how far the view is scrolled. */
  topLine: number | null;
  scrollY: number;
  links: string[];
}

/**
 * Reads `ShownPreview` inside the preview's frame. Plain JavaScript in a string, run by the page (the tests are
 * compiled without the DOM's types, as `support/inPage.js` is kept apart for the same reason).
 */
const READ_PREVIEW = `(() => {
  const text = (element) => (element?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const root = document.getElementById('cable-preview');
  const band = root?.querySelector('.card .band');
  const para = root?.querySelector('.para');
  let topLine = null;
  for (const element of root?.querySelectorAll('[data-line]') ?? []) {
    const rect = element.getBoundingClientRect();
    if (rect.height > 0 && rect.bottom > 0) {
      topLine = Number(element.getAttribute('data-line'));
      if (rect.top >= -1) break;
    }
  }
  return {
    subject: root?.querySelector('.card .subject') ? text(root.querySelector('.card .subject')) : null,
    date: root?.querySelector('.card .date') ? text(root.querySelector('.card .date')) : null,
    band: band ? { text: text(band), className: band.className, background: getComputedStyle(band).backgroundColor } : null,
    tags: [...(root?.querySelectorAll('.card .tag') ?? [])].map((tag) => ({ code: text(tag.querySelector('.tag-code')), meaning: text(tag.querySelector('.tag-meaning')) })),
    firstParagraph: para ? { number: text(para.querySelector('.para-number')), marking: text(para.querySelector('.marking')), text: text(para.querySelector('.para-text')) } : null,
    topLine,
    scrollY: window.scrollY,
    links: [...(root?.querySelectorAll('a.cite') ?? [])].map((a) => text(a)),
  };
})()`;

const IS_PREVIEW = `document.querySelector('#cable-preview .card') !== null`;

/** Scrolls the preview so that the paragraph starting on source line `line` is at the top. */
const scrollPreviewTo = (line: number) => `(() => {
  const element = document.querySelector('.para[data-line="${Math.trunc(line)}"]');
  if (element) window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top);
  return element !== null;
})()`;

function readPreview(frame: Frame): Promise<ShownPreview> {
  return frame.evaluate(READ_PREVIEW) as Promise<ShownPreview>;
}

/** The frame of a Cable Preview whose content `accept` takes. */
function previewFrame(page: Page, what: string, accept: (shown: ShownPreview) => boolean): Promise<Frame> {
  let last: ShownPreview | undefined;
  return pollUntil(
    async () => {
      for (const frame of page.frames()) {
        const isPreview = await (frame.evaluate(IS_PREVIEW) as Promise<boolean>).catch(() => false);
        if (!isPreview) continue;
        last = await readPreview(frame);
        if (accept(last)) return frame;
      }
      return undefined;
    },
    UPDATE_MS,
    what,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last seen: ${JSON.stringify(last)}`);
  });
}

/** Waits until what the preview in `frame` shows passes `accept`. */
async function waitForPreview<T>(frame: Frame, what: string, accept: (shown: ShownPreview) => T | undefined): Promise<T> {
  let last: ShownPreview | undefined;
  return pollUntil(
    async () => {
      last = await readPreview(frame);
      return accept(last);
    },
    UPDATE_MS,
    what,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last seen: ${JSON.stringify(last)}`);
  });
}

/** Quick Open's first search of the workspace can be slow on a busy machine: try again rather than fail. */
async function openFileSoon(page: Page, name: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openFile(page, name);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The first and last line numbers the active editor renders. */
async function editorLineSpan(page: Page): Promise<{ first: number; last: number } | undefined> {
  const numbers = (await read(page, 'editorLines')).map((l) => l.lineNumber).filter((n) => n > 0);
  return numbers.length ? { first: Math.min(...numbers), last: Math.max(...numbers) } : undefined;
}

describe('the Cable Preview in VS Code (code-server)', { skip: e2eSkipReason() }, () => {
  let frame: Frame | undefined;
  const current = suiteSession({ workspace: workspaceWithCitation });
  const preview = (): Frame => {
    if (!frame) throw new Error('the preview did not open (see the first test)');
    return frame;
  };

  it('opens beside the reference cable with its header card and ¶1 reflowed', { timeout: 150_000 }, async () => {
    const { page, step } = current();
    await step('preview-open', async () => {
      await openFileSoon(page, SAMPLE_AS_CABLE);
      await waitForLanguage(page, cableLanguageLabel(), FIRST_ACTIVATION_MS);
      const button = page.locator('.editor-actions .action-label[aria-label^="Open Preview to the Side"]');
      await button.first().waitFor({ state: 'visible', timeout: 10_000 });
      await runCommand(page, 'Cable: Open Preview to the Side');
      frame = await previewFrame(
        page,
        'the preview of the reference cable',
        (shown) => (shown.subject ?? '').includes('U.S.-MEXICAN RELATIONSHIP') && shown.firstParagraph !== null,
      );
      const shown = await waitForPreview(preview(), 'the header card and ¶1', (s) => (s.subject && s.firstParagraph ? s : undefined));
      assert.equal(shown.subject, 'THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN 2009--SECURITY AND REFORM');
      assert.equal(shown.date, 'Wednesday, 4 February 2009, 17:08 UTC');
      assert.ok(shown.band, 'the classification band');
      assert.match(shown.band.text, /^CONFIDENTIAL/);
      assert.match(shown.band.className, /\blevel-C\b/);
      assert.notEqual(shown.band.background, 'rgba(0, 0, 0, 0)', 'the band is coloured (the stylesheet loaded under the CSP)');
      assert.deepEqual(
        shown.tags.map((t) => t.code),
        ['PGOV', 'PREL', 'KCRM', 'SNAR', 'KJUS', 'PINR', 'MX'],
      );
      assert.match(shown.tags[0].meaning, /Internal Governmental Affairs/);
      assert.equal(shown.tags[6].meaning, 'Mexico');
      assert.ok(shown.firstParagraph);
      assert.equal(shown.firstParagraph.number, '¶1.');
      assert.equal(shown.firstParagraph.marking, '(C)');
      // `responsible for` ends a line of the source and `60-80 percent` starts the next: one sentence here.
      assert.match(
        shown.firstParagraph.text,
        /^Summary\. Mexico's drug cartels are responsible for 60-80 percent of the cocaine and a significant percentage of other drugs/,
      );
      assert.match(shown.firstParagraph.text, /End Summary\.$/);
      await screenshot(page, 'preview');
    });
  });

  it('follows an edit of the source', { timeout: 90_000 }, async () => {
    const { page, step, workspace } = current();
    await step('preview-edit', async () => {
      const line = lineStartingWith(workspace.read(SAMPLE_AS_CABLE), 'SUBJECT: ') + 1;
      await goToLine(page, line, 'SUBJECT: '.length + 1);
      await page.keyboard.type('EDITED ');
      await waitForPreview(preview(), 'the edited subject in the preview', (s) =>
        s.subject?.startsWith('EDITED THE U.S.-MEXICAN RELATIONSHIP') ? true : undefined,
      );
      for (let i = 0; i < 'EDITED '.length; i++) await page.keyboard.press('Backspace');
      await waitForPreview(preview(), 'the subject back after deleting the edit', (s) =>
        s.subject?.startsWith('THE U.S.-MEXICAN') ? true : undefined,
      );
    });
  });

  it('scrolls with the editor, and the editor with it', { timeout: 90_000 }, async () => {
    const { page, step, workspace } = current();
    await step('preview-scroll', async () => {
      const text = workspace.read(SAMPLE_AS_CABLE);
      const p12 = lineStartingWith(text, '¶12.');
      await goToLine(page, text.split('\n').length);
      await waitForPreview(preview(), 'the preview near the end of the cable', (s) =>
        s.scrollY > 0 && s.topLine !== null && s.topLine >= p12 - 40 ? true : undefined,
      );
      // The reader scrolls the preview back to ¶3: the editor follows.
      const p3 = lineStartingWith(text, '¶3.');
      assert.ok(await preview().evaluate(scrollPreviewTo(p3)), `the preview has ¶3 (line ${p3 + 1})`);
      await pollUntil(
        async () => {
          const span = await editorLineSpan(page);
          return span && span.first <= p3 + 1 && p3 + 1 <= span.last ? true : undefined;
        },
        UPDATE_MS,
        `the editor showing line ${p3 + 1} (¶3)`,
      );
    });
  });

  it('opens a cited cable that the workspace holds from its link', { timeout: 120_000 }, async () => {
    const { page, step } = current();
    await step('preview-citation', async () => {
      await openFileSoon(page, CITING_CABLE);
      await waitForLanguage(page, cableLanguageLabel(), UPDATE_MS);
      await runCommand(page, 'Cable: Open Preview to the Side');
      const citing = await previewFrame(page, 'the preview of the citing cable, with its link', (shown) =>
        shown.links.includes('08 MEXICO 3456'),
      );
      await citing.locator('a.cite', { hasText: '08 MEXICO 3456' }).click();
      await waitFor(page, `${CITED_CABLE} opened from the link`, UPDATE_MS, 'activeTabFile', (file) =>
        file === CITED_CABLE ? true : undefined,
      );
    });
  });
});
