/**
 * Simple glob patterns for `--glob`: `*` and `?` stay within one path segment, `**` spans any number of
 * segments (none included), `[abc]` is a character class. Paths use `/` on every platform.
 * Written here rather than taken from node because `path.matchesGlob` is still experimental in node 20.
 */

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

function globToRegexSource(pattern: string): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        // `**/` matches zero or more whole segments; a trailing `**` matches everything below.
        if (i + 2 === pattern.length) source += '.*';
        else source += '(?:[^/]*/)*';
        i += 2;
        continue;
      }
      source += '[^/]*';
      i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        source += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return source;
}
