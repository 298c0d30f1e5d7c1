/**
 * Finds and reads the `.cable-lint.json` files that apply to a file on disk, for `cable-lint` and the
 * language server alike: the folder of the file and every folder above it, up to the filesystem root or
 * the nearest configuration with `"root": true`. Each folder is looked at once and kept until
 * `invalidate()` (the server calls it when a configuration changes; a CLI run reads each file once).
 * A file that does not parse is left out and its problem reported; one with bad values applies without them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, parseCableLintConfig, type ConfigProblem } from '../language/config/cableLintConfig';
import { applicableChain, effectiveConfig, isIgnored, type FileConfig, type LoadedConfig } from '../language/config/effectiveConfig';

/** A problem in one configuration file; `unusable` when the file was left out. */
export interface ConfigFileProblem {
  path: string;
  problem: ConfigProblem;
  unusable: boolean;
}

export type ConfigProblemListener = (problem: ConfigFileProblem) => void;

export class ConfigLoader {
  /** Folder → its configurations, nearest first (the folder's own, if any, then those above). */
  private readonly chains = new Map<string, LoadedConfig[]>();

  constructor(private readonly onProblem: ConfigProblemListener = () => {}) {}

  /** The configurations that apply to files of `folder`, nearest first, up to the first with `"root": true`. */
  chainFor(folder: string): LoadedConfig[] {
    const absolute = resolve(folder);
    const known = this.chains.get(absolute);
    if (known) return known;
    const own = this.read(join(absolute, CONFIG_FILE_NAME), toSlashes(absolute));
    const parent = dirname(absolute);
    const above = own?.config.root || parent === absolute ? [] : this.chainFor(parent);
    const chain = own ? [own, ...above] : above;
    this.chains.set(absolute, chain);
    return chain;
  }

  /** What the configurations say for the file at `path`; undefined when none applies. */
  forFile(path: string): FileConfig | undefined {
    const absolute = resolve(path);
    const chain = this.chainFor(dirname(absolute));
    return chain.length ? effectiveConfig(chain, toSlashes(absolute)) : undefined;
  }

  /** True when an `ignore` glob leaves out the folder at `path` (so nothing in it is looked at). */
  isIgnoredFolder(path: string): boolean {
    const absolute = resolve(path);
    const parent = dirname(absolute);
    if (parent === absolute) return false;
    const chain = this.chainFor(parent);
    return chain.length > 0 && isIgnored(applicableChain(chain), toSlashes(absolute), true);
  }

  /** Forgets every folder read: the next question reads the files again. */
  invalidate(): void {
    this.chains.clear();
  }

  private read(path: string, folder: string): LoadedConfig | undefined {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No file (or a folder of that name, or a path through a file) is the usual case: nothing to say.
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      this.onProblem({
        path,
        unusable: true,
        problem: { message: `cannot be read: ${(error as Error).message}`, offset: 0, line: 1, column: 1 },
      });
      return undefined;
    }
    const parsed = parseCableLintConfig(text);
    for (const problem of parsed.problems) this.onProblem({ path, problem, unusable: parsed.unusable });
    return parsed.unusable ? undefined : { folder, path, config: parsed.config };
  }
}

/** Node's path in the `/`-separated form the configuration module reads (`C:\cables` → `C:/cables`). */
export function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
