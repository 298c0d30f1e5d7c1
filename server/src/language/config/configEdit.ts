/**
 * Turns a rule off in the text of a `.cable-lint.json`, changing only the characters needed: the rest of
 * the file (comments, order, indentation, line endings, trailing commas) stays as the user wrote it. Either
 * in `rules` (for every cable under the file's folder), or in an `overrides` entry for one cable:
 * `{ "files": ["1975/75ROME1.txt"], "rules": { "CBL501": "off" } }`. Pure.
 */
import { ruleCodeOf } from './cableLintConfig';
import { escapeGlob } from './configGlob';
import { parseJsonc, skipTrivia, type JsonArrayNode, type JsonNode, type JsonObjectNode } from './jsonc';

/** Where the rule is turned off: for the whole folder, or for one file (its path relative to the configuration's folder). */
export type TurnOffTarget = { scope: 'config' } | { scope: 'file'; relativePath: string };

export type ConfigEditResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

interface Edit {
  offset: number;
  end: number;
  text: string;
}

/** `text` (empty for a new file) with rule `code` set to `off` for `target`. */
export function turnOffRuleInText(text: string, code: string, target: TurnOffTarget): ConfigEditResult {
  const parsed = parseJsonc(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, message: `it does not parse (${line}:${column}: ${message}); correct it first` };
  }
  const style = detectStyle(text);
  const member = memberFor(code, target);
  if (!parsed.root) {
    const prefix = text.trim() === '' ? '' : text.endsWith('\n') ? text : `${text}${style.eol}`;
    return { ok: true, text: `${prefix}${formatValue({ [member.key]: member.value }, '', style)}${style.eol}`, changed: true };
  }
  if (parsed.root.type !== 'object') return { ok: false, message: 'its top-level value is not an object' };
  const edits =
    target.scope === 'config'
      ? setInRules(text, parsed.root, code, style)
      : setInOverride(text, parsed.root, code, target.relativePath, style);
  if (typeof edits === 'string') return { ok: false, message: edits };
  return { ok: true, text: applyEdits(text, edits), changed: edits.length > 0 };
}

/** The top-level member the edit adds when the file has none of its kind. */
function memberFor(code: string, target: TurnOffTarget): { key: string; value: unknown } {
  if (target.scope === 'config') return { key: 'rules', value: { [code]: 'off' } };
  return { key: 'overrides', value: [overrideFor(code, target.relativePath)] };
}

function overrideFor(code: string, relativePath: string) {
  return { files: [escapeGlob(relativePath)], rules: { [code]: 'off' } };
}

function setInRules(text: string, root: JsonObjectNode, code: string, style: Style): Edit[] | string {
  const rules = lastProperty(root, 'rules');
  if (!rules) return [insertMember(text, root, '"rules"', { [code]: 'off' }, style)];
  if (rules.type !== 'object') return '"rules" is not an object';
  return setRuleOff(text, rules, code, style);
}

function setInOverride(text: string, root: JsonObjectNode, code: string, relativePath: string, style: Style): Edit[] | string {
  const overrides = lastProperty(root, 'overrides');
  if (!overrides) return [insertMember(text, root, '"overrides"', [overrideFor(code, relativePath)], style)];
  if (overrides.type !== 'array') return '"overrides" is not an array';
  const glob = escapeGlob(relativePath);
  // An entry for exactly this file, written earlier by this same action, takes the rule.
  for (const item of overrides.items) {
    if (item.type !== 'object') continue;
    const files = lastProperty(item, 'files');
    const rules = lastProperty(item, 'rules');
    const onlyThisFile =
      files?.type === 'array' && files.items.length === 1 && files.items[0].type === 'string' && files.items[0].value === glob;
    if (onlyThisFile && item.properties.every((p) => p.key.value === 'files' || p.key.value === 'rules')) {
      if (!rules) return [insertMember(text, item, '"rules"', { [code]: 'off' }, style)];
      if (rules.type === 'object') return setRuleOff(text, rules, code, style);
    }
  }
  return [insertMember(text, overrides, undefined, overrideFor(code, relativePath), style)];
}

/** Sets the entry for `code` (by its code or its name) to "off", or adds `"CBL501": "off"`. */
function setRuleOff(text: string, rules: JsonObjectNode, code: string, style: Style): Edit[] {
  const existing = rules.properties.filter((property) => (ruleCodeOf(property.key.value) ?? property.key.value) === code).at(-1);
  if (!existing) return [insertMember(text, rules, JSON.stringify(code), 'off', style)];
  if (existing.value.type === 'string' && existing.value.value === 'off') return [];
  return [{ offset: existing.value.offset, end: existing.value.end, text: '"off"' }];
}

