/**
 * One cable detector (`shared/cableDetection.ts`) for the client and the server. Each side reads a file's
 * head its own way — the client the first lines of an open document (`textDetection.ts`) or the first bytes
 * of a file in the folder (`workspaceDetection.ts`), cable-lint and the index the first bytes on disk — and
 * each must decide alike: on every corpus cable, on the probes of `test/fixtures/detection/cables` (heads of
 * real cables in each shape the two old detectors disagreed on) and on the everyday text files of
 * `test/fixtures/detection/others`. The manifest's `firstLine` pattern may accept no file the detector
 * rejects.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, readdirSync, readFileSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SNIFF_BYTES, SNIFF_LINES, looksLikeCable } from '../../shared/cableDetection';
import { isCableFile } from '../../server/src/cli/discover';
import { summariseFile } from '../../server/src/node/workspace/summariseFile';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const PROBES = join(ROOT, 'test', 'fixtures', 'detection');

const txtFiles = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(folder, name));
const corpus = txtFiles(CORPUS);
const cableProbes = txtFiles(join(PROBES, 'cables'));
const otherProbes = txtFiles(join(PROBES, 'others'));

/** What `textDetection.ts` gives the detector: `document.getText()` of the first SNIFF_LINES lines, line breaks kept. */
function clientDocumentHead(text: string): string {
  return (text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? []).slice(0, SNIFF_LINES).join('');
}

/** What `workspaceDetection.ts` gives it: the first SNIFF_BYTES bytes of the file, decoded. */
function clientFileHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(SNIFF_BYTES);
    const length = readSync(fd, bytes, 0, SNIFF_BYTES, 0);
    return new TextDecoder().decode(bytes.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

/** Each reader's decision on one file, by name. */
function decisions(path: string): Record<string, boolean | { reason: string }> {
  const text = readFileSync(path, 'utf8');
  const indexed = summariseFile({ path }, Number.MAX_SAFE_INTEGER);
  return {
    'client, open document': looksLikeCable(clientDocumentHead(text)),
    'client, workspace folder': looksLikeCable(clientFileHead(path)),
    'cable-lint': isCableFile(path),
    'server index': indexed.kind === 'summary',
  };
}

function disagreements(paths: readonly string[], expected: boolean): string[] {
  return paths.flatMap((path) =>
    Object.entries(decisions(path))
      .filter(([, decided]) => decided !== expected)
      .map(([reader, decided]) => `${relative(ROOT, path)}: ${reader} says ${JSON.stringify(decided)}`),
  );
}

describe('the shared cable detector, as each side reads a file', () => {
  it('has the corpus and the probes to check', () => {
    assert.equal(corpus.length, 720);
    assert.ok(cableProbes.length >= 8 && otherProbes.length >= 6);
  });

  it('takes every corpus cable, on every side', () => {
    assert.deepEqual(disagreements(corpus, true), []);
  });

  it('takes every cable probe, on every side', () => {
    assert.deepEqual(disagreements(cableProbes, true), []);
  });

  it('leaves every other text file alone, on every side', () => {
    assert.deepEqual(disagreements(otherProbes, false), []);
  });
});

describe('what the detector reads of a text', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'cable-detection-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`reads the first ${SNIFF_LINES} lines only`, () => {
    assert.equal(looksLikeCable(`${'prose\n'.repeat(SNIFF_LINES)}VZCZCXRO3019\n`), false);
    assert.ok(looksLikeCable(`${'prose\n'.repeat(SNIFF_LINES - 1)}VZCZCXRO3019\n`));
  });

  it(`reads the first ${SNIFF_BYTES} bytes only, counted in UTF-8 as a reader of the file counts them`, () => {
    // 40 lines of 100 two-byte characters: 8,040 bytes, 4,040 characters; the routing header starts on line 41.
    const wide = `${'é'.repeat(100)}\n`.repeat(40);
    const text = `${wide}VZCZCXRO3019\n`;
    assert.ok(text.length < 2 * SNIFF_BYTES);
    assert.equal(looksLikeCable(text), false, 'the whole text, as an open document gives it');
    const path = join(dir, 'wide.txt');
    writeFileSync(path, text);
    assert.equal(isCableFile(path), false, 'the first bytes, as cable-lint reads them');
    assert.equal(looksLikeCable(clientFileHead(path)), false, 'the first bytes, as the client reads them');
    assert.ok(looksLikeCable(`${'é'.repeat(100)}\n`.repeat(10) + 'VZCZCXRO3019\n'), 'within the bytes it is seen');
  });

  it('reads a file with a byte order mark, CRLF line ends or continuation marks as the parser does', () => {
    assert.ok(looksLikeCable('\uFEFF09MEXICO283\r\nTHE U.S.-MEXICAN RELATIONSHIP\r\n'));
    assert.ok(looksLikeCable('09MEXICO283\\\nTHE U.S.-MEXICAN RELATIONSHIP\\\n'));
  });
});

