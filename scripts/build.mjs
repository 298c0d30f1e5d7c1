// Bundles the client, the language server and the CLI into dist/ as CommonJS.
//   --production  minified, without source maps (what `npm run package` ships)
//   --watch       rebuilds dist/ on every change until stopped (`npm run watch`); each rebuild is framed by
//                 `[watch] build started` / `[watch] build finished` lines, with its problems as
//                 `file:line:column: error|warning: text` between them, for .vscode/tasks.json's matcher.
import { build, context } from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  { ...common, entryPoints: { server: 'server/src/node/serverMain.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/cliMain.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { lintWorker: 'server/src/cli/lintWorker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { indexWorker: 'server/src/node/workspace/indexWorker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // vscode.dev and github.dev: the web extension host loads the client as CommonJS and starts the server in a
  // Web Worker. Packages pick their `browser` builds (vscode-languageserver's, vscode-jsonrpc's).
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { server: 'server/src/browser/serverWorkerMain.ts' },
    outdir: 'dist/browser',
  },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: { client: 'client/src/browser/extension.ts' },
    outdir: 'dist/browser',
    external: ['vscode'],
  },
];

if (watch) await watchAll();
else await Promise.all(bundles.map((options) => build(options)));

/** One rebuild of all bundles is one "build": started when the first starts, finished when the last ends. */
async function watchAll() {
  let running = 0;
  let problems = 0;
  const reporter = {
    name: 'watch-reporter',
    setup(pluginBuild) {
      pluginBuild.onStart(() => {
        if (running++ === 0) {
          problems = 0;
          console.log('[watch] build started');
        }
      });
      pluginBuild.onEnd((result) => {
        for (const [kind, messages] of [
          ['error', result.errors],
          ['warning', result.warnings],
        ]) {
          for (const { text, location } of messages) {
            problems++;
            console.log(location ? `${location.file}:${location.line}:${location.column + 1}: ${kind}: ${text}` : `${kind}: ${text}`);
          }
        }
        if (--running === 0)
          console.log(`[watch] build finished${problems > 0 ? ` with ${problems} problem${problems === 1 ? '' : 's'}` : ''}`);
      });
    },
  };
  // esbuild's own log is replaced by the reporter's lines, which carry the same errors and warnings.
  const contexts = await Promise.all(bundles.map((options) => context({ ...options, logLevel: 'silent', plugins: [reporter] })));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  const stop = async () => {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
