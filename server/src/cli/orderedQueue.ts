/**
 * Puts results that finish in any order back into input order, releasing each as soon as every result
 * before it is in: output streams, yet is the same whatever the number of workers.
 */
export class OrderedQueue<T> {
  private readonly waiting = new Map<number, T>();
  private nextIndex = 0;

  constructor(private readonly release: (item: T, index: number) => void) {}

  push(index: number, item: T): void {
    this.waiting.set(index, item);
    for (let ready = this.waiting.get(this.nextIndex); ready !== undefined; ready = this.waiting.get(this.nextIndex)) {
      this.waiting.delete(this.nextIndex);
      this.release(ready, this.nextIndex++);
    }
  }

  /** How many results have been released so far. */
  get released(): number {
    return this.nextIndex;
  }
}
