/**
 * A throwaway helper extension that runs the checks of index.ts inside code-server's extension host
 * (which offers no `extensionTestsPath`) and writes what they printed and whether they passed to the
 * JSON file named in its `host.json`. Used by codeServerHost.ts only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { run } from './index';

export function activate(context: vscode.ExtensionContext): void {
  const { resultPath } = JSON.parse(readFileSync(join(context.extensionPath, 'host.json'), 'utf8')) as { resultPath: string };
  void runAndReport(resultPath);
}

async function runAndReport(resultPath: string): Promise<void> {
  const lines: string[] = [];
  let passed = false;
  try {
    await run((line) => lines.push(line));
    passed = true;
  } catch (error) {
    lines.push(String(error));
  }
  writeFileSync(resultPath, JSON.stringify({ passed, lines }));
}
