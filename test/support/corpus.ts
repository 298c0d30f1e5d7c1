/** Reads the shared corpus and its index for corpus tests, reports and benchmarks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DIR = resolve(__dirname, '..', '..', '..', 'shared');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const SAMPLE_PATH = join(SHARED_DIR, 'samples', '09MEXICO283.txt');

export interface IndexEntry {
  refId: string;
  created: string;
  classification: string;
  origin: string;
  title: string;
  partialExtract: boolean;
}

/** Splits one CSV line, honouring double quotes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export function readCorpusIndex(): IndexEntry[] {
  const [header, ...rows] = readFileSync(join(CORPUS_DIR, 'index.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = splitCsvLine(header);
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return rows.map((row) => {
    const cells = splitCsvLine(row);
    return {
      refId: at(cells, 'ref_id'),
      created: at(cells, 'created'),
      classification: at(cells, 'classification'),
      origin: at(cells, 'origin'),
      title: at(cells, 'title'),
      partialExtract: at(cells, 'partial_extract') === 'True',
    };
  });
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(CORPUS_DIR, name));
}
