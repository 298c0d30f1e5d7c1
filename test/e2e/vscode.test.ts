/**
 * The packaged extension in a real VS Code (code-server in headless Chromium), checked as a user
 * sees it: status bar language, token colours, Problems panel, Outline, hovers, a quick fix and a
 * rule setting. Needs `npm run package` (the .vsix is packaged here only when missing) and the tools
 * of `scripts/provision-e2e.sh`; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFECTIVE_FIXTURE,
  DEFECTIVE_PROBLEMS,
  DIAGNOSTIC_CODE,
  DIAGNOSTIC_SOURCE,
  ERROR_FREE_FIXTURE,
  NOT_A_CABLE_FIXTURE,
  QUICK_FIX,
  SAMPLE_AS_CABLE,
  SAMPLE_AS_TEXT,
  SAMPLE_HOVERS,
  lineStartingWith,
  positionOf,
  type ExpectedProblem,
} from './support/expectations';
import { cableLanguageLabel } from './support/extensionPackage';
import { formatOutline, sampleOutlineProblems, treeFromRows } from './support/outlineCheck';
import { suiteSession, type Session } from './support/session';
import { e2eSkipReason, projectRoot } from './support/tools';
import {
  applyQuickFix,
  goToLine,
  hoverAndRead,
  openFile,
  read,
  screenshot,
  showOutline,
  showProblems,
  waitFor,
  waitForLanguage,
  waitForProblems,
  type ShownProblem,
} from './support/workbench';
import { BASE_WORKSPACE_SETTINGS, createCableWorkspace } from './support/workspace';

/** The first activation starts the extension host and the language server: give it time. */
const FIRST_ACTIVATION_MS = 90_000;
const UPDATE_MS = 30_000;
/** A cable that starts with a key-value record (`id: 81871`, `date: …`): the client took it for plain text until it used the server's detector. */
const RECORD_PROBE = 'key-value-record.txt';

