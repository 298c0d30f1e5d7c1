/**
 * Expands a snippet (VS Code / LSP snippet syntax) as a user who accepts every default would: each placeholder
 * takes its default text, each choice its first option, mirrors (`$4`, `${11}`) the value of their placeholder,
 * `$0` nothing, and variables (`${CURRENT_YEAR_SHORT}`, with `/regex/format/` transforms) the values given.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: Node[]; transform?: { regex: string; format: string; options: string } };

/**
 * The text a user gets by accepting every default, or typing `typed[n]` at tabstop n (a choice's other option, a
 * filled placeholder); `variables` stand for VS Code's (`CURRENT_DATE` → `04`).
 */
export function expandSnippet(body: string, variables: Record<string, string> = {}, typed: Record<number, string> = {}): string {
  const nodes = new SnippetParser(body).parse();
  const values = new Map<number, string>(Object.entries(typed).map(([n, text]) => [+n, text]));
  // Mirrors take the text of the tabstop that has a default or choices, wherever it stands.
  const collect = (list: Node[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop' && !values.has(node.index) && (node.children || node.choices)) values.set(node.index, evaluate([node]));
      if (node.kind !== 'text' && node.children) collect(node.children);
    }
  };
  const evaluate = (list: Node[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'tabstop') {
          if (node.choices && Object.hasOwn(typed, node.index) && !node.choices.includes(typed[node.index])) {
            throw new Error(`'${typed[node.index]}' is none of the choices of tabstop ${node.index}: ${node.choices.join(', ')}`);
          }
          if (Object.hasOwn(typed, node.index)) return typed[node.index];
          if (node.choices) return node.choices[0];
          if (node.children) return evaluate(node.children);
          return values.get(node.index) ?? '';
        }
        const value = variables[node.name];
        if (value === undefined) return node.children ? evaluate(node.children) : node.name;
        return node.transform ? applyTransform(value, node.transform) : value;
      })
      .join('');
  collect(nodes);
  return evaluate(nodes);
}

function applyTransform(value: string, transform: { regex: string; format: string; options: string }): string {
  const regex = new RegExp(transform.regex, transform.options);
  return value.replace(regex, (...match: string[]) =>
    transform.format.replace(/\$\{(\d+):\/(upcase|downcase|capitalize)\}|\$(\d+)/g, (_, group: string, how: string, plain: string) => {
      const text = match[+(group ?? plain)] ?? '';
      if (how === 'upcase') return text.toUpperCase();
      if (how === 'downcase') return text.toLowerCase();
      if (how === 'capitalize') return text.charAt(0).toUpperCase() + text.slice(1);
      return text;
    }),
  );
}

class SnippetParser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node[] {
    const nodes = this.sequence(() => false);
    if (this.at < this.source.length) throw new Error(`Unexpected '${this.source[this.at]}' at ${this.at} in the snippet`);
    return nodes;
  }

  /** Nodes up to (not including) where `stop` says; text keeps `\$`, `\}`, `\\` unescaped. */
  private sequence(stop: () => boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.source.length && !stop()) {
      const ch = this.source[this.at];
      if (ch === '\\' && /[$}\\]/.test(this.source[this.at + 1] ?? '')) {
        text += this.source[this.at + 1];
        this.at += 2;
      } else if (ch === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += ch;
          this.at++;
        }
      } else {
        text += ch;
        this.at++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): Node | undefined {
    const rest = this.source.slice(this.at);
    const bare = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (bare) {
      this.at += bare[0].length;
      return /^\d/.test(bare[1]) ? { kind: 'tabstop', index: +bare[1] } : { kind: 'variable', name: bare[1] };
    }
    const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|/}])/.exec(rest);
    if (!open) return undefined;
    this.at += open[0].length;
    const [, name, sign] = open;
    const isTabstop = /^\d/.test(name);
    if (sign === '}') return isTabstop ? { kind: 'tabstop', index: +name } : { kind: 'variable', name };
    if (sign === ':') {
      const children = this.sequence(() => this.source[this.at] === '}');
      this.expect('}');
      return isTabstop ? { kind: 'tabstop', index: +name, children } : { kind: 'variable', name, children };
    }
    if (sign === '|') {
      const choices: string[] = [];
      let choice = '';
      while (this.at < this.source.length && !this.source.startsWith('|}', this.at)) {
        const ch = this.source[this.at];
        if (ch === '\\' && /[,|\\]/.test(this.source[this.at + 1] ?? '')) {
          choice += this.source[this.at + 1];
          this.at += 2;
        } else if (ch === ',') {
          choices.push(choice);
          choice = '';
          this.at++;
        } else {
          choice += ch;
          this.at++;
        }
      }
      choices.push(choice);
      this.expect('|}');
      return { kind: 'tabstop', index: +name, choices };
    }
    // `${NAME/regex/format/options}`: the format may hold `${1:/upcase}`, whose `/` does not end it.
    const regex = this.until('/');
    const tail = /^((?:\$\{\d+:\/\w+\}|\\.|[^/])*)\/([a-z]*)\}/.exec(this.source.slice(this.at));
    if (!tail) throw new Error(`Malformed transform at ${this.at} in the snippet`);
    this.at += tail[0].length;
    return { kind: 'variable', name, transform: { regex, format: tail[1], options: tail[2] } };
  }

  private until(end: string): string {
    const index = this.source.indexOf(end, this.at);
    if (index < 0) throw new Error(`Missing '${end}' in the snippet`);
    const text = this.source.slice(this.at, index);
    this.at = index + end.length;
    return text;
  }

  private expect(token: string) {
    if (!this.source.startsWith(token, this.at)) throw new Error(`Expected '${token}' at ${this.at} in the snippet`);
    this.at += token.length;
  }
}
