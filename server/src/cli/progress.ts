/**
 * A one-line progress bar on stderr. Shown only on a terminal and only for long runs (over 200 files,
 * or past a second), so short runs and logs stay clean. Output bound for the same terminal goes through
 * `interrupt()`, or the bar and the output would share a line.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const SHOW_AFTER_MS = 1000;
const SHOW_ABOVE_FILES = 200;
const REDRAW_EVERY_MS = 80;

export class ProgressBar {
  private done = 0;
  private shown = false;
  private lastDraw = -Infinity;
  private readonly startedAt: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
    this.enabled = enabled && stream.isTTY === true && total > 0;
  }

  /** Records one more finished file and redraws when it is time to. */
  tick(): void {
    this.done++;
    this.draw();
  }

  /** Redraws the bar if it should be visible and was not drawn within the last moment. */
  draw(force = false): void {
    if (!this.enabled) return;
    const now = this.now();
    if (!this.shown && this.total <= SHOW_ABOVE_FILES && now - this.startedAt < SHOW_AFTER_MS) return;
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS && this.done < this.total) return;
    this.lastDraw = now;
    this.shown = true;
    this.stream.write(`\r${renderBar(this.done, this.total, now - this.startedAt, this.stream.columns ?? 80)}\x1b[K`);
  }

  /** Runs `write` with the bar erased, then puts the bar back at once. */
  interrupt(write: () => void): void {
    if (!this.shown) return write();
    this.stream.write('\r\x1b[K');
    write();
    this.draw(true);
  }

  /** Erases the bar for good. */
  stop(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

/** `[##########----------] 360/720 files 1.2 s`, fitted to the terminal's width. */
export function renderBar(done: number, total: number, elapsedMs: number, columns: number): string {
  const counts = ` ${done}/${total} files ${(elapsedMs / 1000).toFixed(1)} s`;
  const width = Math.max(10, Math.min(40, columns - counts.length - 3));
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${counts}`;
}
