/**
 * Worker-thread entry (`dist/lintWorker.js`): lints the inputs the CLI sends, one at a time, with one
 * language service for the worker's whole life (dictionaries load once per thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getLanguageService } from '../language/languageService';
import { lintSource } from './lintFile';
import type { WorkerInit, WorkerReady, WorkerResult, WorkerTask } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('lintWorker.js runs as a worker thread of cable-lint, not on its own');

const { settings } = workerData as WorkerInit;
const service = getLanguageService();

port.on('message', (task: WorkerTask) => {
  const result: WorkerResult = { index: task.index, report: lintSource(service, settings, task.source) };
  port.postMessage(result);
});
port.postMessage({ ready: true } satisfies WorkerReady);
