/**
 * Classification levels in colour: in each of VS Code's default themes (Dark Modern, Light Modern, Dark 2026,
 * Light 2026) the four levels get at least three distinct colours in banners, in portion markings and in the
 * security line, every spelling of a level the same colour, and none of them an error colour. The colours are
 * resolved from the theme files of the provisioned code-server (`npm run provision-e2e`), following their
 * `include` chains, by TextMate scope-selector matching; the resolution is checked against vscode-textmate's own.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IRawTheme } from 'vscode-textmate';
import { loadThemedGrammar, type ThemedGrammar } from './support/themedGrammar';
import {
  DEFAULT_THEMES,
  defaultThemesDir,
  foregroundOf,
  loadTheme,
  normaliseColour,
  ruleFor,
  toRawTheme,
  type DefaultThemeName,
  type ResolvedTheme,
} from './support/themes';

type Level = 'unclassified' | 'confidential' | 'secret' | 'top secret';
const LEVELS: Level[] = ['unclassified', 'confidential', 'secret', 'top secret'];

/** A level written in a line: `text` is found in `line`, and the token at `text`'s first character is measured. */
interface Sample {
  level: Level;
  line: string;
  text: string;
  /** Characters into `text` of the token to measure: 1 for the letters of a marking such as `(S//NF)`. */
  at?: number;
}

