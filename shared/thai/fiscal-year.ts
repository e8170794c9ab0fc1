// ปีงบประมาณ (the Thai government's fiscal year): 1 October – 30 September, named by the Buddhist-Era
// year it ends in (FY 2566 = 1 Oct 2022 – 30 Sep 2023). Quarters count from October. Local calendar
// dates, like the rest of shared/thai.
import { fiscalYearOf, formatMonthHeading, THAI_MONTHS_SHORT, toBuddhistYear, toGregorianYear, toThaiDigits, type DateFormatOptions } from './buddhist-era-date';

export { fiscalYearOf };

export type FiscalQuarter = 1 | 2 | 3 | 4;
export const FISCAL_QUARTERS: readonly FiscalQuarter[] = [1, 2, 3, 4];

/** A half-open range of local instants [from, to). */
export interface DateRange {
  from: Date;
  to: Date;
}

const OCTOBER = 9;

/** 1 October of the year before → 1 October of the fiscal year's own CE year (exclusive). */
export function fiscalYearRange(fiscalYear: number): DateRange {
  const endYear = toGregorianYear(fiscalYear);
  return { from: new Date(endYear - 1, OCTOBER, 1), to: new Date(endYear, OCTOBER, 1) };
}

/** Q1 = October–December, Q2 = January–March, Q3 = April–June, Q4 = July–September. */
export function fiscalQuarterRange(fiscalYear: number, quarter: FiscalQuarter): DateRange {
  const { from } = fiscalYearRange(fiscalYear);
  return { from: new Date(from.getFullYear(), from.getMonth() + (quarter - 1) * 3, 1), to: new Date(from.getFullYear(), from.getMonth() + quarter * 3, 1) };
}

export function fiscalQuarterOf(date: Date): FiscalQuarter {
  return (Math.floor(((date.getMonth() - OCTOBER + 12) % 12) / 3) + 1) as FiscalQuarter;
}

/** 'YYYY-MM' (CE, local time): the month key the overview counts by. */
export function monthKey(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The first day of a 'YYYY-MM' month key, local time. */
export function monthStart(key: string): Date {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return new Date(year, month - 1, 1);
}

/** The month keys of a range, in order: the twelve of a fiscal year run October → September. */
export function monthKeysOf(range: DateRange): string[] {
  const keys: string[] = [];
  for (let d = new Date(range.from.getFullYear(), range.from.getMonth(), 1); d < range.to; d = new Date(d.getFullYear(), d.getMonth() + 1, 1)) keys.push(monthKey(d));
  return keys;
}

/** The fiscal year (BE) a 'YYYY-MM' month key belongs to. */
export function fiscalYearOfMonthKey(key: string): number {
  return fiscalYearOf(monthStart(key));
}

/** "ต.ค. 65" (short, for a chart's axis) or "ตุลาคม 2565" (long) for a 'YYYY-MM' month key. */
export function formatMonthKey(key: string, { era = 'be', thaiDigits, short }: DateFormatOptions & { short?: boolean } = {}): string {
  const start = monthStart(key);
  if (!short) return formatMonthHeading(start, { era, thaiDigits });
  const year = era === 'be' ? toBuddhistYear(start.getFullYear()) : start.getFullYear();
  const text = `${THAI_MONTHS_SHORT[start.getMonth()]} ${String(year % 100).padStart(2, '0')}`;
  return thaiDigits ? toThaiDigits(text) : text;
}
