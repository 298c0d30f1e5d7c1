/** `cable-lint` entry (`dist/cli.js`): wires the process to `runCli` and nothing else. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { tuneJitForBatchRun } from './batchJit';
import { runCli } from './run';

// First, before the linting code runs: see batchJit.ts.
tuneJitForBatchRun(process.env, process.execArgv);

/** Reads all of standard input (the user ends it with Ctrl-D when it is a terminal). */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// `cable-lint … | head` closes the pipe early: that is the reader's choice, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  workerPath: join(__dirname, 'lintWorker.js'),
  cores: availableParallelism(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // inspect() prints the stack and the cause's stack, which a bug report needs.
    process.stderr.write(`cable-lint: internal error: ${inspect(error)}\n`);
    process.exitCode = 2;
  },
);
