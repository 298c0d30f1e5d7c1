/**
 * The server's `cable.server.turnOffRule` command: writes "off" for a rule into the nearest
 * `.cable-lint.json` — the first found from the cable's folder up to its workspace folder, else a new one in
 * the workspace folder (in the cable's own folder outside any) — for the one file (`overrides`) or for all
 * (`rules`). The text is edited minimally (comments kept) and written atomically: a temporary file in the
 * same folder, then renamed over the old one, so no reader ever sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME, ruleCodeOf } from '../language/config/cableLintConfig';
import { turnOffRuleInText } from '../language/config/configEdit';
import type { TurnOffRuleArgs } from '../language/features/ruleOffActions';
import { RULES } from '../language/rules/registry';
import { effectiveLevel } from '../language/rules/severity';
import type { DocumentSettings } from '../settings/settingsMapping';
import { toSlashes } from './configLoader';
import { filePathOf } from './serverConfigs';

export interface TurnOffRuleResult {
  /** The configuration file written. */
  path: string;
  created: boolean;
  /** False when the rule was already off there. */
  changed: boolean;
}

/** A mistake the user can see and act on (not a bug): shown as it is. */
export class TurnOffRuleError extends Error {}

/** The command's argument, checked: it comes over the wire. */
export function readTurnOffArgs(raw: unknown): TurnOffRuleArgs {
  const args = (raw ?? {}) as Partial<TurnOffRuleArgs>;
  if (typeof args.uri !== 'string' || filePathOf(args.uri) === undefined)
    throw new TurnOffRuleError('the file is not on disk, so it has no folder for a .cable-lint.json');
  const code = typeof args.code === 'string' ? ruleCodeOf(args.code) : undefined;
  if (!code) throw new TurnOffRuleError(`no rule has the code or name ${JSON.stringify(args.code)}`);
  if (args.scope !== 'file' && args.scope !== 'config')
    throw new TurnOffRuleError(`unknown scope ${JSON.stringify(args.scope)}: expected "file" or "config"`);
  return { uri: args.uri, code, scope: args.scope };
}

/** `workspaceFolder`: the path of the workspace folder holding the file, if any. */
export async function turnOffRule(args: TurnOffRuleArgs, workspaceFolder: string | undefined): Promise<TurnOffRuleResult> {
  const filePath = resolve(filePathOf(args.uri)!);
  const path = nearestConfig(dirname(filePath), workspaceFolder);
  let text = '';
  let created = true;
  try {
    text = await readFile(path, 'utf8');
    created = false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new TurnOffRuleError(`${path} cannot be read: ${(error as Error).message}`);
  }
  const target =
    args.scope === 'file'
      ? { scope: 'file' as const, relativePath: toSlashes(relative(dirname(path), filePath)) }
      : { scope: 'config' as const };
  const edited = turnOffRuleInText(text, args.code, target);
  if (!edited.ok) throw new TurnOffRuleError(`${path} was left as it is: ${edited.message}`);
  if (edited.changed) await writeAtomically(path, edited.text);
  return { path, created, changed: edited.changed };
}

/** The existing configuration nearest to `folder` within `workspaceFolder`, else where a new one goes. */
export function nearestConfig(folder: string, workspaceFolder: string | undefined): string {
  const top = workspaceFolder === undefined ? undefined : resolve(workspaceFolder);
  const inside = top !== undefined && (folder === top || (!relative(top, folder).startsWith('..') && !isAbsolute(relative(top, folder))));
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (!inside || current === top || dirname(current) === current) break;
  }
  return join(inside ? top : folder, CONFIG_FILE_NAME);
}

/** Writes `text` to a new file beside `path`, then renames it over `path`. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `${CONFIG_FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new TurnOffRuleError(`${path} could not be written: ${(error as Error).message}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface TurnOffRuleCommandDeps {
  /** The paths of the workspace folders. */
  workspaceFolders(): Iterable<string>;
  /** Called once the file is written: configurations are read again and diagnostics refreshed. */
  written(path: string): void;
  /** The document's settings now (after `written`), to tell when something else keeps the rule on. */
  settingsOf(uri: string): Promise<DocumentSettings>;
  showMessage(type: 'error' | 'warning', message: string): void;
}

/** Runs the command from its raw arguments; a mistake the user can act on is shown, not thrown. */
export async function runTurnOffRuleCommand(rawArgs: unknown, deps: TurnOffRuleCommandDeps): Promise<TurnOffRuleResult | null> {
  let args: TurnOffRuleArgs | undefined;
  try {
    args = readTurnOffArgs(rawArgs);
    const result = await turnOffRule(args, workspaceFolderOf(filePathOf(args.uri)!, deps.workspaceFolders()));
    if (result.changed) deps.written(result.path);
    const level = levelIn(await deps.settingsOf(args.uri), args.code);
    if (level !== 'off') {
      deps.showMessage(
        'warning',
        `${args.code} is off in ${result.path}, but still reported at ${level} here: the editor setting cable.rules, or an "overrides" entry, sets it.`,
      );
    }
    return result;
  } catch (error) {
    if (!(error instanceof TurnOffRuleError)) throw error;
    deps.showMessage('error', `Could not turn off ${args?.code ?? 'the rule'}: ${error.message}`);
    return null;
  }
}

/** The level a rule is reported at with `settings`: off when the file is not checked at all. */
function levelIn(settings: DocumentSettings, code: string): string {
  const rule = RULES.find((candidate) => candidate.code === code);
  return !settings.validate.enable || !rule ? 'off' : effectiveLevel(rule, settings.language);
}

/** The innermost workspace folder holding `path`. */
function workspaceFolderOf(path: string, folders: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const inside = relative(folder, path);
    if (!inside.startsWith('..') && !isAbsolute(inside) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}
