/**
 * `npm run bench`: one table of medians with their spread, measured side by side in one run, and the
 * ratios the targets are stated in. Prints figures only; it asserts nothing about time.
 */
import { measureAnalysis } from './analysisBench';
import { measureCli } from './cliBench';
import { benchInputs } from './inputs';
import { formatMs, formatTiming, megabytesPerSecond } from './measure';
import { measureServer } from './serverBench';

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
}

function printTable(title: string, header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`\n${title}`);
  console.log(row(header, widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(row(r, widths));
}

async function main() {
  const { typical, large, corpus, sample, corpusTexts } = benchInputs();
  const analysis = await measureAnalysis([typical, large, corpus]);
  printTable(
    'Analysis (in process; median of runs, fastest–slowest in brackets)',
    ['input', 'floor: read+split', 'parse', 'parse+rules+outline', 'MB/s', 'analysis/floor', 'tokenize (TextMate)', 'analysis/tokenize'],
    analysis.map((f) => [
      f.input.name,
      formatTiming(f.floor),
      formatTiming(f.parse),
      formatTiming(f.analysis),
      megabytesPerSecond(f.input.bytes, f.analysis.median),
      `${(f.analysis.median / f.floor.median).toFixed(1)}×`,
      formatTiming(f.tokenize),
      `${(f.analysis.median / f.tokenize.median).toFixed(2)}×`,
    ]),
  );
  console.log('targets: analysis ≤ 5× floor and ≤ 0.5× tokenizing; 10 KB cable < 1 ms; 1 MB file < 50 ms');

  const server = await measureServer(sample, large.buffers[0].toString('utf8'), corpusTexts);
  printTable('Language server (separate process over stdio)', ['measure', 'value', 'target'], [
    ['start → first diagnostics of the sample', formatTiming(server.firstDiagnostics), '< 300 ms'],
    ['documentSymbol on the 1 MB file', formatTiming(server.symbols), '< 50 ms'],
    ['hover on the 1 MB file', formatTiming(server.hover), '< 50 ms'],
    ['edit + diagnostics of the 1 MB file', formatTiming(server.editDiagnostics), '< 300 ms'],
    [`RSS after opening ${server.openedCount} corpus cables`, `${server.rssMb.toFixed(0)} MB`, '< 200 MB'],
  ]);

  const cli = await measureCli();
  printTable('cable-lint over ../shared/corpus', ['jobs', 'time', 'cables/s', 'target'], cli.map((c) => [String(c.jobs), `${formatMs(c.ms)} ms`, c.cablesPerSecond.toFixed(0), '≥ 1,000 cables/s with 2 jobs']));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
