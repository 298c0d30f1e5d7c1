/**
 * Runs the vscode-tmgrammar-test CLI over the scope-assertion fixtures in test/fixtures/grammar, exactly as a
 * developer would from a shell, so a failing assertion shows the tool's own report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const FIXTURES = join('test', 'fixtures', 'grammar');
// Its own config (not package.json) so the test checks the grammar file whatever the manifest says.
const CONFIG = join(FIXTURES, 'grammar-test.config.json');

test('every grammar fixture passes vscode-tmgrammar-test', () => {
  const fixtures = readdirSync(join(ROOT, FIXTURES)).filter((name) => name.endsWith('.cable'));
  assert.ok(fixtures.length > 0, `no .cable fixtures in ${FIXTURES}`);

  const result = spawnSync(process.execPath, [CLI, '--config', CONFIG, `${FIXTURES}/*.cable`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;

  assert.equal(result.status, 0, `vscode-tmgrammar-test failed:\n${output}`);
  // The tool reports each passing file as "<file> run successfuly" (sic); a file it skipped would be missing.
  for (const fixture of fixtures) {
    assert.match(output, new RegExp(`${fixture.replace('.', '\\.')} run successfuly`), `${fixture} was not run:\n${output}`);
  }
});
