/**
 * Worker-thread entry (`dist/lintWorker.js`): lints the inputs the CLI sends, in order, with one language
 * service for the worker's whole life (dictionaries load once per thread), and formats each file's output
 * here, so that only strings and counts go back, a batch at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getLanguageService } from '../language/languageService';
import { lintToOutput } from './lintFile';
import { NOT_LINTING, type WorkerInit, type WorkerReady, type WorkerResult, type WorkerTask } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('lintWorker.js runs as a worker thread of cable-lint, not on its own');

const { settings, output, linting } = workerData as WorkerInit;
const current = new Int32Array(linting);
const service = getLanguageService();

port.on('message', (task: WorkerTask) => {
  const results: WorkerResult['results'] = [];
  for (const { index, source } of task.inputs) {
    Atomics.store(current, 0, index);
    results.push({ index, file: lintToOutput(service, settings, output, source) });
    Atomics.store(current, 0, NOT_LINTING);
  }
  port.postMessage({ results } satisfies WorkerResult);
});
port.postMessage({ ready: true } satisfies WorkerReady);
