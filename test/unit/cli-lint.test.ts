/**
 * Linting one input (`lintSource`) with a stand-in language service, the cable summary read from the
 * real parser's model, and the pieces that keep streamed output in order.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { summarizeCable } from '../../server/src/cli/cableSummary';
import { lintSource, MAX_FILE_BYTES, toReportDiagnostic } from '../../server/src/cli/lintFile';
import { OrderedQueue } from '../../server/src/cli/orderedQueue';
import { ProgressBar, renderBar } from '../../server/src/cli/progress';
import type { LanguageService } from '../../server/src/language/languageService';
import type { CableFile } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { SAMPLE_SUMMARY } from '../fixtures/cli/sampleSummary';
import { SAMPLE_FIXTURE_PATH } from '../support/sample';

const SAMPLE = SAMPLE_FIXTURE_PATH;

/** Parses for real; reports one warning per paragraph, out of position order, so sorting shows. */
function stubService(validate?: () => never): LanguageService {
  return {
    parse: (document: { getText(): string; uri: string }) => parseCableFile(document.getText(), { fileName: document.uri }),
    validate:
      validate ??
      ((model: CableFile) => ({
        diagnostics: model.cables
          .flatMap((cable) => cable.body.paragraphs)
          .reverse()
          .map((p): Diagnostic => ({ range: p.numberToken.range, severity: 2, code: 'CBL101', message: `paragraph ${p.number}` })),
        capped: false,
      })),
  } as unknown as LanguageService;
}

describe('summarizeCable on the reference cable', () => {
  it('reads every field from the model', () => {
    const [cable] = parseCableFile(readFileSync(SAMPLE, 'utf8'), { fileName: SAMPLE }).cables;
    assert.deepEqual(summarizeCable(cable), SAMPLE_SUMMARY);
  });

  it('gives canonical ref ids of telegrams, each REF item with its kind, and the instruction when DECL is no date', () => {
    const text =
      'C O N F I D E N T I A L STATE 012345\n\nE.O. 12958: DECL: OADR\nTAGS: PREL\nSUBJECT: TEST\n\nREF: A. 08 MEXICO 3456 B. MEMO OF MAY 5\n\n1. (C) Text.\n';
    const [cable] = parseCableFile(text).cables;
    const summary = summarizeCable(cable);
    assert.equal(summary.declassifyOn, 'OADR');
    // The memo names no telegram: it is a reference item of its own kind, not an id.
    assert.deepEqual(summary.references, ['08MEXICO3456']);
    assert.deepEqual(summary.referenceItems, [
      { letter: 'A', kind: 'cable', text: '08 MEXICO 3456', ids: ['08MEXICO3456'] },
      { letter: 'B', kind: 'memo', text: 'MEMO OF MAY 5', ids: [] },
    ]);
  });
});

describe('lintSource', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-source-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('parses, validates and sorts problems by position, 1-based', () => {
    const report = lintSource(stubService(), DEFAULT_SETTINGS, { kind: 'file', name: 'sample.txt', path: SAMPLE });
    assert.equal(report.file, 'sample.txt');
    assert.equal(report.cables[0].refId, '09MEXICO283');
    assert.equal(report.diagnostics.length, 12);
    assert.deepEqual(report.diagnostics.map((d) => d.message).slice(0, 2), ['paragraph 1', 'paragraph 2']);
    assert.ok(report.diagnostics.every((d) => d.line >= 1 && d.column >= 1));
  });

  it('lints text already read, such as standard input', () => {
    const report = lintSource(stubService(), DEFAULT_SETTINGS, { kind: 'text', name: '<stdin>', text: readFileSync(SAMPLE, 'utf8') });
    assert.equal(report.file, '<stdin>');
    assert.equal(report.cables[0].paragraphs, 12);
  });

  it('reports a file it cannot read', () => {
    const report = lintSource(stubService(), DEFAULT_SETTINGS, { kind: 'file', name: 'gone.txt', path: join(dir, 'gone.txt') });
    assert.deepEqual(report.failure, { kind: 'unreadable', message: 'no such file' });
  });

  it('skips a file over 50 MB from its size alone', () => {
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES + 1); // sparse: costs no disk
    const report = lintSource(stubService(), DEFAULT_SETTINGS, { kind: 'file', name: 'huge.txt', path: huge });
    assert.equal(report.failure?.kind, 'too-large');
    assert.match(report.failure!.message, /50\.0 MB is over the 50 MB limit/);
  });

  it('keeps a rule that throws as a failure with its stack, not a crash of the run', () => {
    const report = lintSource(
      stubService(() => {
        throw new Error('rule bug');
      }),
      DEFAULT_SETTINGS,
      { kind: 'text', name: 'x', text: 'hello' },
    );
    assert.equal(report.failure?.kind, 'crash');
    assert.equal(report.failure?.message, 'rule bug');
    assert.match(report.failure?.stack ?? '', /rule bug\n\s+at /);
  });
});

