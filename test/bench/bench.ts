/**
 * `npm run bench` (through scripts/bench.mjs, which bundles it as the shipped code is bundled): one run that
 * prints, side by side, the floor, parse, analysis and TextMate tokenizing; the server over stdio; cable-lint
 * with 1 and 2 jobs over a folder of real-shaped cables beside a process that only reads and splits the files;
 * each with its ratio and target; last, the workspace index over a release-sized workspace (workspaceBench.ts).
 * Medians with their spread, then one table of every figure with its ratio and target; it asserts nothing about time.
 * CABLE_BENCH_CLI_ONLY=1 runs only the cable-lint figures, CABLE_BENCH_CLI_RUNS sets their rounds (5),
 * CABLE_BENCH_SKIP_WORKSPACE=1 skips the workspace index, CABLE_BENCH_WORKSPACE_FILES sets its size.
 */
import { rmSync } from 'node:fs';
import { DIAGNOSTICS_DEBOUNCE_MS } from '../../server/src/diagnostics/diagnosticsScheduler';
import { measureAnalysis } from './analysisBench';
import { measureCli, type CliRun } from './cliBench';
import { buildCableFolder } from './folder';
import { benchInputs } from './inputs';
import { formatMs, formatTiming, megabytesPerSecond } from './measure';
import { measureServer } from './serverBench';
import { runWorkspaceBench } from './workspaceBench';
import { printTable } from './table';

/** The CLI figures' folder: about as many cables as a year of a large embassy. */
const FOLDER_CABLES = 6000;

const ratio = (value: number, base: number, digits = 1) => `${(value / base).toFixed(digits)}×`;

/** `yes`/`no` against a limit; `goal` (stricter) when there is one. */
function met(ok: boolean, goalMet?: boolean): string {
  if (!ok) return 'no';
  return goalMet === undefined ? 'yes' : goalMet ? 'yes, goal met' : 'yes, goal missed';
}

