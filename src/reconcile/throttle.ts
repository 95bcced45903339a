/**
 * Cognito's list and read quotas are low (UserList 30 requests a second per account and region
 * by default) and a pool-wide walk meets them: a TooManyRequestsException is waited out with
 * exponential backoff and jitter, a bounded number of times, on top of the SDK's own retries.
 */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException']);
const MAX_ATTEMPTS = 10;

export async function withBackoff<T>(call: () => Promise<T>, sleep: Sleep = realSleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!THROTTLED.has((error as Error)?.name) || attempt >= MAX_ATTEMPTS) throw error;
      const ceiling = Math.min(30_000, 250 * 2 ** attempt);
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
    }
  }
}
