/**
 * Colours and terminal hyperlinks for the text output, or none: every formatter writes through a `Style`, so
 * plain and coloured output have the same words and only `--color` decides which one comes out.
 */

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  /** `text` as a link to `url` where the terminal shows links (OSC 8), else `text` alone. */
  link(text: string, url: string): string;
}

/** What the output may use: plain data, so it can be sent to a lint worker. */
export interface StyleOptions {
  color: boolean;
  /** OSC 8 hyperlinks: only when colour goes to a terminal, as a pager or a log would show the escape codes. */
  hyperlinks: boolean;
}

const identity = (text: string) => text;

export const PLAIN_STYLE: Style = {
  bold: identity,
  dim: identity,
  red: identity,
  yellow: identity,
  green: identity,
  cyan: identity,
  link: identity,
};

const sgr = (open: number, close: number) => (text: string) => (text ? `\x1b[${open}m${text}\x1b[${close}m` : text);

/** The escape sequences for `options`; plain when colour is off. */
export function styleFor(options: StyleOptions): Style {
  if (!options.color) return PLAIN_STYLE;
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    link: options.hyperlinks ? (text, url) => `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\` : identity,
  };
}

export interface ColorEnvironment {
  /** `--color` (true), `--no-color` (false), or neither. */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether the stream the text goes to is a terminal. */
  isTTY: boolean;
}

/**
 * Whether to colour, as other tools decide: the flag first, then `FORCE_COLOR` (`0` or `false` turns colour
 * off), then `NO_COLOR` (any non-empty value, no-color.org), then a terminal that is not `TERM=dumb`.
 */
export function decideStyle({ flag, env, isTTY }: ColorEnvironment): StyleOptions {
  const terminal = isTTY && env.TERM !== 'dumb';
  const color = flag ?? forcedColor(env.FORCE_COLOR) ?? (env.NO_COLOR ? false : terminal);
  return { color, hyperlinks: color && terminal && env.TERM !== 'linux' };
}

function forcedColor(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return !['0', 'false'].includes(value.trim().toLowerCase());
}
