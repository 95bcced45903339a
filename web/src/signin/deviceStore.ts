/**
 * Remembered devices: the key, group key and secret a sign-in returned once as `newDevice`,
 * kept in this origin's IndexedDB (never a cookie, never localStorage, never a URL; README, Web
 * app), one record per account name as typed at sign-in (lower-cased). Signing in again as that
 * account sends it as `device`, and the API proves it to Cognito so MFA is skipped. A record the
 * API no longer recognises (forgotten, or the secret does not match) is dropped.
 */
import type { DeviceInput } from '../generated/graphql';

const DATABASE = 'identity';
const STORE = 'devices';

export interface StoredDevice extends DeviceInput {
  /** The account name it belongs to, lower-cased. */
  username: string;
  savedAt: string;
}

const nameOf = (username: string) => username.trim().toLowerCase();

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'username' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = use(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    });
  } finally {
    db.close();
  }
}

/**
 * The device remembered for this account in this browser, if any. Storage that cannot be read
 * (a private window that refuses IndexedDB) means none: the sign-in then asks for MFA.
 */
export async function deviceFor(username: string): Promise<DeviceInput | undefined> {
  try {
    const stored = await run<StoredDevice | undefined>('readonly', (store) => store.get(nameOf(username)) as IDBRequest<StoredDevice | undefined>);
    return stored ? { key: stored.key, groupKey: stored.groupKey, secret: stored.secret } : undefined;
  } catch {
    return undefined;
  }
}

export async function saveDevice(username: string, device: DeviceInput): Promise<void> {
  const record: StoredDevice = { username: nameOf(username), key: device.key, groupKey: device.groupKey, secret: device.secret, savedAt: new Date().toISOString() };
  await run('readwrite', (store) => store.put(record));
}

export async function dropDevice(username: string): Promise<void> {
  try {
    await run('readwrite', (store) => store.delete(nameOf(username)));
  } catch {
    // Nothing stored, or no storage: nothing to drop.
  }
}

/** Drops whichever account's record holds this device key (the device was forgotten on the profile). */
export async function dropDeviceKey(key: string): Promise<void> {
  try {
    const all = await run<StoredDevice[]>('readonly', (store) => store.getAll() as IDBRequest<StoredDevice[]>);
    for (const record of all.filter((stored) => stored.key === key)) await dropDevice(record.username);
  } catch {
    // No storage: nothing to drop.
  }
}
