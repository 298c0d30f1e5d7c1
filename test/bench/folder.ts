/**
 * A folder of real-shaped cables for the CLI figures: the corpus copied over and over under new names until it
 * holds `count` cables, in a temporary folder the caller removes.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { corpusFiles } from '../support/corpus';

export function buildCableFolder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cable-bench-'));
  const files = corpusFiles();
  for (let i = 0; i < count; i++) {
    const file = files[i % files.length];
    copyFileSync(file, join(dir, `${Math.floor(i / files.length)}-${basename(file)}`));
  }
  return dir;
}
