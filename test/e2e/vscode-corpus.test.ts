/**
 * The packaged extension in a real VS Code (code-server in headless Chromium) on a folder of 30 real
 * cables saved as `.txt` in three sub-folders, opened with no file open, as a researcher opens a
 * download: the server starts by itself, the status bar counts the cables, Ctrl+T finds one by ref id,
 * the Cables view lists them by year and by TAG and opens one, and Check All fills the Problems panel
 * with the problems of a cable that was never opened. Needs `npm run package` and the tools of
 * `scripts/provision-e2e.sh`; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import {
  CHECK_ALL_CABLE,
  SYMBOL_CABLE,
  TREE_CABLE,
  createCorpusWorkspace,
  readCorpusCables,
  type CorpusCable,
} from './support/corpusWorkspace';
import { suiteSession, type Session } from './support/session';
import { e2eSkipReason } from './support/tools';
import {
  clickTreeRow,
  pickQuickPickRow,
  read,
  runCommand,
  screenshot,
  searchWorkspaceSymbols,
  showExplorerView,
  showProblems,
  waitFor,
  waitForProblems,
  type ShownTreeRow,
  type ShownTreeView,
} from './support/workbench';

/** The extension host starts, the server starts and indexes the folder: give it time. */
const FIRST_ACTIVATION_MS = 90_000;
const UPDATE_MS = 30_000;
const VIEW = 'Cables';

describe('the packaged extension in VS Code on a folder of .txt cables (code-server)', { skip: e2eSkipReason() }, () => {
  let cables: CorpusCable[] = [];
  const current = suiteSession({
    workspace: createCorpusWorkspace,
    started: (session) => (cables = readCorpusCables(session.workspace.folder)),
  });

  it('starts with no file open and counts the folder’s cables in the status bar', { timeout: 150_000 }, async () => {
    const { page, step } = current();
    await step('corpus-status-bar', async () => {
      assert.equal(await read(page, 'activeTabFile'), null, 'no editor is open');
      const expected = `Cables: ${cables.length.toLocaleString('en-US')} indexed`;
      await waitFor(
        page,
        `"${expected}" in the status bar`,
        FIRST_ACTIVATION_MS,
        'statusBarItem',
        (text) => (text === expected ? true : undefined),
        { includes: 'Cables:' },
      );
      await screenshot(page, 'status-bar');
    });
  });

  it('Ctrl+T finds a cable of the folder by its ref id and opens it', { timeout: 90_000 }, async () => {
    const { page, step } = current();
    await step('corpus-workspace-symbol', async () => {
      await searchWorkspaceSymbols(page, SYMBOL_CABLE);
      await pickQuickPickRow(page, SYMBOL_CABLE, UPDATE_MS);
      await waitFor(page, `${SYMBOL_CABLE}.txt as the active editor`, UPDATE_MS, 'activeTabFile', (file) =>
        file === `${SYMBOL_CABLE}.txt` ? true : undefined,
      );
    });
  });

  it('the Cables view lists the folder’s cables by year, with their counts, and months under a year', { timeout: 90_000 }, async () => {
    const { page, step } = current();
    await step('corpus-view-by-year', async () => {
      await showExplorerView(page, VIEW);
      const byYear = countBy(cables, (cable) => [cable.year]);
      await waitForView(page, 'one row per year with its count', (view) => {
        const top = view.rows.filter((row) => row.level === 1);
        return view.complete && sameCounts(top, byYear, (row) => row.label) ? true : undefined;
      });
      const year = TREE_CABLE.year;
      const months = countBy(
        cables.filter((cable) => cable.year === year),
        (cable) => [cable.month],
      );
      await clickTreeRow(page, VIEW, year);
      await waitForView(page, `${year} expanded into its ${months.size} months`, (view) => {
        const children = childrenOf(view.rows, (row) => row.level === 1 && row.label === year);
        const total = children.reduce((sum, row) => sum + Number(row.description.replace(/,/g, '')), 0);
        return children.length === months.size && total === cables.filter((cable) => cable.year === year).length ? true : undefined;
      });
      await screenshot(page, 'cables-view');
    });
  });

  it('grouped by TAG, the Cables view counts each TAG’s cables, and a click on a cable opens it', { timeout: 120_000 }, async () => {
    const { page, step } = current();
    await step('corpus-view-by-tag', async () => {
      await runCommand(page, 'Cable: Group Cables By');
      await pickQuickPickRow(page, 'Group by TAG', 10_000);
      const byTag = countBy(cables, (cable) => cable.tags);
      // Dozens of TAGs: every row shown must be a TAG of the folder with its count (the list may scroll).
      await waitForView(page, 'TAG rows with their counts', (view) => {
        const top = view.rows.filter((row) => row.level === 1);
        return top.length > 0 && top.every((row) => byTag.get(tagOf(row)) === countOf(row)) ? true : undefined;
      });

      // The filter narrows the view to one cable, so its TAGs are all there is to see.
      const target = cables.find((cable) => cable.refId === TREE_CABLE.refId);
      assert.ok(target, `${TREE_CABLE.refId} is in the workspace`);
      assert.ok(target.tags.includes(TREE_CABLE.tag), `${TREE_CABLE.refId} is tagged ${TREE_CABLE.tag}`);
      await runCommand(page, 'Cable: Filter Cables');
      await page.waitForSelector('.quick-input-widget .quick-input-title:has-text("Filter the Cables View")', { timeout: 10_000 });
      await page.waitForSelector('.quick-input-widget .quick-input-box input:focus', { timeout: 10_000 });
      await page.keyboard.type(TREE_CABLE.refId);
      await page.keyboard.press('Enter');
      await waitForView(page, `only the TAGs of ${TREE_CABLE.refId}`, (view) => {
        const top = view.rows.filter((row) => row.level === 1);
        return sameCounts(
          top,
          countBy([target], (cable) => cable.tags),
          tagOf,
        )
          ? true
          : undefined;
      });
      await clickTreeRow(page, VIEW, TREE_CABLE.tag);
      await waitForView(page, `${TREE_CABLE.tag} › ${TREE_CABLE.year}`, (view) =>
        view.rows.some((row) => row.level === 2 && row.label === TREE_CABLE.year) ? true : undefined,
      );
      await clickTreeRow(page, VIEW, TREE_CABLE.year);
      const leaf = await waitForView(page, `${TREE_CABLE.refId} under ${TREE_CABLE.year}`, (view) =>
        view.rows.find((row) => row.level === 3 && row.label.startsWith(`${TREE_CABLE.refId} — `)),
      );
      assert.match(leaf.description, new RegExp(`^${TREE_CABLE.year}-\\d{2}-\\d{2} · `), 'the date and classification beside the cable');
      await screenshot(page, 'cables-view-by-tag');
      await clickTreeRow(page, VIEW, TREE_CABLE.refId);
      await waitFor(page, `${TREE_CABLE.refId}.txt opened from the view`, UPDATE_MS, 'activeTabFile', (file) =>
        file === `${TREE_CABLE.refId}.txt` ? true : undefined,
      );

      await runCommand(page, 'Cable: Clear Filter');
      await waitForView(page, 'every TAG again once the filter is cleared', (view) =>
        view.rows.filter((row) => row.level === 1).length > target.tags.length ? true : undefined,
      );
    });
  });

  it('Check All Cables fills the Problems panel with the problems of a cable that is not open', { timeout: 150_000 }, async () => {
    const { page, step } = current();
    await step('corpus-check-all', async () => {
      const target = cables.find((cable) => cable.refId === CHECK_ALL_CABLE);
      assert.ok(target && target.problems.length > 0, `${CHECK_ALL_CABLE} has problems for cable-lint`);
      const file = basename(target.file);
      const expected = target.problems.map((problem) => `${problem.line}:${problem.code}`).sort();
      await showProblems(page);
      const before = await read(page, 'problems');
      assert.deepEqual(
        before?.problems.filter((problem) => problem.file === file) ?? [],
        [],
        `${file} is not open, so no problems of it yet`,
      );

      await runCommand(page, 'Cable: Check All Cables in the Workspace');
      // Open files keep their own diagnostics, so the count is of the others.
      const message = /^Checked [\d,]+ cables?: [\d,]+ problems? in [\d,]+ files?\./;
      await waitFor(page, 'the message saying what Check All found', 120_000, 'notifications', (shown) =>
        shown.find((text) => message.test(text)),
      );
      await showProblems(page);
      await waitForProblems(page, `the problems of ${file} in the Problems panel`, UPDATE_MS, (all) => {
        const shown = all
          .filter((problem) => problem.file === file)
          .map((problem) => `${problem.line}:${problem.code}`)
          .sort();
        return JSON.stringify(shown) === JSON.stringify(expected) ? true : undefined;
      });
      await screenshot(page, 'check-all');
    });
  });
});

