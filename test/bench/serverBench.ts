/**
 * The built server as an editor sees it, over stdio: time from process start to the sample's first
 * diagnostics, documentSymbol and hover on a 1 MB file, an edit of it re-diagnosed, and memory (RSS of the
 * server process) after opening 1,000 corpus cables.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LspClient } from '../lsp/lspClient';
import { editDocument, openDocument, startSession } from '../lsp/session';
import { summarise, timeAsync, type Timing } from './measure';

export interface ServerFigures {
  firstDiagnostics: Timing;
  symbols: Timing;
  hover: Timing;
  editDiagnostics: Timing;
  rssMb: number;
  openedCount: number;
}

async function firstDiagnostics(sample: string): Promise<number> {
  const start = performance.now();
  const session = await startSession();
  try {
    openDocument(session.client, 'file:///bench/sample.cable', sample);
    await session.client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === 'file:///bench/sample.cable');
    return performance.now() - start;
  } finally {
    await session.client.shutdown();
  }
}

/** Resident memory of a process from /proc, in MB. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status);
  return kb ? +kb[1] / 1024 : Number.NaN;
}

export async function measureServer(sample: string, large: string, corpus: string[]): Promise<ServerFigures> {
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) starts.push(await firstDiagnostics(sample));

  const session = await startSession();
  const client: LspClient = session.client;
  try {
    const uri = 'file:///bench/large.cable';
    const since = client.mark();
    openDocument(client, uri, large);
    await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri, { since, timeoutMs: 60_000 });
    const symbols = await timeAsync(() => client.request('textDocument/documentSymbol', { textDocument: { uri } }), 7);
    const line = large.split('\n').findIndex((l) => l.startsWith('TAGS:'));
    const hover = await timeAsync(
      () => client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 7 } }),
      7,
    );

    let text = large;
    const edits: number[] = [];
    for (let version = 2; version < 9; version++) {
      const mark = client.mark();
      const start = performance.now();
      // Type one character and take it back again, as a user would.
      text =
        version % 2
          ? editDocument(client, uri, text, version, 'SummarY.', 'Summary.')
          : editDocument(client, uri, text, version, 'Summary.', 'SummarY.');
      await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, {
        since: mark,
        timeoutMs: 60_000,
      });
      edits.push(performance.now() - start);
    }

    const opened = corpus.slice(0, 1000);
    for (let i = 0; i < 1000; i++) openDocument(client, `file:///bench/corpus/${i}.cable`, opened[i % opened.length]);
    // Requests are answered in order, so this answer comes after every open was handled.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/corpus/999.cable' } }, 120_000);
    return {
      firstDiagnostics: summarise(starts),
      symbols,
      hover,
      editDiagnostics: summarise(edits),
      rssMb: rssOf(client.process.pid!),
      openedCount: 1000,
    };
  } finally {
    await client.shutdown(30_000);
  }
}
