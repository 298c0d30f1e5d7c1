/** The push scheduler: debounce, and the guards that keep stale results from being published. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticsScheduler, type DiagnosticsResult, type Timers } from '../../server/src/diagnostics/diagnosticsScheduler';

/** Timers driven by hand: nothing fires until `fire()`. */
class ManualTimers implements Timers {
  private next = 1;
  readonly queued = new Map<number, { callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.queued.set(id, { callback, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queued.delete(handle as number);
  }
  /** Fires every queued timer. */
  fire(): void {
    const due = [...this.queued.values()];
    this.queued.clear();
    due.forEach(({ callback }) => callback());
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A host whose validations are answered by the test and whose documents' versions the test sets. */
function fakeHost() {
  const versions = new Map<string, number>();
  const validations: Array<{ uri: string; answer: Deferred<DiagnosticsResult | undefined> }> = [];
  const published: Array<{ uri: string; version: number }> = [];
  const errors: string[] = [];
  const host = {
    validate(uri: string) {
      const answer = deferred<DiagnosticsResult | undefined>();
      validations.push({ uri, answer });
      return answer.promise;
    },
    isCurrent: (uri: string, result: DiagnosticsResult) => versions.get(uri) === result.version,
    publish: (uri: string, result: DiagnosticsResult) => void published.push({ uri, version: result.version }),
    logError: (message: string) => void errors.push(message),
  };
  return { host, versions, validations, published, errors };
}

const URI = 'file:///w/09MEXICO283.txt';
const result = (version: number): DiagnosticsResult => ({ version, diagnostics: [] });

describe('DiagnosticsScheduler', () => {
  it('waits for the debounce and validates once for a burst of changes', async () => {
    const timers = new ManualTimers();
    const { host, versions, validations, published } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers, 200);
    versions.set(URI, 3);
    scheduler.schedule(URI);
    scheduler.schedule(URI);
    scheduler.schedule(URI);
    assert.equal(timers.queued.size, 1, 'each change replaces the pending timer');
    assert.equal([...timers.queued.values()][0]?.ms, 200);
    assert.equal(validations.length, 0, 'nothing runs before the timer');
    timers.fire();
    assert.equal(validations.length, 1);
    validations[0]!.answer.resolve(result(3));
    await scheduler.whenIdle();
    assert.deepEqual(published, [{ uri: URI, version: 3 }]);
  });

  it('drops a result computed for version N once the document is at N+1', async () => {
    const timers = new ManualTimers();
    const { host, versions, validations, published } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers);
    versions.set(URI, 1);
    scheduler.schedule(URI, 0);
    timers.fire();
    versions.set(URI, 2); // the document changed while version 1 was validated
    validations[0]!.answer.resolve(result(1));
    await scheduler.whenIdle();
    assert.deepEqual(published, []);
  });

  it('drops a running job when a newer one is scheduled, even for the same version', async () => {
    const timers = new ManualTimers();
    const { host, versions, validations, published } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers);
    versions.set(URI, 1);
    scheduler.schedule(URI, 0);
    timers.fire();
    scheduler.schedule(URI, 0); // e.g. a settings change: the new job has the say
    validations[0]!.answer.resolve(result(1));
    await scheduler.whenIdle();
    assert.deepEqual(published, []);
    timers.fire();
    validations[1]!.answer.resolve(result(1));
    await scheduler.whenIdle();
    assert.deepEqual(published, [{ uri: URI, version: 1 }]);
  });

  it('publishes nothing for a document closed while it was validated, nor after reopening', async () => {
    const timers = new ManualTimers();
    const { host, versions, validations, published } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers);
    versions.set(URI, 1);
    scheduler.schedule(URI, 0);
    timers.fire();
    scheduler.cancel(URI);
    versions.set(URI, 1); // reopened at the same version number
    scheduler.schedule(URI, 0);
    validations[0]!.answer.resolve(result(1));
    await scheduler.whenIdle();
    assert.deepEqual(published, [], 'the job from before the close does not match the new one');
  });

  it('cancels a pending timer on close and on dispose', () => {
    const timers = new ManualTimers();
    const { host } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers);
    scheduler.schedule(URI);
    assert.equal(scheduler.isPending(URI), true);
    scheduler.cancel(URI);
    assert.equal(timers.queued.size, 0);
    scheduler.schedule(URI);
    scheduler.schedule('file:///w/other.cable');
    scheduler.dispose();
    assert.equal(timers.queued.size, 0);
  });

  it('logs a failed validation with the uri and publishes nothing', async () => {
    const timers = new ManualTimers();
    const { host, versions, validations, published, errors } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers);
    versions.set(URI, 1);
    scheduler.schedule(URI, 0);
    timers.fire();
    validations[0]!.answer.reject(new Error('rule exploded'));
    await scheduler.whenIdle();
    assert.deepEqual(published, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /09MEXICO283\.txt/);
    assert.match(errors[0]!, /rule exploded/);
  });

  it('publishes nothing when the document is gone', async () => {
    const timers = new ManualTimers();
    const { host, validations, published } = fakeHost();
    const scheduler = new DiagnosticsScheduler(host, timers);
    scheduler.schedule(URI, 0);
    timers.fire();
    validations[0]!.answer.resolve(undefined);
    await scheduler.whenIdle();
    assert.deepEqual(published, []);
  });
});