const BANNERS: Sample[] = [
  { level: 'unclassified', line: 'UNCLAS SECTION 01 OF 02 MEXICO 001311', text: 'UNCLAS' },
  { level: 'unclassified', line: 'UNCLASSIFIED BUENOS AIRES 2481', text: 'UNCLASSIFIED' },
  { level: 'unclassified', line: 'U N C L A S SECTION 01 OF 02 QUITO 000123', text: 'U N C L A S' },
  { level: 'unclassified', line: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', text: 'UNCLASSIFIED' },
  { level: 'unclassified', line: 'LIMITED OFFICIAL USE STATE 123456', text: 'LIMITED OFFICIAL USE' },
  { level: 'confidential', line: 'C O N F I D E N T I A L SECTION 01 OF 03 MEXICO 000283', text: 'C O N F I D E N T I A L' },
  { level: 'confidential', line: 'CONFIDENTIAL MEXICO 002371', text: 'CONFIDENTIAL' },
  { level: 'confidential', line: 'C o n f i d e n t i a l section 01 of 04 ankara 000123', text: 'C o n f i d e n t i a l' },
  { level: 'confidential', line: 'CONFIDENTIAL', text: 'CONFIDENTIAL' },
  { level: 'secret', line: 'S E C R E T SECTION 01 OF 02 BAKU 000020', text: 'S E C R E T' },
  { level: 'secret', line: 'SECRET        TRIPOLI 000498', text: 'SECRET' },
  { level: 'secret', line: 'S e c r e t section 01 of 02 baku 000020', text: 'S e c r e t' },
  { level: 'secret', line: 'SECRET//NOFORN', text: 'SECRET' },
  { level: 'top secret', line: 'T O P S E C R E T STATE 012345', text: 'T O P S E C R E T' },
  { level: 'top secret', line: 'TOP SECRET SECTION 02 OF 04 STATE 012345', text: 'TOP SECRET' },
  { level: 'top secret', line: 'TOP SECRET//NOFORN', text: 'TOP SECRET' },
];

const MARKINGS: Sample[] = [
  { level: 'unclassified', line: '¶1. (U) The Ambassador met the minister.', text: '(U)', at: 1 },
  { level: 'unclassified', line: '¶2. (SBU) Sensitive but unclassified.', text: '(SBU)', at: 1 },
  { level: 'unclassified', line: '¶3. (SBU//NF) Sensitive, no foreign nationals.', text: '(SBU//NF)', at: 1 },
  { level: 'unclassified', line: '¶4. (U//FOUO) For official use only.', text: '(U//FOUO)', at: 1 },
  { level: 'confidential', line: '¶5. (C) Summary. Mexico’s drug cartels grew.', text: '(C)', at: 1 },
  { level: 'confidential', line: '¶6. (C/NF) Confidential, no foreign nationals.', text: '(C/NF)', at: 1 },
  { level: 'confidential', line: '1. (c) the ambassador said (media-partner lower case).', text: '(c)', at: 1 },
  { level: 'secret', line: '¶7. (S) Secret paragraph.', text: '(S)', at: 1 },
  { level: 'secret', line: '¶8. (S//NF) Secret, no foreign nationals.', text: '(S//NF)', at: 1 },
  { level: 'secret', line: 'A. (S/NF) USG concern: a lettered sub-paragraph.', text: '(S/NF)', at: 1 },
  { level: 'top secret', line: '¶9. (TS) Top secret paragraph.', text: '(TS)', at: 1 },
  { level: 'top secret', line: '¶10. (TS//NF) Top secret, no foreign nationals.', text: '(TS//NF)', at: 1 },
];

const SECURITY_LINES: Sample[] = [
  { level: 'unclassified', line: 'ZNR UUUUU ZZH', text: 'UUUUU' },
  { level: 'unclassified', line: 'ZNR EEEEE ZZH', text: 'EEEEE' },
  { level: 'confidential', line: 'ZNY CCCCC ZZH', text: 'CCCCC' },
  { level: 'secret', line: 'ZNY SSSSS ZZH', text: 'SSSSS' },
  { level: 'top secret', line: 'ZNY TTTTT ZZH', text: 'TTTTT' },
];

const GROUPS: Array<[name: string, samples: Sample[]]> = [
  ['banners', BANNERS],
  ['portion markings', MARKINGS],
  ['security lines', SECURITY_LINES],
];

/** Scopes whose colour means a mistake in the text; a level must never look like one. */
const ERROR_SCOPES = [
  'invalid',
  'invalid.illegal',
  'invalid.deprecated',
  'invalid.broken',
  'invalid.unimplemented',
  'message.error',
  'token.error-token',
];

const skip = process.env.CABLE_E2E === 'skip' ? 'CABLE_E2E=skip (the theme files come with the end-to-end tools)' : undefined;

describe('classification levels in the colours of VS Code’s default themes', { skip }, () => {
  let grammar: ThemedGrammar;
  const themes = new Map<DefaultThemeName, ResolvedTheme>();
  const rawThemes = new Map<DefaultThemeName, IRawTheme>();

  before(async () => {
    const dir = defaultThemesDir(); // missing theme files fail here, naming `npm run provision-e2e`
    for (const [name, file] of Object.entries(DEFAULT_THEMES) as [DefaultThemeName, string][]) {
      const theme = loadTheme(file, dir);
      themes.set(name, theme);
      rawThemes.set(name, toRawTheme(theme));
    }
    grammar = await loadThemedGrammar();
  });

  /** The scopes of the token at the sample's level text. */
  const scopesOf = (sample: Sample): string[] => {
    const offset = offsetOf(sample);
    const token = grammar.tokenize(sample.line).find((t) => t.startIndex <= offset && offset < t.endIndex);
    assert.ok(token, `no token at "${sample.text}" in "${sample.line}"`);
    return token.scopes;
  };

  for (const name of Object.keys(DEFAULT_THEMES) as DefaultThemeName[]) {
    for (const [group, samples] of GROUPS) {
      it(`${name}: ${group} give the four levels at least three colours, one per level, none an error colour`, (t) => {
        const theme = themes.get(name)!;
        const byLevel = new Map<Level, Set<string>>(LEVELS.map((level) => [level, new Set()]));
        const seen: string[] = [];
        for (const sample of samples) {
          const scopes = scopesOf(sample);
          const colour = foregroundOf(theme, scopes);
          byLevel.get(sample.level)!.add(colour);
          seen.push(`${sample.text} in "${sample.line}": ${colour} (${scopes.slice(1).join(' ')})`);
        }
        const table = LEVELS.map((level) => `${level} ${[...byLevel.get(level)!].join('/')}`).join(', ');
        t.diagnostic(`${name}, ${group}: ${table}`);

        for (const level of LEVELS) {
          const colours = byLevel.get(level)!;
          assert.equal(colours.size, 1, `${name}: every spelling of ${level} in ${group} should have one colour:\n${seen.join('\n')}`);
          assert.notEqual([...colours][0], theme.defaultForeground, `${name}: ${level} in ${group} is plain text:\n${seen.join('\n')}`);
        }
        const distinct = new Set(LEVELS.map((level) => [...byLevel.get(level)!][0]));
        assert.ok(distinct.size >= 3, `${name}: the four levels in ${group} share ${distinct.size} colours (${table})`);

        const errors = errorColours(theme);
        for (const level of LEVELS) {
          const colour = [...byLevel.get(level)!][0];
          assert.ok(
            !errors.has(colour),
            `${name}: ${level} in ${group} has the theme's error colour ${colour} (${[...errors].join(', ')})`,
          );
          assert.ok(!isReddish(colour), `${name}: ${level} in ${group} is red-ish (${colour}) and reads like an error`);
        }
      });
    }
  }

  it('a level has the same colour in the banner, in a portion marking and in the security line', () => {
    for (const [name, theme] of themes) {
      for (const level of LEVELS) {
        const colours = new Set(
          GROUPS.flatMap(([, samples]) => samples.filter((s) => s.level === level)).map((s) => foregroundOf(theme, scopesOf(s))),
        );
        assert.equal(colours.size, 1, `${name}: ${level} is drawn in ${[...colours].join(', ')}`);
      }
    }
  });

  it('resolves every sample token to the colour vscode-textmate itself gives it under each theme', () => {
    for (const [name, theme] of themes) {
      for (const sample of GROUPS.flatMap(([, samples]) => samples)) {
        for (const token of grammar.tokenize(sample.line)) {
          const ours = foregroundOf(theme, token.scopes);
          const engine = grammar.engineForeground(sample.line, token.startIndex, rawThemes.get(name)!);
          const text = sample.line.slice(token.startIndex, token.endIndex);
          assert.equal(ours, engine, `${name}: "${text}" in "${sample.line}" (${token.scopes.join(' ')})`);
        }
      }
    }
  });

  it('matches theme selectors as VS Code does: longest prefix, parent selectors, the including theme winning ties', () => {
    const dark2026 = themes.get('Dark 2026')!;
    const light2026 = themes.get('Light 2026')!;
    // Dark+'s `keyword.control` is longer than 2026 Dark's own `keyword`, so it wins although 2026 Dark includes Dark+.
    assert.equal(foregroundOf(dark2026, ['text.cable', 'keyword.control.x.cable']), '#C586C0');
    // Same selector `keyword` in Dark (Visual Studio) and in 2026 Dark: the including theme's rule comes later and wins.
    assert.equal(foregroundOf(dark2026, ['text.cable', 'keyword.other.x.cable']), '#FF7B72');
    // `string variable` (a parent selector) beats `variable` for a variable inside a string, not outside one.
    assert.equal(foregroundOf(dark2026, ['source.x', 'string.quoted.x', 'variable.parameter.x']), '#79C0FF');
    assert.equal(foregroundOf(dark2026, ['source.x', 'variable.parameter.x']), '#FFA657');
    assert.equal(ruleFor(dark2026, ['source.x', 'string.quoted.x', 'variable.parameter.x'], 2)?.selector, 'string variable');
    // Light (Visual Studio)'s `storage.modifier` is longer than 2026 Light's `storage`.
    assert.equal(foregroundOf(light2026, ['text.cable', 'storage.modifier.x.cable']), '#0000FF');
    // No rule: the editor's foreground.
    assert.equal(foregroundOf(themes.get('Dark Modern')!, ['text.cable', 'meta.nothing.cable']), '#CCCCCC');
  });
});

function offsetOf(sample: Sample): number {
  const start = sample.line.indexOf(sample.text);
  assert.ok(start >= 0, `"${sample.text}" is not in "${sample.line}"`);
  return start + (sample.at ?? 0);
}

/** The theme's colours for mistakes: its `invalid`/error token rules and its error foregrounds. */
function errorColours(theme: ResolvedTheme): Set<string> {
  const colours = new Set<string>();
  for (const scope of ERROR_SCOPES) {
    const rule = ruleFor(theme, ['text.cable', `${scope}.cable`], 1);
    if (rule) colours.add(rule.foreground);
  }
  for (const key of ['errorForeground', 'editorError.foreground']) {
    const colour = theme.colors[key];
    if (colour) colours.add(normaliseColour(colour));
  }
  return colours;
}

/** Saturated colours within 20° of pure red hue: how errors, deletions and invalid text are drawn. */
function isReddish(colour: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma === 0) return false;
  const saturation = chroma / (1 - Math.abs(2 * lightness - 1));
  let hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  return saturation >= 0.4 && (hue <= 20 || hue >= 340);
}
