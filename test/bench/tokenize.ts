/**
 * Loads the cable TextMate grammar with vscode-textmate and the Oniguruma WASM build — the engine VS Code itself
 * uses — so the grammar tests and the benchmark measure exactly what the editor will run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = join(__dirname, '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'cable.tmLanguage.json');
const ONIG_WASM_PATH = join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
const SCOPE_NAME = 'text.cable';

let wasmLoaded: Promise<void> | undefined;

/** The WASM module can be loaded once per process only; later callers share the first load. */
function loadOnigurumaOnce(): Promise<void> {
  wasmLoaded ??= readFile(ONIG_WASM_PATH).then((bytes) => loadWASM(bytes));
  return wasmLoaded;
}

/** A fresh registry holding `syntaxes/cable.tmLanguage.json` (scope `text.cable`), and the grammar loaded into it. */
export async function loadCableRegistry(): Promise<{ registry: Registry; grammar: IGrammar }> {
  await loadOnigurumaOnce();
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? parseRawGrammar(await readFile(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`Grammar ${SCOPE_NAME} could not be loaded from ${GRAMMAR_PATH}`);
  return { registry, grammar };
}

/** Loads `syntaxes/cable.tmLanguage.json` (scope `text.cable`) into a fresh registry. */
export async function loadCableGrammar(): Promise<IGrammar> {
  return (await loadCableRegistry()).grammar;
}

/**
 * Tokenizes every line of `text`, carrying the rule stack from line to line as an editor does, and returns the
 * number of tokens produced. Throws if the tokenizer gives up on a line (vscode-textmate's time limit).
 */
export function tokenizeText(grammar: IGrammar, text: string): number {
  let state: StateStack = INITIAL;
  let tokens = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const result = grammar.tokenizeLine(line, state);
    if (result.stoppedEarly) throw new Error(`Tokenizing stopped early on a line of ${line.length} characters`);
    tokens += result.tokens.length;
    state = result.ruleStack;
  }
  return tokens;
}
