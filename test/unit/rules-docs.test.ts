/**
 * The rules' pages (`docs/rules/CBL501.md`): one per registered rule and a rule for every page, each naming its
 * rule, level and summary as the registry does, and each example true: a `cable fires` block gets the rule, a
 * `cable quiet` block does not. The link every diagnostic carries goes to that page, under the repository the
 * manifest names.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { RULES } from '../../server/src/language/rules/registry';
import { RULE_DOCS_BASE_URL, ruleDocsPath, ruleDocsUrl } from '../../server/src/language/rules/ruleDocs';
import { validateCableFile } from '../../server/src/language/rules/validate';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');
const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md'));

/** The fenced blocks of a page whose info string is `cable fires` or `cable quiet`, with their line. */
function examples(markdown: string): Array<{ kind: 'fires' | 'quiet'; text: string; line: number }> {
  const found: Array<{ kind: 'fires' | 'quiet'; text: string; line: number }> = [];
  const fence = /^```cable (fires|quiet)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    found.push({ kind: match[1] as 'fires' | 'quiet', text: match[2], line: markdown.slice(0, match.index).split('\n').length });
  }
  return found;
}

function codesOf(text: string): string[] {
  const model = parseCableFile(text, { fileName: 'example.cable' });
  return validateCableFile(model, DEFAULT_SETTINGS, getDictionaries()).diagnostics.map((d) => String(d.code));
}

/** Rules no text can trigger (a bug in a rule or the parser), or only bytes a page cannot show (control characters). */
const NO_TEXT_EXAMPLE = new Set(['CBL000', 'CBL002']);

describe('rule pages', () => {
  it('exist for every registered rule, and every page is a registered rule', () => {
    assert.deepEqual(pages.map((name) => name.replace(/\.md$/, '')).sort(), RULES.map((rule) => rule.code).sort());
  });

  for (const rule of RULES) {
    describe(`${rule.code} ${rule.name}`, () => {
      const path = join(ROOT, ruleDocsPath(rule.code));
      const markdown = readFileSync(path, 'utf8');

      it('names the rule, its default level and its summary as the registry does', () => {
        assert.equal(markdown.split('\n')[0], `# ${rule.code} \`${rule.name}\``);
        assert.ok(markdown.includes(`**Default level:** ${rule.severity}`), 'the default level');
        assert.ok(markdown.includes(rule.description), `the registry's summary: ${rule.description}`);
        for (const section of ['## What it checks', '## Why', '## Examples']) assert.ok(markdown.includes(`\n${section}\n`), section);
      });

      it('has examples that are true', () => {
        const blocks = examples(markdown);
        if (!NO_TEXT_EXAMPLE.has(rule.code)) {
          assert.ok(
            blocks.some((b) => b.kind === 'fires'),
            'an example that fires',
          );
          assert.ok(
            blocks.some((b) => b.kind === 'quiet'),
            'an example that does not',
          );
        }
        for (const block of blocks) {
          const codes = codesOf(block.text);
          if (block.kind === 'fires')
            assert.ok(codes.includes(rule.code), `line ${block.line}: expected ${rule.code}, got ${codes.join(', ') || 'nothing'}`);
          else assert.ok(!codes.includes(rule.code), `line ${block.line}: expected no ${rule.code}`);
        }
      });
    });
  }
});

describe('rule page links', () => {
  it('point into the repository the manifest names, one page per code', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const repository = String(manifest.repository.url).replace(/\.git$/, '');
    assert.equal(RULE_DOCS_BASE_URL, `${repository}/blob/main/docs/rules/`);
    assert.equal(ruleDocsUrl('CBL501'), 'https://github.com/cable-tools/cable-language/blob/main/docs/rules/CBL501.md');
  });

  it('come with every diagnostic as its codeDescription', () => {
    const text =
      'C O N F I D E N T I A L MEXICO 000283\n\nE.O. 12958: DECL: 01/15/2019\nTAGS: PGOV PGGV MX\nSUBJECT: TEST\n\n1. (C) Text.\n\n2. Text.\n';
    const diagnostics = validateCableFile(parseCableFile(text), DEFAULT_SETTINGS, getDictionaries()).diagnostics;
    assert.ok(diagnostics.length >= 2);
    for (const d of diagnostics) assert.deepEqual(d.codeDescription, { href: ruleDocsUrl(String(d.code)) });
  });

  it('link each code of the README rule table to its page', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const rule of RULES) assert.ok(readme.includes(`| [${rule.code}](${ruleDocsPath(rule.code)}) |`), `the README links ${rule.code}`);
  });
});
