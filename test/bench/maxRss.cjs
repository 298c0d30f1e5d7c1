// Preloaded (`node --require`) into a process the benchmark runs: writes, as JSON, the process's peak resident
// memory in KB and its CPU time in microseconds (user and system, threads included) to the file named by
// CABLE_BENCH_MAX_RSS when it exits.
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  require('node:fs').writeFileSync(
    process.env.CABLE_BENCH_MAX_RSS,
    JSON.stringify({ maxRssKb: maxRSS, cpuUs: userCPUTime + systemCPUTime }),
  );
});
