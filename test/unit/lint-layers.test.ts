/** `npm run lint` guards the layers: an import across a boundary fails, the code as it is passes. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of linting `code` as if it were the file `path` (project-relative; it need not exist). */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the layer boundaries', () => {
  it('refuse the glue, the platform and a connection in the language layer', async () => {
    const messages = await lint(
      'server/src/language/features/example.ts',
      [
        "import { WorkspaceCables } from '../../node/workspace/workspaceCables';",
        "import { readFileSync } from 'node:fs';",
        "import { createConnection } from 'vscode-languageserver/node';",
        "import type { Range } from 'vscode-languageserver-types';",
        "import { parseCableFile } from '../parse/parseCableFile';",
        "import type { IndexStatus } from '../../../../shared/protocol';",
        'export const used = [WorkspaceCables, readFileSync, createConnection, parseCableFile] as unknown as Range & IndexStatus;',
      ].join('\n'),
    );
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0], /layers\/boundaries: server\/src\/language may not import server\/src\/node\/workspace\/workspaceCables/);
    assert.match(messages[1], /no-restricted-imports: .*node:\*/);
    assert.match(messages[2], /no-restricted-imports: .*never a connection/);
  });

  it('refuse Node, the Node side and the CLI in the server core, which runs in a browser worker too', async () => {
    const messages = await lint(
      'server/src/diagnostics/example.ts',
      [
        "import { readFile } from 'node:fs/promises';",
        "import { WorkspaceCables } from '../node/workspace/workspaceCables';",
        "import { ServerConfigs } from '../config/serverConfigs';",
        "import { createConnection } from 'vscode-languageserver/node';",
        "import { TextDocuments } from 'vscode-languageserver';",
        "import type { ServerPlatform } from '../platform';",
        'export const used = [readFile, WorkspaceCables, ServerConfigs, createConnection, TextDocuments] as unknown as ServerPlatform;',
      ].join('\n'),
    );
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.match(messages[0], /no-restricted-imports: .*node:\*/);
    assert.match(messages[1], /layers\/boundaries: server\/src may not import server\/src\/node\/workspace\/workspaceCables/);
    assert.match(messages[2], /layers\/boundaries: server\/src may not import server\/src\/config\/serverConfigs/);
    assert.match(messages[3], /no-restricted-imports: .*Node transport/);
  });

  it('refuse server code in the client, and either side in shared/', async () => {
    assert.match(
      (await lint('client/src/example.ts', "export { parseCableFile } from '../../server/src/language/parse/parseCableFile';\n")).join(
        '\n',
      ),
      /client\/src may not import server\/src/,
    );
    assert.match(
      (await lint('shared/example.ts', "export { CLIENT_ID } from '../client/src/serverClient';\n")).join('\n'),
      /shared may not import client\/src\/serverClient/,
    );
  });

  it('pass on the code as it is', async () => {
    const results = await eslint.lintFiles(['server/src', 'client/src', 'shared']);
    const problems = results.flatMap((result) => result.messages.map((m) => `${result.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
    assert.deepEqual(problems, []);
  });
});
