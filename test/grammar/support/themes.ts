/**
 * VS Code's default colour themes, read from the theme files of the provisioned code-server and resolved as
 * the editor resolves them: a theme's `include` chain is loaded parent first and the rules are added up (so
 * 2026 Dark holds Dark (Visual Studio), Dark+ and its own rules), and a token's foreground is found by
 * TextMate scope-selector matching.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const THEMES_DIR = join(
  ROOT,
  '.tools',
  'code-server',
  'node_modules',
  'code-server',
  'lib',
  'vscode',
  'extensions',
  'theme-defaults',
  'themes',
);

/** The four default themes of the issue, by the name VS Code shows, with their file. */
export const DEFAULT_THEMES = {
  'Dark Modern': 'dark_modern.json',
  'Light Modern': 'light_modern.json',
  'Dark 2026': '2026-dark.json',
  'Light 2026': '2026-light.json',
} as const;
export type DefaultThemeName = keyof typeof DEFAULT_THEMES;

/** The folder of VS Code's default theme files, or an error naming the command that provisions it. */
export function defaultThemesDir(): string {
  if (!existsSync(join(THEMES_DIR, DEFAULT_THEMES['Dark Modern']))) {
    throw new Error(
      `VS Code's default theme files are missing (${THEMES_DIR}). Run \`npm run provision-e2e\` ` +
        '(it installs code-server into .tools/), or set CABLE_E2E=skip to skip this test explicitly.',
    );
  }
  return THEMES_DIR;
}

/** One selector of a theme rule: `markup.heading entity.name` → leaf `markup.heading entity.name`'s last part. */
export interface ThemeRule {
  /** The selector as written in the theme, e.g. `string punctuation.section.embedded source`. */
  selector: string;
  /** The scope the selector's last part names (`source`), matched against the token's scope at its depth. */
  leaf: string;
  /** The other parts, nearest ancestor first (`punctuation.section.embedded`, `string`); `>` means "directly". */
  parents: string[];
  foreground: string;
  /** Position among all the rules of the theme and its includes: a later rule wins a tie. */
  index: number;
  /** The theme file that wrote it. */
  file: string;
}

export interface ResolvedTheme {
  name: string;
  /** Rules with a foreground, in load order (included themes first). */
  rules: ThemeRule[];
  /** Workbench colours, the including theme's overriding the included ones'. */
  colors: Record<string, string>;
  /** `editor.foreground`: the colour of text no rule colours. */
  defaultForeground: string;
}

interface ThemeFile {
  name?: string;
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: { scope?: string | string[]; settings?: { foreground?: string } }[] | string;
}

/** Theme files are JSON with comments; strips comments and trailing commas outside strings. */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const match = end.exec(text);
      if (!match) throw new Error('unterminated string in a theme file');
      out += match[0];
      i += match[0].length - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** Loads a theme file and its `include` chain, as VS Code's ColorThemeData does. */
export function loadTheme(file: string, dir = defaultThemesDir()): ResolvedTheme {
  const rules: ThemeRule[] = [];
  const colors: Record<string, string> = {};
  let name = file;
  const load = (path: string, top: boolean): void => {
    const theme = parseJsonc(readFileSync(path, 'utf8')) as ThemeFile;
    if (theme.include) load(join(dirname(path), theme.include), false);
    if (top && theme.name) name = theme.name;
    Object.assign(colors, theme.colors ?? {});
    if (typeof theme.tokenColors === 'string') {
      throw new Error(`${path}: tokenColors in a separate file (${theme.tokenColors}) are not read by this test`);
    }
    for (const rule of theme.tokenColors ?? []) {
      const foreground = rule.settings?.foreground;
      if (!foreground || rule.scope === undefined) continue;
      const selectors = Array.isArray(rule.scope) ? rule.scope : rule.scope.split(',');
      for (const selector of selectors.map((s) => s.trim()).filter(Boolean)) {
        const parts = selector.split(/\s+/);
        rules.push({
          selector,
          leaf: parts[parts.length - 1],
          parents: parts.slice(0, -1).reverse(),
          foreground: normaliseColour(foreground),
          index: rules.length,
          file: path,
        });
      }
    }
  };
  load(join(dir, file), true);
  const defaultForeground = colors['editor.foreground'];
  if (!defaultForeground) throw new Error(`${file} and its includes set no editor.foreground`);
  return { name, rules, colors, defaultForeground: normaliseColour(defaultForeground) };
}

/** `#abc` → `#AABBCC`, `#aabbccff` → `#AABBCC` (opaque), upper case. */
export function normaliseColour(colour: string): string {
  let hex = colour.trim().replace(/^#/, '').toUpperCase();
  if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
  if (hex.length === 8 && hex.endsWith('FF')) hex = hex.slice(0, 6);
  return `#${hex}`;
}

/** A selector part matches a scope when it is the scope or a dot-separated prefix of it (`keyword` ⊂ `keyword.control`). */
function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || (scope.startsWith(selector) && scope[selector.length] === '.');
}

/** The ancestors (outermost first) hold the rule's parent parts in order, nearest first, `>` meaning the very next one. */
function parentsMatch(ancestors: readonly string[], parents: readonly string[]): boolean {
  let at = ancestors.length - 1;
  for (let i = 0; i < parents.length; i++) {
    let part = parents[i];
    let direct = false;
    if (part === '>') {
      if (i === parents.length - 1) return false;
      part = parents[++i];
      direct = true;
    }
    while (at >= 0 && !scopeMatches(ancestors[at], part)) {
      if (direct) return false;
      at--;
    }
    if (at < 0) return false;
    at--;
  }
  return true;
}

/** More specific first: a longer leaf match, then longer parent parts, then more of them; later rules win ties. */
function bySpecificity(a: ThemeRule, b: ThemeRule): number {
  const depth = b.leaf.split('.').length - a.leaf.split('.').length;
  if (depth !== 0) return depth;
  const pa = a.parents.filter((p) => p !== '>');
  const pb = b.parents.filter((p) => p !== '>');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const length = pb[i].length - pa[i].length;
    if (length !== 0) return length;
  }
  if (pa.length !== pb.length) return pb.length - pa.length;
  return b.index - a.index;
}

/** The rule that colours the scope at `depth` of `scopes` (outermost first), if any. */
export function ruleFor(theme: ResolvedTheme, scopes: readonly string[], depth: number): ThemeRule | undefined {
  const ancestors = scopes.slice(0, depth);
  return theme.rules
    .filter((rule) => scopeMatches(scopes[depth], rule.leaf) && parentsMatch(ancestors, rule.parents))
    .sort(bySpecificity)[0];
}

/**
 * The foreground of a token with `scopes` (outermost first, as vscode-textmate gives them): each scope is
 * matched in turn, and the innermost one some rule colours decides; with none, the editor's foreground.
 */
export function foregroundOf(theme: ResolvedTheme, scopes: readonly string[]): string {
  let foreground = theme.defaultForeground;
  for (let depth = 0; depth < scopes.length; depth++) {
    const rule = ruleFor(theme, scopes, depth);
    if (rule) foreground = rule.foreground;
  }
  return foreground;
}

/** The raw theme vscode-textmate's Registry.setTheme takes, as VS Code builds it: the default rule first. */
export function toRawTheme(theme: ResolvedTheme): { name: string; settings: { scope?: string; settings: { foreground: string } }[] } {
  return {
    name: theme.name,
    settings: [
      { settings: { foreground: theme.defaultForeground } },
      ...theme.rules.map((rule) => ({ scope: rule.selector, settings: { foreground: rule.foreground } })),
    ],
  };
}
