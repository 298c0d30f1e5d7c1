/**
 * A small LSP client for tests: spawns the built server (`dist/server.js --stdio`) and speaks JSON-RPC
 * with Content-Length framing, as an editor would. Every wait is on a message, bounded by a timeout.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const SERVER_PATH = resolve(__dirname, '..', '..', 'dist', 'server.js');
const DEFAULT_TIMEOUT_MS = 10_000;

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A notification or request the server sent. */
export interface ReceivedMessage {
  method: string;
  params: any;
}

/** Thrown when the server answers a request with an error. */
export class ResponseFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(`${message} (code ${code})`);
  }
}

/** Thrown when a wait ends without the message; any other error means something else went wrong. */
export class WaitTimeout extends Error {}

type RequestHandler = (params: any) => unknown;

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Every notification received, in order; `mark()` gives a position in it. */
  readonly notifications: ReceivedMessage[] = [];
  /** Every request the server sent, in order. */
  readonly serverRequests: ReceivedMessage[] = [];
  stderr = '';
  private buffer: Uint8Array = new Uint8Array(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly listeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;
  private hasExited = false;

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [SERVER_PATH, ...args], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Uint8Array) => this.receive(chunk));
    // Writing to a server that already exited fails with EPIPE; the exit itself is what tests look at.
    this.process.stdin.on('error', () => {});
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolveExit) => this.process.on('exit', (code) => resolveExit(code)));
    this.exited.then(() => {
      this.hasExited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`The server exited; stderr: ${this.stderr}`));
      this.pending.clear();
      this.notifyListeners();
    });
  }

  /** Answers the server's `method` requests with `handler(params)`; unhandled requests get `null`. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<R = any>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const id = this.nextId++;
    const answer = new Promise<R>((resolveAnswer, reject) => {
      this.pending.set(id, { resolve: resolveAnswer as (value: unknown) => void, reject });
    });
    this.send({ jsonrpc: '2.0', id, method, params });
    return withTimeout(answer, timeoutMs, `no answer to ${method}`);
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Position in `notifications`, to wait only for what comes after an action. */
  mark(): number {
    return this.notifications.length;
  }

  /** The first notification `method` from position `since` on that satisfies `predicate`, waiting for it if need be. */
  waitForNotification(
    method: string,
    predicate: (params: any) => boolean = () => true,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<any> {
    return this.waitFor(this.notifications, method, predicate, options);
  }

  /** The first request `method` the server sent from position `since` of `serverRequests` on. */
  waitForServerRequest(method: string, options: { since?: number; timeoutMs?: number } = {}): Promise<any> {
    return this.waitFor(this.serverRequests, method, () => true, options);
  }

  /**
   * Resolves true when no matching notification arrives from `since` within `windowMs`, false at the first
   * one. Absence can only be shown over a window: keep it a few times the server's debounce.
   */
  async staysQuiet(method: string, predicate: (params: any) => boolean, options: { since: number; windowMs: number }): Promise<boolean> {
    try {
      await this.waitForNotification(method, predicate, { since: options.since, timeoutMs: options.windowMs });
      return false;
    } catch (error) {
      if (error instanceof WaitTimeout) return true;
      throw error;
    }
  }

  /** `shutdown` then `exit`, as an editor closes the server; resolves with the exit code. */
  async shutdown(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    await this.request('shutdown', null, timeoutMs);
    this.notify('exit', null);
    return withTimeout(this.exited, timeoutMs, 'the server did not exit');
  }

  /** Kills the server if it still runs (for `after` hooks). */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }

  whenExited(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    return withTimeout(this.exited, timeoutMs, 'the server did not exit');
  }

  private waitFor(
    messages: ReceivedMessage[],
    method: string,
    predicate: (params: any) => boolean,
    options: { since?: number; timeoutMs?: number },
  ): Promise<any> {
    const since = options.since ?? 0;
    const find = () => messages.slice(since).find((m) => m.method === method && predicate(m.params));
    return new Promise((resolveWait, reject) => {
      const check = () => {
        const found = find();
        if (found) {
          done();
          resolveWait(found.params);
        } else if (this.hasExited) {
          done();
          reject(new Error(`The server exited while waiting for ${method}; stderr: ${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new WaitTimeout(`Timed out waiting for ${method}; received: ${messages.map((m) => m.method).join(', ')}`));
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  private send(message: Message): void {
    const body = new TextEncoder().encode(JSON.stringify(message));
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  private receive(chunk: Uint8Array): void {
    this.buffer = joinBytes(this.buffer, chunk);
    for (;;) {
      const headerEnd = indexOfHeaderEnd(this.buffer);
      if (headerEnd < 0) return;
      const header = decoder.decode(this.buffer.subarray(0, headerEnd));
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`Bad header from the server: ${header}`);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(decoder.decode(this.buffer.subarray(start, start + length))) as Message;
      this.buffer = this.buffer.slice(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.answerServerRequest(message);
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      this.notifyListeners();
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new ResponseFailure(message.error.code, message.error.message, message.error.data));
      else pending?.resolve(message.result);
    }
  }

  private answerServerRequest(message: Message): void {
    const method = message.method as string;
    this.serverRequests.push({ method, params: message.params });
    this.notifyListeners();
    const handler = this.handlers.get(method);
    Promise.resolve()
      .then(() => (handler ? handler(message.params) : null))
      .then(
        (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
        (error: unknown) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
      );
  }

  private notifyListeners(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const decoder = new TextDecoder();

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Index of the blank line (`\r\n\r\n`) that ends a message header, or -1. */
function indexOfHeaderEnd(bytes: Uint8Array): number {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i;
  }
  return -1;
}
