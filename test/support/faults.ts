/**
 * Fault injection for the directory: a switch that makes every call of a Directory fail (or hang)
 * while it is on, as if DynamoDB were unreachable, for the fault tests. Wrapping, not mocking: with the
 * switch off every call goes to the real store.
 */
import type { Directory } from '../../src/datasources/metadata/directory.types';

export class FaultSwitch {
  failing = false;
  /** While on, every call waits forever instead (a DynamoDB that accepts and never answers). */
  hanging = false;
  /** How many calls were refused while failing. */
  refused = 0;

  wrap(directory: Directory): Directory {
    return new Proxy(directory, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.hanging) return new Promise(() => undefined);
          if (this.failing) {
            this.refused++;
            return Promise.reject(Object.assign(new Error('Service unavailable (injected)'), { name: 'ServiceUnavailable', $metadata: {} }));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
}
