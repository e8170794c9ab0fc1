import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url } from './crypto-envelope';
import { digitsQueryTokens, fieldKeysFrom, isSealedValue, nationalIdQueryToken, nationalIdTokens, openField, phoneTokens, sealField } from './field-cipher';

const keysOf = (id = 'k1') => fieldKeysFrom(new Map([[id, randomBytes(32)]]), id, randomBytes(32));

describe('the field cipher (encryption at rest, issue 14)', () => {
  it('seals a value bound to its store, row and field; a value in clear passes through', () => {
    const keys = keysOf();
    const sealed = sealField(keys, 'members', 'r1', 'nationalId', '3570001234567');
    expect(isSealedValue(sealed)).toBe(true);
    expect(sealed).not.toContain('3570001234567');
    expect(openField(keys, 'members', 'r1', 'nationalId', sealed)).toBe('3570001234567');
    expect(() => openField(keys, 'members', 'r2', 'nationalId', sealed)).toThrow();
    expect(() => openField(keys, 'members', 'r1', 'phone', sealed)).toThrow();
    expect(openField(keys, 'members', 'r1', 'phone', '0812345678')).toBe('0812345678');
    // Structured values (a partner's contacts) too.
    const contacts = [{ name: 'นางบุษบา', position: 'ประธาน', phone: '0891234501', email: 'b@example.co.th' }];
    expect(openField(keys, 'partners', 'p1', 'contacts', sealField(keys, 'partners', 'p1', 'contacts', contacts))).toEqual(contacts);
  });

  it('a tampered envelope or another device’s key does not open; a rotated-out key still opens what it sealed', () => {
    const keys = keysOf();
    const sealed = sealField(keys, 'members', 'r1', 'phone', '0812345678');
    // One character of the tag changed (to another one: the test once "tampered" an 'A' into an 'A').
    const tampered = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => openField(keys, 'members', 'r1', 'phone', tampered)).toThrow();
    expect(() => openField(keysOf(), 'members', 'r1', 'phone', sealed)).toThrow();
    const rotated = { ...keys, keys: new Map([...keys.keys, ['k2', randomBytes(32)]]), currentKeyId: 'k2' };
    expect(openField(rotated, 'members', 'r1', 'phone', sealed)).toBe('0812345678');
    expect(sealField(rotated, 'members', 'r1', 'phone', '0812345678').startsWith('pd1.k2.')).toBe(true);
  });

  it('finds an ID by its whole number or last four digits, a phone by its last four or a beginning of six or more, with keyed tokens', () => {
    const { searchKey } = keysOf();
    const idTokens = nationalIdTokens(searchKey, '3-5700-01234-56-7');
    expect(idTokens).toHaveLength(2);
    expect(idTokens.join()).not.toContain('4567');
    expect(idTokens).toContain(nationalIdQueryToken(searchKey, '3570001234567'));
    expect(digitsQueryTokens(searchKey, '4567').some((t) => idTokens.includes(t))).toBe(true);
    expect(digitsQueryTokens(searchKey, '45')).toEqual([]);
    const tel = phoneTokens(searchKey, '081-234-5678');
    for (const typed of ['5678', '081234', '0812345', '0812345678']) expect(digitsQueryTokens(searchKey, typed).some((t) => tel.includes(t))).toBe(true);
    // A fragment in the middle, or too short a beginning, is not indexed.
    for (const typed of ['1234', '08123']) expect(digitsQueryTokens(searchKey, typed).some((t) => tel.includes(t))).toBe(false);
    // An ID's last four do not find a phone ending in the same four, and the other way round.
    expect(phoneTokens(searchKey, '0811114567').some((t) => idTokens.includes(t))).toBe(false);
    // Another device's key gives other tokens: a copied index says nothing without the key.
    expect(nationalIdTokens(keysOf().searchKey, '3570001234567')).not.toEqual(idTokens);
  });

  it('keeps its tokens: HMAC-SHA-256 of the labelled digits, 16 bytes, whatever the number of tokens made before (indexes on devices hold them)', () => {
    const keys = keysOf();
    const expected = (text: string) => `#${toBase64Url(hmac(sha256, keys.searchKey, new TextEncoder().encode(text)).subarray(0, 16))}`;
    for (let i = 0; i < 3; i++) {
      expect(nationalIdTokens(keys.searchKey, '3570001234567')).toEqual([expected('id:3570001234567'), expected('id4:4567')]);
      expect(phoneTokens(keys.searchKey, '081-234-5678')[0]).toBe(expected('tel4:5678'));
    }
  });
});
