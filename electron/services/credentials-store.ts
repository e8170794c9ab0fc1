import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type DeskResult } from '../../shared/ipc';
import { writeFileAtomic } from './file-service';

/**
 * The device's server token, kept only in main and only encrypted by the OS (safeStorage:
 * Keychain, DPAPI, libsecret/KWallet), in a file readable by the user alone (electron/fiddle
 * does the same). The renderer never sees the token: sync requests go through main.
 */

/** What main fills with Electron's safeStorage; tests use a real AES-GCM implementation. */
export interface SecretCipher {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** The parts of Electron's `safeStorage` used here, structurally (no electron import). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * safeStorage as a SecretCipher. On Linux without a keyring, safeStorage still says
 * "available" but encrypts with a password hard-coded in Chromium ('basic_text'), which is
 * plain text in all but name; treat that (and 'unknown', before app ready) as unavailable.
 * https://www.electronjs.org/docs/latest/api/safe-storage#safestoragegetselectedstoragebackend-linux
 */
export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}

export const CIPHER_UNAVAILABLE_MESSAGE =
  'ระบบเก็บรหัสลับของเครื่องยังไม่พร้อม จึงไม่ได้บันทึกการเข้าสู่ระบบไว้ — ' +
  "The computer's secure storage is not available (on Linux a keyring such as GNOME Keyring or KWallet is needed), so the sign-in was not saved.";

export const UNREADABLE_TOKEN_MESSAGE =
  'อ่านข้อมูลการเข้าสู่ระบบที่บันทึกไว้ไม่ได้ กรุณาเข้าสู่ระบบใหม่ — The saved sign-in could not be read; please sign in again.';

const FILE_MAGIC = Buffer.from('PDC1'); // ProvinceDesk credentials, format 1
// A bearer token is visible ASCII: this also keeps CR/LF out of the Authorization header.
const TOKEN_PATTERN = /^[\x21-\x7e]{1,4096}$/;

export interface CredentialsStoreOptions {
  directory: string;
  cipher: SecretCipher;
  fileName?: string;
  logger?: { warn(message: string, error?: unknown): void };
}

export class CredentialsStore {
  readonly filePath: string;
  readonly #directory: string;
  readonly #cipher: SecretCipher;
  readonly #logger: { warn(message: string, error?: unknown): void };
  /** undefined: not read yet. Decrypted once; main is the only process that holds it. */
  #token: string | null | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: CredentialsStoreOptions) {
    this.#directory = options.directory;
    this.#cipher = options.cipher;
    this.filePath = path.join(options.directory, options.fileName ?? 'credentials.bin');
    this.#logger = options.logger ?? console;
  }

  /** The token, null when none is saved, or an error the UI can show. */
  getServerToken(): Promise<DeskResult<string | null>> {
    return this.#serialised(async () => {
      if (this.#token !== undefined) return ok(this.#token);
      let data: Buffer;
      try {
        data = await readFile(this.filePath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          this.#token = null;
          return ok(null);
        }
        this.#logger.warn(`credentials: could not read ${this.filePath}`, error);
        return fail('io', UNREADABLE_TOKEN_MESSAGE);
      }
      // A locked keyring now does not mean the file is bad: keep it and say so.
      if (!this.#cipher.isAvailable()) return fail('io', CIPHER_UNAVAILABLE_MESSAGE);
      const token = this.#decode(data);
      if (token === null) return fail('io', UNREADABLE_TOKEN_MESSAGE);
      this.#token = token;
      return ok(token);
    });
  }

  setServerToken(token: string): Promise<DeskResult<void>> {
    return this.#serialised(async () => {
      if (!TOKEN_PATTERN.test(token)) return fail('invalid-argument', 'โทเค็นไม่ถูกต้อง — The server token is not valid.');
      // Never fall back to plain text: no token saved is better than a readable one.
      if (!this.#cipher.isAvailable()) return fail('io', CIPHER_UNAVAILABLE_MESSAGE);
      const plain = JSON.stringify({ serverToken: token });
      const encrypted = this.#cipher.encrypt(plain);
      if (encrypted.includes(token)) {
        // e.g. safeStorage.setUsePlainTextEncryption(true) somewhere: refuse, as above.
        this.#logger.warn('credentials: the cipher returned the token in clear; not saved');
        return fail('io', CIPHER_UNAVAILABLE_MESSAGE);
      }
      try {
        await mkdir(this.#directory, { recursive: true });
        await writeFileAtomic(this.filePath, Buffer.concat([FILE_MAGIC, encrypted]), { mode: 0o600 });
      } catch (error) {
        this.#logger.warn(`credentials: could not write ${this.filePath}`, error);
        return fail('io', 'บันทึกการเข้าสู่ระบบไม่ได้ — The sign-in could not be saved on this computer.');
      }
      this.#token = token;
      return ok(undefined);
    });
  }

  /** Sign out, or a revoked device: forget the token on disk and in memory. */
  clearServerToken(): Promise<DeskResult<void>> {
    return this.#serialised(async () => {
      try {
        await rm(this.filePath, { force: true });
      } catch (error) {
        this.#logger.warn(`credentials: could not remove ${this.filePath}`, error);
        return fail('io', 'ลบข้อมูลการเข้าสู่ระบบไม่ได้ — The saved sign-in could not be removed.');
      }
      this.#token = null;
      return ok(undefined);
    });
  }

  #decode(data: Buffer): string | null {
    if (!data.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) {
      this.#logger.warn(`credentials: ${this.filePath} is not a ProvinceDesk credentials file`);
      return null;
    }
    try {
      const parsed = JSON.parse(this.#cipher.decrypt(data.subarray(FILE_MAGIC.length))) as { serverToken?: unknown };
      return typeof parsed.serverToken === 'string' && TOKEN_PATTERN.test(parsed.serverToken) ? parsed.serverToken : null;
    } catch (error) {
      // Another user's or another machine's key (a copied profile), or a damaged file.
      this.#logger.warn(`credentials: could not decrypt ${this.filePath}`, error);
      return null;
    }
  }

  #serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
