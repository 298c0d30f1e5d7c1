/**
 * `cable-lint --format json` over a folder of real-shaped cables with 1 and 2 jobs, beside the floor: one process
 * that reads the same files and splits them into lines. The three run in turn, round after round, so that a
 * shared, noisy machine slows them alike; each figure is the median of the rounds (CABLE_BENCH_CLI_RUNS, 5 by
 * default), with its CPU time (all threads) and the process's peak memory (its worker threads included); beside
 * them, two 1-job processes at once over the two halves of the folder, the most two lanes can do on the machine. Last, one
 * 2-job run over half of the folder: peak memory that does not grow with the number of files is what streaming buys.
 */
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarise, type Timing } from './measure';

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

interface OneRun {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  cables: number;
}

/** Medians over the rounds. */
export interface CliRun {
  wall: Timing;
  cpuMs: number;
  maxRssMb: number;
  cables: number;
}

export interface CliFigures {
  folderFiles: number;
  rounds: number;
  readSplit: CliRun;
  jobs: Array<CliRun & { jobs: number }>;
  /**
   * The machine's own ceiling for two lanes: two separate 1-job processes at once, each over half of the folder
   * (no worker, no message, nothing shared). On a machine whose two cores do not give twice the work, this shows it.
   */
  halves: { wall: Timing; cpuMs: number };
  /** Peak memory of one 2-job run over `files` files of the folder, to compare with the whole folder's. */
  smaller?: { files: number; maxRssMb: number };
}

export function cliRounds(): number {
  const raw = Number(process.env.CABLE_BENCH_CLI_RUNS);
  return Number.isInteger(raw) && raw > 0 ? raw : 5;
}

/** Runs `node args` and times it; an exit code above `worstExit` (cable-lint exits 1 when it finds errors) fails. */
function timed(args: string[], worstExit: number): { ms: number; cpuMs: number; stdout: string; maxRssMb: number } {
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
    const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuUs: number };
    return { ms, cpuMs: usage.cpuUs / 1000, stdout: result.stdout, maxRssMb: usage.maxRssKb / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function lint(folder: string, jobs: number): OneRun {
  const { ms, cpuMs, stdout, maxRssMb } = timed([CLI, '--format', 'json', '--no-progress', '--jobs', String(jobs), folder], 1);
  let cables = 0;
  for (const line of stdout.split('\n')) if (line) cables += (JSON.parse(line) as { cables: unknown[] }).cables.length;
  return { ms, cpuMs, cables, maxRssMb };
}

function readSplit(folder: string): OneRun {
  const { ms, cpuMs, maxRssMb } = timed(['-e', READ_AND_SPLIT, folder], 0);
  return { ms, cpuMs, cables: 0, maxRssMb };
}

function median(values: number[]): number {
  return summarise(values).median;
}

function summary(runs: OneRun[]): CliRun {
  return {
    wall: summarise(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
    cables: runs[0].cables,
  };
}

/** Two 1-job runs at once, one over each folder; the time until both have ended, and their CPU time together. */
async function lintPair(folders: [string, string]): Promise<{ ms: number; cpuMs: number }> {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-bench-rss-'));
  try {
    const start = performance.now();
    const one = (folder: string, k: number) =>
      new Promise<number>((resolve, reject) => {
        const rssFile = join(scratch, `max-rss-${k}`);
        const child = spawn(process.execPath, ['--require', MAX_RSS, CLI, '--format', 'json', '--no-progress', '--jobs', '1', folder], {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, CABLE_BENCH_MAX_RSS: rssFile },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => {
          if (code === null || code > 1) reject(new Error(`cable-lint over ${folder} failed: ${stderr}`));
          else resolve((JSON.parse(readFileSync(rssFile, 'utf8')) as { cpuUs: number }).cpuUs / 1000);
        });
      });
    const cpu = await Promise.all(folders.map(one));
    return { ms: performance.now() - start, cpuMs: cpu[0] + cpu[1] };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The folder's files in two folders of links, every other file in each. */
function splitFolder(folder: string): [string, string] {
  const halves: [string, string] = [mkdtempSync(join(tmpdir(), 'cable-bench-half-')), mkdtempSync(join(tmpdir(), 'cable-bench-half-'))];
  readdirSync(folder)
    .sort()
    .forEach((name, i) => linkSync(join(folder, name), join(halves[i % 2], name)));
  return halves;
}

export async function measureCli(folder: string, folderFiles: number): Promise<CliFigures> {
  const rounds = cliRounds();
  const floor: OneRun[] = [];
  const byJobs: OneRun[][] = [[], []];
  const pairs: Array<{ ms: number; cpuMs: number }> = [];
  const halves = splitFolder(folder);
  let smaller: CliFigures['smaller'];
  try {
    for (let round = 0; round < rounds; round++) {
      floor.push(readSplit(folder));
      byJobs[0].push(lint(folder, 1));
      byJobs[1].push(lint(folder, 2));
      pairs.push(await lintPair(halves));
    }
    smaller = { files: readdirSync(halves[0]).length, maxRssMb: lint(halves[0], 2).maxRssMb };
  } finally {
    for (const half of halves) rmSync(half, { recursive: true, force: true });
  }
  return {
    folderFiles,
    rounds,
    readSplit: summary(floor),
    jobs: byJobs.map((runs, k) => ({ jobs: k + 1, ...summary(runs) })),
    halves: { wall: summarise(pairs.map((p) => p.ms)), cpuMs: median(pairs.map((p) => p.cpuMs)) },
    smaller,
  };
}
