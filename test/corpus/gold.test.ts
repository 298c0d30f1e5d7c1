/**
 * The gold set (`test/fixtures/gold/`, see its README): 150 corpus cables whose fields were read by hand from
 * the text. Every field of every cable is compared with the model; each field's agreement must reach its
 * bound, and every disagreement is printed so a reader sees what the parser still misreads.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { summarizeCable } from '../../server/src/cli/cableSummary';
import type { CableSummary } from '../../server/src/cli/report';
import type { Cable } from '../../server/src/language/model';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { CORPUS_DIR } from '../support/corpus';

const GOLD_DIR = join(__dirname, '..', 'fixtures', 'gold');

interface GoldReference {
  kind: string;
  id?: string;
  text?: string;
}

/** The gold's fields are the CLI summary's, with REF items and the classifier as the gold README writes them. */
type GoldCable = Omit<CableSummary, 'references' | 'referenceItems' | 'classifiedBy' | 'sources'> & {
  file: string;
  references: GoldReference[];
  classifiedBy: { name: string | null; title: string | null } | null;
  ambiguous: Record<string, string>;
  notes: string;
};

type Field = Exclude<keyof GoldCable, 'file' | 'ambiguous' | 'notes'>;

/** Least share of the gold cables on which each field must agree (fields the text leaves ambiguous excepted). */
const BOUNDS: Record<Field, number> = {
  refId: 0.98,
  date: 0.97,
  classification: 0.97,
  origin: 0.9,
  precedence: 0.97,
  tags: 0.9,
  subject: 0.93,
  references: 0.85,
  classifiedBy: 0.85,
  reasons: 0.93,
  declassifyOn: 0.93,
  paragraphs: 0.85,
};

const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();
const loose = (text: string | null | undefined) =>
  squeeze(text)
    .replace(/[\s.,;:]+$/, '')
    .toUpperCase();

/** The model's value of `field`, in the gold's terms. */
function modelValue(summary: CableSummary, field: Field): unknown {
  switch (field) {
    case 'references':
      return referenceView(summary);
    case 'classifiedBy':
      return summary.classifiedBy ? { name: summary.classifiedBy.name, title: summary.classifiedBy.title } : null;
    default:
      return summary[field];
  }
}

/** Telegram ids in order, then the kinds of the other references, sorted. */
function referenceView(summary: CableSummary): { cables: string[]; others: string[] } {
  const others = summary.referenceItems.filter((item) => item.kind !== 'cable').map((item) => item.kind);
  return { cables: summary.references, others: others.sort() };
}

function goldReferenceView(gold: GoldCable): { cables: string[]; others: string[] } {
  return {
    cables: gold.references.filter((r) => r.kind === 'cable').map((r) => r.id ?? ''),
    others: gold.references
      .filter((r) => r.kind !== 'cable')
      .map((r) => r.kind)
      .sort(),
  };
}

function agrees(field: Field, gold: GoldCable, model: unknown): boolean {
  const expected = gold[field];
  switch (field) {
    case 'date':
      // A record row may give the day alone.
      return expected === null ? model === null : typeof model === 'string' && model.startsWith(expected as string);
    case 'subject':
      return squeeze(expected as string | null) === squeeze(model as string | null);
    case 'declassifyOn':
    case 'origin':
    case 'classification':
      return loose(expected as string | null) === loose(model as string | null);
    case 'classifiedBy': {
      const g = expected as GoldCable['classifiedBy'];
      const m = model as GoldCable['classifiedBy'];
      if (!g || !m) return g === m;
      return loose(g.name) === loose(m.name) && loose(g.title) === loose(m.title);
    }
    case 'references':
      return JSON.stringify(goldReferenceView(gold)) === JSON.stringify(model);
    default:
      return JSON.stringify(expected) === JSON.stringify(model);
  }
}

function goldCables(): GoldCable[] {
  return readdirSync(GOLD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(GOLD_DIR, name), 'utf8')) as GoldCable);
}

/** The file's cable that the gold describes: the one with that ref id, else the first. */
function cableOf(gold: GoldCable): Cable | undefined {
  const model = parseCableFile(readFileSync(join(CORPUS_DIR, gold.file), 'utf8'), { fileName: gold.file });
  return model.cables.find((cable) => cable.refId?.value.text === gold.refId) ?? model.cables[0];
}

test('the gold set holds at least 150 hand-checked cables, each naming a corpus file', () => {
  const gold = goldCables();
  assert.ok(gold.length >= 150, `${gold.length} gold cables`);
  for (const cable of gold) assert.match(cable.file, /^[0-9A-Z]+\.txt$/);
});

test('every field of the gold cables agrees with the model', (t) => {
  const gold = goldCables();
  const fields = Object.keys(BOUNDS) as Field[];
  const misses = new Map<Field, string[]>(fields.map((f) => [f, []]));
  const compared = new Map<Field, number>(fields.map((f) => [f, 0]));
  for (const entry of gold) {
    const cable = cableOf(entry);
    const summary = cable && summarizeCable(cable);
    for (const field of fields) {
      if (field in entry.ambiguous) continue;
      compared.set(field, compared.get(field)! + 1);
      const value = summary ? modelValue(summary, field) : undefined;
      if (!agrees(field, entry, value)) {
        const expected = field === 'references' ? goldReferenceView(entry) : entry[field];
        misses.get(field)!.push(`${entry.file}: expected ${JSON.stringify(expected)}, read ${JSON.stringify(value)}`);
      }
    }
  }
  const failures: string[] = [];
  for (const field of fields) {
    const n = compared.get(field)!;
    const share = n ? (n - misses.get(field)!.length) / n : 1;
    t.diagnostic(`${field}: ${n - misses.get(field)!.length} of ${n} (${(100 * share).toFixed(1)}%)`);
    for (const miss of misses.get(field)!) t.diagnostic(`  ${field} ${miss}`);
    if (share < BOUNDS[field]) failures.push(`${field} agrees on ${(100 * share).toFixed(1)}%, below ${100 * BOUNDS[field]}%`);
  }
  assert.deepEqual(failures, []);
});