async function main() {
  // CABLE_BENCH_CLI_ONLY=1: only cable-lint's figures (and the workspace, unless skipped too), for quick runs.
  const cliOnly = process.env.CABLE_BENCH_CLI_ONLY === '1';
  /** The one table at the end: every figure with its ratio, its target and whether it is met. */
  const targets: string[][] = [];
  const { typical, large, corpus, sample, corpusTexts } = benchInputs();

  if (!cliOnly) {
    const analysis = await measureAnalysis([typical, large, corpus]);
    printTable(
      'Analysis (in process; median of runs, fastest–slowest in brackets)',
      [
        'input',
        'floor: read+split',
        'parse',
        'parse+rules+outline',
        'MB/s',
        'analysis/floor',
        'target',
        'tokenize (TextMate)',
        'analysis/tokenize',
      ],
      analysis.map((f) => [
        f.input.name,
        formatTiming(f.floor),
        formatTiming(f.parse),
        formatTiming(f.analysis),
        megabytesPerSecond(f.input.bytes, f.analysis.median),
        ratio(f.analysis.median, f.floor.median),
        f.input === typical ? '≤ 10×' : '≤ 5×',
        formatTiming(f.tokenize),
        ratio(f.analysis.median, f.tokenize.median, 2),
      ]),
    );
    for (const f of analysis) {
      const limit = f.input === typical ? 10 : 5;
      const short = f.input === typical ? 'typical cable' : f.input === large ? '1 MB file' : 'corpus';
      targets.push([`floor (read+split), ${short}`, `${formatMs(f.floor.median)} ms`, '1.0×', '', '']);
      targets.push([`parse, ${short}`, `${formatMs(f.parse.median)} ms`, `${ratio(f.parse.median, f.floor.median)} floor`, '', '']);
      targets.push([
        `analysis (parse+rules+outline), ${short}`,
        `${formatMs(f.analysis.median)} ms`,
        `${ratio(f.analysis.median, f.floor.median)} floor`,
        `≤ ${limit}× floor`,
        met(f.analysis.median <= limit * f.floor.median),
      ]);
      targets.push([
        `TextMate tokenizing, ${short}`,
        `${formatMs(f.tokenize.median)} ms`,
        `analysis ${ratio(f.analysis.median, f.tokenize.median, 2)} of it`,
        '',
        '',
      ]);
    }

    const server = await measureServer(sample, large.buffers[0].toString('utf8'), corpusTexts);
    const afterDebounce = {
      ...server.editDiagnostics,
      median: server.editDiagnostics.median - DIAGNOSTICS_DEBOUNCE_MS,
      min: server.editDiagnostics.min - DIAGNOSTICS_DEBOUNCE_MS,
      max: server.editDiagnostics.max - DIAGNOSTICS_DEBOUNCE_MS,
    };
    printTable(
      'Language server (separate process over stdio)',
      ['measure', 'value', 'target'],
      [
        ['start → first diagnostics of the sample', formatTiming(server.firstDiagnostics), '< 300 ms'],
        ['documentSymbol on the 1 MB file', formatTiming(server.symbols), '< 50 ms'],
        ['hover on the 1 MB file', formatTiming(server.hover), '< 50 ms'],
        [`edit → diagnostics of the 1 MB file (${DIAGNOSTICS_DEBOUNCE_MS} ms debounce included)`, formatTiming(server.editDiagnostics), ''],
        ['  of which after the debounce', formatTiming(afterDebounce), '≤ 100 ms'],
        [`RSS after opening ${server.openedCount} corpus cables`, `${server.rssMb.toFixed(0)} MB`, '< 200 MB'],
      ],
    );
    targets.push([
      'server start → first diagnostics',
      `${formatMs(server.firstDiagnostics.median)} ms`,
      '',
      '< 300 ms',
      met(server.firstDiagnostics.median < 300),
    ]);
    targets.push([
      'edit latency, 1 MB file, after the debounce',
      `${formatMs(afterDebounce.median)} ms`,
      '',
      '≤ 100 ms',
      met(afterDebounce.median <= 100),
    ]);
    targets.push([
      `server memory after ${server.openedCount} cables`,
      `${server.rssMb.toFixed(0)} MB`,
      '',
      '< 200 MB',
      met(server.rssMb < 200),
    ]);
  }

  const folder = buildCableFolder(FOLDER_CABLES);
  try {
    const cli = await measureCli(folder, FOLDER_CABLES);
    const [one, two] = cli.jobs;
    const floorMs = cli.readSplit.wall.median;
    const rate = (run: CliRun) => run.cables / (run.wall.median / 1000);
    printTable(
      `cable-lint --format json over ${FOLDER_CABLES} files copied from the corpus (median of ${cli.rounds} rounds, fastest–slowest in brackets; CPU: all threads)`,
      ['run', 'time', 'CPU', 'cables/s', 'vs 1 job', 'time/read+split', 'peak RSS', 'targets'],
      [
        [
          'read+split only (floor)',
          formatTiming(cli.readSplit.wall),
          `${formatMs(cli.readSplit.cpuMs)} ms`,
          '',
          '',
          '1.0×',
          `${cli.readSplit.maxRssMb.toFixed(0)} MB`,
          '',
        ],
        ...cli.jobs.map((run) => [
          `${run.jobs} job${run.jobs > 1 ? 's' : ''}`,
          formatTiming(run.wall),
          `${formatMs(run.cpuMs)} ms`,
          rate(run).toFixed(0),
          ratio(one.wall.median, run.wall.median, 2),
          ratio(run.wall.median, floorMs),
          `${run.maxRssMb.toFixed(0)} MB`,
          run.jobs === 2 ? '≥ 4,000 cables/s (goal 6,000), ≥ 1.6× 1 job, ≤ 6× floor (goal 4×), < 400 MB' : '',
        ]),
        [
          'ceiling: 2 × 1 job at once, half each',
          formatTiming(cli.halves.wall),
          `${formatMs(cli.halves.cpuMs)} ms`,
          (one.cables / (cli.halves.wall.median / 1000)).toFixed(0),
          ratio(one.wall.median, cli.halves.wall.median, 2),
          ratio(cli.halves.wall.median, floorMs),
          '',
          'what two lanes give on this machine, with nothing shared',
        ],
        ...(cli.smaller
          ? [
              [
                `2 jobs, ${cli.smaller.files} of the files`,
                '',
                '',
                '',
                '',
                '',
                `${cli.smaller.maxRssMb.toFixed(0)} MB`,
                'about the same peak RSS as 6,000 files',
              ],
            ]
          : []),
      ],
    );
    const twoRate = rate(two);
    const overFloor = two.wall.median / floorMs;
    targets.push([`cable-lint read+split floor, ${FOLDER_CABLES} files`, `${formatMs(floorMs)} ms`, '1.0×', '', '']);
    targets.push([
      `cable-lint 1 job`,
      `${one.cables ? rate(one).toFixed(0) : '?'} cables/s`,
      `${ratio(one.wall.median, floorMs)} floor`,
      '',
      '',
    ]);
    targets.push([
      `cable-lint 2 jobs`,
      `${twoRate.toFixed(0)} cables/s`,
      `${ratio(two.wall.median, floorMs)} floor`,
      '≥ 4,000 cables/s (goal 6,000)',
      met(twoRate >= 4000, twoRate >= 6000),
    ]);
    targets.push([
      'cable-lint 2 jobs vs 1 job',
      ratio(one.wall.median, two.wall.median, 2),
      '',
      '≥ 1.6×',
      met(one.wall.median / two.wall.median >= 1.6),
    ]);
    targets.push([
      "  the machine's ceiling: 2 separate 1-job processes vs 1 job",
      ratio(one.wall.median, cli.halves.wall.median, 2),
      '',
      '(no target: what 2 cores give here)',
      '',
    ]);
    targets.push([
      'cable-lint 2 jobs vs read+split',
      `${overFloor.toFixed(1)}×`,
      '',
      '≤ 6× (goal 4×)',
      met(overFloor <= 6, overFloor <= 4),
    ]);
    targets.push(['cable-lint 2 jobs peak RSS of the process', `${two.maxRssMb.toFixed(0)} MB`, '', '< 400 MB', met(two.maxRssMb < 400)]);
    if (cli.smaller) {
      const growth = two.maxRssMb / cli.smaller.maxRssMb;
      targets.push([
        `  the same, ${cli.smaller.files} files → ${FOLDER_CABLES}`,
        `${cli.smaller.maxRssMb.toFixed(0)} → ${two.maxRssMb.toFixed(0)} MB`,
        `${growth.toFixed(2)}×`,
        'constant (≤ 1.25×)',
        met(growth <= 1.25),
      ]);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  printTable('Targets (the figures above, side by side)', ['figure', 'value', 'ratio', 'target', 'met'], targets);

  // Last, as it takes minutes: the workspace index over a release-sized workspace (CABLE_BENCH_SKIP_WORKSPACE=1 skips it).
  await runWorkspaceBench();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
