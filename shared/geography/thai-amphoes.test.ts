// loadThaiAmphoes in a module of its own (Vitest gives each test file fresh modules), so the first
// call here finds no whole geography loaded yet.
import { describe, expect, it } from 'vitest';
import { rawAmphoeData } from './raw-amphoe-data';
import { loadThaiAmphoes, loadThaiGeography, ThaiGeography } from './thai-geography';

describe('loadThaiAmphoes', () => {
  it('gives every province its amphoe in Thai order, as the whole geography does, and loads once', async () => {
    const places = await loadThaiAmphoes();
    expect(places.provinces).toHaveLength(77);
    expect(places.amphoes).toHaveLength(928);
    expect(places.province('57')?.nameTh).toBe('เชียงราย');
    expect(places.amphoe('5701')?.nameTh).toBe('เมืองเชียงราย');
    expect(await loadThaiAmphoes()).toBe(places);

    const whole = await loadThaiGeography();
    expect(places.amphoesOf('57')).toEqual(whole.amphoesOf('57'));
    expect(whole).not.toBe(places);
    // Once the whole geography is there, it answers (one copy of the data in memory).
    expect(await loadThaiAmphoes()).toBe(whole);
  });

  it('knows how many tambon each amphoe has without the tambon (tambon-counts.ts is current with data/)', async () => {
    const places = new ThaiGeography({ ...rawAmphoeData, subdistricts: [] });
    const whole = await loadThaiGeography();
    for (const amphoe of whole.amphoes) expect(places.tambonCountOf(amphoe.code), amphoe.code).toBe(whole.tambonsOf(amphoe.code).length);
    expect(places.tambonCountOf('5701')).toBeGreaterThan(10);
    expect(places.tambonCountOf('9999')).toBe(0);
  });
});
