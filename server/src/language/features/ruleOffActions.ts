/**
 * Code actions that turn a rule off rather than fix the text: "Turn off CBL501 for this file" (an
 * `overrides` entry for the file) and "Turn off CBL501 in .cable-lint.json" (its `rules`). Both run the
 * server command `TURN_OFF_RULE_COMMAND`, which writes the nearest `.cable-lint.json`; only files on disk
 * get them, as only those have a folder to write it in. Pure.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, ruleCodeOf } from '../config/cableLintConfig';
import { comparePositions } from './ranges';

/**
 * Executed by the server (`workspace/executeCommand`). Not a command of the extension's manifest:
 * vscode-languageclient registers it in VS Code by itself, and an id of the manifest would clash.
 */
export const TURN_OFF_RULE_COMMAND = 'cable.server.turnOffRule';

/** `file`: for the one file, as an `overrides` entry; `config`: in the configuration's `rules`. */
export type TurnOffScope = 'file' | 'config';

/** The command's single argument. */
export interface TurnOffRuleArgs {
  uri: string;
  code: string;
  scope: TurnOffScope;
}

export function getRuleOffActions(document: TextDocument, range: Range, context: CodeActionContext): CodeAction[] {
  if (!document.uri.startsWith('file:')) return [];
  if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const byCode = new Map<string, Diagnostic[]>();
  for (const diagnostic of context.diagnostics) {
    const code = typeof diagnostic.code === 'string' ? ruleCodeOf(diagnostic.code) : undefined;
    if (diagnostic.source !== 'cable' || !code || !overlaps(diagnostic.range, range)) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), diagnostic]);
  }
  const actions: CodeAction[] = [];
  for (const [code, diagnostics] of byCode) {
    actions.push(turnOffAction(document.uri, code, 'file', `Turn off ${code} for this file`, diagnostics));
    actions.push(turnOffAction(document.uri, code, 'config', `Turn off ${code} in ${CONFIG_FILE_NAME}`, diagnostics));
  }
  return actions;
}

function turnOffAction(uri: string, code: string, scope: TurnOffScope, title: string, diagnostics: Diagnostic[]): CodeAction {
  const args: TurnOffRuleArgs = { uri, code, scope };
  return { title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: TURN_OFF_RULE_COMMAND, arguments: [args] } };
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
