/**
 * Glob patterns for `--glob`, in the syntax of `.cable-lint.json` (see configGlob.ts: `*` and `?` within one
 * path segment, `**` across segments, classes, choices): relative to the searched folder, and, as in
 * .gitignore, a pattern without a slash is about file names at any depth. Paths use `/` on every platform.
 */
import { globToRegexSource } from '../language/config/configGlob';

/** Compiles `pattern` once; the returned test takes a `/`-separated path relative to the searched folder. */
export function compileGlob(pattern: string): (relativePath: string) => boolean {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  // As in .gitignore: a pattern without a slash is about file names, at any depth.
  const matchName = !normalized.includes('/');
  const regex = new RegExp(`^${globToRegexSource(normalized)}$`);
  return (relativePath) => {
    const path = relativePath.replace(/\\/g, '/');
    return regex.test(matchName ? path.slice(path.lastIndexOf('/') + 1) : path);
  };
}
