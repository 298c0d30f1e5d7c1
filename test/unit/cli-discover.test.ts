/**
 * File discovery for cable-lint: explicit files always, folders walked in name order for `.cable` files
 * and `.txt` files that look like cables (or what `--glob` chooses), and unreadable paths kept in place.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeFsError, discoverInputs, isCableFile, type LintInput } from '../../server/src/cli/discover';
import { looksLikeCable } from '../../server/src/language/cableDetection';
import { readSample } from '../support/sample';

const SHARED = join(__dirname, '..', '..', '..', 'shared');
const CORPUS = join(SHARED, 'corpus');

const names = (inputs: LintInput[]) =>
  inputs.map((input) => (input.kind === 'unreadable' ? `${input.name} (${input.reason})` : input.name));

describe('looksLikeCable', () => {
  it('recognises every corpus cable and the reference cable', () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('.txt'));
    assert.equal(files.length, 720);
    const missed = files.filter((name) => !looksLikeCable(readFileSync(join(CORPUS, name), 'utf8').slice(0, 4096)));
    assert.deepEqual(missed, []);
    assert.ok(looksLikeCable(readSample()));
  });

  const cables: Record<string, string> = {
    'a ref id line': '\n09MEXICO283\nTITLE\n',
    'a cables.csv record': '86237\n2006-11-17 23:37:00\n06MEXICO6546\nEmbassy Mexico\n',
    'a routing header': 'VZCZCXRO3019\nRR RUEHCD\n',
    'a letter-spaced banner': 'C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283\n',
    'a sentence-case banner': 'C o n f i d e n t i a l section 01 of 04 ankara 001234\n',
    'an UNCLAS banner': 'UNCLAS SAN JOSE 000123\n',
    'the partial-extract note':
      'This record is a partial extract of the original cable. The full text of the original cable is not available.\n',
    'a DTG with FM and TO': 'P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n',
  };
  for (const [what, text] of Object.entries(cables)) {
    it(`accepts ${what}`, () => assert.ok(looksLikeCable(text)));
  }

  const others: Record<string, string> = {
    'an empty file': '',
    'prose quoting a banner': 'The header read (`C O N F I D E N T I A L section 01 of 04 ankara`) as usual.\n',
    'a DTG without addresses': 'R 041708Z FEB 09\nThe convoy left.\n',
    'a plain classification word': 'SECRET\nThe plan is simple.\n',
    'a CSV header': 'ref_id,created,released\n09MEXICO283,2009-02-04,2010\n',
  };
  for (const [what, text] of Object.entries(others)) {
    it(`rejects ${what}`, () => assert.ok(!looksLikeCable(text)));
  }
});

describe('discoverInputs', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cable-lint-discover-'));
    const files: Record<string, string> = {
      'b/09MEXICO283.txt': '09MEXICO283\n',
      'b/notes.txt': 'Shopping list\n',
      'a/z.cable': 'anything\n',
      'a/deep/er/UNCLAS.txt': 'UNCLAS SAN JOSE 000123\n',
      'a/readme.md': '09MEXICO283\n',
      '.git/x.cable': 'hidden\n',
      'node_modules/pkg/y.cable': 'dependency\n',
      'top.TXT': 'VZCZCXRO3019\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders depth-first in name order, taking .cable files and cable-like .txt files', () => {
    const inputs = discoverInputs(['.'], { globs: [], cwd: root }).inputs;
    assert.deepEqual(names(inputs), ['a/deep/er/UNCLAS.txt', 'a/z.cable', 'b/09MEXICO283.txt', 'top.TXT']);
  });

  it('names files as the user wrote the folder', () => {
    assert.deepEqual(names(discoverInputs(['b'], { globs: [], cwd: root }).inputs), [join('b', '09MEXICO283.txt')]);
    const absolute = discoverInputs([join(root, 'b')], { globs: [], cwd: '/' }).inputs;
    assert.deepEqual(names(absolute), [join(root, 'b', '09MEXICO283.txt')]);
  });

  it('always takes files given explicitly, whatever their extension or content', () => {
    const { inputs } = discoverInputs(['a/readme.md', 'b/notes.txt'], { globs: [], cwd: root });
    assert.deepEqual(names(inputs), ['a/readme.md', 'b/notes.txt']);
    assert.equal(inputs[0].kind === 'file' && inputs[0].path, join(root, 'a', 'readme.md'));
  });

  it('lets --glob choose the files in folders instead of the cable test', () => {
    assert.deepEqual(names(discoverInputs(['.'], { globs: ['*.md', 'b/*.txt'], cwd: root }).inputs), [
      'a/readme.md',
      'b/09MEXICO283.txt',
      'b/notes.txt',
    ]);
    assert.deepEqual(names(discoverInputs(['a'], { globs: ['deep/**'], cwd: root }).inputs), [join('a', 'deep/er/UNCLAS.txt')]);
  });

  it('keeps stdin and missing paths in their place, and each file once', () => {
    const { inputs } = discoverInputs(['missing.txt', '-', 'b/09MEXICO283.txt', 'b'], { globs: [], cwd: root });
    assert.deepEqual(names(inputs), ['missing.txt (no such file)', '<stdin>', 'b/09MEXICO283.txt']);
    assert.equal(inputs[1].kind, 'stdin');
  });

  it('names the folders that held nothing to lint', () => {
    assert.deepEqual(discoverInputs(['a', 'b', '.'], { globs: ['*.none'], cwd: root }).emptyFolders, ['a', 'b', '.']);
    assert.deepEqual(discoverInputs(['a', 'b'], { globs: [], cwd: root }).emptyFolders, []);
  });

  it('follows a symlinked folder once, even when it loops', () => {
    const loop = mkdtempSync(join(tmpdir(), 'cable-lint-loop-'));
    try {
      writeFileSync(join(loop, 'a.cable'), 'x\n');
      symlinkSync(loop, join(loop, 'again'));
      assert.deepEqual(names(discoverInputs([loop], { globs: [], cwd: '/' }).inputs), [join(loop, 'a.cable')]);
    } finally {
      rmSync(loop, { recursive: true, force: true });
    }
  });

  it(
    'reports a .txt file it cannot open instead of passing over it',
    { skip: process.getuid?.() === 0 ? 'root reads every file' : false },
    () => {
      const locked = join(root, 'b', 'locked.txt');
      writeFileSync(locked, '09MEXICO283\n');
      chmodSync(locked, 0);
      try {
        assert.ok(names(discoverInputs(['b'], { globs: [], cwd: root }).inputs).includes(`${join('b', 'locked.txt')} (permission denied)`));
      } finally {
        rmSync(locked);
      }
    },
  );
});

describe('isCableFile and describeFsError', () => {
  it('decides by extension, then by the first lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-is-'));
    try {
      writeFileSync(join(dir, 'x.cable'), '');
      writeFileSync(join(dir, 'y.txt'), 'U N C L A S SECTION 01 OF 02 BERN 000896\n');
      writeFileSync(join(dir, 'z.csv'), '09MEXICO283\n');
      assert.equal(isCableFile(join(dir, 'x.cable')), true);
      assert.equal(isCableFile(join(dir, 'y.txt')), true);
      assert.equal(isCableFile(join(dir, 'z.csv')), false);
      assert.deepEqual(isCableFile(join(dir, 'gone.txt')), { reason: 'no such file' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('words errno codes as a user reads them', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    assert.equal(describeFsError(err('ENOENT')), 'no such file');
    assert.equal(describeFsError(err('EACCES')), 'permission denied');
    assert.equal(describeFsError(err('EWHATEVER')), 'EWHATEVER');
  });
});
