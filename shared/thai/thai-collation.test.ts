import { describe, it, expect } from 'vitest';
import { compareThai, comparePersonNames, sortByThai, thaiCollator } from './thai-collation';

describe('compareThai', () => {
  it('files a word with a leading vowel under its consonant, unlike code-point order', () => {
    const words = ['ขวด', 'ไก่', 'เก', 'กา'];
    const sorted = [...words].sort(compareThai);
    expect([...words].sort()).not.toEqual(sorted);
    // Every ก word comes before the ข word, whatever vowel is written first.
    expect(sorted.at(-1)).toBe('ขวด');
    expect(compareThai('เก', 'ขวด')).toBeLessThan(0);
  });

  it('is the shared Thai collator', () => {
    expect(thaiCollator.resolvedOptions().locale).toMatch(/^th/);
    expect(compareThai('กา', 'เก')).toBe(thaiCollator.compare('กา', 'เก'));
  });

  it('treats equal and empty strings sensibly', () => {
    expect(compareThai('สมชาย', 'สมชาย')).toBe(0);
    expect(compareThai('', 'ก')).toBeLessThan(0);
    expect(compareThai('', '')).toBe(0);
  });
});

describe('comparePersonNames', () => {
  const somchaiB = { firstName: 'สมชาย', lastName: 'บุญมา' };
  const somchaiK = { firstName: 'สมชาย', lastName: 'กิตติ' };
  const kanya = { firstName: 'กันยา', lastName: 'อินทร์' };

  it('orders by first name before last name', () => {
    expect(comparePersonNames(kanya, somchaiK)).toBeLessThan(0);
    expect(comparePersonNames(somchaiK, somchaiB)).toBeLessThan(0);
    expect(comparePersonNames(somchaiB, somchaiK)).toBeGreaterThan(0);
    expect([somchaiB, kanya, somchaiK].sort(comparePersonNames)).toEqual([kanya, somchaiK, somchaiB]);
  });

  it('gives 0 for the same name', () => {
    expect(comparePersonNames(somchaiB, { ...somchaiB })).toBe(0);
  });
});

describe('sortByThai', () => {
  const places = [
    { code: '3', name: 'ขอนแก่น' },
    { code: '1', name: 'เชียงราย' },
    { code: '2', name: 'กระบี่' },
  ];

  it('sorts a copy by a property or a function', () => {
    const expected = places.map((p) => p.name).sort(compareThai);
    expect(sortByThai(places, 'name').map((p) => p.name)).toEqual(expected);
    expect(sortByThai(places, (p) => p.name).map((p) => p.name)).toEqual(expected);
    expect(places.map((p) => p.code)).toEqual(['3', '1', '2']);
  });

  it('keeps the input order of equal keys', () => {
    const twins = [
      { id: 1, name: 'ก' },
      { id: 2, name: 'ก' },
      { id: 3, name: 'ก' },
    ];
    expect(sortByThai(twins, 'name').map((t) => t.id)).toEqual([1, 2, 3]);
  });

  it('accepts an empty list', () => {
    expect(sortByThai([] as { name: string }[], 'name')).toEqual([]);
  });
});
