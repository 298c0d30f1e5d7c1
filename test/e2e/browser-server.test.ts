/**
 * The browser build of the language server (`dist/browser/server.js`), as vscode.dev and github.dev run it:
 * in a Web Worker of headless Chromium, spoken to over postMessage by a minimal client in the page
 * (support/workerLsp.js). It must give diagnostics, the outline and hovers of open documents, and index a
 * workspace folder whose files it can only read through the client (`cable/workspaceFiles`, `cable/readFile`).
 * Needs the build and Debian's chromium; fails without them unless CABLE_E2E=skip.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowser, type HeadlessBrowser } from './support/browser';
import { SYMBOL_CABLE } from './support/corpusWorkspace';
import {
  DEFECTIVE_FIXTURE,
  DEFECTIVE_PROBLEMS,
  DIAGNOSTIC_CODE,
  SAMPLE_HOVERS,
  lineStartingWith,
  positionOf,
} from './support/expectations';
import { formatOutline, sampleOutlineProblems, type OutlineNode } from './support/outlineCheck';
import { chromiumExecutable, e2eSkipReason, fixturesDir, projectRoot, sampleCable } from './support/tools';

/** A folder as vscode.dev names a GitHub repository's: not `file:`, so only the client can read it. */
const FOLDER = 'vscode-vfs://github/cable-tools/archive';
const SAMPLE_URI = `${FOLDER}/09MEXICO283.cable`;
const DEFECTIVE_URI = `${FOLDER}/${DEFECTIVE_FIXTURE}`;
const UNOPENED_URI = `${FOLDER}/beirut/${SYMBOL_CABLE}.txt`;
const NOT_A_CABLE_URI = `${FOLDER}/notes.txt`;

interface Diagnostic {
  range: { start: { line: number } };
  message: string;
  code?: string;
  source?: string;
}

interface DocumentSymbol {
  name: string;
  children?: DocumentSymbol[];
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>cable server in a worker</title><script src="/lsp.js"></script>';

describe('the browser server bundle in a Web Worker', { skip: e2eSkipReason(), timeout: 120_000 }, () => {
  let http: Server;
  let browser: HeadlessBrowser;
  let page: Page;
  const sample = readFileSync(sampleCable, 'utf8');
  const defective = readFileSync(join(fixturesDir, DEFECTIVE_FIXTURE), 'utf8');

  /** Runs `window.lsp[name](...args)` in the page. */
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([method, params]) =>
        (globalThis as unknown as { lsp: Record<string, (...a: unknown[]) => unknown> }).lsp[method as string]!(...(params as unknown[])),
      [name, args] as const,
    ) as Promise<T>;

  before(async () => {
    const bundle = readFileSync(join(projectRoot, 'dist', 'browser', 'server.js'));
    const client = readFileSync(join(projectRoot, 'test', 'e2e', 'support', 'workerLsp.js'));
    http = createServer((request, response) => {
      const body = request.url === '/server.js' ? bundle : request.url === '/lsp.js' ? client : request.url === '/' ? PAGE : undefined;
      if (body === undefined) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': request.url === '/' ? 'text/html' : 'text/javascript' }).end(body);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    browser = await startBrowser(chromiumExecutable());
    page = browser.page;
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'lsp' in globalThis);
    await call('setFiles', [
      [UNOPENED_URI, readFileSync(join(projectRoot, '..', 'shared', 'corpus', `${SYMBOL_CABLE}.txt`), 'utf8')],
      [NOT_A_CABLE_URI, 'Notes for the archive trip.\nBring the finding aids.\n'],
    ]);
    const result = await call<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('request', 'initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'archive' }],
      capabilities: {
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
        workspace: { workspaceFolders: true, symbol: {} },
        window: { workDoneProgress: true },
      },
    });
    assert.ok(result.capabilities.hoverProvider, JSON.stringify(result.capabilities));
    await call('notify', 'initialized', {});
    for (const [uri, text] of [
      [SAMPLE_URI, sample],
      [DEFECTIVE_URI, defective],
    ] as const) {
      await call('notify', 'textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    }
  });

  after(async () => {
    await browser?.stop();
    await new Promise((resolve) => http?.close(resolve));
  });

  it('says it runs in a browser worker, with nothing thrown in the worker', async () => {
    const logs = await page.evaluate(() => (globalThis as unknown as { lsp: { logs: () => string[] } }).lsp.logs());
    assert.ok(
      logs.some((line) => /on a browser worker ready; /.test(line)),
      logs.join('\n'),
    );
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { lsp: { errors: string[] } }).lsp.errors), []);
  });

  it('publishes the two problems of the defective fixture, on their lines', async () => {
    const { diagnostics } = await call<{ diagnostics: Diagnostic[] }>('notification', 'textDocument/publishDiagnostics', {
      uri: DEFECTIVE_URI,
    });
    assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics));
    for (const expected of Object.values(DEFECTIVE_PROBLEMS)) {
      const line = lineStartingWith(defective, expected.lineStartsWith);
      const found = diagnostics.find((diagnostic) => diagnostic.range.start.line === line);
      assert.ok(found, `no problem about ${expected.about} on line ${line + 1}: ${JSON.stringify(diagnostics)}`);
      assert.match(found.message, expected.message);
      assert.match(String(found.code), DIAGNOSTIC_CODE);
      assert.equal(found.source, 'cable');
    }
  });

  it("gives the reference cable's outline: its headings, each with its paragraphs", async () => {
    const symbols = await call<DocumentSymbol[]>('request', 'textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    const tree = toOutline(symbols);
    const problems = sampleOutlineProblems(tree);
    assert.deepEqual(problems, [], `${problems.join('\n')}\noutline:\n${formatOutline(tree)}`);
  });

  for (const hover of SAMPLE_HOVERS) {
    it(`explains ${hover.word} on hover`, async () => {
      const position = positionOf(sample, hover.lineIncludes, hover.word);
      const answer = await call<{ contents: { value: string } } | null>('request', 'textDocument/hover', {
        textDocument: { uri: SAMPLE_URI },
        position,
      });
      assert.match(answer?.contents.value ?? '', hover.meaning);
    });
  }

  it(`indexes the folder through the client: ${SYMBOL_CABLE}, never opened, is found by workspace/symbol; the notes are left out`, async () => {
    // The two open cables and the one read through the client; notes.txt does not read as a cable.
    const status = await call<{ files: number; cables: number; skipped: number }>('notification', 'cable/indexStatus', {
      state: 'ready',
      files: 3,
    });
    assert.equal(status.skipped, 0, JSON.stringify(status));
    const serverRequests = await page.evaluate(() => (globalThis as unknown as { lsp: { serverRequests: string[] } }).lsp.serverRequests);
    assert.ok(serverRequests.includes('cable/workspaceFiles') && serverRequests.includes('cable/readFile'), serverRequests.join(', '));
    const found = await call<{ name: string; location: { uri: string } }[]>('request', 'workspace/symbol', { query: SYMBOL_CABLE });
    assert.ok(
      found.some((symbol) => symbol.name.includes(SYMBOL_CABLE) && symbol.location.uri === UNOPENED_URI),
      JSON.stringify(found),
    );
  });
});

function toOutline(symbols: DocumentSymbol[]): OutlineNode[] {
  return symbols.map((symbol) => ({ name: symbol.name, children: toOutline(symbol.children ?? []) }));
}
