/** The language features over the wire: outline, folding, hover, completion, quick fix, and the empty answers. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SAMPLE_TEXT,
  SAMPLE_URI,
  assertEmptyAnswers,
  loggedErrors,
  openDocument,
  positionAt,
  ruleCode,
  sampleWithoutMarking,
  startSession,
  type Session,
} from './session';

describe('language features (built server over stdio)', () => {
  let session: Session;
  const UNMARKED_URI = 'file:///tmp/features/unmarked-paragraph.cable';
  const UNKNOWN_URI = 'file:///tmp/features/never-opened.cable';
  const tagsLine = positionAt(SAMPLE_TEXT, SAMPLE_TEXT.indexOf('TAGS: PGOV')).line;

  before(async () => {
    session = await startSession();
    openDocument(session.client, SAMPLE_URI, SAMPLE_TEXT);
  });
  after(() => session.client.kill());

  it('outlines the cable', async () => {
    const symbols = await session.client.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.equal(symbols.length, 1, 'one cable in the file');
    assert.match(symbols[0].name, /09MEXICO283/);
    assert.ok(symbols[0].children.length > 0);
  });

  it('folds the parts of the cable', async () => {
    const ranges = await session.client.request('textDocument/foldingRange', { textDocument: { uri: SAMPLE_URI } });
    assert.ok(ranges.length > 0);
    assert.ok(ranges.every((r: any) => r.startLine < r.endLine));
  });

  it('explains a TAG on hover', async () => {
    const hover = await session.client.request('textDocument/hover', {
      textDocument: { uri: SAMPLE_URI },
      position: { line: tagsLine, character: 7 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /PGOV/);
    assert.deepEqual(hover.range, { start: { line: tagsLine, character: 6 }, end: { line: tagsLine, character: 10 } });
  });

  it('completes TAGs', async () => {
    const list = await session.client.request('textDocument/completion', {
      textDocument: { uri: SAMPLE_URI },
      position: { line: tagsLine, character: 6 },
    });
    assert.ok(list.items.some((item: any) => item.label === 'PGOV'));
  });

  it('offers the quick fixes that insert a missing marking, and links the diagnostic to its rule page', async () => {
    const { client } = session;
    const since = client.mark();
    const { text, line } = sampleWithoutMarking();
    openDocument(client, UNMARKED_URI, text);
    const published = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === UNMARKED_URI, { since });
    const missing = published.diagnostics.find((d: any) => d.code === ruleCode('missing-portion-marking'));
    assert.ok(missing, 'the diagnostic to fix');
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri: UNMARKED_URI },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    });
    // One fix per level the cable allows, none preferred: the marking is not in the text.
    const inserts = actions.filter((action: any) => action.title.startsWith('Insert'));
    assert.deepEqual(
      inserts.map((action: any) => [action.kind, action.title, action.isPreferred]),
      [
        ['quickfix', "Insert (U) — changes the record's text", undefined],
        ['quickfix', "Insert (SBU) — changes the record's text", undefined],
        ['quickfix', "Insert (C) — changes the record's text", undefined],
      ],
    );
    const edits = inserts[2].edit.changes[UNMARKED_URI];
    assert.ok(edits.some((edit: any) => edit.range.start.line === line && /\(C\)/.test(edit.newText)));
    assert.match(
      missing.codeDescription?.href ?? '',
      /^https:\/\/github\.com\/cable-tools\/cable-language\/blob\/main\/docs\/rules\/CBL501\.md$/,
    );
  });

  it('finds the open cables as workspace symbols', async () => {
    const symbols = await session.client.request('workspace/symbol', { query: '09MEXICO283' });
    assert.ok(symbols.some((s: any) => s.location.uri === SAMPLE_URI));
  });

  it('answers empty for a document it does not know', async () => {
    await assertEmptyAnswers(session.client, UNKNOWN_URI);
  });

  it('answers empty for a position past the end of the document', async () => {
    const { client } = session;
    const textDocument = { uri: SAMPLE_URI };
    for (const position of [
      { line: 10_000, character: 0 },
      { line: tagsLine, character: 500 },
    ]) {
      assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
      assert.equal(await client.request('textDocument/completion', { textDocument, position }), null);
      assert.deepEqual(await client.request('textDocument/definition', { textDocument, position }), []);
    }
  });

  it('is still alive and answering after all that', async () => {
    const symbols = await session.client.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.equal(symbols.length, 1);
  });

  it('logged no error', () => {
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
