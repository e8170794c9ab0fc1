import { describe, expect, it } from 'vitest';
import { visibleRange } from './visible-range';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d);

describe('visibleRange', () => {
  it('covers whole Sunday-first weeks around a month', () => {
    // August 2565 starts on a Monday and ends on a Wednesday.
    expect(visibleRange('month', local(2022, 8, 24))).toEqual({ from: local(2022, 7, 31), to: local(2022, 9, 4) });
  });

  it('gives the week from Sunday, the day, and a month of agenda, across the new year', () => {
    expect(visibleRange('week', local(2022, 12, 31))).toEqual({ from: local(2022, 12, 25), to: local(2023, 1, 1) });
    expect(visibleRange('day', local(2022, 12, 31))).toEqual({ from: local(2022, 12, 31), to: local(2023, 1, 1) });
    expect(visibleRange('agenda', local(2022, 12, 31))).toEqual({ from: local(2022, 12, 31), to: local(2023, 1, 31) });
  });
});
