// The device's keys (issue 14, docs/privacy.md). One random master key (MK, 256 bits) never stored in clear:
//
//   MK ── wrapped by a key from the unlock password/PIN (PBKDF2, key-derivation.ts)   "bySecret"
//      ── wrapped by a random recovery secret the sync server keeps for the user      "byRecovery"
//      ── or, before any lock is set (no sign-in yet), kept as it is                  "open"
//   each wrapping also sealed by the OS key store where there is one (Electron's safeStorage through main),
//   so a copied disk without the user's Windows/macOS/Linux account opens nothing even with the password.
//
//   data keys (AES-256) ── wrapped by MK; one is current, older ones stay until nothing uses them (rotation).
//
// It lives in its own IndexedDB database, apart from the data: a backup never carries it, a restore never
// replaces it, and the lock screen reads it before the data is opened. A wipe deletes the database.
import Dexie, { type Table } from 'dexie';
import { EnvelopeError, fromBase64Url, importAesKey, open, randomBytes, seal, toBase64Url } from './crypto-envelope';
import { deriveKey, KDF_ITERATIONS, KDF_NAME, newKdfParams, type KdfParams } from './key-derivation';
import { fieldKeysFrom, type FieldKeys } from './field-cipher';
import { waitAfterFailures } from './unlock-throttle';
import { unlockSecretKind, type UnlockSecretKind } from './unlock-secret-rules';

export const KEYRING_DATABASE_NAME = 'provincedesk-keyring';
const ROW_KEY = 'keyring';
const AAD_MK_SECRET = 'provincedesk/master-key/unlock-secret';
const AAD_MK_RECOVERY = 'provincedesk/master-key/recovery';
const AAD_DATA_KEY = 'provincedesk/data-key';
const AAD_PENDING_RECOVERY = 'provincedesk/recovery-secret/pending';
const AAD_OFFICE_BACKUP_KEY = 'provincedesk/office-backup-key';

/** The OS key store as main offers it (safeStorage); the browser shell has none (`bound: false`, identity). */
export interface SecretSealer {
  readonly bound: boolean;
  seal(text: string): Promise<string>;
  open(text: string): Promise<string>;
}

export const UNBOUND_SEALER: SecretSealer = { bound: false, seal: async (t) => t, open: async (t) => t };

interface StoredDataKey {
  id: string;
  /** base64url envelope of the raw key under MK */
  wrapped: string;
  createdAt: string;
}

export interface StoredKeyring {
  key: typeof ROW_KEY;
  format: 1;
  /** Each an OS-sealed string (plain base64url when unbound). */
  masterKey: { open: string | null; bySecret: string | null; byRecovery: string | null };
  lock: { kind: UnlockSecretKind; kdf: KdfParams; setAt: string } | null;
  /**
   * The recovery secret's id at the sync server, whether the server has confirmed it keeps it, and until then
   * the secret itself sealed by the master key (so it can be sent once the server is reached).
   */
  recovery: { keyId: string; escrowed: boolean; pending: string | null } | null;
  dataKeys: StoredDataKey[];
  currentDataKeyId: string;
  /** Wrong unlock tries in a row, and the time (epoch ms) before which no try is taken. */
  attempts: { failures: number; retryAfter: number | null };
  /** Whether the OS key store seals the wrapped master key. */
  bound: boolean;
  /** The office's backup passphrase (Settings), sealed by the master key; absent when none is set. */
  officeBackupKey?: string | null;
}

class KeyringDatabase extends Dexie {
  keyring!: Table<StoredKeyring, string>;
  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ keyring: 'key' });
  }
}

/** The keys of an unlocked device, in memory only (dropped when the app locks). */
export interface UnlockedKeys {
  masterKey: CryptoKey;
  dataKeys: ReadonlyMap<string, CryptoKey>;
  currentDataKeyId: string;
  /** The same data keys as raw bytes, and the search key, for encryption at rest of personal fields (renderer/db/at-rest). */
  atRest: FieldKeys;
}

export type UnlockOutcome =
  | { ok: true; keys: UnlockedKeys }
  | { ok: false; reason: 'wrong'; failures: number; retryAfterMs: number }
  | { ok: false; reason: 'wait'; failures: number; retryAfterMs: number };

