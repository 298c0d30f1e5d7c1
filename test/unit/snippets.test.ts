/**
 * The new-cable skeletons, expanded as a user who accepts the defaults would: the snippet file's (with routing
 * header) and the server's completion item. Each passes its own rules except its placeholders, which CBL413
 * flags until they are filled; filled, the cable is clean. No snippet numbers a paragraph on its own.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/language/languageService';
import { CABLE_SKELETON } from '../../server/src/language/features/completionSnippets';
import { PLACEHOLDERS } from '../../server/src/language/rules/placeholders';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { expandSnippet } from '../support/snippetExpansion';

const ROOT = join(__dirname, '..', '..');
const SNIPPETS = JSON.parse(readFileSync(join(ROOT, 'snippets', 'cable.json'), 'utf8')) as Record<
  string,
  { prefix: string | string[]; body: string | string[]; description: string }
>;
const TEMPLATE = [SNIPPETS['New cable'].body].flat().join('\n');
/** VS Code's variables at 17:08 on 4 February 2026 (day 035 of the year). */
const NOW = { CURRENT_DATE: '04', CURRENT_HOUR: '17', CURRENT_MINUTE: '08', CURRENT_MONTH_NAME_SHORT: 'Feb', CURRENT_YEAR_SHORT: '26' };

const service = getLanguageService();

function validate(text: string): Diagnostic[] {
  const document = TextDocument.create('file:///w/new.cable', 'cable', 1, text);
  return service.validate(service.parse(document), DEFAULT_SETTINGS).diagnostics;
}

/** The text a diagnostic covers. */
function covered(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic.range;
  return start.line === end.line ? lines[start.line].slice(start.character, end.character) : lines[start.line].slice(start.character);
}

const problems = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);

describe('the snippet file’s new-cable template', () => {
  const text = expandSnippet(TEMPLATE, NOW);

  it('expands to a cable whose first choices agree: CONFIDENTIAL, ZNY CCCCC, (C), routine', () => {
    assert.deepEqual(text.split('\n').slice(0, 9), [
      'VZCZCXRO0001',
      'RR RUEHC',
      'DE RUEHXX #0001/01 DDD1708',
      'ZNY CCCCC ZZH',
      'R 041708Z FEB 26',
      'FM AMEMBASSY POST',
      'TO RUEHC/SECSTATE WASHDC 0001',
      '',
      'C O N F I D E N T I A L POST 000001',
    ]);
    assert.match(text, /^E\.O\. 13526: DECL: MM\/DD\/YYYY$/m);
    assert.match(text, /^¶1\. \(C\) $/m);
  });

  it('gets no warning or error but on its placeholders: CBL413 on each, and the DE line’s DDD', () => {
    const found = problems(validate(text));
    assert.deepEqual(
      found.filter((d) => d.code === 'CBL413').map((d) => covered(text, d)),
      [
        PLACEHOLDERS.station,
        PLACEHOLDERS.from,
        PLACEHOLDERS.post,
        PLACEHOLDERS.decl,
        PLACEHOLDERS.subject,
        PLACEHOLDERS.classifiedBy,
        PLACEHOLDERS.signature,
      ],
    );
    // The DE line's day of the year cannot be a default (no snippet variable gives it): the line's shape is wrong until it is typed.
    const others = found.filter((d) => d.code !== 'CBL413');
    assert.deepEqual(
      others.map((d) => [d.code, covered(text, d)]),
      [['CBL201', 'DE RUEHXX #0001/01 DDD1708']],
    );
  });

  it('is clean once its placeholders are filled, whichever level is chosen', () => {
    const filled = {
      3: 'RUEHME',
      5: '035',
      12: 'MEXICO',
      16: '02/04/2036',
      18: 'JUDICIAL REFORM IN MEXICO',
      19: 'POLCOUNS CHARLES V. BARCLAY',
      22: 'GARZA',
    };
    const levels = [
      { 6: 'ZNY CCCCC', 14: 'C O N F I D E N T I A L', 21: 'C' },
      { 6: 'ZNY SSSSS', 14: 'S E C R E T', 21: 'S' },
      { 6: 'ZNR UUUUU', 14: 'U N C L A S', 21: 'U' },
    ];
    for (const level of levels) {
      const cable = expandSnippet(TEMPLATE, NOW, { ...filled, ...level });
      assert.deepEqual(
        problems(validate(cable)).map((d) => `${d.code} ${d.message}`),
        [],
        cable,
      );
    }
  });
});

describe('the server’s new-cable skeleton (completion)', () => {
  const item = service.doComplete(
    TextDocument.create('file:///w/new.cable', 'cable', 1, ''),
    service.parse(TextDocument.create('file:///w/new.cable', 'cable', 1, '')),
    { line: 0, character: 0 },
  ).items[0];
  const text = expandSnippet((item.textEdit as TextEdit).newText);

  it('is the skeleton completion offers in an empty document', () => {
    assert.equal(item.label, 'New cable');
    assert.equal((item.textEdit as TextEdit).newText, CABLE_SKELETON);
  });

  it('gets no warning or error but CBL413 on each placeholder', () => {
    const found = problems(validate(text));
    assert.deepEqual(
      found.map((d) => [d.code, covered(text, d)]),
      [PLACEHOLDERS.post, PLACEHOLDERS.decl, PLACEHOLDERS.subject, PLACEHOLDERS.classifiedBy, PLACEHOLDERS.signature].map((p) => [
        'CBL413',
        p,
      ]),
    );
  });

  it('is clean once its placeholders are filled, whichever level is chosen', () => {
    const filled = {
      2: 'MEXICO',
      3: '000283',
      5: '01/15/2019',
      7: 'JUDICIAL REFORM IN MEXICO',
      8: 'POLCOUNS CHARLES V. BARCLAY',
      12: 'GARZA',
    };
    for (const [banner, marking] of [
      ['C O N F I D E N T I A L', 'C'],
      ['S E C R E T', 'S'],
      ['U N C L A S', 'U'],
    ]) {
      const cable = expandSnippet(CABLE_SKELETON, {}, { ...filled, 1: banner, 11: marking });
      assert.deepEqual(
        problems(validate(cable)).map((d) => `${d.code} ${d.message}`),
        [],
        cable,
      );
    }
  });
});

describe('snippets/cable.json', () => {
  it('numbers no paragraph but the skeleton’s first: numbered paragraphs come from completion, which counts', () => {
    for (const [name, snippet] of Object.entries(SNIPPETS)) {
      const body = [snippet.body].flat().join('\n');
      const numbers = body.match(/^¶?(?:\d+|\$\{\d+[:|][^}]*\})\.(?= )/gm) ?? [];
      assert.deepEqual(numbers, name === 'New cable' ? ['¶1.'] : [], name);
    }
  });
});
