/** Timing helpers for the benchmark: medians with their spread, never assertions. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median milliseconds. */
  median: number;
  /** Fastest and slowest run, milliseconds. */
  min: number;
  max: number;
  runs: number;
}

/** Each sample runs the work for at least this long, so sub-millisecond work is timed over many calls. */
const MIN_SAMPLE_MS = 20;

/** Warm-up lasts at least this long: a few calls of small work are too few for the JIT's optimising tier. */
const MIN_WARMUP_MS = 500;

/**
 * Times `work`: warms it up (so the JIT has compiled it, as in a long-running server), then takes `runs`
 * samples, each the mean of a batch of calls lasting at least MIN_SAMPLE_MS, and summarises them.
 */
export function time(work: () => unknown, runs = 15, warmup = 3): Timing {
  let start = performance.now();
  let calls = 0;
  for (; calls < warmup || performance.now() - start < MIN_WARMUP_MS; calls++) work();
  // Batches sized from the warmed-up speed, so each sample lasts about MIN_SAMPLE_MS.
  const once = Math.max((performance.now() - start) / calls, 0.001);
  const batch = Math.max(1, Math.ceil(MIN_SAMPLE_MS / once));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    for (let j = 0; j < batch; j++) work();
    samples.push((performance.now() - start) / batch);
  }
  return summarise(samples);
}

export async function timeAsync(work: () => Promise<unknown>, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(3);
}

/** `12.3 ms (11.9–13.0)` */
export function formatTiming(timing: Timing): string {
  return `${formatMs(timing.median)} ms (${formatMs(timing.min)}–${formatMs(timing.max)})`;
}

export function megabytesPerSecond(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(1);
}
