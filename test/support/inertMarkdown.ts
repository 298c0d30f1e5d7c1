/**
 * Checks that markdown a hover or completion built from untrusted text stays inert: rendered the way an
 * editor renders it (CommonMark, raw HTML passed through, bare URLs linkified, every link scheme allowed),
 * it holds no link, image or HTML tag that came from the payloads of `fragments.ts`, no `command:` or
 * `javascript:` link at all, and nothing asks the client to trust it.
 */
import assert from 'node:assert/strict';

interface MarkdownRenderer {
  render(source: string): string;
  validateLink: (url: string) => boolean;
}

// markdown-it comes with @vscode/vsce (it is what vsce renders READMEs with) and has no bundled types.
const MarkdownIt = require('markdown-it') as new (options: Record<string, unknown>) => MarkdownRenderer;

const renderer = new MarkdownIt({ html: true, linkify: true });
// Editors differ in which schemes they refuse; refuse none, so any link text that survives is seen.
renderer.validateLink = () => true;

/** A tag carrying a payload marker (`evil.example`, `evil.run`, `evil()`, `data-evil`) or an event handler. */
const PAYLOAD_TAG = /<[^>]*(?:evil\.|evil\(|data-evil|\son[a-z]+\s*=)[^>]*>/i;
/** Tags no hover needs, whatever their attributes. */
const FORBIDDEN_TAG = /<(?:img|script|iframe|style|svg|object|embed|form|input|details)\b/i;
const DANGEROUS_HREF = /\shref\s*=\s*"(?:command:|javascript:|vbscript:|data:)/i;
const TRUST_KEYS = new Set(['isTrusted', 'supportHtml', 'supportThemeIcons']);

/**
 * Every markdown string inside a hover, a completion list or an item: MarkupContent of kind markdown, and a
 * hover's MarkedStrings (a bare string there is markdown; a bare string as `documentation` is plain text).
 */
export function markdownIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, asMarkdown: boolean): void => {
    if (typeof node === 'string') {
      if (asMarkdown) found.push(node);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, asMarkdown);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.kind === 'markdown' && typeof record.value === 'string') found.push(record.value);
    // A MarkedString `{ language, value }` renders as a code block: inert by construction, but still rendered below.
    if (typeof record.language === 'string' && typeof record.value === 'string')
      found.push('```\n' + record.value.replace(/`/g, "'") + '\n```');
    for (const [key, child] of Object.entries(record)) visit(child, key === 'contents');
  };
  visit(value, false);
  return found;
}

/** Fails when `value` (a hover, completion list or item) holds live markdown or asks for trust. */
export function assertInertMarkdown(value: unknown, label: string): void {
  const trusted = trustKeyIn(value);
  if (trusted) assert.fail(`${label}: sets ${trusted}`);
  for (const markdown of markdownIn(value)) {
    const problem = problemOf(markdown);
    if (problem) assert.fail(`${label}: markdown renders ${problem}\nmarkdown: ${JSON.stringify(markdown.slice(0, 600))}`);
  }
}

/** Markdown already found inert: completion lists repeat the same dictionary entries at every position. */
const inert = new Set<string>();

/** What makes `markdown` live, or undefined when it renders inert. */
function problemOf(markdown: string): string | undefined {
  if (inert.has(markdown)) return undefined;
  const html = renderer.render(markdown);
  for (const [pattern, what] of [
    [PAYLOAD_TAG, 'a live payload'],
    [FORBIDDEN_TAG, 'a forbidden tag'],
    [DANGEROUS_HREF, 'a dangerous link'],
  ] as const) {
    const match = pattern.exec(html);
    if (match) return `${what} ${JSON.stringify(match[0])}`;
  }
  if (inert.size > 50_000) inert.clear();
  inert.add(markdown);
  return undefined;
}

/** The first trust-granting key set anywhere in `value`. */
function trustKeyIn(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (TRUST_KEYS.has(key) && child !== false) return key;
    const found = typeof child === 'object' ? trustKeyIn(child) : undefined;
    if (found) return found;
  }
  return undefined;
}