describe('the packaged extension in VS Code (code-server)', { skip: e2eSkipReason() }, () => {
  const current = suiteSession({
    workspace: () => {
      const workspace = createCableWorkspace();
      copyFileSync(join(projectRoot, 'test', 'fixtures', 'detection', 'cables', RECORD_PROBE), workspace.path(RECORD_PROBE));
      return workspace;
    },
  });

  it('opens a .cable file in the Cable language with coloured tokens', { timeout: 150_000 }, async () => {
    const { page, step } = current();
    await step('cable-language', async () => {
      await openFile(page, SAMPLE_AS_CABLE);
      await waitForLanguage(page, cableLanguageLabel(), FIRST_ACTIVATION_MS);
      // Without the grammar this cable shows at most two colours (text, and VS Code's own decorations).
      const colours = await waitFor(page, 'at least three token colours', UPDATE_MS, 'tokenColours', (c) =>
        c.length >= 3 ? c : undefined,
      );
      assert.ok(colours.length >= 3, `token colours: ${colours.join(', ')}`);
      await screenshot(page, 'editor');
    });
  });

  it('switches a .txt file that holds a cable to Cable, and leaves other text files alone', { timeout: 120_000 }, async () => {
    const { page, step } = current();
    await step('txt-detection', async () => {
      await openFile(page, NOT_A_CABLE_FIXTURE);
      await waitForLanguage(page, 'Plain Text', UPDATE_MS);
      await openFile(page, SAMPLE_AS_TEXT);
      await waitForLanguage(page, cableLanguageLabel(), FIRST_ACTIVATION_MS);
      // Back to the other text file, opened before the cable was detected: it must still be plain text.
      await openFile(page, NOT_A_CABLE_FIXTURE);
      assert.equal(await read(page, 'statusLanguage'), 'Plain Text');
      assert.equal((await read(page, 'tokenColours')).length, 1, 'plain text is drawn in one colour');
      // From plain text to a cable that opens with a record: the client decides by the detector cable-lint
      // and the server use (shared/cableDetection.ts).
      await openFile(page, RECORD_PROBE);
      await waitForLanguage(page, cableLanguageLabel(), UPDATE_MS);
    });
  });

  it(
    'lists the defective cable’s two problems in the Problems panel, and none for the error-free cable',
    { timeout: 120_000 },
    async () => {
      const { page, step } = current();
      await step('problems', async () => {
        const { marking, security, all } = await defectiveProblems(current());
        for (const [problem, expected] of [
          [marking, DEFECTIVE_PROBLEMS.missingMarking],
          [security, DEFECTIVE_PROBLEMS.securityLine],
        ] as const) {
          assert.match(problem.message, expected.message, `message of the ${expected.about} problem`);
          assert.match(problem.code, DIAGNOSTIC_CODE, `code of the ${expected.about} problem`);
          assert.equal(problem.source, DIAGNOSTIC_SOURCE, `source of the ${expected.about} problem`);
        }
        assert.notEqual(marking.code, security.code, 'the two defects are reported by different rules');
        const inDefective = all.filter((problem) => problem.file === DEFECTIVE_FIXTURE);
        assert.equal(inDefective.length, 2, `exactly the two defects are reported:\n${formatProblems(inDefective)}`);
        assert.deepEqual(
          all.filter((problem) => problem.file === ERROR_FREE_FIXTURE),
          [],
          'the error-free cable has no problems',
        );
        await screenshot(page, 'problems');
      });
    },
  );

  it('shows the reference cable’s headings and paragraphs in the Outline', { timeout: 60_000 }, async () => {
    const { page, step } = current();
    await step('outline', async () => {
      await openFile(page, SAMPLE_AS_CABLE);
      await showOutline(page);
      let lastProblems: string[] = [];
      let lastOutline = '';
      await waitFor(page, 'the reference cable’s outline', UPDATE_MS, 'outline', (shown) => {
        if (!shown) return undefined;
        if (!shown.complete) throw new Error('the Outline is longer than its view shows');
        const tree = treeFromRows(shown.rows);
        lastProblems = sampleOutlineProblems(tree);
        lastOutline = formatOutline(tree);
        return lastProblems.length === 0 ? true : undefined;
      }).catch((error: Error) => {
        throw new Error(`${error.message.split('; last seen')[0]}\n${lastProblems.join('\n')}\nOutline shown:\n${lastOutline}`);
      });
      await screenshot(page, 'outline');
    });
  });

  for (const hover of SAMPLE_HOVERS) {
    it(`hovering ${hover.word} in the reference cable shows its meaning`, { timeout: 60_000 }, async () => {
      const { page, step, workspace } = current();
      await step(`hover-${hover.word}`, async () => {
        await openFile(page, SAMPLE_AS_CABLE);
        const { line } = positionOf(workspace.read(SAMPLE_AS_CABLE), hover.lineIncludes, hover.word);
        await goToLine(page, line + 1);
        const text = await hoverAndRead(page, hover.lineIncludes, hover.word, hover.meaning, UPDATE_MS);
        assert.match(text, hover.meaning);
        await screenshot(page, hover === SAMPLE_HOVERS[0] ? 'hover' : `hover-${hover.word}`);
      });
    });
  }

  it('a rule set off, then to another severity, in the workspace settings changes the Problems panel', { timeout: 150_000 }, async () => {
    const { page, step, workspace } = current();
    await step('rule-settings', async () => {
      const initial = await defectiveProblems(current());
      const rule = initial.marking.code;
      const otherSeverity = initial.marking.severity === 'error' ? 'warning' : 'error';
      try {
        workspace.writeSettings({ ...BASE_WORKSPACE_SETTINGS, 'cable.rules': { [rule]: 'off' } });
        await waitForProblems(page, `${rule} off: its problem gone, the security line's kept`, UPDATE_MS, (all) => {
          const mine = all.filter((problem) => problem.file === DEFECTIVE_FIXTURE);
          return !mine.some((p) => p.code === rule) && mine.some((p) => p.code === initial.security.code) ? true : undefined;
        });
        workspace.writeSettings({ ...BASE_WORKSPACE_SETTINGS, 'cable.rules': { [rule]: otherSeverity } });
        await waitForProblems(page, `${rule} at ${otherSeverity}`, UPDATE_MS, (all) =>
          all.some((p) => p.file === DEFECTIVE_FIXTURE && p.code === rule && p.severity === otherSeverity) ? true : undefined,
        );
      } finally {
        workspace.writeSettings(BASE_WORKSPACE_SETTINGS);
      }
      await waitForProblems(page, `${rule} back at ${initial.marking.severity}`, UPDATE_MS, (all) =>
        all.some((p) => p.file === DEFECTIVE_FIXTURE && p.code === rule && p.severity === initial.marking.severity) ? true : undefined,
      );
    });
  });

  it('a quick fix inserts the missing portion marking', { timeout: 90_000 }, async () => {
    const { page, step } = current();
    await step('quick-fix', async () => {
      const { marking, security } = await defectiveProblems(current());
      await openFile(page, DEFECTIVE_FIXTURE);
      await goToLine(page, marking.line, marking.column);
      await applyQuickFix(page, QUICK_FIX.titleIncludes);
      await waitFor(page, `line ${marking.line} fixed`, UPDATE_MS, 'editorLines', (lines) =>
        lines.find((l) => l.lineNumber === marking.line)?.text.startsWith(QUICK_FIX.fixedLineStartsWith) ? true : undefined,
      );
      await waitForProblems(page, 'the marking problem gone after the fix', UPDATE_MS, (all) => {
        const mine = all.filter((p) => p.file === DEFECTIVE_FIXTURE);
        return !mine.some((p) => p.code === marking.code) && mine.some((p) => p.code === security.code) ? true : undefined;
      });
    });
  });
});

/**
 * Opens the error-free cable, then the defective one, and waits until the Problems panel lists both
 * expected problems of the defective cable (by the line they start on); the error-free cable was
 * opened first, so by then its (empty) diagnostics have been published too.
 */
async function defectiveProblems({
  page,
  workspace,
}: Session): Promise<{ marking: ShownProblem; security: ShownProblem; all: ShownProblem[] }> {
  const text = workspace.read(DEFECTIVE_FIXTURE);
  const find = (all: ShownProblem[], expected: ExpectedProblem) =>
    all.find((p) => p.file === DEFECTIVE_FIXTURE && p.line === lineStartingWith(text, expected.lineStartsWith) + 1);
  await openFile(page, ERROR_FREE_FIXTURE);
  await openFile(page, DEFECTIVE_FIXTURE);
  await showProblems(page);
  return waitForProblems(page, 'the defective cable’s problems on its ¶2 and security lines', UPDATE_MS, (all) => {
    const marking = find(all, DEFECTIVE_PROBLEMS.missingMarking);
    const security = find(all, DEFECTIVE_PROBLEMS.securityLine);
    return marking && security ? { marking, security, all } : undefined;
  });
}

function formatProblems(problems: ShownProblem[]): string {
  return problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.severity} ${p.source}(${p.code}) ${p.message}`).join('\n');
}
