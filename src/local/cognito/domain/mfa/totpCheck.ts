/**
 * Accepting a TOTP code for a user: the sealed secret opened (secretBox.ts), the code matched within
 * a step of drift (totp.ts), then its time step claimed on the user record, once: a code, or any
 * earlier one, never works twice, even when parallel requests carry it.
 */
import type { EngineServices } from '../../services';
import type { PoolRecord, UserRecord } from '../model';
import { matchingStep } from './totp';

export async function totpAccepted(s: EngineServices, pool: PoolRecord, user: UserRecord, sealedSecret: string | undefined, code: string): Promise<boolean> {
  const secret = sealedSecret === undefined ? undefined : s.secrets.open(pool, user.sub, sealedSecret);
  const step = secret === undefined || !/^\d{6}$/.test(code) ? undefined : matchingStep(secret, code, s.clock.now());
  return step !== undefined && s.users.claimTotpStep(pool.poolId, user.usernameKey, step);
}
