// Runs every test suite under node's test runner: type-check, build, then unit, grammar, corpus,
// LSP and end-to-end tests. The runner's own summary is the last thing printed, for CI to read.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const suites = ['test/unit', 'test/grammar', 'test/corpus', 'test/cli', 'test/lsp', 'test/e2e'];

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
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

run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('node', ['scripts/build.mjs']);
const files = suites.flatMap(testFiles);
run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
