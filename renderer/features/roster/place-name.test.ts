import { describe, expect, it } from 'vitest';
import { loadThaiGeography } from '../../../shared/geography/thai-geography';
import { placeName } from './place-name';

describe('placeName', () => {
  it('shows an ellipsis while the geography loads, the names once loaded, the code only when unknown', async () => {
    expect(placeName(null, '570101')).toBe('…');
    const geography = await loadThaiGeography();
    expect(placeName(geography, '570101')).toBe('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย');
    expect(placeName(geography, '579999')).toBe('579999');
  });
});
