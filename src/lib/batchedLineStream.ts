/**
 * Log lines collected for a moment and handed to the destination as one write. pino's
 * asynchronous destination (sonic-boom) costs about 15 µs of CPU per write, however short the
 * text, and a service writes an access line per request, so at one write per line that was a
 * tenth of a `me` query's cost. Collected for `delayMs` (or until `maxBytes`), it is a few writes
 * a second. A line waits at most that long; `flushSync` (shutdown, exit) writes out what waits, so
 * only a SIGKILL can lose the last moment's lines.
 */
export interface LineDestination {
  write(text: string): unknown;
  flushSync?(): void;
}

export class BatchedLineStream implements LineDestination {
  private pending: string[] = [];
  private bytes = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly out: LineDestination,
    private readonly delayMs = 50,
    private readonly maxBytes = 64 * 1024,
  ) {}

  write(line: string): void {
    this.pending.push(line);
    this.bytes += line.length;
    if (this.bytes >= this.maxBytes) this.hand();
    // Unref'd: waiting lines never keep the process alive; exit writes them (flushSync).
    else this.timer ??= setTimeout(this.hand, this.delayMs).unref();
  }

  flushSync(): void {
    this.hand();
    this.out.flushSync?.();
  }

  private readonly hand = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.bytes = 0;
    this.out.write(text);
  };
}
