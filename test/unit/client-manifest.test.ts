/**
 * The manifest's contributions agree with the code: every command the client registers is
 * contributed (and the other way round), every setting of `shared/settings.ts` is declared with its
 * default, scope and values, the server's defaults are the manifest's, and the files the manifest
 * points at exist and parse.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import { DEFAULT_DOCUMENT_SETTINGS, DEFAULT_INDEX_SETTINGS } from '../../server/src/settings/settingsMapping';
import {
  DEFAULT_CABLE_SETTINGS,
  RULE_LEVELS,
  TRACE_LEVELS,
  VALIDATE_RUNS,
  VALIDATE_SCOPES,
  WINDOW_SCOPED_SETTINGS,
} from '../../shared/settings';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface SettingSchema {
  type: string;
  default: unknown;
  scope?: string;
  markdownDescription?: string;
  enum?: string[];
  additionalProperties?: { enum?: string[] };
}
interface Manifest {
  main: string;
  browser: string;
  activationEvents: string[];
  capabilities: {
    untrustedWorkspaces: { supported: boolean; description: string };
    virtualWorkspaces: { supported: string | boolean; description: string };
  };
  contributes: {
    languages: { id: string; aliases: string[]; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, SettingSchema> };
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;

/** `{ validate: { enable: true } }` → `[['validate.enable', true]]`, objects such as `rules` kept whole. */
function leafSettings(value: object, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, inner]): [string, unknown][] => {
    const path = `${prefix}${key}`;
    const isGroup = typeof inner === 'object' && inner !== null && Object.keys(inner).length > 0;
    return isGroup ? leafSettings(inner as object, `${path}.`) : [[path, inner]];
  });
}

