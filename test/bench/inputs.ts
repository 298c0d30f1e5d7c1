/** The benchmark's inputs: a typical 10 KB cable, a 1 MB file of many cables, and the whole corpus. */
import { readFileSync, statSync } from 'node:fs';
import { corpusFiles, SAMPLE_PATH } from '../support/corpus';

export interface BenchInput {
  name: string;
  /** One or more documents, as raw bytes, so the floor and the analysis both decode them. */
  buffers: Buffer[];
  bytes: number;
}

function input(name: string, buffers: Buffer[]): BenchInput {
  return { name, buffers, bytes: buffers.reduce((sum, b) => sum + b.length, 0) };
}

export function benchInputs(): { typical: BenchInput; large: BenchInput; corpus: BenchInput; sample: string; corpusTexts: string[] } {
  const files = corpusFiles();
  const typicalPath = files.reduce((best, file) =>
    Math.abs(statSync(file).size - 10_000) < Math.abs(statSync(best).size - 10_000) ? file : best,
  );
  const buffers = files.map((file) => readFileSync(file));
  const chunks: Buffer[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const buffer = buffers[i % buffers.length];
    chunks.push(buffer, Buffer.from('\n\n'));
    size += buffer.length + 2;
  }
  return {
    typical: input(`typical cable (${(statSync(typicalPath).size / 1000).toFixed(1)} KB)`, [readFileSync(typicalPath)]),
    large: input(`1 MB file (${Math.round(size / 1000)} KB, many cables)`, [Buffer.concat(chunks as unknown as Uint8Array[])]),
    corpus: input(
      `corpus (${files.length} files, ${(size / 1e6).toFixed(1)} MB)`.replace(
        /, [\d.]+ MB/,
        `, ${(buffers.reduce((s, b) => s + b.length, 0) / 1e6).toFixed(1)} MB`,
      ),
      buffers,
    ),
    sample: readFileSync(SAMPLE_PATH, 'utf8'),
    corpusTexts: buffers.map((b) => b.toString('utf8')),
  };
}
