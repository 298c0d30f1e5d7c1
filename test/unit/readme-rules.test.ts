/** The README's rule table is tested against the rule registry: one row per rule, in order, with its name and default level. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/language/rules/registry';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** `| [CBL101](docs/rules/CBL101.md) | \`malformed-ref-id\` | error | …` → code, name, level. */
const ROWS = [...README.matchAll(/^\| \[(CBL\d{3})\]\([^)]*\) \| `([a-z0-9-]+)` \| (\w+) \|/gm)].map(([, code, name, level]) => ({
  code,
  name,
  level,
}));

describe('the README rule table', () => {
  it('lists every rule of the registry once, in order, with its name and default level', () => {
    assert.deepEqual(
      ROWS,
      RULES.map((rule) => ({ code: rule.code, name: rule.name, level: rule.severity })),
    );
  });
});
