/** `cable-lint` over the shared corpus with 1 and 2 worker jobs: cables per second, best of three runs. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { CORPUS_DIR } from '../support/corpus';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliFigures {
  jobs: number;
  ms: number;
  cablesPerSecond: number;
}

function run(jobs: number): { ms: number; cables: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, '--format', 'json', '--no-progress', '--jobs', String(jobs), CORPUS_DIR], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  if (result.status === null || result.status > 1) throw new Error(`cable-lint failed: ${result.stderr}`);
  let cables = 0;
  for (const line of result.stdout.split('\n')) if (line) cables += (JSON.parse(line) as { cables: unknown[] }).cables.length;
  return { ms, cables };
}

export async function measureCli(): Promise<CliFigures[]> {
  return [1, 2].map((jobs) => {
    const runs = [run(jobs), run(jobs), run(jobs)];
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    return { jobs, ms: best.ms, cablesPerSecond: best.cables / (best.ms / 1000) };
  });
}
