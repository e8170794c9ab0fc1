import { describe, expect, it } from 'vitest';
import { fiscalQuarterOf, fiscalQuarterRange, fiscalYearOf, fiscalYearOfMonthKey, fiscalYearRange, formatMonthKey, monthKeysOf } from './fiscal-year';

describe('fiscal year (ปีงบประมาณ)', () => {
  it('runs 1 October – 30 September and is named by the BE year it ends in', () => {
    expect(fiscalYearRange(2566)).toEqual({ from: new Date(2022, 9, 1), to: new Date(2023, 9, 1) });
    expect(fiscalYearOf(new Date(2022, 8, 30, 23, 59))).toBe(2565);
    expect(fiscalYearOf(new Date(2022, 9, 1))).toBe(2566);
    expect(fiscalYearOfMonthKey('2023-09')).toBe(2566);
    expect(monthKeysOf(fiscalYearRange(2566))).toEqual(['2022-10', '2022-11', '2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09']);
  });

  it('counts quarters from October', () => {
    expect(fiscalQuarterRange(2566, 1)).toEqual({ from: new Date(2022, 9, 1), to: new Date(2023, 0, 1) });
    expect(fiscalQuarterRange(2566, 4)).toEqual({ from: new Date(2023, 6, 1), to: new Date(2023, 9, 1) });
    expect([new Date(2022, 9, 5), new Date(2023, 0, 1), new Date(2023, 5, 30), new Date(2023, 8, 30)].map(fiscalQuarterOf)).toEqual([1, 2, 3, 4]);
  });

  it('writes a month for an axis or a heading, in BE, optionally in Thai digits', () => {
    expect(formatMonthKey('2022-10', { short: true })).toBe('ต.ค. 65');
    expect(formatMonthKey('2022-10', { short: true, thaiDigits: true })).toBe('ต.ค. ๖๕');
    expect(formatMonthKey('2022-10', { short: true, era: 'ce' })).toBe('ต.ค. 22');
    expect(formatMonthKey('2023-08')).toBe('สิงหาคม 2566');
  });
});
