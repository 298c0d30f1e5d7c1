// Runs the test suites under node's test runner, after setting up what the chosen suites need; the runner's
// own summary is the last thing printed, for CI to read.
//   node scripts/test.mjs        npm test: type-check, then every suite below
//   node scripts/test.mjs unit   npm run test:unit: test/unit, test/grammar, test/corpus, test/cli
//   node scripts/test.mjs lsp    npm run test:lsp:  test/lsp
//   node scripts/test.mjs e2e    npm run test:e2e:  test/e2e
// Further arguments: paths narrow the run to the test files under them (`npm run test:unit --
// test/unit/hover.test.ts`); arguments starting with `--` go to node's test runner (`--test-name-pattern=PGOV`).
// Only what the chosen files need is prepared: the .vsix (`npm run package`) for test/e2e, the build (dist/)
// for test/cli and test/lsp, and the real-editor tools (scripts/provision.mjs: .tools/ for the e2e suites and
// the grammar colour test, which reads VS Code's theme files from code-server; Debian's chromium and neovim
// for the e2e suites). CABLE_E2E=skip skips the suites that need those tools, and their provisioning.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision, ProvisionError } from './provision.mjs';

// Paths on the command line are the caller's (npm runs scripts at the root and names the caller's folder
// INIT_CWD); the suites are found from the project's root.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const SUITES = {
  unit: ['test/unit', 'test/grammar', 'test/corpus', 'test/cli'],
  lsp: ['test/lsp'],
  e2e: ['test/e2e'],
};
SUITES.all = [...SUITES.unit, ...SUITES.lsp, ...SUITES.e2e];

/** What a test file needs before it runs, by the start of its path. */
const NEEDS = [
  { under: 'test/grammar/theme-colours.test.ts', needs: ['tools'] },
  { under: 'test/cli/', needs: ['build'] },
  { under: 'test/lsp/', needs: ['build'] },
  // The .vsix for code-server, dist/server.js for Neovim, dist/cli.js for the corpus session's expectations.
  { under: 'test/e2e/', needs: ['package', 'tools', 'editors'] },
];

const args = process.argv.slice(2);
const suite = args[0] && !args[0].startsWith('--') && SUITES[args[0]] ? args.shift() : 'all';
const runnerFlags = args.filter((arg) => arg.startsWith('--'));
const paths = args.filter((arg) => !arg.startsWith('--')).map((path) => relative(root, resolve(callerDir, path)));

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(dir, name));
}

const isUnder = (file, path) => path === '' || file === path || file.startsWith(path + sep);
const files = SUITES[suite].flatMap(testFiles).filter((file) => paths.length === 0 || paths.some((path) => isUnder(file, path)));
if (files.length === 0) {
  console.error(`test: no test files in the ${suite} suites${paths.length > 0 ? ` under ${paths.join(', ')}` : ''}.`);
  process.exit(1);
}

const needs = new Set(
  files.flatMap((file) => NEEDS.filter(({ under }) => file.split(sep).join('/').startsWith(under)).flatMap((need) => need.needs)),
);
const skipRealEditors = process.env.CABLE_E2E === 'skip';

// First what may stop the run with a command to type, so it comes before minutes of work.
if (!skipRealEditors && (needs.has('tools') || needs.has('editors'))) {
  try {
    provision({ tools: needs.has('tools'), editors: needs.has('editors') });
  } catch (error) {
    if (!(error instanceof ProvisionError)) throw error;
    console.error(`\ntest: ${error.message}`);
    process.exit(1);
  }
}
if (suite === 'all' && paths.length === 0) {
  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  // The layer boundaries of DESIGN.md, so CI fails on an import across one; and the code's format.
  run('npx', ['eslint', '.']);
  run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
}
// The .vsix is a production build; the plain build after it puts the development bundles (with source maps)
// back into dist/ for the LSP and CLI suites.
if (needs.has('package') && !skipRealEditors) run('npm', ['run', '--silent', 'package']);
if (needs.has('build')) run('node', ['scripts/build.mjs']);
run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...runnerFlags, ...files]);
