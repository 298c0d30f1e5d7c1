/**
 * The Cable Preview's HTML (client/src/preview/previewHtml.ts): the page's Content-Security-Policy, the header card
 * and body of the reference cable, links to cited cables by key only, and a hostile cable (`<script>`,
 * `javascript:` links, `"onerror=` text, HTML in every field and in the user's acronyms) rendered as text only;
 * and, as properties, generated cables with payloads in every part, and soiled documents of every shape.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  citationTarget,
  contentSecurityPolicy,
  escapeHtml,
  renderPreviewBody,
  renderPreviewPage,
} from '../../client/src/preview/previewHtml';
import type { PreviewDocument } from '../../shared/previewProtocol';
import { getDictionaries } from '../../server/src/language/dicts/dictionaries';
import { getPreview } from '../../server/src/language/features/preview';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { DEFAULT_SETTINGS, type LanguageSettings } from '../../server/src/language/settings';
import { InMemoryWorkspaceIndex } from '../../server/src/language/workspace/workspaceIndex';
import { readSample } from '../support/sample';
import { cableDocument, payloadCable, runParameters } from '../support/fragments';

const SAMPLE = readSample();
const WORKSPACE_FIXTURES = join(__dirname, '..', 'fixtures', 'workspace');

function previewOf(
  text: string,
  name: string,
  settings: LanguageSettings = DEFAULT_SETTINGS,
  workspace?: InMemoryWorkspaceIndex,
): PreviewDocument {
  const document = TextDocument.create(`file:///w/${name}`, 'cable', 1, text);
  return getPreview(document, parseCableFile(text, { fileName: name }), { dictionaries: getDictionaries(), settings, workspace });
}

/** The tags and attributes this renderer writes; anything else in its output came from a cable. */
const ALLOWED_TAGS = new Set([
  'article',
  'header',
  'div',
  'span',
  'h1',
  'h2',
  'dl',
  'dt',
  'dd',
  'ul',
  'li',
  'p',
  'code',
  'abbr',
  'a',
  'time',
  'section',
  'br',
  'details',
  'summary',
]);
const ALLOWED_ATTRIBUTES = new Set(['class', 'title', 'data-line', 'data-end-line', 'data-cite', 'href', 'role', 'datetime', 'aria-label']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*>/g;
const ATTRIBUTE = /\s+([a-zA-Z-]+)="([^"]*)"/g;

/** Every tag is one of ours with only our attributes, `href` is only `#`, and no `<` stands outside a tag. */
function assertOnlyOwnMarkup(html: string): void {
  for (const match of html.matchAll(TAG)) {
    assert.ok(ALLOWED_TAGS.has(match[2].toLowerCase()), `tag <${match[2]}>`);
    for (const attribute of match[3].matchAll(ATTRIBUTE)) {
      assert.ok(ALLOWED_ATTRIBUTES.has(attribute[1]), `attribute ${attribute[1]} on <${match[2]}>`);
      if (attribute[1] === 'href') assert.equal(attribute[2], '#');
      if (attribute[1] === 'data-cite') assert.match(attribute[2], /^\d+\.\d+\.\d+$/);
      if (attribute[1] === 'class') assert.match(attribute[2], /^[a-z0-9 -]+$/i);
    }
  }
  const outside = html.replace(TAG, '');
  assert.ok(!/[<>]/.test(outside), `markup outside the renderer's own: ${outside.match(/.{0,40}[<>].{0,40}/)?.[0]}`);
}

const HOSTILE = `09MEXICO666
<script>alert('title')</script>
Wed Feb 04 00:00:00 +0100 2009
CONFIDENTIAL
Embassy Mexico
FM AMEMBASSY MEXICO
TO RUEHC/SECSTATE WASHDC 4895

C O N F I D E N T I A L MEXICO 000666

SIPDIS

E.O. 12958: DECL: 01/15/2019
TAGS: PGOV <img src=x onerror=alert(1)> MX
SUBJECT: <script>alert(document.cookie)</script> "onerror=alert(2)${' '}

REF: A. 08 MEXICO 3456 <a href="javascript:alert(3)">click</a>
     B. javascript:alert(4)

Classified By: <b onmouseover="alert(5)">POLCOUNS</b>. REASONS 1.4(b)

¶1. (C) Summary. <script>alert(6)</script> and <img src=x "onerror=alert(7)>
and a [link](javascript:alert(8)) and <a href="javascript:alert(9)">GOM</a>. End Summary.

<iframe src="https://evil.example/"></iframe> Heading

¶2. (C) -- (C) "onerror=alert(10) ' onload='alert(11)' \`\${alert(12)}\` &lt;script&gt;
<style>body{display:none}</style> <link rel=stylesheet href=https://evil.example/x.css>

<svg onload=alert(13)>
`;

