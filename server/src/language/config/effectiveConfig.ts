/**
 * What the `.cable-lint.json` files above a cable say for it. Every configuration from the filesystem root
 * down to the cable's folder applies, nearer ones on top, except those above the nearest one with
 * `"root": true` (as ESLint's cascading configurations and `.editorconfig` do). Each file applies its
 * `rules`, then each of its `overrides` whose `files` match, in order. A cable is ignored when an `ignore`
 * glob of any of them matches it or one of its folders; a glob starting with `!` takes a file back (the last
 * matching glob wins, nearer files after farther ones), but not out of an ignored folder, as in .gitignore.
 * Paths are absolute and use `/` (`/home/me/cables/1975/75ROME1.txt`, `C:/cables/75ROME1.txt`). Pure.
 */
import type { RuleLevel } from '../settings';
import { ruleCodeOf, type CableLintConfig } from './cableLintConfig';
import { compileConfigGlob, matchesFileOrFolder, type ConfigGlob } from './configGlob';

/** One configuration file found, with the folder its globs are relative to. */
export interface LoadedConfig {
  /** The folder holding the file, `/`-separated, without a final `/` (but `/` for the root itself). */
  folder: string;
  /** The file's own path, to name it in messages. */
  path: string;
  config: CableLintConfig;
}

/** The settings the configurations give one file. */
export interface FileConfig {
  /** Rule code → level (every key a code). */
  rules: Record<string, RuleLevel>;
  acronyms: Record<string, string>;
  /** True when an `ignore` glob leaves the file out: it is not checked. */
  ignored: boolean;
  /** The configuration files that applied, farthest first. */
  sources: string[];
}

/**
 * `chain` is the configurations found from the file's folder upwards, nearest first (see `applicableChain`).
 * `filePath` is the file's absolute `/`-separated path.
 */
export function effectiveConfig(chain: readonly LoadedConfig[], filePath: string): FileConfig {
  const applicable = applicableChain(chain);
  let rules: Record<string, RuleLevel> = {};
  let acronyms: Record<string, string> = {};
  for (const loaded of applicable) {
    const relative = relativePath(loaded.folder, filePath);
    if (relative === undefined) continue;
    rules = layerRules(rules, loaded.config.rules);
    for (const override of loaded.config.overrides) {
      if (override.files.some((glob) => matchesFileOrFolder(compiled(glob), relative))) rules = layerRules(rules, override.rules);
    }
    acronyms = { ...acronyms, ...loaded.config.acronyms };
  }
  return { rules, acronyms, ignored: isIgnored(applicable, filePath, false), sources: applicable.map((loaded) => loaded.path) };
}

/** The configurations that apply, farthest first: those of `nearestFirst` up to and including the first with `"root": true`. */
export function applicableChain(nearestFirst: readonly LoadedConfig[]): LoadedConfig[] {
  const rootAt = nearestFirst.findIndex((loaded) => loaded.config.root);
  return (rootAt < 0 ? [...nearestFirst] : nearestFirst.slice(0, rootAt + 1)).reverse();
}

/**
 * True when the `ignore` globs of `farthestFirst` leave `path` out: the path itself (a file, or a folder
 * when `isFolder`) or a folder above it that lies below a configuration's folder.
 */
export function isIgnored(farthestFirst: readonly LoadedConfig[], path: string, isFolder: boolean): boolean {
  const globs = farthestFirst.flatMap((loaded) =>
    loaded.config.ignore.map((pattern) => {
      const negated = pattern.startsWith('!');
      return { folder: loaded.folder, negated, glob: compiled(negated ? pattern.slice(1) : pattern) };
    }),
  );
  if (!globs.length) return false;
  const top = farthestFirst[0].folder;
  const relative = relativePath(top, path);
  if (relative === undefined || relative === '') return false;
  // Each folder from the top down, then the path itself: an ignored folder ignores all below it.
  const segments = relative.split('/');
  for (let depth = 1; depth <= segments.length; depth++) {
    const candidate = joinPath(top, segments.slice(0, depth).join('/'));
    const candidateIsFolder = depth < segments.length || isFolder;
    let ignored = false;
    for (const { folder, negated, glob } of globs) {
      const fromConfig = relativePath(folder, candidate);
      if (fromConfig && glob.test(fromConfig, candidateIsFolder)) ignored = !negated;
    }
    if (ignored) return true;
  }
  return false;
}

/**
 * `top` on top of `base`, every known rule keyed by its code: `{ CBL501: 'off' }` then
 * `{ 'missing-portion-marking': 'error' }` gives `{ CBL501: 'error' }`. Keys that name no rule are kept as
 * they are (the validation reports them).
 */
export function layerRules(base: Readonly<Record<string, RuleLevel>>, top: Readonly<Record<string, RuleLevel>>): Record<string, RuleLevel> {
  const layered: Record<string, RuleLevel> = {};
  for (const source of [base, top]) {
    for (const [key, level] of Object.entries(source)) {
      const code = ruleCodeOf(key) ?? key;
      delete layered[code];
      layered[code] = level;
    }
  }
  return layered;
}

/** `path` relative to `folder` (`''` for the folder itself), or undefined when it is not inside it. */
export function relativePath(folder: string, path: string): string | undefined {
  if (path === folder) return '';
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

function joinPath(folder: string, relative: string): string {
  return folder.endsWith('/') ? `${folder}${relative}` : `${folder}/${relative}`;
}

/** Globs are compiled once: the same few patterns are tested for every file of a run. */
const globCache = new Map<string, ConfigGlob>();
function compiled(pattern: string): ConfigGlob {
  let glob = globCache.get(pattern);
  if (!glob) {
    if (globCache.size > 10_000) globCache.clear();
    glob = compileConfigGlob(pattern);
    globCache.set(pattern, glob);
  }
  return glob;
}
