/**
 * The standalone language server (`node dist/server.js --stdio`) in Neovim's built-in LSP client, set up by
 * the very recipe the README gives (the Lua block between its `<!-- neovim-recipe -->` markers), loaded as
 * Neovim's init file with only the server's path filled in: a second, independent editor that speaks plain
 * LSP (diagnostics pushed to 0.7, pulled by 0.10; hierarchical symbols, hover, workspace symbols). Neovim
 * only collects (neovim/collect-lsp.lua); the assertions are here. Needs `npm run build` and Debian's
 * neovim (0.7); fails without them unless CABLE_E2E=skip. `CABLE_E2E_NVIM` names another Neovim to run.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SYMBOL_CABLE } from './support/corpusWorkspace';
import {
  DEFECTIVE_FIXTURE,
  DEFECTIVE_PROBLEMS,
  DIAGNOSTIC_CODE,
  DIAGNOSTIC_SOURCE,
  ERROR_FREE_FIXTURE,
  NOT_A_CABLE_FIXTURE,
  SAMPLE_AS_TEXT,
  SAMPLE_HOVERS,
  lineStartingWith,
  positionOf,
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
  version: string;
  initialized: boolean;
  buffers: {
    file: string;
    filetype: string;
    clients: { id: number; name: string; rootDir: string | null; workspaceFolders: { uri: string }[] | null }[];
  }[];
  reported: { uri: string; diagnostics: LspDiagnostic[] }[];
  indexStatus: { state: string; files: number }[];
  neovimDiagnostics: { file: string; count: number }[];
  symbols: { name: string; children?: Collected['symbols'] }[] | null;
  hovers: { word: string; result: { contents: unknown } | null }[];
  workspaceSymbols: { name: string; location: { uri: string } }[] | null;
  errors: string[];
}

const collector = fileURLToPath(new URL('neovim/collect-lsp.lua', import.meta.url));
/** The built server; `CABLE_E2E_SERVER` names another build to test. */
const server = process.env.CABLE_E2E_SERVER ?? join(projectRoot, 'dist', 'server.js');
/** The README's placeholder for the server's path, which the test fills in. */
const SERVER_PLACEHOLDER = '/path/to/dist/server.js';

/** The Lua block of the README between `<!-- neovim-recipe -->` and `<!-- /neovim-recipe -->`. */
function readmeNeovimRecipe(readme: string): string {
  const section = /<!-- neovim-recipe -->\s*```lua\n([\s\S]*?)\n```\s*<!-- \/neovim-recipe -->/.exec(readme);
  if (!section) throw new Error('README.md has no ```lua block between <!-- neovim-recipe --> and <!-- /neovim-recipe -->');
  return section[1]!;
}