describe("the manifest's firstLine pattern", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { languages: { id: string; firstLine?: string }[] };
  };
  const pattern = manifest.contributes.languages.find((language) => language.id === 'cable')?.firstLine;
  const firstLine = new RegExp(pattern ?? '(?!)');
  const all = [...corpus, ...cableProbes, ...otherProbes];

  it('is declared, and matches the first line of most corpus cables', () => {
    assert.ok(pattern, 'contributes.languages[cable].firstLine');
    const matched = corpus.filter((path) => firstLine.test(readFileSync(path, 'utf8').split(/\r\n|\r|\n/)[0]));
    assert.ok(matched.length > corpus.length / 2, `${matched.length} of ${corpus.length}`);
  });

  it('accepts no file the detector rejects: neither the whole head nor the first line alone', () => {
    const wrong = all.filter((path) => {
      const text = readFileSync(path, 'utf8');
      const line = text.split(/\r\n|\r|\n/)[0];
      return firstLine.test(line) && !(looksLikeCable(text) && looksLikeCable(line));
    });
    assert.deepEqual(
      wrong.map((path) => relative(ROOT, path)),
      [],
    );
  });

  it('accepts no first line of the other text files', () => {
    const lines = [...otherProbes.map((path) => readFileSync(path, 'utf8')), 'SECRET', 'CONFIDENTIAL is a word', 'R 041708Z FEB 09'];
    assert.deepEqual(
      lines.filter((text) => firstLine.test(text.split(/\r\n|\r|\n/)[0])),
      [],
    );
  });
});

describe('one detector in the source', () => {
  const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  const importsOf = (text: string) => [...text.matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]);

  it('the detector and its line recognisers import nothing outside shared/, so the client bundles no server code with them', () => {
    const shared = join(ROOT, 'shared');
    const files = ['cableDetection.ts', ...readdirSync(join(shared, 'cableLines')).map((name) => join('cableLines', name))].map((file) =>
      join(shared, file),
    );
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), specifier);
        assert.ok(specifier.startsWith('.') && target.startsWith(shared + sep), `${relative(ROOT, file)} imports ${specifier}`);
      }
    }
  });

  it('the client, cable-lint and the index import the shared detector, and nothing else defines one', () => {
    for (const file of [
      'client/src/textDetection.ts',
      'client/src/workspaceDetection.ts',
      'server/src/cli/discover.ts',
      'server/src/node/workspace/summariseFile.ts',
    ]) {
      assert.ok(
        importsOf(source(file)).some((specifier) => specifier.endsWith('shared/cableDetection')),
        `${file} imports shared/cableDetection`,
      );
    }
    const definers = ['client/src', 'server/src']
      .flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name)))
      .filter((path) => path.endsWith('.ts') && /function looksLikeCable\b/.test(source(path)));
    assert.deepEqual(definers, []);
  });
});
