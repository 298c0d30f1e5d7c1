/**
 * The built server against hostile input over stdio: a 50 MB file, a 1 MB line, a binary file, unknown
 * documents, positions past the end (and negative ones), a cancelled request, settings of the wrong types.
 * Each gets an empty or capped answer, or an error response — never a crash — small documents are still
 * served meanwhile, no bug is logged, and afterwards the server still outlines the sample.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertInertMarkdown } from '../support/inertMarkdown';
import { ResponseFailure } from './lspClient';
import {
  assertEmptyAnswers,
  loggedErrors,
  openDocument,
  ruleCode,
  SAMPLE_TEXT,
  SAMPLE_URI,
  sampleWithoutMarking,
  startSession,
  type Session,
} from './session';

const FIXTURES = join(__dirname, '..', 'fixtures', 'hostile');
/** Big inputs take seconds to parse on a slow machine; a hang still fails. */
const SLOW_MS = 120_000;
const MAX_SYMBOLS = 5000;
const MAX_PROBLEMS = 1000;

const HUGE_URI = 'file:///tmp/hostile/huge.txt';
const LONG_LINE_URI = 'file:///tmp/hostile/long-line.txt';
const BINARY_URI = 'file:///tmp/hostile/gzipped-cable.txt';
const SMALL_URI = 'file:///tmp/hostile/small.cable';
const UNKNOWN_URI = 'file:///tmp/hostile/never-opened.txt';

/**
 * About 50 MB of cables, each with one paragraph unmarked: far more symbols and problems than the caps. Each copy
 * gets a ref id of its own (copies of one cable would be read as one cable given twice).
 */
function hugeText(): string {
  const cable = sampleWithoutMarking().text;
  const copies = Math.ceil(50_000_000 / cable.length);
  const parts: string[] = new Array(copies);
  for (let k = 0; k < copies; k++) parts[k] = cable.replaceAll('09MEXICO283', `09MEXICO${100000 + k}`);
  return parts.join('');
}

/** Counts a symbol tree. */
function countSymbols(symbols: Array<{ children?: unknown[] }>): number {
  return symbols.reduce((sum, s) => sum + 1 + countSymbols((s.children ?? []) as Array<{ children?: unknown[] }>), 0);
}

