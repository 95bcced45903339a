/** Creating a user (SignUp and AdminCreateUser share this), with Cognito's naming rules. */
import { createHmac, randomUUID } from 'node:crypto';
import { AliasExistsException, InvalidParameterException, UsernameExistsException } from '../errors';
import type { EngineServices } from '../services';
import { isEmail, isPhone } from '../../../lib/addresses';
import { assertRequiredPresent } from './attributes';
import { CodeDeliveryDetails, deliveryDetails } from './codes';
import { takeOverAliases } from './aliasTakeover';
import { signInNames, usernameKey } from './lookup';
import type { PoolRecord, UserRecord, UserStatus } from './model';
import { NameTakenError, UserExistsError } from './users.store';

export interface NewUser {
  username: string;
  attributes: Record<string, string>;
  passwordHash: string;
  status: UserStatus;
  temporaryPasswordExpiresAt?: number;
}

/**
 * With UsernameAttributes the sign-in name is an email or phone number stored as that
 * attribute, and the username becomes the sub. Otherwise the username is what was given.
 */
function placeUsername(pool: PoolRecord, given: string, attributes: Record<string, string>, sub: string): string {
  const byAttribute = pool.settings.UsernameAttributes;
  if (byAttribute.length === 0) {
    if (pool.settings.AliasAttributes.includes('email') && isEmail(given)) {
      throw new InvalidParameterException('Username cannot be of email format, since user pool is configured for email alias.');
    }
    return given;
  }
  if (byAttribute.includes('email') && isEmail(given)) attributes.email = given;
  else if (byAttribute.includes('phone_number') && isPhone(given)) attributes.phone_number = given;
  else {
    throw new InvalidParameterException(
      byAttribute.length === 2 ? 'Username should be either an email or a phone number.' : byAttribute[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.',
    );
  }
  return sub;
}

/**
 * The record a new user would have, checked against the pool's naming rules and required
 * attributes but not stored: SignUp and AdminCreateUser show it to PreSignUp first.
 */
export function newUserRecord(s: EngineServices, pool: PoolRecord, request: NewUser): UserRecord {
  const sub = randomUUID();
  const attributes = { ...request.attributes };
  const username = placeUsername(pool, request.username, attributes, sub);
  assertRequiredPresent(pool, attributes);
  const now = s.clock.now();
  return {
    poolId: pool.poolId,
    usernameKey: usernameKey(pool, username),
    username,
    sub,
    attributes,
    status: request.status,
    enabled: true,
    passwordHash: request.passwordHash,
    temporaryPasswordExpiresAt: request.temporaryPasswordExpiresAt,
    signedOutAt: 0,
    failures: 0,
    lastFailureAt: 0,
    lockedUntil: 0,
    lockedAtFailures: 0,
    createdAt: now,
    modifiedAt: now,
  };
}

/**
 * Stores a new user, claiming its names. With `takeOverAliases`, a verified alias another user
 * holds moves to this one (that user's address becomes unverified), as Cognito does for
 * PreSignUp's autoVerify and UserMigration's forceAliasCreation.
 */
export async function storeUser(s: EngineServices, pool: PoolRecord, user: UserRecord, options: { takeOverAliases?: boolean } = {}): Promise<UserRecord> {
  if (options.takeOverAliases) await takeOverAliases(s, pool, user);
  try {
    await s.users.create(user, signInNames(pool, user));
  } catch (error) {
    if (error instanceof NameTakenError) {
      if (pool.settings.UsernameAttributes.includes(error.kind)) {
        throw new UsernameExistsException(`An account with the given ${error.kind === 'email' ? 'email' : 'phone_number'} already exists.`);
      }
      throw new AliasExistsException('An account with the given email already exists.');
    }
    if (error instanceof UserExistsError) throw new UsernameExistsException('User already exists');
    throw error;
  }
  await s.pools.adjustUserCount(pool.poolId, 1);
  return user;
}

export async function createUser(s: EngineServices, pool: PoolRecord, request: NewUser): Promise<UserRecord> {
  return storeUser(s, pool, newUserRecord(s, pool, request));
}

/** The attribute a confirmation code goes to: an auto-verified one the user has, email first. */
export function verificationAttribute(pool: PoolRecord, user: UserRecord): string | undefined {
  return ['email', 'phone_number'].find((a) => pool.settings.AutoVerifiedAttributes.includes(a) && user.attributes[a]);
}

/**
 * A plausible delivery answer for a user that does not exist, so that the answer does not
 * reveal it. Stable per identifier, so asking twice gives the same mask.
 */
export function simulatedDelivery(pool: PoolRecord, identifier: string): CodeDeliveryDetails {
  if (isEmail(identifier)) return deliveryDetails('email', identifier);
  if (isPhone(identifier)) return deliveryDetails('phone_number', identifier);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[createHmac('sha256', pool.pepper).update(identifier).digest()[0] % 26];
  return deliveryDetails('email', `${identifier.charAt(0).toLowerCase()}@${letter}.com`);
}
