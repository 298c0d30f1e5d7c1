/**
 * The standalone language server (`node dist/server.js --stdio`) in Neovim's built-in LSP client:
 * a second, independent editor that speaks plain LSP (push diagnostics, hierarchical symbols, hover).
 * Neovim only collects (neovim/collect-lsp.lua); the assertions are here. Needs `npm run build` and
 * Debian's neovim; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  DEFECTIVE_FIXTURE, DEFECTIVE_PROBLEMS, DIAGNOSTIC_CODE, DIAGNOSTIC_SOURCE, ERROR_FREE_FIXTURE, SAMPLE_HOVERS,
  SAMPLE_AS_CABLE, lineStartingWith, positionOf,
} from './support/expectations';
import { formatOutline, sampleOutlineProblems, type OutlineNode } from './support/outlineCheck';
import { startGroup, stopGroup } from './support/processes';
import { e2eSkipReason, fixturesDir, neovimExecutable, projectRoot, sampleCable } from './support/tools';

interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  code?: string | number;
  source?: string;
  severity?: number;
}
interface Collected {
  initialized: boolean;
  published: { uri: string; diagnostics: LspDiagnostic[] }[];
  neovimDiagnostics: { file: string; count: number }[];
  symbols: { name: string; children?: Collected['symbols'] }[] | null;
  hovers: { word: string; result: { contents: unknown } | null }[];
  errors: string[];
}

const collector = fileURLToPath(new URL('neovim/collect-lsp.lua', import.meta.url));
/** The built server; `CABLE_E2E_SERVER` names another build to test. */
const server = process.env.CABLE_E2E_SERVER ?? join(projectRoot, 'dist', 'server.js');
const SAMPLE = SAMPLE_AS_CABLE;

describe('the language server in Neovim over stdio', { skip: e2eSkipReason() }, () => {
  let folder = '';
  let collected: Collected;
  const path = (name: string) => join(folder, name);

  before(async () => {
    const nvim = neovimExecutable();
    if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
    folder = mkdtempSync(join(tmpdir(), 'cable-e2e-neovim-'));
    copyFileSync(sampleCable, path(SAMPLE));
    for (const fixture of [DEFECTIVE_FIXTURE, ERROR_FREE_FIXTURE]) copyFileSync(join(fixturesDir, fixture), path(fixture));
    const sampleText = readFileSync(path(SAMPLE), 'utf8');
    const plan = {
      server: [process.execPath, server, '--stdio'],
      rootDir: folder,
      files: [SAMPLE, ERROR_FREE_FIXTURE, DEFECTIVE_FIXTURE].map(path),
      symbolsOf: path(SAMPLE),
      hovers: SAMPLE_HOVERS.map((hover) => ({ file: path(SAMPLE), word: hover.word, ...positionOf(sampleText, hover.lineIncludes, hover.word) })),
      timeoutMs: 20_000,
      out: path('collected.json'),
    };
    writeFileSync(path('plan.json'), JSON.stringify(plan));
    const run = startGroup(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${collector}`], {
      cwd: folder,
      env: { ...process.env, CABLE_NVIM_PLAN: path('plan.json'), HOME: folder, XDG_STATE_HOME: folder, XDG_DATA_HOME: folder, XDG_CACHE_HOME: folder },
    });
    try {
      const exit = await Promise.race([run.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 90_000).unref())]);
      if (!existsSync(plan.out)) throw new Error(`Neovim wrote no result (exit: ${exit}):\n${run.output()}`);
      collected = JSON.parse(readFileSync(plan.out, 'utf8')) as Collected;
    } finally {
      await stopGroup(run);
    }
  }, { timeout: 120_000 });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  });

  it('initializes and answers every request without error', () => {
    assert.equal(collected.initialized, true);
    assert.deepEqual(collected.errors, []);
  });

  it('publishes the defective cable’s two problems, with codes, and none for the clean cables', () => {
    const latest = (name: string) => collected.published.filter((p) => p.uri.endsWith(`/${name}`)).at(-1)?.diagnostics;
    const defective = latest(DEFECTIVE_FIXTURE) ?? [];
    const text = readFileSync(path(DEFECTIVE_FIXTURE), 'utf8');
    for (const expected of Object.values(DEFECTIVE_PROBLEMS)) {
      const line = lineStartingWith(text, expected.lineStartsWith);
      const found = defective.find((d) => d.range.start.line === line);
      assert.ok(found, `no diagnostic on line ${line + 1} (${expected.about}); got ${JSON.stringify(defective)}`);
      assert.match(found.message, expected.message);
      assert.match(String(found.code), DIAGNOSTIC_CODE);
      assert.equal(found.source, DIAGNOSTIC_SOURCE);
    }
    assert.equal(defective.length, 2, `exactly two diagnostics: ${JSON.stringify(defective)}`);
    assert.deepEqual(latest(ERROR_FREE_FIXTURE), [], 'the error-free cable');
    assert.deepEqual(latest(SAMPLE), [], 'the reference cable');
    const inNeovim = collected.neovimDiagnostics.find((d) => d.file.endsWith(`/${DEFECTIVE_FIXTURE}`));
    assert.equal(inNeovim?.count, 2, 'Neovim itself holds the two diagnostics');
  });

  it('outlines the reference cable: the cable, its headings and their paragraphs', () => {
    assert.ok(Array.isArray(collected.symbols) && collected.symbols.length > 0, `documentSymbol answered ${JSON.stringify(collected.symbols)}`);
    const tree = toOutline(collected.symbols);
    const problems = sampleOutlineProblems(tree);
    assert.deepEqual(problems, [], `${problems.join('\n')}\noutline:\n${formatOutline(tree)}`);
  });

  for (const expected of SAMPLE_HOVERS) {
    it(`hovers ${expected.word} with its meaning`, () => {
      const hover = collected.hovers.find((h) => h.word === expected.word);
      assert.ok(hover?.result, `no hover for ${expected.word}`);
      assert.match(hoverText(hover.result.contents), expected.meaning);
    });
  }
});

/** documentSymbol's DocumentSymbol[] as an outline tree (SymbolInformation[] has no children and fails the check). */
function toOutline(symbols: NonNullable<Collected['symbols']>): OutlineNode[] {
  return symbols.map((symbol) => ({ name: symbol.name, children: toOutline(symbol.children ?? []) }));
}

/** The text of a hover's contents: MarkupContent, a MarkedString or an array of them. */
function hoverText(contents: unknown): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).join('\n');
  if (contents && typeof contents === 'object' && 'value' in contents) return String(contents.value);
  return '';
}
