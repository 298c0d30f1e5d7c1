// Lint guards the layers of DESIGN.md (its "never"s): the parser, the rules and the language service import no
// platform, no LSP connection and no glue; shared source imports neither side; the client never imports server
// code. tsc already checks types and unused names, so only these rules and a few sound ones run.
import { dirname, relative, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = dirname(new URL(import.meta.url).pathname);

/** Each layer, by folder, and the folders its relative imports may reach. */
const LAYERS = [
  {
    folder: 'server/src/language',
    may: ['server/src/language', 'shared'],
    why: 'the language layer imports only itself and shared/: the glue, the CLI and the platform come in through interfaces',
  },
  // The Node side (entry, disk, workers), the CLI and the .cable-lint.json files on disk may use the server core.
  { folder: 'server/src/node', may: ['server/src', 'shared'], why: 'the Node side uses the server core and shared/ only' },
  { folder: 'server/src/cli', may: ['server/src', 'shared', 'package.json'], why: 'the Node side uses the server core and shared/ only' },
  { folder: 'server/src/config', may: ['server/src', 'shared'], why: 'the Node side uses the server core and shared/ only' },
  {
    folder: 'server/src',
    // package.json: the server's name and version, bundled in.
    may: ['server/src', 'shared', 'package.json'],
    mayNot: ['server/src/node', 'server/src/cli', 'server/src/config'],
    why: 'the server core runs in a browser worker too: what Node gives comes in through the ServerPlatform interface',
  },
  { folder: 'shared', may: ['shared'], why: 'shared/ is bundled into client and server alike, so it imports neither' },
  {
    folder: 'client/src',
    may: ['client/src', 'shared'],
    why: 'the client only starts the bundled server: what both need lives in shared/',
  },
];

const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** A local rule: a relative import that leaves the folders its layer may reach is an error. */
const boundaries = {
  meta: { type: 'problem', schema: [], messages: { crossing: '{{from}} may not import {{to}}: {{why}}.' } },
  create(context) {
    const file = relative(ROOT, context.filename);
    const layer = LAYERS.find(({ folder }) => inside(file, folder));
    if (!layer) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(ROOT, resolve(dirname(context.filename), source));
      const allowed = layer.may.some((folder) => inside(target, folder)) && !layer.mayNot?.some((folder) => inside(target, folder));
      if (!allowed) context.report({ node: node.source, messageId: 'crossing', data: { from: layer.folder, to: target, why: layer.why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** Packages pure code may not import. */
const PURE_PACKAGES = {
  patterns: [
    {
      group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'url', 'crypto', 'child_process', 'worker_threads', 'readline', 'stream', 'util'],
      message: 'Pure code runs in a browser worker too: the platform comes in through interfaces, never node:*.',
    },
    { group: ['vscode'], message: 'Only the client imports vscode.' },
    {
      group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
      message: 'Pure code outputs plain LSP types (vscode-languageserver-types), never a connection.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.e2e/**', '.scratch/**', 'out/**', 'images/**', 'media/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { layers: { rules: { boundaries } } },
    rules: {
      'layers/boundaries': 'error',
      'no-debugger': 'error',
      'no-self-compare': 'error',
      'no-unsafe-finally': 'error',
    },
  },
  { files: ['server/src/language/**/*.ts', 'shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', PURE_PACKAGES] } },
  // The server core may speak LSP (it holds the connection) but uses no Node module: the platform gives what it needs.
  {
    files: ['server/src/*.ts', 'server/src/{diagnostics,documents,settings,workspace,browser}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            PURE_PACKAGES.patterns[0],
            PURE_PACKAGES.patterns[1],
            {
              group: ['vscode-languageserver/node'],
              message: 'The server core runs in a browser worker too: only the Node entry picks the Node transport.',
            },
          ],
        },
      ],
    },
  },
);
