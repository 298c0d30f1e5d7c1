/** runSafe: a failing or cancelled handler answers the empty result; bugs are logged with stack and uri. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { runSafe } from '../../server/src/runSafe';

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: { error: (message: string) => void lines.push(message) } };
}

describe('runSafe', () => {
  it('answers what the work returns, sync or async', async () => {
    const { log } = recordingLog();
    assert.deepEqual(await runSafe(log, 'documentSymbol', 'file:///a', [], undefined, () => [1]), [1]);
    assert.deepEqual(await runSafe(log, 'hover', 'file:///a', null, undefined, async () => 'x'), 'x');
  });

  it('logs a throw with the request, the uri and the stack, and answers the empty value', async () => {
    const { lines, log } = recordingLog();
    const answer = await runSafe(log, 'foldingRange', 'file:///w/09MEXICO283.txt', [], undefined, () => {
      throw new TypeError('model.cables is undefined');
    });
    assert.deepEqual(answer, []);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^foldingRange failed for file:\/\/\/w\/09MEXICO283\.txt: TypeError: model\.cables is undefined/);
    assert.match(lines[0]!, /\n\s+at /, 'the stack is in the log line');
  });

  it('does not run work for a request cancelled before it started', async () => {
    const { log } = recordingLog();
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const answer = await runSafe(log, 'hover', 'file:///a', null, source.token, () => {
      ran = true;
      return 'x';
    });
    assert.equal(answer, null);
    assert.equal(ran, false);
  });

  it('answers the empty value when cancelled during the work', async () => {
    const { log } = recordingLog();
    const source = new CancellationTokenSource();
    const answer = await runSafe(log, 'references', 'file:///a', [], source.token, async () => {
      source.cancel();
      return [{ uri: 'file:///b' }];
    });
    assert.deepEqual(answer, []);
  });

  it('passes a deliberate ResponseError on to the client', async () => {
    const { lines, log } = recordingLog();
    const error = new ResponseError(LSPErrorCodes.ServerCancelled, 'changed', { retriggerRequest: true });
    await assert.rejects(
      runSafe(log, 'diagnostic', 'file:///a', null, undefined, () => {
        throw error;
      }),
      (thrown) => thrown === error,
    );
    assert.deepEqual(lines, []);
  });
});
