/**
 * Password hashing with argon2id. The default cost is OWASP's recommendation (19 MiB, 2
 * passes, 1 lane); tests pass a lower cost. Hashing is bounded so a burst of sign-ins cannot
 * exhaust memory: at most `maxConcurrent` hashes run at once.
 */
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import { Semaphore } from './semaphore';

export interface HashCost {
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
}

export const OWASP_COST: HashCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** Far too weak for real use; only for tests, where thousands of hashes must be quick. */
export const TEST_COST: HashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export class PasswordHasher {
  private readonly gate: Semaphore;
  private decoy?: Promise<string>;

  constructor(
    private readonly cost: HashCost = OWASP_COST,
    maxConcurrent = Math.max(2, availableParallelism() * 2),
  ) {
    this.gate = new Semaphore(maxConcurrent);
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => hash(password, { ...this.cost, algorithm: Algorithm.Argon2id }));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    return this.gate.run(async () => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false; // a malformed stored hash never matches
      }
    });
  }

  /**
   * Spends the same time as a real verification, for users that do not exist, so response
   * timing does not reveal whether a username is registered.
   */
  async verifyDecoy(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy-password-never-matches');
    await this.verify(await this.decoy, password);
    return false;
  }
}
