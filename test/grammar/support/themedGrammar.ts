/**
 * The cable grammar in vscode-textmate + Oniguruma with a theme set on its registry, as VS Code runs it: the
 * engine's own colour for each token (`tokenizeLine2`) next to the token's scopes (`tokenizeLine`), so a test
 * can check its scope-selector resolution against the engine's.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawTheme, type IToken } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';
import { normaliseColour } from './themes';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'cable.tmLanguage.json');
const ONIG_WASM_PATH = join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
const SCOPE_NAME = 'text.cable';

export interface ThemedGrammar {
  /** The tokens of one line tokenized on its own (from the initial state), with their scopes. */
  tokenize: (line: string) => IToken[];
  /** The engine's foreground (`#RRGGBB`) of the token starting at or covering `offset` of `line`, under `theme`. */
  engineForeground: (line: string, offset: number, theme: IRawTheme) => string;
}

export async function loadThemedGrammar(): Promise<ThemedGrammar> {
  // loadWASM may be called again in the same process: later calls return the first load.
  await loadWASM(await readFile(ONIG_WASM_PATH));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? parseRawGrammar(await readFile(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar: IGrammar | null = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`Grammar ${SCOPE_NAME} could not be loaded from ${GRAMMAR_PATH}`);
  let current: IRawTheme | undefined;
  return {
    tokenize: (line) => grammar.tokenizeLine(line, INITIAL).tokens,
    engineForeground: (line, offset, theme) => {
      if (current !== theme) {
        registry.setTheme(theme);
        current = theme;
      }
      const colours = registry.getColorMap();
      // Pairs of (start offset, encoded attributes); the foreground's colour id sits in bits 15–23.
      const tokens = grammar.tokenizeLine2(line, INITIAL).tokens;
      let metadata = tokens[1];
      for (let i = 0; i < tokens.length; i += 2) if (tokens[i] <= offset) metadata = tokens[i + 1];
      return normaliseColour(colours[(metadata >>> 15) & 0x1ff]);
    },
  };
}
