/**
 * For the real Cognito clients run against the engine: an in-memory key-value storage (what a
 * browser's localStorage would be), and a record of the operations the engine was asked for, to
 * see which flow a client chose.
 */
import type { Engine } from '../../src/local/cognito/engine';

/** Storage with both the Web Storage and Amplify's KeyValueStorage methods. */
export class MemoryStorage {
  private readonly items = new Map<string, string>();

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}

/** The operations the engine serves while `run` runs, in order. */
export async function operationsDuring(engine: Engine, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = engine.observe((operation) => seen.push(operation));
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}
