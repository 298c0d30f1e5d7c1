/**
 * `cable-lint --format json` over a folder of real-shaped cables with 1 and 2 worker jobs, beside the floor: one
 * process that reads the same files and splits them into lines. Best of three runs each; peak memory of the
 * CLI's process (its worker threads included).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const MAX_RSS = join(ROOT, 'test', 'bench', 'maxRss.cjs');

/** The floor: read every file of the folder and split it into lines, in one process. */
const READ_AND_SPLIT = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let lines = 0;
for (const name of readdirSync(process.argv[1])) lines += readFileSync(join(process.argv[1], name), 'utf8').split(/\\r\\n|\\r|\\n/).length;
console.log(lines);
`;

export interface CliRun {
  ms: number;
  cables: number;
  maxRssMb: number;
}

export interface CliFigures {
  folderFiles: number;
  readSplit: CliRun;
  jobs: Array<CliRun & { jobs: number }>;
}

/** Runs `node args` and times it; an exit code above `worstExit` (cable-lint exits 1 when it finds errors) fails. */
function timed(args: string[], worstExit: number): { ms: number; stdout: string; maxRssMb: number } {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-bench-rss-'));
  const rssFile = join(scratch, 'max-rss');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--require', MAX_RSS, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, CABLE_BENCH_MAX_RSS: rssFile },
    });
    const ms = performance.now() - start;
    if (result.status === null || result.status > worstExit) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    return { ms, stdout: result.stdout, maxRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function best(runs: CliRun[]): CliRun {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function lint(folder: string, jobs: number): CliRun {
  const { ms, stdout, maxRssMb } = timed([CLI, '--format', 'json', '--no-progress', '--jobs', String(jobs), folder], 1);
  let cables = 0;
  for (const line of stdout.split('\n')) if (line) cables += (JSON.parse(line) as { cables: unknown[] }).cables.length;
  return { ms, cables, maxRssMb };
}

function readSplit(folder: string): CliRun {
  const { ms, maxRssMb } = timed(['-e', READ_AND_SPLIT, folder], 0);
  return { ms, cables: 0, maxRssMb };
}

export function measureCli(folder: string, folderFiles: number): CliFigures {
  const three = <T>(run: () => T) => [run(), run(), run()];
  return {
    folderFiles,
    readSplit: best(three(() => readSplit(folder))),
    jobs: [1, 2].map((jobs) => ({ jobs, ...best(three(() => lint(folder, jobs))) })),
  };
}
