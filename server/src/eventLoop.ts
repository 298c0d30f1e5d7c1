/** Lets other work run between slices of a long job: `setImmediate` on Node (no 1 ms floor), a task elsewhere. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
