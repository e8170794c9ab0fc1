import { describe, expect, it } from 'vitest';
import { randomBytes } from './crypto-envelope';
import { fieldKeysFrom, isSealedValue, nationalIdQueryToken, nationalIdTokens, openField, phoneQueryToken, phoneTokens, sealField } from './field-cipher';

const keysOf = (id = 'k1') => fieldKeysFrom(new Map([[id, randomBytes(32)]]), id);

describe('the field cipher (encryption at rest, issue 14)', () => {
  it('seals a value bound to its table, record and field; a value in clear passes through', async () => {
    const keys = await keysOf();
    const sealed = await sealField(keys, 'members', 'r1', 'nationalId', '3570001234567');
    expect(isSealedValue(sealed)).toBe(true);
    expect(sealed).not.toContain('3570001234567');
    expect(await openField(keys, 'members', 'r1', 'nationalId', sealed)).toBe('3570001234567');
    await expect(openField(keys, 'members', 'r2', 'nationalId', sealed)).rejects.toThrow();
    await expect(openField(keys, 'members', 'r1', 'phone', sealed)).rejects.toThrow();
    expect(await openField(keys, 'members', 'r1', 'phone', '0812345678')).toBe('0812345678');
    // Structured values (a partner's contacts) too.
    const contacts = [{ name: 'นางบุษบา', position: 'ประธาน', phone: '0891234501', email: 'b@example.co.th' }];
    expect(await openField(keys, 'partners', 'p1', 'contacts', await sealField(keys, 'partners', 'p1', 'contacts', contacts))).toEqual(contacts);
  });

  it('a tampered envelope or another device’s key does not open', async () => {
    const keys = await keysOf();
    const sealed = await sealField(keys, 'members', 'r1', 'phone', '0812345678');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    await expect(openField(keys, 'members', 'r1', 'phone', tampered)).rejects.toThrow();
    await expect(openField(await keysOf(), 'members', 'r1', 'phone', sealed)).rejects.toThrow();
  });

  it('finds an ID by its whole number or its last four digits, and a phone by any ending of four or more, with keyed tokens', async () => {
    const { searchKey } = await keysOf();
    const idTokens = await nationalIdTokens(searchKey, '3-5700-01234-56-7');
    expect(idTokens).toHaveLength(2);
    expect(idTokens.join()).not.toContain('4567');
    expect(idTokens).toContain(await nationalIdQueryToken(searchKey, '3570001234567'));
    expect(idTokens).toContain(await nationalIdQueryToken(searchKey, '4567'));
    expect(await nationalIdQueryToken(searchKey, '45')).toBeNull();
    const tel = await phoneTokens(searchKey, '081-234-5678');
    expect(tel).toContain(await phoneQueryToken(searchKey, '5678'));
    expect(tel).toContain(await phoneQueryToken(searchKey, '0812345678'));
    expect(tel).not.toContain(await phoneQueryToken(searchKey, '1234'));
    // Another device's key gives other tokens: a copied index says nothing without the key.
    expect(await nationalIdTokens((await keysOf()).searchKey, '3570001234567')).not.toEqual(idTokens);
  });
});
