// `npm run bench`: bundles the benchmark with the code it measures, as the shipped bundles are built
// (esbuild, CommonJS, no transform at run time), and runs it. Figures only; nothing here asserts a time.
// Switches (environment): CABLE_BENCH_CLI_ONLY=1 only cable-lint's figures (no analysis, no server);
// CABLE_BENCH_CLI_RUNS=N rounds of the cable-lint figures (5); CABLE_BENCH_SKIP_WORKSPACE=1 no workspace index
// (minutes); CABLE_BENCH_WORKSPACE_FILES=N a smaller workspace.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: { bench: 'test/bench/bench.ts' },
  // dist/bench sits as deep as test/bench, so the bench's paths to ../shared and dist/ hold in both.
  outdir: 'dist/bench',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', 'dist/bench/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
