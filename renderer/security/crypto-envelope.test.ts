import { describe, expect, it } from 'vitest';
import { EnvelopeError, fromBase64Url, importAesKey, open, openText, randomBytes, seal, sealText, toBase64Url } from './crypto-envelope';
import { deriveKey, KDF_ITERATIONS } from './key-derivation';

describe('the AES-GCM envelope', () => {
  it('opens what it sealed, with a new IV every time, and only for the same purpose', async () => {
    const key = await importAesKey(randomBytes(32));
    const a = await sealText(key, '3-1012-00001-23-4', 'members/nationalId');
    const b = await sealText(key, '3-1012-00001-23-4', 'members/nationalId');
    expect(a).not.toBe(b);
    expect(a).not.toContain('3-1012');
    expect(await openText(key, a, 'members/nationalId')).toBe('3-1012-00001-23-4');
    await expect(openText(key, a, 'members/phone')).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('refuses a wrong key and a changed byte (tampered ciphertext, IV or tag)', async () => {
    const key = await importAesKey(randomBytes(32));
    const other = await importAesKey(randomBytes(32));
    const sealed = await seal(key, new TextEncoder().encode('0812345678'), 'x');
    await expect(open(other, sealed, 'x')).rejects.toBeInstanceOf(EnvelopeError);
    for (const index of [1, 13, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[index]! ^= 0x01;
      await expect(open(key, tampered, 'x')).rejects.toBeInstanceOf(EnvelopeError);
    }
    await expect(open(key, sealed.slice(0, 20), 'x')).rejects.toBeInstanceOf(EnvelopeError);
    await expect(openText(key, 'not*base64', 'x')).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('derives the same key from the same password and salt (NFC), another from a wrong password', async () => {
    const salt = randomBytes(16);
    const sealed = await seal(await deriveKey('รหัสผ่านน้ำ', salt, KDF_ITERATIONS), new Uint8Array([1, 2, 3]), 'k');
    // "น้ำ" typed as nikhahit + sara aa is not NFC-equal, but the same text in another normal form is.
    expect(await open(await deriveKey('รหัสผ่านน้ำ'.normalize('NFD'), salt, KDF_ITERATIONS), sealed, 'k')).toEqual(new Uint8Array([1, 2, 3]));
    await expect(open(await deriveKey('รหัสผ่านผิด', salt, KDF_ITERATIONS), sealed, 'k')).rejects.toBeInstanceOf(EnvelopeError);
    await expect(deriveKey('x', salt, 1000)).rejects.toThrow(/too few/);
  });

  it('base64url round-trips any bytes', () => {
    const bytes = new Uint8Array([...randomBytes(60_000), ...randomBytes(60_000)]);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });
});
