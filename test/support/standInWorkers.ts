/**
 * Stand-in worker scripts for the lint pool's tests, speaking the pool's protocol (ready, batches of inputs,
 * results) without linting, so that the tests decide what each worker does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Answers each batch with empty linted files named after its inputs and the thread; dies on inputs named `die`. */
const ECHO_WORKER = `
const { parentPort, threadId, workerData } = require('node:worker_threads');
const linting = new Int32Array(workerData.linting);
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ inputs }) => {
  const results = [];
  for (const { index, source } of inputs) {
    Atomics.store(linting, 0, index);
    if (source.name === 'die') process.exit(3);
    results.push({ index, file: { file: source.name + ':' + threadId, out: '', cables: 0, problems: [] } });
    Atomics.store(linting, 0, -1);
  }
  parentPort.postMessage({ results });
});
`;

/** A bundle that fails as it loads. */
const BROKEN_WORKER = `throw new Error('bundle is broken');`;

/** Writes `echo.js` and `broken.js` into `dir`. */
export function writeStandInWorkers(dir: string): void {
  writeFileSync(join(dir, 'echo.js'), ECHO_WORKER);
  writeFileSync(join(dir, 'broken.js'), BROKEN_WORKER);
}
