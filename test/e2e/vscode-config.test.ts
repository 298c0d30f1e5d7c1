/**
 * `.cable-lint.json` in a real VS Code (code-server in headless Chromium) with the packaged extension: the
 * file opens as JSON with Comments, the contributed schema puts a wrong level in the Problems panel, and the
 * "Turn off … in .cable-lint.json" code action on a cable's problem writes the file (keeping its comment),
 * after which both the cable's problem and the JSON problem are gone. Needs `npm run package` and the tools
 * of `scripts/provision-e2e.sh`; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFECTIVE_FIXTURE, DEFECTIVE_PROBLEMS, ERROR_FREE_FIXTURE, lineStartingWith } from './support/expectations';
import { cableLanguageLabel } from './support/extensionPackage';
import { pollUntil } from './support/processes';
import { suiteSession } from './support/session';
import { e2eSkipReason, fixturesDir } from './support/tools';
import {
  applyQuickFix,
  goToLine,
  openFile,
  screenshot,
  showProblems,
  waitForLanguage,
  waitForProblems,
  type ShownProblem,
} from './support/workbench';
import { asCableWorkspace, type CableWorkspace } from './support/workspace';

const FIRST_ACTIVATION_MS = 90_000;
const UPDATE_MS = 30_000;

const CONFIG = '.cable-lint.json';
/** A comment to keep, and a level that is none (`loud`) for the rule the defective fixture breaks on its ¶2. */
const COMMENT = '// Problems of the transcriptions to keep quiet.';
const CONFIG_TEXT = `{\n  ${COMMENT}\n  "root": true,\n  "rules": {\n    "missing-portion-marking": "loud"\n  }\n}\n`;
const WRONG_LEVEL_LINE = 5;

function createConfigWorkspace(): CableWorkspace {
  const folder = mkdtempSync(join(tmpdir(), 'cable-e2e-config-'));
  for (const fixture of [DEFECTIVE_FIXTURE, ERROR_FREE_FIXTURE]) copyFileSync(join(fixturesDir, fixture), join(folder, fixture));
  writeFileSync(join(folder, CONFIG), CONFIG_TEXT);
  return asCableWorkspace(folder);
}

describe('.cable-lint.json in VS Code (code-server)', { skip: e2eSkipReason() }, () => {
  const current = suiteSession({ workspace: createConfigWorkspace });

  it('checks .cable-lint.json against its schema: a wrong level is in the Problems panel', { timeout: 150_000 }, async () => {
    const { page, step } = current();
    await step('config-schema', async () => {
      // The server starts with the first cable; the JSON file is checked by VS Code's own JSON support.
      await openFile(page, DEFECTIVE_FIXTURE);
      await waitForLanguage(page, cableLanguageLabel(), FIRST_ACTIVATION_MS);
      await openFile(page, CONFIG);
      await waitForLanguage(page, 'JSON with Comments', UPDATE_MS);
      await showProblems(page);
      const problem = await waitForProblems(page, `the wrong level on line ${WRONG_LEVEL_LINE} of ${CONFIG}`, UPDATE_MS, (all) =>
        all.find((p) => p.file === CONFIG && p.line === WRONG_LEVEL_LINE),
      );
      assert.match(problem.message, /"off"/, `the JSON problem names the levels: ${problem.message}`);
      assert.equal(problem.severity, 'warning');
      await screenshot(page, 'cable-lint-json-problem');
    });
  });

  it('"Turn off … in .cable-lint.json" writes the file, and the problem is gone', { timeout: 120_000 }, async () => {
    const { page, step, workspace } = current();
    await step('config-turn-off', async () => {
      const text = workspace.read(DEFECTIVE_FIXTURE);
      const markingLine = lineStartingWith(text, DEFECTIVE_PROBLEMS.missingMarking.lineStartsWith) + 1;
      const securityLine = lineStartingWith(text, DEFECTIVE_PROBLEMS.securityLine.lineStartsWith) + 1;
      await openFile(page, DEFECTIVE_FIXTURE);
      await showProblems(page);
      const mine = (all: ShownProblem[]) => all.filter((p) => p.file === DEFECTIVE_FIXTURE);
      const { marking, security } = await waitForProblems(page, 'the defective cable’s two problems', UPDATE_MS, (all) => {
        const marking = mine(all).find((p) => p.line === markingLine);
        const security = mine(all).find((p) => p.line === securityLine);
        return marking && security ? { marking, security } : undefined;
      });
      await goToLine(page, marking.line, marking.column);
      const title = await applyQuickFix(page, `Turn off ${marking.code} in .cable-lint.json`);
      assert.match(title, new RegExp(`^Turn off ${marking.code} in \\.cable-lint\\.json`));

      const written = await pollUntil(
        async () => {
          const now = readFileSync(workspace.path(CONFIG), 'utf8');
          return now !== CONFIG_TEXT ? now : undefined;
        },
        UPDATE_MS,
        `${CONFIG} written`,
      );
      assert.equal(written, CONFIG_TEXT.replace('"loud"', '"off"'), 'only the level changed; the comment is kept');

      await waitForProblems(
        page,
        `${marking.code} gone, the security line's problem kept, and ${CONFIG} without a problem`,
        UPDATE_MS,
        (all) =>
          !mine(all).some((p) => p.code === marking.code) &&
          mine(all).some((p) => p.code === security.code) &&
          !all.some((p) => p.file === CONFIG)
            ? true
            : undefined,
      );
      await screenshot(page, 'cable-lint-json-turned-off');
    });
  });
});
