/** Walks any model or LSP result and checks every position lies inside the text. */
import assert from 'node:assert/strict';

export function assertRangesInside(value: unknown, text: string, label: string): void {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.line === 'number' && typeof record.character === 'number') {
      const ok = record.line >= 0 && record.line < lengths.length && record.character >= 0 && record.character <= lengths[record.line];
      assert.ok(ok, `${label}: position ${JSON.stringify(record)} lies outside the text`);
      return;
    }
    const start = record.start as { line?: unknown; character: number } | undefined;
    const end = record.end as { line?: unknown; character: number } | undefined;
    if (typeof start?.line === 'number' && typeof end?.line === 'number') {
      const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
      assert.ok(ordered, `${label}: range ${JSON.stringify(record)} ends before it starts`);
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(value);
}