describe('package.json contributions', () => {
  it('declares the cable language with its configuration, grammar and snippets', () => {
    const [language] = contributes.languages;
    assert.equal(language.id, 'cable');
    assert.deepEqual(language.aliases, ['Cable', 'Diplomatic Cable']);
    assert.deepEqual(language.extensions, ['.cable']);
    assert.equal(language.configuration, './language-configuration.json');
    assert.deepEqual(contributes.grammars, [{ language: 'cable', scopeName: 'text.cable', path: './syntaxes/cable.tmLanguage.json' }]);
    assert.ok(existsSync(join(ROOT, language.configuration)));
    for (const snippets of contributes.snippets) assert.ok(existsSync(join(ROOT, snippets.path)));
  });

  it('activates for cables, for plain text (to detect .txt cables) and on folders that may hold cables', () => {
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:cable',
      'onLanguage:plaintext',
      'workspaceContains:**/*.cable',
      'workspaceContains:**/*.txt',
    ]);
  });

  it('runs in untrusted workspaces, since it runs no workspace code, and in part in virtual ones', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.capabilities.untrustedWorkspaces.description);
    // Limited: on the web the server reads files through VS Code but no .cable-lint.json; on the desktop, disk only.
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /vscode\.dev/);
  });

  it('has a browser entry for vscode.dev and github.dev, built from the browser client, which starts the browser server', () => {
    assert.equal(manifest.browser, './dist/browser/client.js');
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8').replace(/\s+/g, ' ');
    assert.match(build, /entryPoints: \{ client: 'client\/src\/browser\/extension\.ts' \}, outdir: 'dist\/browser'/);
    assert.match(build, /entryPoints: \{ server: 'server\/src\/browser\/serverWorkerMain\.ts' \}, outdir: 'dist\/browser'/);
    assert.match(readFileSync(join(ROOT, 'client', 'src', 'browser', 'extension.ts'), 'utf8'), /'dist', 'browser', 'server\.js'/);
  });

  it('contributes exactly the commands the client registers', () => {
    // Commands are registered in commands.ts, and the preview's beside the preview.
    const sources = ['commands.ts', join('preview', 'registerPreview.ts')].map((file) =>
      readFileSync(join(ROOT, 'client', 'src', file), 'utf8'),
    );
    const registered = sources.flatMap((source) => [...source.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1])).sort();
    assert.deepEqual(contributes.commands.map((command) => command.command).sort(), registered);
    for (const command of contributes.commands) assert.equal(command.category, 'Cable');
  });

  it('declares every setting of shared/settings.ts, with the same default', () => {
    const properties = contributes.configuration.properties;
    for (const [path, value] of leafSettings(DEFAULT_CABLE_SETTINGS)) {
      const schema = properties[`cable.${path}`];
      assert.ok(schema, `cable.${path} is not declared`);
      assert.deepEqual(schema.default, value, `default of cable.${path}`);
    }
    assert.equal(Object.keys(properties).length, leafSettings(DEFAULT_CABLE_SETTINGS).length);
  });

  it('describes every setting in markdown and scopes it', () => {
    for (const [key, schema] of Object.entries(contributes.configuration.properties)) {
      assert.ok(schema.markdownDescription, `${key} has no markdownDescription`);
      assert.equal(schema.scope, WINDOW_SCOPED_SETTINGS.includes(key) ? 'window' : 'resource', `scope of ${key}`);
    }
  });

  it('offers the values shared/settings.ts reads, for each enumerated setting', () => {
    const properties = contributes.configuration.properties;
    assert.deepEqual(properties['cable.validate.run'].enum, VALIDATE_RUNS);
    assert.deepEqual(properties['cable.validate.scope'].enum, VALIDATE_SCOPES);
    assert.deepEqual(properties['cable.trace.server'].enum, TRACE_LEVELS);
    assert.deepEqual(properties['cable.rules'].additionalProperties?.enum, RULE_LEVELS);
  });

  it("gives the server the manifest's defaults, for documents, the workspace index and cable-lint", () => {
    const declared = (key: string) => contributes.configuration.properties[`cable.${key}`].default;
    assert.deepEqual(DEFAULT_DOCUMENT_SETTINGS, {
      language: { rules: declared('rules'), maxNumberOfProblems: declared('maxNumberOfProblems'), acronyms: declared('acronyms') },
      validate: { enable: declared('validate.enable'), run: declared('validate.run'), scope: declared('validate.scope') },
    });
    assert.deepEqual(DEFAULT_SETTINGS, DEFAULT_DOCUMENT_SETTINGS.language);
    assert.deepEqual(DEFAULT_INDEX_SETTINGS, {
      maxFiles: declared('index.maxFiles'),
      maxFileBytes: (declared('index.maxFileSizeMB') as number) * 1024 * 1024,
    });
  });

  it('gives cables prose defaults: wrapped, no word or quick suggestions, no formatting, the text saved as it is', () => {
    const defaults = (contributes as { configurationDefaults?: Record<string, Record<string, unknown>> }).configurationDefaults;
    assert.deepEqual(defaults?.['[cable]'], {
      'editor.defaultColorDecorators': false,
      'editor.wordWrap': 'on',
      // VS Code 1.85 made this an enum; `false` would no longer turn it off.
      'editor.wordBasedSuggestions': 'off',
      // Completion still opens on the server's trigger characters, where it has something to offer.
      'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
      'editor.formatOnSave': false,
      'editor.formatOnType': false,
      'editor.formatOnPaste': false,
      // Cablegate lines end in spaces, and a cable's last line may have no newline: an archival record is saved byte for byte.
      'files.trimTrailingWhitespace': false,
      'files.insertFinalNewline': false,
      'files.trimFinalNewlines': false,
    });
  });
});

describe('snippets/cable.json', () => {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'cable.json'), 'utf8')) as Record<
    string,
    { prefix: string | string[]; body: string | string[]; description: string }
  >;

  it('has a new-cable skeleton with routing header, banner, caption and a paragraph', () => {
    const body = [snippets['New cable'].body].flat().join('\n');
    for (const part of [
      /^VZCZC/m,
      /^DE /m,
      /^FM /m,
      /^TO /m,
      /C O N F I D E N T I A L/,
      /^E\.O\. /m,
      /^TAGS: /m,
      /^SUBJECT: /m,
      /^¶1\. \(/m,
    ]) {
      assert.match(body, part);
    }
  });

  it('leaves numbered paragraphs to completion, which gives the next number and the cable’s level', () => {
    assert.deepEqual(Object.keys(snippets), ['New cable']);
  });

  it('gives every snippet a prefix, a body and a description', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok([snippet.prefix].flat().length > 0, name);
      assert.ok([snippet.body].flat().length > 0, name);
      assert.ok(snippet.description, name);
    }
  });
});
