import { describe, expect, it } from 'vitest';
import { monthWeeks } from './month-grid';

describe('monthWeeks', () => {
  it('lays out August 2565 as the office website does', () => {
    // « สิงหาคม 2565 »: the 1st is a Monday; 28 29 30 31 close the last week.
    const weeks = monthWeeks(2022, 7);
    expect(weeks[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(weeks[3]).toEqual([21, 22, 23, 24, 25, 26, 27]);
    expect(weeks[4]).toEqual([28, 29, 30, 31, null, null, null]);
  });

  it('handles a leap February starting on Sunday', () => {
    const weeks = monthWeeks(2032, 1);
    expect(weeks[0]![0]).toBe(1);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(29);
  });
});
