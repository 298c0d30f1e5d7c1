/**
 * Draws the gold set's cables from `../shared/corpus`: 150 files in a seeded random order (mulberry32,
 * seed 11), so the draw can be repeated and checked. Prints one file name a line.
 *
 *   node --import tsx scripts/gold-sample.ts
 */
import { basename } from 'node:path';
import { corpusFiles } from '../test/support/corpus';

export const GOLD_SEED = 11;
export const GOLD_SIZE = 150;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The gold set's file names, in draw order. */
export function goldSample(
  names: string[] = corpusFiles()
    .map((file) => basename(file))
    .sort(),
): string[] {
  const random = mulberry32(GOLD_SEED);
  const pool = [...names];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, GOLD_SIZE);
}

if (/gold-sample\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) console.log(goldSample().join('\n'));
