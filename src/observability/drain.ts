/**
 * Graceful shutdown of the API's HTTP server: stop accepting, let the requests in flight finish
 * within a deadline, then cut what is left. While draining, `/readyz` answers 503 (the load
 * balancer stops sending) and every answer says `connection: close`, so keep-alive clients move
 * to another replica instead of sending here again.
 */
import type { Server, ServerResponse } from 'node:http';

export interface DrainOutcome {
  /** Requests still unanswered at the deadline (their connections were closed). */
  abandoned: number;
}

export class Drain {
  private readonly active = new Set<ServerResponse>();
  private stopping = false;
  private settled?: () => void;

  get draining(): boolean {
    return this.stopping;
  }

  get inFlight(): number {
    return this.active.size;
  }

  /** Tracks a request until its answer is sent (or its connection drops). */
  track(res: ServerResponse): void {
    this.active.add(res);
    if (this.stopping) res.setHeader('connection', 'close');
    res.once('close', () => {
      this.active.delete(res);
      if (this.stopping && this.active.size === 0) this.settled?.();
    });
  }

  async drain(server: Server, timeoutMs: number): Promise<DrainOutcome> {
    this.stopping = true;
    // Answers not yet begun tell their clients to reconnect elsewhere.
    for (const res of this.active) if (!res.headersSent) res.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.active.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.settled = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    const abandoned = this.active.size;
    // Idle keep-alive sockets and, past the deadline, the unfinished requests.
    server.closeAllConnections();
    await closed;
    return { abandoned };
  }
}
