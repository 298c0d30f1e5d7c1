/**
 * The end-to-end checks as VS Code's API sees them, run inside the extension host by `index.ts`:
 * the same facts as the browser test (support/expectations.ts), read through
 * `languages.getDiagnostics` and the `vscode.execute*Provider` commands instead of the DOM.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
} from '../support/expectations';
import { formatOutline, sampleOutlineProblems, type OutlineNode } from '../support/outlineCheck';
import { until } from './waiting';

const EXTENSION_ID = 'cable-tools.cable-language';
const ACTIVATION_MS = 60_000;
const UPDATE_MS = 20_000;

export interface Check {
  name: string;
  run: () => Promise<void>;
}

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code was started without the test workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** Waits until the defective cable's two expected problems are published (the error-free one is opened first). */
async function defectiveDiagnostics(): Promise<{ marking: vscode.Diagnostic; security: vscode.Diagnostic; all: vscode.Diagnostic[] }> {
  await open(ERROR_FREE_FIXTURE);
  const document = await open(DEFECTIVE_FIXTURE);
  const text = document.getText();
  const onLine = (all: vscode.Diagnostic[], prefix: string) => all.find((d) => d.range.start.line === lineStartingWith(text, prefix));
  return until(
    [vscode.languages.onDidChangeDiagnostics],
    () => {
      const all = vscode.languages.getDiagnostics(document.uri);
      const marking = onLine(all, DEFECTIVE_PROBLEMS.missingMarking.lineStartsWith);
      const security = onLine(all, DEFECTIVE_PROBLEMS.securityLine.lineStartsWith);
      return marking && security ? { marking, security, all } : undefined;
    },
    UPDATE_MS,
    'the defective cable’s diagnostics',
  ).catch((error: Error) => {
    const shown = vscode.languages.getDiagnostics(document.uri).map((d) => `${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`);
    throw new Error(`${error.message}; diagnostics now:\n${shown.join('\n') || 'none'}`);
  });
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function toOutline(symbols: vscode.DocumentSymbol[]): OutlineNode[] {
  return symbols.map((symbol) => ({ name: symbol.name, children: toOutline(symbol.children ?? []) }));
}

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('cable', fileUri(DEFECTIVE_FIXTURE)).update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

export const checks: Check[] = [
  {
    name: 'the extension activates and its server gets ready',
    run: async () => {
      const extension = vscode.extensions.getExtension<{ ready?: Promise<void> }>(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed`);
      await open(SAMPLE_AS_CABLE);
      const api = await extension.activate();
      assert.ok(api?.ready, 'activate() returns an API with a ready promise');
      await Promise.race([
        api.ready,
        new Promise((_, reject) => setTimeout(() => reject(new Error('ready did not settle')), ACTIVATION_MS)),
      ]);
    },
  },
  {
    name: 'a .cable file opens in the cable language',
    run: async () => {
      assert.equal((await open(SAMPLE_AS_CABLE)).languageId, 'cable');
    },
  },
  {
    name: 'a .txt file holding a cable switches to cable; other text stays plain text',
    run: async () => {
      const other = await open(NOT_A_CABLE_FIXTURE);
      const cable = await open(SAMPLE_AS_TEXT);
      await until(
        [vscode.workspace.onDidOpenTextDocument],
        () =>
          vscode.workspace.textDocuments.some((d) => d.uri.toString() === cable.uri.toString() && d.languageId === 'cable')
            ? true
            : undefined,
        UPDATE_MS,
        `${SAMPLE_AS_TEXT} as cable`,
      );
      const stillOther = vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.uri.toString());
      assert.equal(stillOther?.languageId, 'plaintext');
    },
  },
  {
    name: 'the defective cable has exactly its two problems; the error-free cable none',
    run: async () => {
      const { marking, security, all } = await defectiveDiagnostics();
      for (const [diagnostic, expected] of [
        [marking, DEFECTIVE_PROBLEMS.missingMarking],
        [security, DEFECTIVE_PROBLEMS.securityLine],
      ] as const) {
        assert.match(diagnostic.message, expected.message);
        assert.match(codeOf(diagnostic), DIAGNOSTIC_CODE);
        assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
      }
      assert.equal(all.length, 2, all.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n'));
      assert.deepEqual(vscode.languages.getDiagnostics(fileUri(ERROR_FREE_FIXTURE)), []);
    },
  },
  {
    name: 'the outline of the reference cable has its headings and paragraphs',
    run: async () => {
      const document = await open(SAMPLE_AS_CABLE);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const tree = toOutline(symbols ?? []);
      const problems = sampleOutlineProblems(tree);
      assert.deepEqual(problems, [], `${problems.join('\n')}\noutline:\n${formatOutline(tree)}`);
    },
  },
  ...SAMPLE_HOVERS.map((expected): Check => ({
    name: `hovering ${expected.word} shows its meaning`,
    run: async () => {
      const document = await open(SAMPLE_AS_CABLE);
      const { line, character } = positionOf(document.getText(), expected.lineIncludes, expected.word);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        new vscode.Position(line, character),
      );
      assert.match(hoverText(hovers ?? []), expected.meaning);
    },
  })),
  {
    name: 'cable.rules set off, then to another severity, changes the diagnostics',
    run: async () => {
      const { marking } = await defectiveDiagnostics();
      const rule = codeOf(marking);
      const uri = fileUri(DEFECTIVE_FIXTURE);
      const other = marking.severity === vscode.DiagnosticSeverity.Error ? 'warning' : 'error';
      const otherSeverity = other === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
      const withRule = () => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === rule);
      try {
        await setRules({ [rule]: 'off' });
        await until(
          [vscode.languages.onDidChangeDiagnostics],
          () => (withRule().length === 0 ? true : undefined),
          UPDATE_MS,
          `${rule} off`,
        );
        await setRules({ [rule]: other });
        await until(
          [vscode.languages.onDidChangeDiagnostics],
          () => (withRule().some((d) => d.severity === otherSeverity) ? true : undefined),
          UPDATE_MS,
          `${rule} at ${other}`,
        );
      } finally {
        await setRules(undefined);
      }
      await until(
        [vscode.languages.onDidChangeDiagnostics],
        () => (withRule().some((d) => d.severity === marking.severity) ? true : undefined),
        UPDATE_MS,
        `${rule} back`,
      );
    },
  },
  {
    name: 'a quick fix inserts the missing portion marking',
    run: async () => {
      const { marking } = await defectiveDiagnostics();
      const document = await open(DEFECTIVE_FIXTURE);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        marking.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = (actions ?? []).find((action) => action.title.includes(QUICK_FIX.titleIncludes));
      assert.ok(fix, `no quick fix titled with ${QUICK_FIX.titleIncludes}: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
      if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix’s edit applies');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.ok(
        document.lineAt(marking.range.start.line).text.startsWith(QUICK_FIX.fixedLineStartsWith),
        document.lineAt(marking.range.start.line).text,
      );
      await until(
        [vscode.languages.onDidChangeDiagnostics],
        () => (vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === codeOf(marking)) ? undefined : true),
        UPDATE_MS,
        'the marking problem gone',
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
];
