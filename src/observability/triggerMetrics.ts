/**
 * Embedded mode: the Lambda triggers the engine runs in-process, counted and timed by function
 * and outcome (ok; refused, a TriggerRefusal meant for the user; failed, anything else). In AWS
 * the same figures are CloudWatch's AWS/Lambda Invocations, Errors and Duration per function.
 */
import { performance } from 'node:perf_hooks';
import type { ServiceMetrics } from './metrics';

type Handler = (event: never) => Promise<unknown>;

export function observeTriggers<H extends object>(handlers: H, metrics: ServiceMetrics): H {
  const observed = Object.entries(handlers as Record<string, Handler>).map(([name, handler]) => {
    const wrapped = async (event: never) => {
      const started = performance.now();
      let outcome = 'ok';
      try {
        return await handler(event);
      } catch (error) {
        outcome = (error as Error)?.name === 'TriggerRefusal' ? 'refused' : 'failed';
        throw error;
      } finally {
        metrics.triggerInvocations.inc({ function: name, outcome });
        metrics.triggerDuration.observe({ function: name }, (performance.now() - started) / 1000);
      }
    };
    return [name, wrapped];
  });
  return Object.fromEntries(observed) as H;
}
