/**
 * The extension's browser build, as vscode.dev and github.dev run it: in code-server with
 * `remote.extensionKind` set to `web`, VS Code loads the manifest's `browser` entry (`dist/browser/client.js`)
 * in its Web Worker extension host, and that client starts the server in a Web Worker of its own
 * (`dist/browser/server.js`). The cable must read as it does on the desktop — problems, outline, hover — and
 * no Node server may run. Needs `npm run package` and the tools of `scripts/provision-e2e.sh`; fails without
 * them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import {
  DEFECTIVE_FIXTURE,
  DEFECTIVE_PROBLEMS,
  SAMPLE_AS_CABLE,
  SAMPLE_HOVERS,
  lineStartingWith,
  positionOf,
} from './support/expectations';
import { cableLanguageLabel } from './support/extensionPackage';
import { formatOutline, sampleOutlineProblems, treeFromRows } from './support/outlineCheck';
import { suiteSession } from './support/session';
import { e2eSkipReason, projectRoot } from './support/tools';
import {
  goToLine,
  hoverAndRead,
  openFile,
  showOutline,
  showProblems,
  waitFor,
  waitForLanguage,
  waitForProblems,
} from './support/workbench';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIRST_ACTIVATION_MS = 90_000;
const UPDATE_MS = 30_000;
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

describe('the extension in the web extension host (code-server, remote.extensionKind web)', { skip: e2eSkipReason() }, () => {
  const current = suiteSession({ userSettings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });

  it('lists the defective cable’s two problems, from the server in the browser', { timeout: 150_000 }, async () => {
    const { page, step, workspace } = current();
    await step('web-problems', async () => {
      await openFile(page, DEFECTIVE_FIXTURE);
      await waitForLanguage(page, cableLanguageLabel(), FIRST_ACTIVATION_MS);
      await showProblems(page);
      const text = workspace.read(DEFECTIVE_FIXTURE);
      const lines = Object.values(DEFECTIVE_PROBLEMS).map((expected) => lineStartingWith(text, expected.lineStartsWith) + 1);
      const shown = await waitForProblems(page, 'the defective cable’s two problems', FIRST_ACTIVATION_MS, (all) => {
        const mine = all.filter((problem) => problem.file === DEFECTIVE_FIXTURE);
        return lines.every((line) => mine.some((problem) => problem.line === line)) ? mine : undefined;
      });
      assert.equal(shown.length, 2, JSON.stringify(shown));
    });
  });

  it('runs no Node server: the client and server are the browser builds', async () => {
    const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    const nodeServers = processes.split('\n').filter((line) => line.includes(`${EXTENSION_ID}-`) && line.includes('dist/server.js'));
    assert.deepEqual(nodeServers, []);
  });

  it('shows the reference cable’s headings and paragraphs in the Outline', { timeout: 60_000 }, async () => {
    const { page, step } = current();
    await step('web-outline', async () => {
      await openFile(page, SAMPLE_AS_CABLE);
      await showOutline(page);
      let last = '';
      await waitFor(page, 'the reference cable’s outline', UPDATE_MS, 'outline', (shown) => {
        if (!shown?.complete) return undefined;
        const tree = treeFromRows(shown.rows);
        last = formatOutline(tree);
        return sampleOutlineProblems(tree).length === 0 ? true : undefined;
      }).catch((error: Error) => {
        throw new Error(`${error.message.split('; last seen')[0]}\nOutline shown:\n${last}`);
      });
    });
  });

  it(`hovering ${SAMPLE_HOVERS[0]!.word} shows its meaning`, { timeout: 60_000 }, async () => {
    const { page, step, workspace } = current();
    const hover = SAMPLE_HOVERS[0]!;
    await step('web-hover', async () => {
      await openFile(page, SAMPLE_AS_CABLE);
      const { line } = positionOf(workspace.read(SAMPLE_AS_CABLE), hover.lineIncludes, hover.word);
      await goToLine(page, line + 1);
      assert.match(await hoverAndRead(page, hover.lineIncludes, hover.word, hover.meaning, UPDATE_MS), hover.meaning);
    });
  });
});
