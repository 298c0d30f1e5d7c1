/**
 * `looksLikeCable` (shared/cableDetection.ts), which switches `.txt` files to the `cable` language in the
 * client, as the server and cable-lint pick them: every real cable of the corpus must be recognised from
 * the lines the detector reads, and everyday text files must not be.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SNIFF_LINES, looksLikeCable } from '../../shared/cableDetection';
import { readSample } from '../support/sample';

const SHARED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');
const CORPUS = join(SHARED, 'corpus');

function firstLines(text: string, count = SNIFF_LINES): string {
  return text
    .split(/\r\n|\r|\n/)
    .slice(0, count)
    .join('\n');
}

describe('looksLikeCable on the corpus', () => {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.txt'));

  it('has the 720 cables to check', () => {
    assert.equal(files.length, 720);
  });

  it(`recognises every corpus cable from its first ${SNIFF_LINES} lines`, () => {
    const missed = files.filter((name) => !looksLikeCable(firstLines(readFileSync(join(CORPUS, name), 'utf8'))));
    assert.deepEqual(missed, []);
  });

  it('recognises the reference cable', () => {
    assert.ok(looksLikeCable(readSample()));
  });
});

describe('looksLikeCable signals, each on its own', () => {
  const cases: Record<string, string> = {
    'a ref id as first line': '09MEXICO283\nTHE U.S.-MEXICAN RELATIONSHIP\n',
    'a ref id after blank lines, with CRLF': '\r\n\r\n00HARARE5461\r\nsomething\r\n',
    'a ref id with a byte order mark': '\uFEFF66BUENOSAIRES2481\n',
    'a cables.csv record': '190450\n2009-02-04 17:08:00\n09MEXICO283\nEmbassy Mexico\n',
    'a routing header': 'Some note\nVZCZCXRO3019\nRR RUEHCD\n',
    'an upper-case letter-spaced banner': 'C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283\n',
    'a SECRET banner': 'S E C R E T        TRIPOLI 00498\n',
    'an UNCLAS spaced banner': 'U N C L A S SECTION 01 OF 02 STATE 012345\n',
    'a sentence-case banner': 'C o n f i d e n t i a l section 01 of 04 ankara 000123\n',
    'an UNCLAS banner with post and serial': 'UNCLAS MANAMA 000064\n',
    'an UNCLAS banner with sections': 'UNCLAS SECTION 01 OF 02 THE HAGUE 000123 \n',
    'the partial-extract note':
      'This record is a partial extract of the original cable. The full text of the original cable is not available.\n',
    'a DTG with FM and TO': 'R 041708Z FEB 09\nFM AMEMBASSY MEXICO\nTO RUEHC/SECSTATE WASHDC 4895\n',
    'a DTG with two precedences': 'P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC 1234\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`recognises ${name}`, () => assert.ok(looksLikeCable(text)));
  }
});

describe('looksLikeCable on other text', () => {
  const cases: Record<string, string> = {
    'a README': [
      '# cable-language',
      '',
      'Language support for **diplomatic cables**: diagnostics, outline and hover.',
      '',
      '## Settings',
      '',
      '- `cable.validate.enable` turns checking on or off.',
      '- `cable.rules` sets the severity per rule, e.g. `CBL101`.',
      '',
      '```',
      'npm run package',
      '```',
    ].join('\n'),
    'TypeScript source': [
      "import { readFileSync } from 'node:fs';",
      '',
      'export function main(): void {',
      "  const text = readFileSync('09MEXICO283.txt', 'utf8');",
      "  if (text.startsWith('VZCZC')) console.log('cable');",
      '}',
    ].join('\n'),
    'an e-mail': [
      'From: Jane Doe <jane@example.org>',
      'To: John Roe <john@example.org>',
      'Date: Wed, 4 Feb 2009 17:08:00 +0000',
      'Subject: Re: TO DO for Friday',
      '',
      'Hi John,',
      '',
      'FM radio is fine for the car. TO the point: see you at 1708Z.',
      '',
      'Jane',
    ].join('\n'),
    'a CSV file': [
      'ref_id,created,classification,origin',
      '09MEXICO283,2009-02-04 17:08,CONFIDENTIAL,Embassy Mexico',
      '00HARARE5461,2000-09-27 14:02,CONFIDENTIAL,Embassy Harare',
    ].join('\n'),
    'a letter with an ALL-CAPS line': [
      'Dear Ms. Smith,',
      '',
      'CONFIDENTIAL',
      '',
      'Thank you for your letter of 4 February. As discussed, the committee',
      'will meet on Friday. SUBJECT TO APPROVAL, the budget stands.',
      '',
      'Yours sincerely,',
      'A. Jones',
    ].join('\n'),
    'a log file': ['1', '2024-05-01 10:00:00 INFO started', '2', '2024-05-01 10:00:01 INFO ready'].join('\n'),
    'a number list': ['12', '2024-05-01', '13'].join('\n'),
    'a military-style message without addressees': ['R 041708Z FEB 09', 'Meeting moved to Tuesday.'].join('\n'),
    'letter-spacing inside a line': 'The sign said S E C R E T in red letters.\n',
    'an empty file': '',
    'only whitespace': ' \n\t\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`rejects ${name}`, () => assert.equal(looksLikeCable(text), false));
  }

  it(`looks only at the first ${SNIFF_LINES} lines`, () => {
    const late = `${'prose line\n'.repeat(SNIFF_LINES)}VZCZCXRO3019\n`;
    assert.equal(looksLikeCable(late), false);
    assert.ok(looksLikeCable(`${'prose line\n'.repeat(SNIFF_LINES - 1)}VZCZCXRO3019\n`));
  });
});