describe('the preview page', () => {
  const page = renderPreviewPage({
    title: 'Preview <x>.cable',
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    scriptUri: 'https://r/media/preview.js',
    styleUri: 'https://r/media/preview.css',
  });

  it('has a strict Content-Security-Policy: nothing by default, the extension’s styles, its script by nonce only', () => {
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net(;|$)/);
    assert.ok(!/unsafe-inline|unsafe-eval|\*|https?:(?!\/\/file\+)/.test(csp), csp);
    assert.ok(page.includes(`content="${escapeHtml(csp)}"`));
  });

  it('loads one script, with the nonce, and one stylesheet, and no inline code or style', () => {
    assert.deepEqual(
      [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]),
      ['<script nonce="abc123" src="https://r/media/preview.js">'],
    );
    assert.equal([...page.matchAll(/<link\b/g)].length, 1);
    assert.ok(!/<style|\sstyle=|\son[a-z]+=/i.test(page));
    assert.match(page, /<title>Preview &lt;x&gt;\.cable<\/title>/);
  });
});

describe('the preview HTML of the reference cable', () => {
  const html = renderPreviewBody(previewOf(SAMPLE, '09MEXICO283.txt'));

  it('has the header card: band by level, ref id, date, subject, TAGS with meanings', () => {
    assert.match(
      html,
      /<div class="band level-C" title="Disclosure[^"]*"><span class="band-level">CONFIDENTIAL<\/span> <span class="band-control" title="SIPRNet[^"]*">SIPDIS<\/span><\/div>/,
    );
    assert.match(html, /<span class="ref-id">09MEXICO283<\/span>/);
    assert.match(
      html,
      /<time class="date" datetime="2009-02-04T17:08:00Z" title="Date-time group 041708Z FEB 09">Wednesday, 4 February 2009, 17:08 UTC<\/time>/,
    );
    assert.match(
      html,
      /<h1 class="subject">THE U\.S\.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN 2009--SECURITY AND REFORM<\/h1>/,
    );
    assert.match(
      html,
      /<li class="tag"><code class="tag-code">PGOV<\/code> <span class="tag-meaning">Political Affairs--Government; Internal Governmental Affairs<\/span><\/li>/,
    );
    assert.match(
      html,
      /<dt>Classified by<\/dt><dd>POLCOUNS CHARLES V\. BARCLAY, reasons <abbr title="[^"]*foreign government information">1\.4\(b\)<\/abbr>/,
    );
  });

  it('sets numbers and markings apart from the reflowed text, with source lines', () => {
    assert.match(
      html,
      /<div class="para" data-line="39" data-end-line="61"><div class="para-head"><span class="para-number">¶1\.<\/span><span class="marking level-C" title="Confidential paragraph">\(C\)<\/span><\/div><div class="para-text"><p class="text" data-line="39" data-end-line="61"><span class="span-mark">Summary\.<\/span> Mexico&#39;s drug cartels are responsible for 60-80 percent/,
    );
    assert.match(html, /<section class="span span-summary" aria-label="Summary"><div class="span-label">Summary<\/div>/);
    assert.match(
      html,
      /<h2 class="heading" data-line="63" data-end-line="64">Reinforce President Calderon&#39;s Commitment to Law Enforcement Development<\/h2>/,
    );
    assert.match(html, /<abbr class="acronym" title="SSP: Secretariat of Public Security \(defined in this cable\)">SSP<\/abbr>/);
    assertOnlyOwnMarkup(html);
  });
});

