/** The escaper: untrusted text comes out as plain words in any markdown renderer. */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { escapeMarkdown, paragraphs, strong } from '../../server/src/language/features/markdown';

const HOSTILE = [
  '[click](command:workbench.action.terminal.new)',
  '![pixel](http://evil.example/p.png)',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> <b>bold</b>',
  'http://evil.example www.evil.example mail@evil.example <http://evil.example>',
  '**strong** _em_ `code` ~~gone~~ | a | b |',
  '# heading',
  '1. item',
  '- bullet',
  '> quote',
  '[ref]: http://evil.example',
  '&amp; &#60; &lt;',
  '$(zap) icon syntax',
];

/** A renderer close to what editors use, when the installed packages have one (markdown-it comes with vsce). */
function markdownRenderer(): ((text: string) => string) | undefined {
  try {
    const load = createRequire(__filename);
    const MarkdownIt = load('markdown-it') as new (options: object) => { render(text: string): string };
    const renderer = new MarkdownIt({ html: true, linkify: true });
    return (text) => renderer.render(text);
  } catch {
    return undefined;
  }
}

describe('escapeMarkdown', () => {
  it('turns HTML specials into entities', () => {
    assert.equal(escapeMarkdown('<b>A & B</b>'), '&lt;b&gt;A &amp; B&lt;/b&gt;');
  });

  it('escapes link, image and emphasis syntax', () => {
    assert.equal(
      escapeMarkdown('![i](u) [l](command:x) *a* _b_ `c`'),
      '\\!\\[i\\]\\(u\\) \\[l\\]\\(command\\:x\\) \\*a\\* \\_b\\_ \\`c\\`',
    );
  });

  it('breaks autolinks: the scheme colon, the www dot and the e-mail at are escaped', () => {
    assert.equal(escapeMarkdown('http://a.example www.b.example c@d.example'), 'http\\://a\\.example www\\.b\\.example c\\@d\\.example');
  });

  it('keeps text on one line, so no block syntax can start', () => {
    assert.equal(escapeMarkdown('one\n# two\n\n- three'), 'one \\# two \\- three');
  });

  it('drops control and bidirectional override characters', () => {
    assert.equal(escapeMarkdown('a\u0000b\u202Ec\u2066d'), 'abcd');
  });

  it('cuts long text with an ellipsis', () => {
    const long = 'A'.repeat(500);
    assert.equal(escapeMarkdown(long, 10), `${'A'.repeat(9)}…`);
  });

  it('leaves harmless punctuation alone so plain-text clients stay readable', () => {
    assert.equal(escapeMarkdown('Attorney General\'s Office, 2009; 50/50 = "half"?'), 'Attorney General\'s Office, 2009; 50/50 = "half"?');
  });

  it('renders hostile text as plain words, with no link, image, HTML or code', (t) => {
    const render = markdownRenderer();
    if (!render) {
      t.skip('no markdown renderer installed');
      return;
    }
    for (const text of HOSTILE) {
      const html = render(`${strong(text)} — ${escapeMarkdown(text)}`);
      assert.doesNotMatch(html, /<(?!\/?(?:p|strong)>)/, `${text} rendered as ${html}`);
    }
  });
});

describe('strong and paragraphs', () => {
  it('bolds escaped text and drops empty blocks', () => {
    assert.equal(strong('a*b'), '**a\\*b**');
    assert.equal(strong(''), '');
    assert.equal(paragraphs(['a', undefined, '', false, 'b']), 'a\n\nb');
  });
});
