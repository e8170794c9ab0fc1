import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CIPHER_UNAVAILABLE_MESSAGE, CredentialsStore, safeStorageCipher, type SafeStorageLike, type SecretCipher } from './credentials-store';
import { AesGcmTestCipher } from './testing/aes-gcm-test-cipher';

const TEST_KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 9);
const TOKEN = 'pd1.dev_0192f3c4-7b1e-7cc0-9d2a-5e6f7a8b9c0d.Zm9vYmFyYmF6';
const silent = { warn: () => undefined };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'provincedesk-credentials-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(cipher: SecretCipher = new AesGcmTestCipher(TEST_KEY)): CredentialsStore {
  return new CredentialsStore({ directory: dir, cipher, logger: silent });
}

describe('CredentialsStore', () => {
  it('has no token at first', async () => {
    expect(await store().getServerToken()).toEqual({ ok: true, value: null });
  });

  it('stores the token encrypted and reads it back in a new store', async () => {
    const first = store();
    expect(await first.setServerToken(TOKEN)).toEqual({ ok: true, value: undefined });
    expect(await first.getServerToken()).toEqual({ ok: true, value: TOKEN });
    const raw = await readFile(first.filePath);
    expect(raw.includes(TOKEN)).toBe(false);
    expect(raw.toString('latin1')).not.toContain('serverToken');
    expect(await store().getServerToken()).toEqual({ ok: true, value: TOKEN });
  });

  (process.platform === 'win32' ? it.skip : it)('keeps the file readable by its owner only (0o600)', async () => {
    const s = store();
    await s.setServerToken(TOKEN);
    expect((await stat(s.filePath)).mode & 0o777).toBe(0o600);
  });

  it('refuses to store anything when the cipher is unavailable, with a message for the UI', async () => {
    const s = store(new AesGcmTestCipher(TEST_KEY, false));
    const result = await s.setServerToken(TOKEN);
    expect(result).toEqual({ ok: false, error: { code: 'io', message: CIPHER_UNAVAILABLE_MESSAGE } });
    expect(result.ok || result.error.message).toMatch(/[ก-๙]/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a cipher that hands the token back in clear', async () => {
    const plainText: SecretCipher = {
      isAvailable: () => true,
      encrypt: (plain) => Buffer.from(plain),
      decrypt: (data) => data.toString(),
    };
    const result = await store(plainText).setServerToken(TOKEN);
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the file, and says so, when the keyring is locked at the moment', async () => {
    const cipher = new AesGcmTestCipher(TEST_KEY);
    await store(cipher).setServerToken(TOKEN);
    cipher.setAvailable(false);
    const locked = store(cipher);
    expect(await locked.getServerToken()).toEqual({ ok: false, error: { code: 'io', message: CIPHER_UNAVAILABLE_MESSAGE } });
    cipher.setAvailable(true);
    expect(await locked.getServerToken()).toEqual({ ok: true, value: TOKEN });
  });

  it('asks to sign in again when the file was encrypted with another key or damaged, without deleting it', async () => {
    const s = store();
    await s.setServerToken(TOKEN);
    const other = store(new AesGcmTestCipher(OTHER_KEY));
    const result = await other.getServerToken();
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toContain('sign in again');
    await writeFile(s.filePath, Buffer.from('PDC1garbage'));
    expect(await store().getServerToken()).toMatchObject({ ok: false, error: { code: 'io' } });
    await writeFile(s.filePath, Buffer.from('{"serverToken":"plain"}'));
    expect(await store().getServerToken()).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await readdir(dir)).toEqual(['credentials.bin']);
    // Signing in again replaces it.
    expect((await other.setServerToken('new-token')).ok).toBe(true);
    expect(await store(new AesGcmTestCipher(OTHER_KEY)).getServerToken()).toEqual({ ok: true, value: 'new-token' });
  });

  it.each(['', 'has space', 'line\nbreak', 'ไทย', 'x'.repeat(4097)])('refuses an invalid token %j', async (token) => {
    expect(await store().setServerToken(token)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('forgets the token on clear', async () => {
    const s = store();
    await s.setServerToken(TOKEN);
    expect((await s.clearServerToken()).ok).toBe(true);
    expect(await s.getServerToken()).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
    expect((await s.clearServerToken()).ok).toBe(true); // idempotent
  });

  it('serialises concurrent writes: the last one wins on disk and in memory', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 10 }, (_, i) => s.setServerToken(`token-${i}`)));
    expect(await s.getServerToken()).toEqual({ ok: true, value: 'token-9' });
    expect(await store().getServerToken()).toEqual({ ok: true, value: 'token-9' });
    expect(await readdir(dir)).toEqual(['credentials.bin']);
  });
});

describe('safeStorageCipher', () => {
  // A stand-in for Electron's safeStorage object, which cannot be loaded without the binary.
  function safeStorage(available: boolean, backend?: string): SafeStorageLike {
    const aes = new AesGcmTestCipher(TEST_KEY);
    return {
      isEncryptionAvailable: () => available,
      encryptString: (plain) => aes.encrypt(plain),
      decryptString: (data) => aes.decrypt(data),
      ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    };
  }

  it('is available on Windows and macOS when safeStorage is', () => {
    expect(safeStorageCipher(safeStorage(true), 'win32').isAvailable()).toBe(true);
    expect(safeStorageCipher(safeStorage(true), 'darwin').isAvailable()).toBe(true);
    expect(safeStorageCipher(safeStorage(false), 'win32').isAvailable()).toBe(false);
  });

  it('on Linux, needs a real keyring: basic_text (a hard-coded password) and unknown do not count', () => {
    expect(safeStorageCipher(safeStorage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(safeStorageCipher(safeStorage(true, 'kwallet6'), 'linux').isAvailable()).toBe(true);
    expect(safeStorageCipher(safeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
    expect(safeStorageCipher(safeStorage(true, 'unknown'), 'linux').isAvailable()).toBe(false);
    expect(safeStorageCipher(safeStorage(true), 'linux').isAvailable()).toBe(false);
  });

  it('encrypts and decrypts through safeStorage', () => {
    const cipher = safeStorageCipher(safeStorage(true, 'gnome_libsecret'), 'linux');
    expect(cipher.decrypt(cipher.encrypt(TOKEN))).toBe(TOKEN);
  });
});