describe('toReportDiagnostic', () => {
  it('turns LSP positions 1-based and severities into words', () => {
    const lsp: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 2, character: 7 } },
      severity: 4,
      code: 101,
      message: 'm',
    };
    assert.deepEqual(toReportDiagnostic(lsp), {
      line: 1,
      column: 1,
      endLine: 3,
      endColumn: 8,
      severity: 'hint',
      code: '101',
      message: 'm',
    });
    assert.equal(toReportDiagnostic({ ...lsp, severity: undefined }).severity, 'error');
  });
});

describe('OrderedQueue', () => {
  it('releases results in input order as soon as each one can go', () => {
    const released: string[] = [];
    const queue = new OrderedQueue<string>((item, index) => released.push(`${index}:${item}`));
    queue.push(2, 'c');
    queue.push(1, 'b');
    assert.deepEqual(released, []);
    queue.push(0, 'a');
    assert.deepEqual(released, ['0:a', '1:b', '2:c']);
    queue.push(3, 'd');
    assert.deepEqual(released, ['0:a', '1:b', '2:c', '3:d']);
    assert.equal(queue.released, 4);
  });
});

describe('ProgressBar', () => {
  const terminal = () => {
    const writes: string[] = [];
    return { writes, stream: { isTTY: true, columns: 60, write: (text: string) => writes.push(text) } };
  };

  it('draws a bar that fits the terminal', () => {
    assert.equal(renderBar(5, 10, 1500, 80), `[${'#'.repeat(20)}${'-'.repeat(20)}] 5/10 files 1.5 s`);
    assert.ok(renderBar(1, 3, 0, 30).length <= 30 + 10);
  });

  it('stays hidden for short runs and off a terminal', () => {
    let clock = 0;
    const short = terminal();
    const bar = new ProgressBar(short.stream, 10, true, () => clock);
    bar.tick();
    assert.deepEqual(short.writes, []);
    clock = 1500;
    bar.tick();
    assert.equal(short.writes.length, 1);
    const piped = { writes: [] as string[], stream: { isTTY: false, write: (t: string) => piped.writes.push(t) } };
    const hidden = new ProgressBar(piped.stream, 1000, true, () => 0);
    hidden.tick();
    assert.deepEqual(piped.writes, []);
  });

  it('shows at once for more than 200 files, and --no-progress hides it', () => {
    const many = terminal();
    new ProgressBar(many.stream, 201, true, () => 0).tick();
    assert.match(many.writes[0], /^\r\[#*-*\] 1\/201 files 0\.0 s\x1b\[K$/);
    const off = terminal();
    new ProgressBar(off.stream, 201, false, () => 0).tick();
    assert.deepEqual(off.writes, []);
  });

  it('steps aside for output and comes back, so they never share a line', () => {
    const t = terminal();
    const bar = new ProgressBar(t.stream, 500, true, () => 0);
    bar.interrupt(() => t.writes.push('before the bar\n'));
    assert.deepEqual(t.writes, ['before the bar\n']);
    bar.tick();
    bar.interrupt(() => t.writes.push('output\n'));
    assert.deepEqual(
      t.writes.slice(1, 4).map((w) => w.slice(0, 5)),
      ['\r[---', '\r\x1b[K', 'outpu'],
    );
    assert.match(t.writes[4], /^\r\[.*\] 1\/500 files/);
    bar.stop();
    assert.equal(t.writes.at(-1), '\r\x1b[K');
  });
});
