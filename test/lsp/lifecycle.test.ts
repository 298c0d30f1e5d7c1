/** The server process: command-line flags, and a clean shutdown and exit. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, it } from 'node:test';
import { LspClient, SERVER_PATH } from './lspClient';
import { startSession } from './session';

describe('server process', () => {
  let client: LspClient | undefined;
  afterEach(() => client?.kill());

  it('prints its version and its usage', () => {
    const version = spawnSync(process.execPath, [SERVER_PATH, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [SERVER_PATH, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
  });

  it('explains a missing transport instead of crashing', () => {
    const result = spawnSync(process.execPath, [SERVER_PATH], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /No transport given/);
  });

  it('exits with 0 after shutdown and exit', async () => {
    client = (await startSession()).client;
    assert.equal(await client.shutdown(), 0);
  });

  it('exits with 1 on exit without shutdown, as the protocol says', async () => {
    client = (await startSession()).client;
    client.notify('exit', null);
    assert.equal(await client.whenExited(), 1);
  });
});
