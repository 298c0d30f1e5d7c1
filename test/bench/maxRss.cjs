// Preloaded (`node --require`) into a process the benchmark runs: writes the process's peak resident memory,
// threads included, in KB, to the file named by CABLE_BENCH_MAX_RSS when it exits.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.CABLE_BENCH_MAX_RSS, String(process.resourceUsage().maxRSS));
});
