/**
 * Markdown for hovers and completion documentation. Every piece of text that comes from a document, a
 * workspace file or a setting passes through `escapeMarkdown` first: the text is untrusted, and a renderer
 * must show it as plain words — never as a link, an image, HTML or a `command:` URI.
 */

/** Longest piece of untrusted text a hover shows; longer text is cut with an ellipsis. */
const MAX_TEXT = 240;

/**
 * ASCII punctuation that CommonMark or GFM may read as syntax (emphasis, code, links, images, block starts,
 * tables, strike-through, autolinks through `:`, `.` and `@`); each can be escaped with a backslash. Harmless
 * punctuation stays as it is, so clients that show markdown as plain text stay readable.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~:@]/g;
/** C0/C1 controls and bidirectional overrides: invisible, and able to make text read differently than it is. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Untrusted text → inert markdown: one line (so no block syntax can start), HTML `&`, `<`, `>` as entities,
 * every other markdown special backslash-escaped. The escaped `:` and `.` also break autolinks
 * (`http://…`, `www.…`, `command:…`), and escaped `[`, `]`, `(`, `)` and `!` break links and images.
 */
export function escapeMarkdown(text: string, maxLength = MAX_TEXT): string {
  let plain = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (plain.length > maxLength) plain = `${plain.slice(0, maxLength - 1).trimEnd()}…`;
  return plain.replace(/[&<>]/g, (ch) => HTML_ENTITIES[ch]).replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Untrusted text shown in bold. */
export function strong(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped ? `**${escaped}**` : '';
}

/** Joins markdown blocks (each already safe) with blank lines, dropping empty ones. */
export function paragraphs(blocks: Array<string | undefined | false>): string {
  return blocks.filter((block): block is string => typeof block === 'string' && block.length > 0).join('\n\n');
}
