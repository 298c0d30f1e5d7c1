/**
 * `npm run bench` (through scripts/bench.mjs, which bundles it as the shipped code is bundled): one run that
 * prints, side by side, the floor, parse, analysis and TextMate tokenizing; the server over stdio; cable-lint
 * with 1 and 2 jobs over a folder of real-shaped cables beside a process that only reads and splits the files;
 * each with its ratio and target; last, the workspace index over a release-sized workspace (workspaceBench.ts).
 * Medians with their spread; it asserts nothing about time.
 */
import { rmSync } from 'node:fs';
import { DIAGNOSTICS_DEBOUNCE_MS } from '../../server/src/diagnostics/diagnosticsScheduler';
import { measureAnalysis } from './analysisBench';
import { measureCli } from './cliBench';
import { buildCableFolder } from './folder';
import { benchInputs } from './inputs';
import { formatMs, formatTiming, megabytesPerSecond } from './measure';
import { measureServer } from './serverBench';
import { runWorkspaceBench } from './workspaceBench';
import { printTable } from './table';

/** The CLI figures' folder: about as many cables as a year of a large embassy. */
const FOLDER_CABLES = 6000;

const ratio = (value: number, base: number, digits = 1) => `${(value / base).toFixed(digits)}×`;

async function main() {
  const { typical, large, corpus, sample, corpusTexts } = benchInputs();
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

  const folder = buildCableFolder(FOLDER_CABLES);
  try {
    const cli = measureCli(folder, FOLDER_CABLES);
    const one = cli.jobs[0];
    const floorMs = cli.readSplit.ms;
    printTable(
      `cable-lint --format json over ${FOLDER_CABLES} files copied from the corpus (best of 3)`,
      ['run', 'time', 'cables/s', 'vs 1 job', 'time/read+split', 'peak RSS', 'targets'],
      [
        ['read+split only (floor)', `${formatMs(floorMs)} ms`, '', '', '1.0×', `${cli.readSplit.maxRssMb.toFixed(0)} MB`, ''],
        ...cli.jobs.map((run) => [
          `${run.jobs} job${run.jobs > 1 ? 's' : ''}`,
          `${formatMs(run.ms)} ms`,
          (run.cables / (run.ms / 1000)).toFixed(0),
          ratio(one.ms, run.ms, 2),
          ratio(run.ms, floorMs),
          `${run.maxRssMb.toFixed(0)} MB`,
          run.jobs === 2 ? '≥ 4,000 cables/s, ≥ 1.6× 1 job, ≤ 6× floor, < 400 MB' : '',
        ]),
      ],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  // Last, as it takes minutes: the workspace index over a release-sized workspace (CABLE_BENCH_SKIP_WORKSPACE=1 skips it).
  await runWorkspaceBench();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
