/**
 * The legacy user directory UserMigration signs people in from: an export file (LEGACY_USERS_FILE),
 * JSON or CSV, read once into memory and looked up by username or email (case-insensitively, as
 * the pool's names are).
 *
 *   JSON  { "users": [ { "username", "email", "passwordHash", "attributes": { "name": ..., "custom:tenant": ... } } ] }
 *   CSV   a header `username,email,password_hash,<attribute>...`, then one user a row
 *
 * A large directory would sit behind the same interface (a database, an old API) instead of a
 * file held in memory.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ConfigError } from '../../config';
import { parseCsv } from './csv';
import { decoyLike, hashKind } from './passwords';

export interface LegacyUser {
  username: string;
  email?: string;
  passwordHash: string;
  /** Cognito attribute names (`name`, `custom:tenant`, ...). */
  attributes: Record<string, string>;
}

export interface LegacyDirectory {
  find(name: string): Promise<LegacyUser | undefined>;
  /** A hash in the format most of its users' are, to check a password against when the name is unknown. */
  decoyHash(): Promise<string>;
}

const key = (name: string) => name.trim().toLowerCase();

function fromJson(text: string): LegacyUser[] {
  const parsed = JSON.parse(text) as { users?: Partial<LegacyUser>[] };
  return (parsed.users ?? []).map((user) => ({
    username: String(user.username ?? ''),
    email: user.email ? String(user.email) : undefined,
    passwordHash: String(user.passwordHash ?? ''),
    attributes: { ...(user.attributes ?? {}) },
  }));
}

function fromCsv(text: string): LegacyUser[] {
  return parseCsv(text).map(({ username, email, password_hash, ...attributes }) => ({
    username: username ?? '',
    email: email || undefined,
    passwordHash: password_hash ?? '',
    attributes: Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== '')),
  }));
}

export class InMemoryLegacyDirectory implements LegacyDirectory {
  private readonly byName = new Map<string, LegacyUser>();
  private decoy?: Promise<string>;

  constructor(private readonly users: LegacyUser[]) {
    for (const user of users) {
      this.byName.set(key(user.username), user);
      if (user.email) this.byName.set(key(user.email), user);
    }
  }

  async find(name: string): Promise<LegacyUser | undefined> {
    return this.byName.get(key(name));
  }

  decoyHash(): Promise<string> {
    this.decoy ??= decoyLike(this.commonHash());
    return this.decoy;
  }

  /** A hash of the kind most users have, so an unknown name costs what most known ones do. */
  private commonHash(): string {
    const kinds = new Map<string, string[]>();
    for (const user of this.users) {
      const kind = hashKind(user.passwordHash);
      if (kind) kinds.set(kind, [...(kinds.get(kind) ?? []), user.passwordHash]);
    }
    const [, hashes] = [...kinds].sort((a, b) => b[1].length - a[1].length)[0] ?? [undefined, ['']];
    return hashes[0];
  }
}

export function loadLegacyDirectory(file: string): LegacyDirectory {
  let users: LegacyUser[];
  try {
    const text = readFileSync(file, 'utf8');
    users = extname(file).toLowerCase() === '.csv' ? fromCsv(text) : fromJson(text);
  } catch (error) {
    throw new ConfigError([`LEGACY_USERS_FILE ${file}: ${(error as Error).message}`]);
  }
  const broken = users.filter((user) => !user.username || !hashKind(user.passwordHash)).length;
  if (broken > 0) throw new ConfigError([`LEGACY_USERS_FILE ${file}: ${broken} user(s) without a username or a bcrypt / argon2id password hash`]);
  return new InMemoryLegacyDirectory(users);
}
