/**
 * Child processes the end-to-end tests start and must always end: each runs in its own process
 * group, so ending the group by the id we were given also ends its helpers (code-server's extension
 * host, Chromium's renderers) without touching anyone else's processes.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export interface Started {
  child: ChildProcess;
  pid: number;
  /** Everything the process printed so far (stdout and stderr), for error messages. */
  output: () => string;
  exited: Promise<number | null>;
}

/** Groups started and not yet ended: killed on exit too, should the test process be stopped mid-run. */
const liveGroups = new Set<number>();
let cleanupInstalled = false;

/** Kills live groups on exit, and turns Ctrl+C or SIGTERM into an exit unless the program handles them itself. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
}

/** Starts `command` as the leader of a new process group, collecting its output. */
export function startGroup(command: string, args: string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  installCleanup();
  liveGroups.add(child.pid);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return { child, pid: child.pid, output: () => output, exited };
}

/** Ends a process group started by `startGroup`: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(started: Started | undefined, graceMs = 5000): Promise<void> {
  if (!started) return;
  if (started.child.exitCode !== null || started.child.signalCode !== null) {
    killGroup(started.pid, 'SIGKILL'); // helpers of an exited leader may still be running
    liveGroups.delete(started.pid);
    return;
  }
  killGroup(started.pid, 'SIGTERM');
  const ended = await Promise.race([started.exited.then(() => true), delay(graceMs, true).then(() => false)]);
  killGroup(started.pid, 'SIGKILL'); // the leader's helpers, and the leader itself if it ignored SIGTERM
  if (!ended) await Promise.race([started.exited, delay(graceMs, true)]);
  liveGroups.delete(started.pid);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Resolves with the first match of `pattern` in the process's output, or rejects on exit or timeout. */
export function waitForOutput(started: Started, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolveMatch, reject) => {
    const check = () => {
      const match = started.output().match(pattern);
      if (match) finish(() => resolveMatch(match));
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`${what}: process exited (${code}) before printing ${pattern}\n${started.output()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${what}: no ${pattern} within ${timeoutMs} ms\n${started.output()}`))),
      timeoutMs,
    );
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      started.child.stdout?.off('data', check);
      started.child.stderr?.off('data', check);
      started.child.off('exit', onExit);
      settle();
    };
    started.child.stdout?.on('data', check);
    started.child.stderr?.on('data', check);
    started.child.once('exit', onExit);
    check();
  });
}

/** A TCP port on the loopback interface that was free a moment ago. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await delay(intervalMs);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

/** A pause; an `unref`'d one does not keep the process alive (for races against an exit). */
function delay(ms: number, unref = false): Promise<void> {
  return new Promise((resolveDelay) => {
    const timer = setTimeout(resolveDelay, ms);
    if (unref) timer.unref();
  });
}
