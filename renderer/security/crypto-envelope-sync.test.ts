import { describe, expect, it } from 'vitest';
import { EnvelopeError, importAesKey, open, randomBytes, seal } from './crypto-envelope';
import { openSync, sealSync } from './crypto-envelope-sync';

describe('the synchronous envelope (noble AES-GCM)', () => {
  it('is the same standard AES-GCM envelope as WebCrypto’s, both ways', async () => {
    const raw = randomBytes(32);
    const key = await importAesKey(raw);
    const plain = new TextEncoder().encode('3570001234567 นางสาวบุษบา');
    expect(new TextDecoder().decode(await open(key, sealSync(raw, plain, 'provincedesk/field/members/r1/nationalId'), 'provincedesk/field/members/r1/nationalId'))).toBe('3570001234567 นางสาวบุษบา');
    expect(new TextDecoder().decode(openSync(raw, await seal(key, plain, 'a/b'), 'a/b'))).toBe('3570001234567 นางสาวบุษบา');
  });

  it('refuses changed bytes, another purpose and another key', () => {
    const raw = randomBytes(32);
    const sealed = sealSync(raw, new Uint8Array([1, 2, 3]), 'x');
    const tampered = sealed.slice();
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openSync(raw, tampered, 'x')).toThrow(EnvelopeError);
    expect(() => openSync(raw, sealed, 'y')).toThrow(EnvelopeError);
    expect(() => openSync(randomBytes(32), sealed, 'x')).toThrow(EnvelopeError);
  });
});
