/**
 * SIGTERM (what ECS and Kubernetes send) and SIGINT (Ctrl-C) stop the service gracefully once;
 * a second signal while stopping exits at once, for an operator who will not wait.
 */
import type { ServiceLogger } from '../logger';

export function onStopSignals(stop: (signal: NodeJS.Signals) => Promise<void>, logger: ServiceLogger): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('second stop signal: exiting without waiting', { signal });
      logger.flush();
      process.exit(1);
    }
    stopping = true;
    stop(signal).then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('shutdown failed', { error: (error as Error)?.message ?? String(error) });
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