describe('links to cited cables', () => {
  const index = new InMemoryWorkspaceIndex();
  index.setFile('file:///ws/08MEXICO3456.txt', readFileSync(join(WORKSPACE_FIXTURES, '08MEXICO3456.txt'), 'utf8'));
  const text = readFileSync(join(WORKSPACE_FIXTURES, 'cites-08MEXICO3456.txt'), 'utf8');
  const doc = previewOf(text, 'cites-08MEXICO3456.txt', DEFAULT_SETTINGS, index);
  const html = renderPreviewBody(doc);

  it('name the cable by a key the extension looks up, never by its address', () => {
    assert.match(
      html,
      /<a class="cite" href="#" role="button" data-cite="0\.0\.0" title="Open 08MEXICO3456: JUDICIAL REFORM IN BAJA CALIFORNIA">08 MEXICO 3456<\/a>/,
    );
    assert.ok(!html.includes('file:///ws'));
    assert.deepEqual(citationTarget(doc, '0.0.0'), { uri: 'file:///ws/08MEXICO3456.txt', line: 0 });
    assert.equal(citationTarget(doc, '0.1.0'), undefined, 'a cable the workspace does not hold has no target');
    assert.equal(citationTarget(doc, 'javascript:alert(1)'), undefined);
    assert.match(html, /<span class="cite cite-missing" title="08STATE12345: not in the workspace">08 STATE 12345<\/span>/);
  });
});

describe('a hostile cable', () => {
  const hostileAcronyms: LanguageSettings = {
    ...DEFAULT_SETTINGS,
    acronyms: { GOM: '"><script>alert(14)</script>', SIPDIS: "' onmouseover='alert(15)" },
  };
  const doc = previewOf(HOSTILE, '09MEXICO666.txt', hostileAcronyms);
  const html = renderPreviewBody(doc);

  it('yields the renderer’s own markup only: no script, no event handler, no link anywhere but #', () => {
    assertOnlyOwnMarkup(html);
    assert.ok(!/<script|<img|<iframe|<svg|<style|<link|<b\b/i.test(html));
    assert.ok(!/<[^>]*\son[a-z]+=/i.test(html), 'no tag carries an event handler');
    assert.ok(!/href="(?!#")/.test(html), 'no href but #');
  });

  it('shows the hostile text as text, escaped', () => {
    assert.match(html, /&lt;script&gt;alert\(6\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x &quot;onerror=alert\(7\)&gt;/);
    assert.match(html, /&quot;onerror=alert\(10\)/);
    assert.match(html, /&#39; onload=&#39;alert\(11\)&#39;/);
    assert.match(html, /&#96;\$\{alert\(12\)\}&#96;/);
    assert.match(html, /&amp;lt;script&amp;gt;/, 'an entity in the cable is shown as written');
    assert.match(html, /javascript:alert\(8\)/);
    assert.match(html, /&lt;script&gt;alert\(document\.cookie\)&lt;\/script&gt; &quot;onerror=alert\(2\)/);
  });

  it('escapes hostile meanings in title attributes too', () => {
    assert.match(html, /title="GOM: &quot;&gt;&lt;script&gt;alert\(14\)&lt;\/script&gt; \(your cable\.acronyms\)"/);
    assert.ok(!html.includes("' onmouseover='"));
  });

  it('escapes every kind of character that could end an attribute or open a tag', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  });
});

describe('the preview of generated documents (properties)', () => {
  it('payloads in every part of a cable give the renderer’s own markup only (150 cables)', () => {
    fc.assert(
      fc.property(payloadCable, ({ text, userAcronym }) => {
        const settings = { ...DEFAULT_SETTINGS, acronyms: { USERACR: userAcronym, GOM: userAcronym } };
        assertOnlyOwnMarkup(renderPreviewBody(previewOf(text, '09MEXICO283.txt', settings)));
      }),
      runParameters(150, 'markdown'),
    );
  });

  it('any document gives a preview whose lines lie in it, in order, and safe HTML (150 documents)', () => {
    fc.assert(
      fc.property(cableDocument({ maxLongLine: 20_000 }), ({ text }) => {
        const doc = previewOf(text, 'generated.txt');
        for (const cable of doc.cables) {
          assert.ok(cable.line >= 0 && cable.line <= cable.endLine && cable.endLine < doc.lineCount);
          let last = -1;
          for (const block of cable.blocks) {
            assert.ok(
              block.line >= cable.line && block.line <= block.endLine && block.endLine <= cable.endLine,
              `${block.kind} ${block.line}-${block.endLine}`,
            );
            assert.ok(block.line >= last, 'blocks in source order');
            last = block.line;
            for (const piece of 'pieces' in block ? block.pieces : []) {
              assert.ok(piece.line >= block.line && piece.endLine <= block.endLine && piece.runs.every((run) => run.text.length > 0));
            }
          }
        }
        assertOnlyOwnMarkup(renderPreviewBody(doc));
      }),
      runParameters(150, 'features'),
    );
  });
});
