/**
 * How many TAG occurrences on TAGS lines get a meaning on hover, over the shared corpus, and which tags do not.
 * Run: `node --import tsx scripts/hover-coverage.ts [corpus-dir]`. The computation is exported for a corpus test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getDictionaries, type Dictionaries } from '../server/src/language/dicts/dictionaries';
import { targetAt } from '../server/src/language/features/targets';
import { explainTag } from '../server/src/language/features/hover/words';
import { parseCableFile } from '../server/src/language/parse/parseCableFile';

export interface TagHoverCoverage {
  /** TAG tokens on TAGS lines. */
  occurrences: number;
  /** Tokens whose hover gives a dictionary meaning. */
  known: number;
  /** Tokens whose hover reads them as two known tags run together (`IZPREL`). */
  glued: number;
  /** Tokens that are no tag but a known acronym (`EAP`, `DCM`), which the hover gives instead. */
  acronyms: number;
  /** `(known + glued + acronyms) / occurrences`, 0–1. */
  share: number;
  /** `known / occurrences`. */
  knownShare: number;
  /** Unexplained tags, most frequent first. */
  unexplained: Array<{ tag: string; count: number }>;
}

/** Measures TAG hover coverage over `files` (name and text); each tag is asked of the hover's own target finder. */
export function measureTagHoverCoverage(
  files: Array<{ name: string; text: string }>,
  dictionaries: Dictionaries = getDictionaries(),
): TagHoverCoverage {
  let occurrences = 0;
  let known = 0;
  let glued = 0;
  let acronyms = 0;
  const missing = new Map<string, number>();
  for (const file of files) {
    const document = TextDocument.create(`file:///corpus/${encodeURIComponent(file.name)}`, 'cable', 1, file.text);
    const model = parseCableFile(file.text, { fileName: file.name });
    for (const cable of model.cables) {
      for (const tag of cable.caption.tags?.tags ?? []) {
        occurrences++;
        const target = targetAt(document, model, tag.range.start)?.target;
        const explanation = target?.kind === 'tag' ? explainTag(target.code, dictionaries) : undefined;
        if (explanation?.status === 'known') known++;
        else if (explanation?.status === 'glued') glued++;
        else if (explanation?.status === 'acronym') acronyms++;
        else missing.set(tag.text, (missing.get(tag.text) ?? 0) + 1);
      }
    }
  }
  const unexplained = [...missing].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
  const ratio = (n: number) => (occurrences ? n / occurrences : 1);
  return { occurrences, known, glued, acronyms, share: ratio(known + glued + acronyms), knownShare: ratio(known), unexplained };
}

/** The corpus files of `dir` (`*.txt`), read. */
export function readCorpus(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function main() {
  const dir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus'));
  const coverage = measureTagHoverCoverage(readCorpus(dir));
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`TAG occurrences on TAGS lines: ${coverage.occurrences}`);
  const explained = coverage.known + coverage.glued + coverage.acronyms;
  console.log(`With a meaning on hover: ${explained} (${percent(coverage.share)})`);
  console.log(
    `  from the TAGS dictionary: ${coverage.known} (${percent(coverage.knownShare)}); two tags run together: ${coverage.glued}; acronyms in place of a tag: ${coverage.acronyms}`,
  );
  console.log('Top 20 unexplained tags:');
  for (const { tag, count } of coverage.unexplained.slice(0, 20)) console.log(`  ${count}\t${tag}`);
}

if (process.argv[1] && basename(process.argv[1]).startsWith('hover-coverage')) main();