describe("the README's Neovim recipe: the language server in Neovim over stdio", { skip: e2eSkipReason() }, () => {
  let folder = '';
  let collected: Collected;
  /** The workspace: a `.git` folder at its root, the opened files one folder down, so the recipe must look up. */
  const workspace = () => join(folder, 'workspace');
  const path = (name: string) => join(workspace(), 'cables', name);
  /** A cable of the workspace that no buffer opens: the server finds it only through its index. */
  const unopened = () => join(workspace(), 'archive', `${SYMBOL_CABLE}.txt`);
  const cables = () => [SAMPLE_AS_TEXT, ERROR_FREE_FIXTURE, DEFECTIVE_FIXTURE].map(path);
  const buffer = (file: string) => collected.buffers.find((b) => b.file === file);

  before(
    async () => {
      const nvim = process.env.CABLE_E2E_NVIM ?? neovimExecutable();
      if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
      const recipe = readmeNeovimRecipe(readFileSync(join(projectRoot, 'README.md'), 'utf8'));
      assert.equal(recipe.split(`'${SERVER_PLACEHOLDER}'`).length, 2, `the recipe names '${SERVER_PLACEHOLDER}' once`);

      folder = mkdtempSync(join(tmpdir(), 'cable-e2e-neovim-'));
      const home = join(folder, 'home');
      for (const dir of [home, join(workspace(), '.git'), join(workspace(), 'cables'), join(workspace(), 'archive')])
        mkdirSync(dir, { recursive: true });
      copyFileSync(sampleCable, path(SAMPLE_AS_TEXT));
      for (const fixture of [DEFECTIVE_FIXTURE, ERROR_FREE_FIXTURE, NOT_A_CABLE_FIXTURE])
        copyFileSync(join(fixturesDir, fixture), path(fixture));
      copyFileSync(join(projectRoot, '..', 'shared', 'corpus', `${SYMBOL_CABLE}.txt`), unopened());
      const init = join(home, 'init.lua');
      writeFileSync(init, recipe.replace(`'${SERVER_PLACEHOLDER}'`, `'${server.replace(/[\\']/g, '\\$&')}'`));

      const sampleText = readFileSync(path(SAMPLE_AS_TEXT), 'utf8');
      const plan = {
        cables: cables(),
        plainFiles: [path(NOT_A_CABLE_FIXTURE)],
        symbolsOf: path(SAMPLE_AS_TEXT),
        hovers: SAMPLE_HOVERS.map((hover) => ({
          file: path(SAMPLE_AS_TEXT),
          word: hover.word,
          ...positionOf(sampleText, hover.lineIncludes, hover.word),
        })),
        workspaceQuery: SYMBOL_CABLE,
        timeoutMs: 20_000,
        out: join(folder, 'collected.json'),
      };
      writeFileSync(join(folder, 'plan.json'), JSON.stringify(plan));
      // The recipe runs `node`: the one running this test comes first on PATH. Home, config, data, state and
      // cache are the temporary folder's, so nothing of the user's Neovim set-up takes part.
      const env = {
        ...process.env,
        CABLE_NVIM_PLAN: join(folder, 'plan.json'),
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        HOME: home,
        XDG_CONFIG_HOME: home,
        XDG_STATE_HOME: home,
        XDG_DATA_HOME: home,
        XDG_CACHE_HOME: home,
      };
      const run = startGroup(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${collector}`], { cwd: workspace(), env });
      try {
        const exit = await Promise.race([
          run.exited,
          new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 90_000).unref()),
        ]);
        if (!existsSync(plan.out)) throw new Error(`Neovim wrote no result (exit: ${exit}):\n${run.output()}`);
        collected = JSON.parse(readFileSync(plan.out, 'utf8')) as Collected;
      } finally {
        await stopGroup(run);
      }
    },
    { timeout: 120_000 },
  );

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  });

  it('initializes and answers every request without error', (t) => {
    t.diagnostic(`Neovim ${collected.version}`);
    assert.equal(collected.initialized, true, `Neovim ${collected.version}: ${collected.errors.join('; ')}`);
    assert.deepEqual(collected.errors, []);
  });

  it('gives the .cable files and the .txt file that reads as a cable the cable filetype, and not the plain .txt file', () => {
    for (const file of cables()) assert.equal(buffer(file)?.filetype, 'cable', file);
    const plain = buffer(path(NOT_A_CABLE_FIXTURE));
    assert.notEqual(plain?.filetype, 'cable');
    assert.deepEqual(plain?.clients, [], 'no server for the plain text file');
  });

  it('attaches one server to every cable, with the folder holding .git as its workspace', () => {
    const clients = cables().map((file) => buffer(file)?.clients ?? []);
    for (const attached of clients) assert.equal(attached.length, 1, JSON.stringify(attached));
    assert.equal(new Set(clients.map((attached) => attached[0]!.id)).size, 1, 'the same client for every cable of the workspace');
    const client = clients[0]![0]!;
    assert.equal(client.name, 'cable');
    assert.equal(client.rootDir, workspace());
    assert.deepEqual(
      client.workspaceFolders?.map((f) => f.uri),
      [pathToFileURL(workspace()).href],
    );
  });

  it('reports the defective cable’s two problems, with codes, and none for the clean cables', () => {
    const latest = (name: string) => collected.reported.filter((p) => p.uri === pathToFileURL(path(name)).href).at(-1)?.diagnostics;
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
    assert.deepEqual(latest(SAMPLE_AS_TEXT), [], 'the reference cable');
    const inNeovim = collected.neovimDiagnostics.find((d) => d.file === path(DEFECTIVE_FIXTURE));
    assert.equal(inNeovim?.count, 2, 'Neovim itself holds the two diagnostics');
  });

  it('outlines the reference cable: the cable, its headings and their paragraphs', () => {
    assert.ok(
      Array.isArray(collected.symbols) && collected.symbols.length > 0,
      `documentSymbol answered ${JSON.stringify(collected.symbols)}`,
    );
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

  it(`finds ${SYMBOL_CABLE}, which no buffer opened, with a workspace/symbol query: the server indexed the workspace`, () => {
    const found = (collected.workspaceSymbols ?? []).filter((symbol) => symbol.name.includes(SYMBOL_CABLE));
    assert.ok(found.length > 0, `workspace/symbol ${SYMBOL_CABLE} answered ${JSON.stringify(collected.workspaceSymbols)}`);
    assert.equal(found[0]!.location.uri, pathToFileURL(unopened()).href);
  });
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
