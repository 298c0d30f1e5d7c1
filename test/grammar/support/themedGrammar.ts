/**
 * The cable grammar in vscode-textmate + Oniguruma with a theme set on its registry, as VS Code runs it: the
 * engine's own colour for each token (`tokenizeLine2`) next to the token's scopes (`tokenizeLine`), so a test
 * can check its scope-selector resolution against the engine's.
 */
import { INITIAL, type IRawTheme, type IToken } from 'vscode-textmate';
import { loadCableRegistry } from '../../bench/tokenize';
import { normaliseColour } from './themes';

export interface ThemedGrammar {
  /** The tokens of one line tokenized on its own (from the initial state), with their scopes. */
  tokenize: (line: string) => IToken[];
  /** The engine's foreground (`#RRGGBB`) of the token starting at or covering `offset` of `line`, under `theme`. */
  engineForeground: (line: string, offset: number, theme: IRawTheme) => string;
}

export async function loadThemedGrammar(): Promise<ThemedGrammar> {
  const { registry, grammar } = await loadCableRegistry();
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