/** Waits until the Cables view shows what `accept` takes. */
function waitForView<T>(page: Session['page'], what: string, accept: (view: ShownTreeView) => T | undefined): Promise<T> {
  return waitFor(page, what, UPDATE_MS, 'treeView', (view) => (view ? accept(view) : undefined), { title: VIEW });
}

/** How many cables fall under each key (a cable with several TAGs counts under each). */
function countBy(cables: CorpusCable[], keys: (cable: CorpusCable) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cable of cables) for (const key of keys(cable)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The rows are exactly the keys of `expected`, each with its count as description. */
function sameCounts(rows: ShownTreeRow[], expected: Map<string, number>, keyOf: (row: ShownTreeRow) => string): boolean {
  return rows.length === expected.size && rows.every((row) => expected.get(keyOf(row)) === countOf(row));
}

/** The rows right under the first row `isParent` takes. */
function childrenOf(rows: ShownTreeRow[], isParent: (row: ShownTreeRow) => boolean): ShownTreeRow[] {
  const start = rows.findIndex(isParent);
  if (start < 0) return [];
  const level = rows[start]!.level;
  const children: ShownTreeRow[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.level <= level) break;
    if (row.level === level + 1) children.push(row);
  }
  return children;
}

/** `PREL — External Political Relations` → `PREL`. */
function tagOf(row: ShownTreeRow): string {
  return row.label.split(/\s/)[0]!.toUpperCase();
}

function countOf(row: ShownTreeRow): number {
  return Number(row.description.replace(/,/g, ''));
}
