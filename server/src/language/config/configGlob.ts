/**
 * The globs of `.cable-lint.json` (`ignore`, `overrides[].files`), as ESLint's flat configs read theirs:
 * relative to the configuration file's folder and anchored there (`*.txt` is a file of that folder,
 * `**\/*.txt` one at any depth). `*` and `?` stay within a path segment, `**` spans whole segments (none
 * included), `[abc]`/`[!abc]` is a class, `{a,b}` a choice, `\` escapes the next character. A glob matches a
 * file when it matches the file's path or one of its folders' (`drafts` and `drafts/**` both cover
 * `drafts/1975/75ROME1.txt`); one ending in `/` matches folders only. Paths use `/`.
 */

export interface ConfigGlob {
  /** The pattern as written. */
  pattern: string;
  /** True when `relativePath` (a file's, or one of its folders' when `isFolder`) matches. */
  test(relativePath: string, isFolder: boolean): boolean;
}

export function compileConfigGlob(pattern: string): ConfigGlob {
  let body = pattern.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  const foldersOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  const regex = new RegExp(`^${globToRegexSource(body)}$`, 'u');
  return { pattern, test: (relativePath, isFolder) => (isFolder || !foldersOnly) && regex.test(relativePath) };
}

/** True when `glob` matches `relativePath` (a file's) or any of the folders it lies in. */
export function matchesFileOrFolder(glob: ConfigGlob, relativePath: string): boolean {
  if (glob.test(relativePath, false)) return true;
  for (let slash = relativePath.indexOf('/'); slash > 0; slash = relativePath.indexOf('/', slash + 1)) {
    if (glob.test(relativePath.slice(0, slash), true)) return true;
  }
  return false;
}

/** A path written as a glob that matches exactly it: `drafts/[draft] 75ROME1.txt` → `drafts/\[draft\] 75ROME1.txt`. */
export function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}\\!]/g, '\\$&');
}

/** The regular expression source of a glob (no anchors): shared with `cable-lint --glob`, which differs only in where it anchors. */
export function globToRegexSource(pattern: string): string {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegex(pattern[++i]);
    } else if (ch === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        // `**/` is zero or more whole segments; a final `**` everything below (at least one segment).
        if (i + 2 === pattern.length) source += i === 0 ? '.*' : '.+';
        else source += '(?:[^/]*/)*';
        i += 2;
      } else {
        source += '[^/]*';
        i++;
      }
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        const raw = pattern.slice(i + 1, close);
        const negated = raw.startsWith('!') || raw.startsWith('^');
        const members = (negated ? raw.slice(1) : raw).replace(/[\\\]^[]/g, '\\$&');
        source += negated ? `[^/${members}]` : `[${members}]`;
        i = close;
      }
    } else if (ch === '{' && hasClosingBrace(pattern, i)) {
      source += '(?:';
      braceDepth++;
    } else if (ch === ',' && braceDepth > 0) source += '|';
    else if (ch === '}' && braceDepth > 0) {
      source += ')';
      braceDepth--;
    } else source += escapeRegex(ch);
  }
  return source;
}

function hasClosingBrace(pattern: string, open: number): boolean {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return true;
  }
  return false;
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