describe('hostile input (built server over stdio)', () => {
  let session: Session;

  before(async () => {
    session = await startSession({ settings: { maxNumberOfProblems: MAX_PROBLEMS } });
    openDocument(session.client, SAMPLE_URI, SAMPLE_TEXT);
  });
  after(() => session.client.kill());

  it('caps a 50 MB file, tells the user, and serves a small document meanwhile', { timeout: SLOW_MS * 2 }, async () => {
    const { client } = session;
    const since = client.mark();
    openDocument(client, HUGE_URI, hugeText());
    const symbols = client.request('textDocument/documentSymbol', { textDocument: { uri: HUGE_URI } }, SLOW_MS);
    openDocument(client, SMALL_URI, SAMPLE_TEXT);
    const small = await client.request('textDocument/documentSymbol', { textDocument: { uri: SMALL_URI } }, SLOW_MS);
    assert.equal(small.length, 1, 'the small document is outlined');
    assert.ok(countSymbols(await symbols) <= MAX_SYMBOLS, 'the outline is capped');
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === HUGE_URI, {
      since,
      timeoutMs: SLOW_MS,
    });
    assert.equal(published.diagnostics.length, MAX_PROBLEMS, 'the problems are capped');
    const told = await client.waitForNotification('window/showMessage', (p) => /problems/.test(p.message), { since, timeoutMs: SLOW_MS });
    assert.match(told.message, /huge\.txt/);
    client.notify('textDocument/didClose', { textDocument: { uri: HUGE_URI } });
  });

  it('answers every feature on a 1 MB single line', { timeout: SLOW_MS * 2 }, async () => {
    const { client } = session;
    const line = '¶1. (C) GOM TAGS: PGOV [x](command:evil) '.repeat(25_000);
    openDocument(client, LONG_LINE_URI, line);
    const textDocument = { uri: LONG_LINE_URI };
    const middle = { line: 0, character: line.length >> 1 };
    const end = { line: 0, character: line.length };
    const answers = await Promise.all([
      client.request('textDocument/documentSymbol', { textDocument }, SLOW_MS),
      client.request('textDocument/foldingRange', { textDocument }, SLOW_MS),
      client.request('textDocument/documentLink', { textDocument }, SLOW_MS),
      client.request('textDocument/hover', { textDocument, position: middle }, SLOW_MS),
      client.request('textDocument/completion', { textDocument, position: end }, SLOW_MS),
      client.request('textDocument/definition', { textDocument, position: middle }, SLOW_MS),
      client.request('textDocument/references', { textDocument, position: middle, context: { includeDeclaration: true } }, SLOW_MS),
      client.request(
        'textDocument/codeAction',
        { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } },
        SLOW_MS,
      ),
    ]);
    assert.ok(countSymbols(answers[0]) <= MAX_SYMBOLS, 'the outline is capped');
    assertInertMarkdown(answers[3], 'hover on the long line');
    assertInertMarkdown(answers[4], 'completion on the long line');
    const small = await client.request('textDocument/documentSymbol', { textDocument: { uri: SMALL_URI } }, SLOW_MS);
    assert.equal(small.length, 1);
    client.notify('textDocument/didClose', { textDocument });
  });

  it('reports a binary file opened as cable text with exactly one diagnostic', async () => {
    const { client } = session;
    const since = client.mark();
    // An editor reads a gzip file named .txt as UTF-8: replacement characters and control characters.
    openDocument(client, BINARY_URI, readFileSync(join(FIXTURES, 'gzipped-cable.txt'), 'utf8'));
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === BINARY_URI, { since });
    assert.deepEqual(
      published.diagnostics.map((d: { code: string }) => d.code),
      [ruleCode('binary-content')],
    );
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: BINARY_URI } });
    assert.deepEqual(symbols, []);
  });

  it('gives empty answers for a document that was never opened', async () => {
    await assertEmptyAnswers(session.client, UNKNOWN_URI);
  });

  it('gives empty answers past the end of the sample, and no crash for negative positions', async () => {
    const { client } = session;
    const textDocument = { uri: SAMPLE_URI };
    for (const position of [
      { line: 1_000_000, character: 0 },
      { line: 0, character: 1_000_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ]) {
      assert.equal(await client.request('textDocument/hover', { textDocument, position }), null, `hover ${JSON.stringify(position)}`);
      assert.equal(
        await client.request('textDocument/completion', { textDocument, position }),
        null,
        `completion ${JSON.stringify(position)}`,
      );
      assert.deepEqual(await client.request('textDocument/definition', { textDocument, position }), []);
      assert.deepEqual(
        await client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
        [],
      );
    }
    // Not a valid uinteger: an empty answer or an error response both do, as long as the server lives on.
    const negative = { line: -1, character: -5 };
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
      const answer = await client.request(method, { textDocument, position: negative }).catch((error: unknown) => error);
      assert.ok(
        answer === null || (Array.isArray(answer) && answer.length === 0) || answer instanceof ResponseFailure,
        `${method} at a negative position: ${String(answer)}`,
      );
    }
  });

  it('answers a cancelled request with a result or a cancellation error', async () => {
    const { client } = session;
    // The client numbers its requests in order; the next one gets this id.
    const id = (client as unknown as { nextId: number }).nextId;
    const answer = client.request('textDocument/foldingRange', { textDocument: { uri: SAMPLE_URI } }).catch((error: unknown) => error);
    client.notify('$/cancelRequest', { id });
    const result = await answer;
    assert.ok(
      Array.isArray(result) || (result instanceof ResponseFailure && result.code === -32800),
      `cancelled request answered with ${String(result)}`,
    );
  });

  it('falls back to the defaults for settings of the wrong types', async () => {
    const { client } = session;
    for (const settings of [
      {
        rules: { CBL999: 'fatal', 'missing-portion-marking': 42, ...JSON.parse('{"__proto__": "error"}') },
        maxNumberOfProblems: 'lots',
        acronyms: ['GOM'],
        validate: { enable: 'yes', run: 'sometimes' },
      },
      { rules: 'all', maxNumberOfProblems: -5, acronyms: { GOM: 7 }, validate: null },
      'not an object',
      null,
    ]) {
      session.settings = settings;
      const since = client.mark();
      client.notify('workspace/didChangeConfiguration', { settings: { cable: settings } });
      const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === SAMPLE_URI, { since });
      assert.ok(Array.isArray(published.diagnostics), `diagnostics with settings ${JSON.stringify(settings)}`);
      const hover = await client.request('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 0, character: 3 } });
      assert.ok(hover === null || typeof hover.contents === 'object');
    }
  });

  it('still outlines the sample afterwards, and logged no bug', async () => {
    const symbols = await session.client.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.equal(symbols.length, 1);
    assert.match(symbols[0].name, /09MEXICO283/);
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
