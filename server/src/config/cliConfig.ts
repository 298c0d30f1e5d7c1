/**
 * `.cable-lint.json` in `cable-lint`: each file is linted with what its configurations say, `--rule` flags
 * on top; a problem in a configuration stops the run before any file is linted (exit 2, as a bad `--rule`
 * does), with the file, line and column of each problem.
 */
import { isAbsolute, join, relative } from 'node:path';
import { formatConfigProblem } from '../language/config/cableLintConfig';
import { layerRules } from '../language/config/effectiveConfig';
import type { LanguageSettings } from '../language/settings';
import { ConfigLoader, type ConfigFileProblem } from './configLoader';

/** The configurations of one run, and the problems found in them. */
export class CliConfigs {
  readonly problems: ConfigFileProblem[] = [];
  readonly loader = new ConfigLoader((problem) => this.problems.push(problem));

  /** True when the file at `path` is left out by an `ignore` glob. */
  isIgnored(path: string): boolean {
    return this.loader.forFile(path)?.ignored === true;
  }

  isIgnoredFolder(path: string): boolean {
    return this.loader.isIgnoredFolder(path);
  }

  /**
   * The settings for a file at `path` (standard input counts as a file of `cwd`): `base` (whose rules are
   * the `--rule` flags) over the configurations; undefined when no configuration applies, so `base` does.
   */
  settingsFor(path: string | undefined, cwd: string, base: LanguageSettings): LanguageSettings | undefined {
    const config = this.loader.forFile(path ?? join(cwd, '<stdin>'));
    if (!config) return undefined;
    return { ...base, rules: layerRules(config.rules, base.rules), acronyms: { ...config.acronyms, ...base.acronyms } };
  }

  /** `cable-lint: cables/.cable-lint.json:3:14: message` lines, one per problem; paths below `cwd` relative to it. */
  describeProblems(cliName: string, cwd: string): string {
    const shown = (path: string) => {
      const fromCwd = relative(cwd, path);
      return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
    };
    return this.problems.map(({ path, problem }) => `${cliName}: ${formatConfigProblem(shown(path), problem)}\n`).join('');
  }
}
