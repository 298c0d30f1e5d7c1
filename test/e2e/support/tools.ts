/**
 * Where the end-to-end tools live and whether they are there. The tools are provisioned into the
 * project's ignored `.tools/` by `scripts/provision-e2e.sh`; Chromium and Neovim come from Debian
 * (`scripts/provision.mjs`, which `npm test` runs first, sees to both).
 * A missing tool is a failure with the command that fixes it, never a silent skip: only
 * `CABLE_E2E=skip` skips, and says so.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixturesDir = join(projectRoot, 'test', 'e2e', 'fixtures');
/** The reference cable; `../shared` sits beside the project root on every machine and in CI. */
export const sampleCable = resolve(projectRoot, '..', 'shared', 'samples', '09MEXICO283.txt');
/** Screenshots and run output, in the ignored `.e2e/`. */
export const e2eOutputDir = join(projectRoot, '.e2e');
export const screenshotsDir = join(e2eOutputDir, 'screenshots');

const toolsDir = join(projectRoot, '.tools');
// `npm test` and `npm run test:e2e` provision before they run these suites; this is for a suite run alone.
const PROVISION_HINT =
  "Run `npm run provision-e2e` (Node 24 and code-server into .tools/, and as root Debian's chromium " +
  'and neovim; otherwise it names the apt-get command to run), or set CABLE_E2E=skip to skip the end-to-end tests explicitly.';

/** The reason to skip, when the user asked for it with `CABLE_E2E=skip`; otherwise undefined. */
export function e2eSkipReason(): string | undefined {
  return process.env.CABLE_E2E === 'skip' ? 'CABLE_E2E=skip' : undefined;
}

export interface CodeServerTools {
  /** Node 24, which code-server requires. */
  node: string;
  /** code-server's entry script, run with `node`. */
  codeServerEntry: string;
}

/** code-server and its Node 24, or an error naming the provisioning command. */
export function codeServerTools(): CodeServerTools {
  const node = join(toolsDir, 'node24', 'bin', 'node');
  const codeServerEntry = join(toolsDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const missing: string[] = [];
  if (!isExecutable(node)) missing.push(`Node 24 (${node})`);
  if (!existsSync(codeServerEntry)) missing.push(`code-server (${codeServerEntry})`);
  if (missing.length > 0) throw new Error(`End-to-end tools are missing: ${missing.join(', ')}. ${PROVISION_HINT}`);
  return { node, codeServerEntry };
}

/** Debian's Chromium, driven over CDP by playwright-core, or an error naming the install command. */
export function chromiumExecutable(): string {
  const chromium = findOnPath(['chromium', 'chromium-browser']);
  if (!chromium) throw new Error(`Chromium is not on PATH. ${PROVISION_HINT}`);
  return chromium;
}

/** Neovim (0.7 or later) for the standalone-server test, or an error naming the install command. */
export function neovimExecutable(): string {
  const nvim = findOnPath(['nvim']);
  if (!nvim) throw new Error(`Neovim (nvim) is not on PATH. ${PROVISION_HINT}`);
  return nvim;
}

/** The first of `names` found as an executable file on PATH. */
export function findOnPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
