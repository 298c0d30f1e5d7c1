/**
 * A small parser for JSON with comments (`//`, `/* *\/`) and trailing commas, as VS Code's own settings
 * files allow: text → a tree of nodes that keep their offsets, so the configuration can say where a bad
 * value is (`.cable-lint.json:4:15`) and edits can touch only the characters they change. Stops at the first
 * syntax error, which says what was expected and what was found there. Pure: no I/O.
 */

/** A place in the text: `offset` in UTF-16 units, `line` and `column` from 1, as editors show them. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

interface NodeBase {
  /** Where the value starts and ends (`end` is exclusive). */
  offset: number;
  end: number;
}

export interface JsonObjectNode extends NodeBase {
  type: 'object';
  properties: JsonProperty[];
}
export interface JsonArrayNode extends NodeBase {
  type: 'array';
  items: JsonNode[];
}
export interface JsonStringNode extends NodeBase {
  type: 'string';
  value: string;
}
export interface JsonScalarNode extends NodeBase {
  type: 'number' | 'boolean' | 'null';
  value: number | boolean | null;
}
export type JsonNode = JsonObjectNode | JsonArrayNode | JsonStringNode | JsonScalarNode;

/** `"rules": { … }`: the key with its own range, and the value. */
export interface JsonProperty {
  key: JsonStringNode;
  value: JsonNode;
}

export interface JsoncSyntaxError extends TextPosition {
  /** What was expected and what was found: `expected ',' or '}' after a property value, found '"ignore"'`. */
  message: string;
}

/** The root value, or none for a file holding only whitespace and comments. */
export type JsoncParseResult = { ok: true; root: JsonNode | undefined } | { ok: false; error: JsoncSyntaxError };

export function parseJsonc(text: string): JsoncParseResult {
  try {
    const parser = new Parser(text);
    return { ok: true, root: parser.parseDocument() };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, error: { message: error.message, ...positionAt(text, error.offset) } };
    throw error;
  }
}

/** The plain value of a node (objects keep the last of duplicate keys, as JSON.parse does). */
export function toPlainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const property of node.properties) value[property.key.value] = toPlainValue(property.value);
      return value;
    }
    case 'array':
      return node.items.map(toPlainValue);
    default:
      return node.value;
  }
}

/** Line and column (from 1) of an offset; `\r\n`, `\n` and `\r` each end a line. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The offset of the first character after whitespace and comments from `offset`. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\uFEFF') i++;
    else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return i; // the parser reports it
      i = close + 2;
    } else return i;
  }
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Nesting deeper than this is no configuration; refusing it keeps the recursion bounded. */
const MAX_DEPTH = 64;

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonNode | undefined {
    this.skip();
    if (this.pos >= this.text.length) return undefined;
    const root = this.parseValue(0);
    this.skip();
    if (this.pos < this.text.length) this.fail('expected the end of the file after the top-level value');
    return root;
  }

  private parseValue(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const ch = this.text[this.pos];
    if (ch === '{') return this.parseObject(depth);
    if (ch === '[') return this.parseArray(depth);
    if (ch === '"') return this.parseString();
    const start = this.pos;
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, start) && !/[\w$]/.test(this.text[start + word.length] ?? '')) {
        this.pos += word.length;
        return { type: value === null ? 'null' : 'boolean', value, offset: start, end: this.pos };
      }
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(this.text);
    if (number && !/[\w.$]/.test(this.text[start + number[0].length] ?? '')) {
      this.pos += number[0].length;
      return { type: 'number', value: Number(number[0]), offset: start, end: this.pos };
    }
    return this.fail('expected a value (an object, array, string, number, true, false or null)');
  }

  private parseObject(depth: number): JsonObjectNode {
    const start = this.pos++;
    const properties: JsonProperty[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.pos] === '}') break;
      if (this.text[this.pos] !== '"') this.fail("expected a property name in double quotes or '}'");
      const key = this.parseString();
      this.skip();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name ${JSON.stringify(key.value)}`);
      this.pos++;
      this.skip();
      properties.push({ key, value: this.parseValue(depth + 1) });
      this.skip();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === '}') break;
      this.fail("expected ',' or '}' after a property value");
    }
    this.pos++;
    return { type: 'object', properties, offset: start, end: this.pos };
  }

  private parseArray(depth: number): JsonArrayNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.pos] === ']') break;
      items.push(this.parseValue(depth + 1));
      this.skip();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === ']') break;
      this.fail("expected ',' or ']' after an array item");
    }
    this.pos++;
    return { type: 'array', items, offset: start, end: this.pos };
  }

  private parseString(): JsonStringNode {
    const start = this.pos++;
    let value = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n' || ch === '\r')
        throw new SyntaxProblem("unterminated string: expected a closing '\"' on the same line", start);
      if (ch === '"') break;
      if (ch === '\\') {
        const escape = this.text[this.pos + 1];
        if (escape === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxProblem('expected four hexadecimal digits after \\u', this.pos);
          value += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else if (escape !== undefined && Object.hasOwn(ESCAPES, escape)) {
          value += ESCAPES[escape];
          this.pos += 2;
        } else
          throw new SyntaxProblem(`unknown escape '\\${escape ?? ''}': expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`, this.pos);
      } else if (ch < ' ') throw new SyntaxProblem('a control character inside a string: write it as an escape such as \\t', this.pos);
      else {
        value += ch;
        this.pos++;
      }
    }
    this.pos++;
    return { type: 'string', value, offset: start, end: this.pos };
  }

  private skip(): void {
    this.pos = skipTrivia(this.text, this.pos);
    if (this.text[this.pos] === '/' && this.text[this.pos + 1] === '*')
      throw new SyntaxProblem("unterminated comment: expected '*/'", this.pos);
  }

  private fail(expected: string): never {
    throw new SyntaxProblem(`${expected}, found ${this.describeHere()}`, this.pos);
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const rest = this.text.slice(this.pos);
    const token = /^(?:"(?:[^"\\\r\n]|\\.)*"?|[\w$.+-]+|[^\s])/.exec(rest)?.[0] ?? rest[0];
    return `'${token.length > 30 ? `${token.slice(0, 30)}…` : token}'`;
  }
}
