import { describe, expect, it } from 'vitest';
import { UUID_REGEX, uuidv7 } from './uuid-v7';

describe('uuidv7', () => {
  it('is a version-7 RFC 4122 id', () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_REGEX);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by creation time', () => {
    const ids = [3_000, 1_000, 2_000].map((t) => uuidv7(1_700_000_000_000 + t));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(0)));
    expect(ids.size).toBe(1000);
  });
});