function lastProperty(object: JsonObjectNode, key: string): JsonNode | undefined {
  return object.properties.filter((property) => property.key.value === key).at(-1)?.value;
}

/**
 * Adds a member at the end of an object (`key` given, JSON-quoted) or array (`key` undefined), in the
 * layout it already has: on a line of its own when its members are, else inline; a trailing comma is kept.
 */
function insertMember(
  text: string,
  container: JsonObjectNode | JsonArrayNode,
  key: string | undefined,
  value: unknown,
  style: Style,
): Edit {
  const members =
    container.type === 'object'
      ? container.properties.map((p) => ({ start: p.key.offset, end: p.value.end }))
      : container.items.map((i) => ({ start: i.offset, end: i.end }));
  const close = container.end - 1;
  const containerIndent = lineIndent(text, container.offset);
  const last = members.at(-1);
  if (!last) {
    const inner = text.slice(container.offset + 1, close);
    const memberIndent = containerIndent + style.unit;
    const entry = `${memberIndent}${key ? `${key}: ` : ''}${formatValue(value, memberIndent, style)}`;
    // `{}` or `{ }`: rewritten whole; an empty container holding comments keeps them, the member goes last.
    if (inner.trim() === '')
      return { offset: container.offset + 1, end: close, text: `${style.eol}${entry}${style.eol}${containerIndent}` };
    if (onlyWhitespaceBefore(text, close))
      return { offset: lineStart(text, close), end: lineStart(text, close), text: `${entry}${style.eol}` };
    return { offset: close, end: close, text: `${style.eol}${entry}${style.eol}${containerIndent}` };
  }
  const afterLast = skipTrivia(text, last.end);
  const trailingComma = text[afterLast] === ',';
  const multiline = onlyWhitespaceBefore(text, last.start) && lineOf(text, close) > lineOf(text, last.end);
  if (!multiline) {
    const entry = `${key ? `${key}: ` : ''}${formatInline(value)}`;
    return trailingComma
      ? { offset: afterLast + 1, end: afterLast + 1, text: ` ${entry},` }
      : { offset: last.end, end: last.end, text: `, ${entry}` };
  }
  const memberIndent = lineIndent(text, last.start);
  const entry = `${memberIndent}${key ? `${key}: ` : ''}${formatValue(value, memberIndent, style)}${trailingComma ? ',' : ''}`;
  // After the last member's line, comment included, so a `// note` stays with the member it is about.
  const insertAt = lineEnd(text, trailingComma ? afterLast : last.end);
  if (trailingComma) return { offset: insertAt, end: insertAt, text: `${style.eol}${entry}` };
  // The comma goes right after the last value; the new member on a line of its own.
  const between = text.slice(last.end, insertAt);
  return { offset: last.end, end: insertAt, text: `,${between}${style.eol}${entry}` };
}

interface Style {
  eol: string;
  unit: string;
}

/** The file's line ending and indentation unit (two spaces for a new file). */
function detectStyle(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let unit = '  ';
  let smallest = Infinity;
  for (const line of text.split(/\r?\n/)) {
    const indent = /^[ \t]+(?=\S)/.exec(line)?.[0];
    if (!indent) continue;
    if (indent.startsWith('\t')) return { eol, unit: '\t' };
    if (indent.length < smallest) smallest = indent.length;
  }
  if (smallest !== Infinity) unit = ' '.repeat(Math.min(smallest, 8));
  return { eol, unit };
}

/** JSON laid out as the file is: objects one member a line, arrays of plain values inline. */
function formatValue(value: unknown, indent: string, style: Style): string {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) return formatInline(value);
    const inner = indent + style.unit;
    return `[${style.eol}${value.map((item) => `${inner}${formatValue(item, inner, style)}`).join(`,${style.eol}`)}${style.eol}${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const inner = indent + style.unit;
    return `{${style.eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, inner, style)}`).join(`,${style.eol}`)}${style.eol}${indent}}`;
  }
  return JSON.stringify(value);
}

function formatInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatInline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${formatInline(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset))
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.end);
  return result;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset of the end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  // A block comment that goes on past the line end would be cut: stay right after the value then.
  const open = text.lastIndexOf('/*', i);
  return open >= offset && text.indexOf('*/', open) > i ? offset : i;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
  return line;
}

function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

function onlyWhitespaceBefore(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}
