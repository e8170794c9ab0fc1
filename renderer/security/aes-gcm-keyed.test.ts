import { gcm } from '@noble/ciphers/aes.js';
import { describe, expect, it } from 'vitest';
import { GcmTagError, KeyedAesGcm, keyedAesGcm } from './aes-gcm-keyed';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

async function webCryptoEncrypt(raw: Uint8Array, iv: Uint8Array, plain: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer> }, key, plain as Uint8Array<ArrayBuffer>));
}

describe('AES-256-GCM with the key prepared once', () => {
  it('gives WebCrypto’s and noble’s bytes for every length around the block edges, with and without additional data', async () => {
    const raw = random(32);
    const cipher = new KeyedAesGcm(raw);
    for (const length of [0, 1, 3, 4, 15, 16, 17, 31, 32, 33, 64, 100, 1000]) {
      for (const aadLength of [0, 5, 16, 45]) {
        const iv = random(12);
        const plain = random(length);
        const aad = random(aadLength);
        const ours = cipher.encrypt(iv, plain, aad);
        expect(ours).toEqual(await webCryptoEncrypt(raw, iv, plain, aad));
        expect(ours).toEqual(gcm(raw, iv, aad).encrypt(plain));
        expect(cipher.decrypt(iv, ours, aad)).toEqual(plain);
      }
    }
  });

  it('reads values whose bytes start anywhere in their buffer (fields are sliced out of envelopes)', () => {
    const raw = random(32);
    const cipher = keyedAesGcm(raw);
    const iv = random(12);
    const framed = new Uint8Array(64);
    framed.set(new TextEncoder().encode('0812345678'), 3);
    const plain = framed.subarray(3, 13);
    const sealed = cipher.encrypt(iv, plain, new Uint8Array(0));
    const shifted = new Uint8Array(sealed.length + 1);
    shifted.set(sealed, 1);
    expect(cipher.decrypt(iv, shifted.subarray(1), new Uint8Array(0))).toEqual(plain);
    expect(keyedAesGcm(raw)).toBe(cipher);
  });

  it('refuses a changed byte, another IV, other additional data and another key', () => {
    const raw = random(32);
    const cipher = new KeyedAesGcm(raw);
    const iv = random(12);
    const aad = new TextEncoder().encode('provincedesk/field/members/r1/phone');
    const sealed = cipher.encrypt(iv, new TextEncoder().encode('"0812345678"'), aad);
    const changed = sealed.slice();
    changed[0]! ^= 1;
    expect(() => cipher.decrypt(iv, changed, aad)).toThrow(GcmTagError);
    expect(() => cipher.decrypt(random(12), sealed, aad)).toThrow(GcmTagError);
    expect(() => cipher.decrypt(iv, sealed, new TextEncoder().encode('provincedesk/field/members/r2/phone'))).toThrow(GcmTagError);
    expect(() => new KeyedAesGcm(random(32)).decrypt(iv, sealed, aad)).toThrow(GcmTagError);
    expect(() => cipher.decrypt(iv, sealed.subarray(0, 10), aad)).toThrow(GcmTagError);
  });
});
