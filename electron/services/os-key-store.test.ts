import { describe, expect, it } from 'vitest';
import { OsKeyStore } from './os-key-store';
import { AesGcmTestCipher } from './testing/aes-gcm-test-cipher';

describe('the OS key store for the keyring', () => {
  it('seals and opens, never returns the text in clear, and refuses when the OS store is unavailable', () => {
    const cipher = new AesGcmTestCipher();
    const store = new OsKeyStore(cipher);
    expect(store.info()).toEqual({ ok: true, value: { available: true } });
    const sealed = store.seal('wrapped-master-key');
    if (!sealed.ok) throw new Error('should seal');
    expect(Buffer.from(sealed.value, 'base64').toString('latin1')).not.toContain('wrapped-master-key');
    expect(store.open(sealed.value)).toEqual({ ok: true, value: 'wrapped-master-key' });
    // Another account's (or computer's) store cannot open it.
    expect(new OsKeyStore(new AesGcmTestCipher()).open(sealed.value).ok).toBe(false);
    cipher.setAvailable(false);
    expect(store.info()).toEqual({ ok: true, value: { available: false } });
    expect(store.seal('x').ok).toBe(false);
    expect(store.open(sealed.value).ok).toBe(false);
  });
});
