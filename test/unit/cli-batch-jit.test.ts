/** cable-lint tunes V8's compiler for a batch run, unless the user set the same flags (theirs win). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tuneJitForBatchRun } from '../../server/src/cli/batchJit';

function flagsSet(env: NodeJS.ProcessEnv, execArgv: string[]): string[] {
  const set: string[] = [];
  tuneJitForBatchRun(env, execArgv, (flags) => set.push(flags));
  return set;
}

test('sets a later optimisation and less inlining for the run', () => {
  assert.deepEqual(flagsSet({}, []), ['--interrupt-budget=400000', '--max-inlined-bytecode-size-cumulative=200']);
});

test("leaves a flag the user gave, in NODE_OPTIONS or node's arguments, in either spelling", () => {
  assert.deepEqual(flagsSet({ NODE_OPTIONS: '--interrupt-budget=1000' }, []), ['--max-inlined-bytecode-size-cumulative=200']);
  assert.deepEqual(flagsSet({}, ['--max_inlined_bytecode_size_cumulative=50']), ['--interrupt-budget=400000']);
  assert.deepEqual(flagsSet({ NODE_OPTIONS: '--interrupt_budget=9' }, ['--max-inlined-bytecode-size-cumulative=9']), []);
});