/** What `setLock` hands back: the recovery secret for the sync server to keep (escrow). */
export interface RecoveryEscrow {
  keyId: string;
  secret: string;
}

export class KeyringError extends Error {
  constructor(
    readonly code: 'no-lock' | 'locked-store' | 'damaged' | 'wrong-recovery',
    message: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

export interface KeyringOptions {
  name?: string;
  sealer?: SecretSealer;
  indexedDB?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
  now?: () => number;
}

export class Keyring {
  private constructor(
    private readonly db: KeyringDatabase,
    private readonly sealer: SecretSealer,
    private readonly now: () => number,
    private row: StoredKeyring,
  ) {}

  /** Opens the device's keyring, creating it (an open master key and a first data key) on first start. */
  static async load(options: KeyringOptions = {}): Promise<Keyring> {
    const db = new KeyringDatabase(options.name ?? KEYRING_DATABASE_NAME, options.indexedDB);
    const sealer = options.sealer ?? UNBOUND_SEALER;
    const now = options.now ?? Date.now;
    // Every start but the first finds it: one read, no read-write transaction (its commit waits on the disk).
    const stored = await db.keyring.get(ROW_KEY);
    if (stored) return new Keyring(db, sealer, now, stored);
    // Made before the transaction (WebCrypto would let it commit early); kept only if there is none yet.
    const candidate = await newKeyring(sealer, now);
    const row = await db.transaction('rw', db.keyring, async () => {
      const found = await db.keyring.get(ROW_KEY);
      if (found) return found;
      await db.keyring.put(candidate);
      return candidate;
    });
    return new Keyring(db, sealer, now, row);
  }

  /** Deletes the keyring: everything sealed with it becomes unreadable (remote wipe). */
  static async destroy(options: Pick<KeyringOptions, 'name' | 'indexedDB'> = {}): Promise<void> {
    await new KeyringDatabase(options.name ?? KEYRING_DATABASE_NAME, options.indexedDB).delete();
  }

  get lockSet(): boolean {
    return this.row.lock !== null;
  }

  get lockKind(): UnlockSecretKind | null {
    return this.row.lock?.kind ?? null;
  }

  get bound(): boolean {
    return this.row.bound;
  }

  get recovery(): Readonly<StoredKeyring['recovery']> {
    return this.row.recovery;
  }

  get failures(): number {
    return this.row.attempts.failures;
  }

  /** Milliseconds before the next unlock try is taken (0: now). */
  waitMs(): number {
    const until = this.row.attempts.retryAfter;
    return until === null ? 0 : Math.max(0, until - this.now());
  }

  /** The keys of a device on which no lock is set yet (before the first sign-in). */
  async openWithoutLock(): Promise<UnlockedKeys> {
    const open = this.row.masterKey.open;
    if (this.row.lock !== null || open === null) throw new KeyringError('no-lock', 'a lock is set: unlock with the password');
    return this.keysFrom(fromBase64Url(await this.unseal(open)));
  }

  /** Tries the unlock password or PIN; wrong tries are counted and slow down (unlock-throttle.ts). */
  async unlock(secret: string): Promise<UnlockOutcome> {
    const lock = this.row.lock;
    const wrapped = this.row.masterKey.bySecret;
    if (lock === null || wrapped === null) throw new KeyringError('no-lock', 'no unlock password is set on this device');
    const wait = this.waitMs();
    if (wait > 0) return { ok: false, reason: 'wait', failures: this.row.attempts.failures, retryAfterMs: wait };
    const kek = await deriveKey(secret, fromBase64Url(lock.kdf.salt), lock.kdf.iterations);
    let raw: Uint8Array;
    try {
      raw = await open(kek, fromBase64Url(await this.unseal(wrapped)), AAD_MK_SECRET);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      const failures = this.row.attempts.failures + 1;
      const retryAfterMs = waitAfterFailures(failures);
      await this.save({ attempts: { failures, retryAfter: retryAfterMs > 0 ? this.now() + retryAfterMs : null } });
      return { ok: false, reason: 'wrong', failures, retryAfterMs };
    }
    if (this.row.attempts.failures > 0 || this.row.attempts.retryAfter !== null) await this.save({ attempts: { failures: 0, retryAfter: null } });
    return { ok: true, keys: await this.keysFrom(raw) };
  }

  /**
   * Sets (or changes) the unlock password or PIN for unlocked `keys`: the master key is wrapped by a key from it,
   * and by a new random recovery secret that the caller hands to the sync server. The open copy goes.
   */
  async setLock(keys: UnlockedKeys, secret: string): Promise<RecoveryEscrow> {
    const raw = await this.exportMasterKey(keys);
    const { params, salt } = newKdfParams(KDF_ITERATIONS);
    const kek = await deriveKey(secret, salt, params.iterations);
    const recoverySecret = randomBytes(32);
    const keyId = toBase64Url(randomBytes(16));
    const bySecret = await this.sealForStore(await seal(kek, raw, AAD_MK_SECRET));
    const byRecovery = await this.sealForStore(await seal(await importAesKey(recoverySecret), raw, AAD_MK_RECOVERY));
    await this.save({
      masterKey: { open: null, bySecret, byRecovery },
      lock: { kind: unlockSecretKind(secret), kdf: { name: KDF_NAME, iterations: params.iterations, salt: toBase64Url(salt) }, setAt: new Date(this.now()).toISOString() },
      recovery: { keyId, escrowed: false, pending: toBase64Url(await seal(keys.masterKey, recoverySecret, AAD_PENDING_RECOVERY)) },
      attempts: { failures: 0, retryAfter: null },
    });
    return { keyId, secret: toBase64Url(recoverySecret) };
  }

  /** The recovery secret not yet confirmed by the sync server, to send (again). */
  async pendingEscrow(keys: UnlockedKeys): Promise<RecoveryEscrow | null> {
    const recovery = this.row.recovery;
    if (!recovery || recovery.escrowed || recovery.pending === null) return null;
    return { keyId: recovery.keyId, secret: toBase64Url(await open(keys.masterKey, fromBase64Url(recovery.pending), AAD_PENDING_RECOVERY)) };
  }

  /** The sync server confirmed it keeps the recovery secret: the device's own copy goes. */
  async markEscrowed(keyId: string): Promise<void> {
    if (this.row.recovery?.keyId === keyId) await this.save({ recovery: { keyId, escrowed: true, pending: null } });
  }

  /** A forgotten unlock password: the recovery secret from the sync server opens the master key (then set a new lock). */
  async recover(recoverySecret: string): Promise<UnlockedKeys> {
    const wrapped = this.row.masterKey.byRecovery;
    if (wrapped === null) throw new KeyringError('no-lock', 'this device has no recovery key');
    try {
      const raw = await open(await importAesKey(fromBase64Url(recoverySecret)), fromBase64Url(await this.unseal(wrapped)), AAD_MK_RECOVERY);
      await this.save({ attempts: { failures: 0, retryAfter: null } });
      return await this.keysFrom(raw);
    } catch (error) {
      if (error instanceof EnvelopeError) throw new KeyringError('wrong-recovery', 'the recovery secret does not open this device’s key');
      throw error;
    }
  }

  /**
   * Key rotation: a new data key becomes current; the old ones stay, so what they sealed still opens, until
   * `retireDataKey` once nothing uses them any more.
   */
  async rotateDataKey(keys: UnlockedKeys): Promise<UnlockedKeys> {
    const raw = randomBytes(32);
    const stored: StoredDataKey = { id: toBase64Url(randomBytes(9)), wrapped: toBase64Url(await seal(keys.masterKey, raw, AAD_DATA_KEY)), createdAt: new Date(this.now()).toISOString() };
    await this.save({ dataKeys: [...this.row.dataKeys, stored], currentDataKeyId: stored.id });
    const dataKeys = new Map(keys.dataKeys);
    dataKeys.set(stored.id, await importAesKey(raw));
    const rawKeys = new Map(keys.atRest.keys);
    rawKeys.set(stored.id, raw);
    return { ...keys, dataKeys, currentDataKeyId: stored.id, atRest: { ...keys.atRest, keys: rawKeys, currentKeyId: stored.id } };
  }

  async retireDataKey(keys: UnlockedKeys, id: string): Promise<UnlockedKeys> {
    if (id === this.row.currentDataKeyId) throw new RangeError('the current data key cannot be retired');
    await this.save({ dataKeys: this.row.dataKeys.filter((k) => k.id !== id) });
    const dataKeys = new Map(keys.dataKeys);
    dataKeys.delete(id);
    const rawKeys = new Map(keys.atRest.keys);
    rawKeys.delete(id);
    return { ...keys, dataKeys, atRest: { ...keys.atRest, keys: rawKeys } };
  }

  get hasOfficeBackupKey(): boolean {
    return typeof this.row.officeBackupKey === 'string';
  }

  /** The office's backup passphrase (set in Settings), kept sealed by the master key; null clears it. */
  async setOfficeBackupKey(keys: UnlockedKeys, passphrase: string | null): Promise<void> {
    await this.save({ officeBackupKey: passphrase === null ? null : toBase64Url(await seal(keys.masterKey, new TextEncoder().encode(passphrase), AAD_OFFICE_BACKUP_KEY)) });
  }

  async officeBackupKey(keys: UnlockedKeys): Promise<string | null> {
    const sealed = this.row.officeBackupKey;
    if (typeof sealed !== 'string') return null;
    return new TextDecoder().decode(await open(keys.masterKey, fromBase64Url(sealed), AAD_OFFICE_BACKUP_KEY));
  }

  close(): void {
    this.db.close();
  }

  // The master key must be re-wrapped when the lock is set or changed, so it is kept extractable in memory only.
  private async exportMasterKey(keys: UnlockedKeys): Promise<Uint8Array> {
    return new Uint8Array(await crypto.subtle.exportKey('raw', keys.masterKey));
  }

  private async keysFrom(rawMasterKey: Uint8Array): Promise<UnlockedKeys> {
    const masterKey = await crypto.subtle.importKey('raw', rawMasterKey as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
    const dataKeys = new Map<string, CryptoKey>();
    const rawDataKeys = new Map<string, Uint8Array>();
    for (const stored of this.row.dataKeys) {
      try {
        const raw = await open(masterKey, fromBase64Url(stored.wrapped), AAD_DATA_KEY);
        rawDataKeys.set(stored.id, raw);
        dataKeys.set(stored.id, await importAesKey(raw));
      } catch (error) {
        if (error instanceof EnvelopeError) throw new KeyringError('damaged', `data key ${stored.id} does not open with the master key`);
        throw error;
      }
    }
    return { masterKey, dataKeys, currentDataKeyId: this.row.currentDataKeyId, atRest: fieldKeysFrom(rawDataKeys, this.row.currentDataKeyId, rawMasterKey) };
  }

  private async sealForStore(bytes: Uint8Array): Promise<string> {
    return this.row.bound ? this.sealer.seal(toBase64Url(bytes)) : toBase64Url(bytes);
  }

  private async unseal(stored: string): Promise<string> {
    if (this.row.bound && !this.sealer.bound) throw new KeyringError('locked-store', "the computer's key store is not available");
    return this.row.bound ? this.sealer.open(stored) : stored;
  }

  private async save(patch: Partial<StoredKeyring>): Promise<void> {
    const next = { ...this.row, ...patch };
    await this.db.keyring.put(next);
    this.row = next;
  }
}

async function newKeyring(sealer: SecretSealer, now: () => number): Promise<StoredKeyring> {
  const masterKey = await crypto.subtle.importKey('raw', randomBytes(32), { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', masterKey));
  const dataKey: StoredDataKey = { id: toBase64Url(randomBytes(9)), wrapped: toBase64Url(await seal(masterKey, randomBytes(32), AAD_DATA_KEY)), createdAt: new Date(now()).toISOString() };
  return {
    key: ROW_KEY,
    format: 1,
    masterKey: { open: sealer.bound ? await sealer.seal(toBase64Url(raw)) : toBase64Url(raw), bySecret: null, byRecovery: null },
    lock: null,
    recovery: null,
    dataKeys: [dataKey],
    currentDataKeyId: dataKey.id,
    attempts: { failures: 0, retryAfter: null },
    bound: sealer.bound,
  };
}
