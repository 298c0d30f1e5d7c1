/** Calls `send` at most every `intervalMs`: at once when it may, else once at the end of the interval with the latest value. */
export function throttled<T>(intervalMs: number, send: (value: T) => void): { (value: T): void; flush(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const fire = () => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = Date.now();
    send(value);
  };
  const call = (value: T) => {
    pending = { value };
    if (timer) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  call.flush = () => {
    clearTimeout(timer);
    fire();
  };
  return call;
}
