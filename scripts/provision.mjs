// Sets up what the real-editor suites need, so that `npm test` runs on a fresh clone after `npm ci`:
//   - Debian's chromium (the browser code-server's workbench runs in) and neovim (the second LSP client);
//   - .tools/: Node 24 and code-server from the npm registry (scripts/provision-e2e.sh), whose native
//     modules build with Debian's libkrb5-dev, make and g++ (build-essential) and python3.
// Idempotent: what is present is kept, and a run with everything present installs nothing. Missing Debian
// packages are installed with apt-get when running as root; otherwise the run stops with the one command to
// run. `node scripts/provision.mjs` (`npm run provision-e2e`) provisions everything; scripts/test.mjs calls
// provision() with what the chosen suites need.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROVISION_TOOLS = join(root, 'scripts', 'provision-e2e.sh');

/** A failure the user fixes by running the command its message names. */
export class ProvisionError extends Error {}

/** The Debian packages the end-to-end suites drive, and how to tell each is there. */
const EDITOR_PACKAGES = [
  { name: 'chromium', present: () => onPath('chromium') || onPath('chromium-browser') },
  { name: 'neovim', present: () => onPath('nvim') },
];

/** The Debian packages code-server's install builds its native modules with (only needed to install it). */
const BUILD_PACKAGES = [
  { name: 'libkrb5-dev', present: () => debianPackageInstalled('libkrb5-dev') ?? onPath('krb5-config') },
  { name: 'build-essential', present: () => onPath('make') && onPath('g++') },
  { name: 'python3', present: () => onPath('python3') },
];

/**
 * Provisions `editors` (chromium, neovim) and `tools` (.tools/: Node 24, code-server); says on stdout what it
 * installs. Throws a ProvisionError naming the command to run when it cannot install what is missing.
 */
export function provision({ editors = true, tools = true } = {}) {
  const toolsMissing = tools && !toolsPresent();
  const wanted = [...(editors ? EDITOR_PACKAGES : []), ...(toolsMissing ? BUILD_PACKAGES : [])];
  const missing = wanted.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
  if (missing.length > 0) installDebianPackages(missing);
  if (toolsMissing) {
    log('installing Node 24 and code-server into .tools/ from the npm registry (once; 3-4 minutes on 2 cores)');
    const result = spawnSync('bash', [PROVISION_TOOLS], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0)
      throw new ProvisionError(
        `scripts/provision-e2e.sh failed (exit ${result.status ?? result.signal}); see its output above, then run again.`,
      );
  }
}

/** Whether .tools/ holds the versions scripts/provision-e2e.sh installs (it keeps the version numbers). */
function toolsPresent() {
  return spawnSync('bash', [PROVISION_TOOLS, '--check'], { cwd: root, stdio: 'ignore' }).status === 0;
}

function installDebianPackages(names) {
  const command = `apt-get install -y --no-install-recommends ${names.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const how = onPath('apt-get')
      ? `Install ${names.length === 1 ? 'it' : 'them'} with:\n\n  sudo ${command}\n\n`
      : `Install ${names.length === 1 ? 'it' : 'them'} with the system's package manager (on Debian: sudo ${command}).\n`;
    throw new ProvisionError(
      `The real-editor suites need Debian's ${listed}, missing here. ${how}Or skip those suites explicitly: CABLE_E2E=skip npm test.`,
    );
  }
  log(`installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', ...names],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0)
      throw new ProvisionError(
        `apt-get ${args[0]} failed (exit ${result.status ?? result.signal}); fix that, or run \`${command}\` yourself.`,
      );
  }
  const still = [...EDITOR_PACKAGES, ...BUILD_PACKAGES].filter((pkg) => names.includes(pkg.name) && !pkg.present());
  if (still.length > 0)
    throw new ProvisionError(
      `apt-get installed ${names.join(' ')}, but ${still.map((pkg) => pkg.name).join(', ')} still cannot be found on PATH.`,
    );
}

/** Whether dpkg knows `name` as installed; undefined where there is no dpkg. */
function debianPackageInstalled(name) {
  if (!onPath('dpkg-query')) return undefined;
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

function log(message) {
  console.log(`[provision] ${message}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    provision();
    log('the real-editor tools are ready');
  } catch (error) {
    if (!(error instanceof ProvisionError)) throw error;
    console.error(`[provision] ${error.message}`);
    process.exit(1);
  }
}
