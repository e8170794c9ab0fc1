import { describe, expect, it } from 'vitest';
import { buildRule, expandOccurrences, presetOf, ruleProblem, type RecurrenceSource } from './recurrence';
import { allDayEnd } from './calendar-dates';

// Local dates throughout: the rules mean local wall-clock times whatever the machine's zone.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

function series(start: Date, end: Date, rrule: string, exdates: Date[] = [], allDay = false): RecurrenceSource {
  return { start: start.toISOString(), end: end.toISOString(), allDay, rrule, exdates: exdates.map((d) => d.toISOString()) };
}

describe('expandOccurrences', () => {
  it('gives a one-off activity once when it overlaps the range', () => {
    const seminar = { start: local(2022, 8, 24).toISOString(), end: allDayEnd(local(2022, 8, 25)).toISOString(), allDay: true, rrule: null, exdates: [] };
    expect(expandOccurrences(seminar, local(2022, 8, 1), local(2022, 9, 1))).toHaveLength(1);
    expect(expandOccurrences(seminar, local(2022, 8, 25), local(2022, 8, 26))).toHaveLength(1);
    expect(expandOccurrences(seminar, local(2022, 9, 1), local(2022, 10, 1))).toHaveLength(0);
  });

  it('crosses the year boundary: 31 ธันวาคม 2565 → 1 มกราคม 2566', () => {
    const daily = series(local(2022, 12, 30, 9, 30), local(2022, 12, 30, 12), buildRule('daily', local(2022, 12, 30), local(2023, 1, 2)));
    const starts = expandOccurrences(daily, local(2022, 12, 1), local(2023, 2, 1)).map((o) => o.start);
    expect(starts).toEqual([local(2022, 12, 30, 9, 30), local(2022, 12, 31, 9, 30), local(2023, 1, 1, 9, 30), local(2023, 1, 2, 9, 30)]);
  });

  it('shows a two-day all-day occurrence from 31 December in January too', () => {
    // Every year on 31 December, overnight into 1 January (a New Year vigil, say).
    const vigil = series(local(2022, 12, 31), allDayEnd(local(2023, 1, 1)), 'FREQ=YEARLY', [], true);
    const january = expandOccurrences(vigil, local(2023, 1, 1), local(2023, 2, 1));
    expect(january).toHaveLength(1);
    expect(january[0]!.start).toEqual(local(2022, 12, 31));
    expect(january[0]!.end).toEqual(allDayEnd(local(2023, 1, 1)));
    const nextYear = expandOccurrences(vigil, local(2023, 12, 1), local(2024, 1, 31));
    expect(nextYear.map((o) => [o.start, o.end])).toEqual([[local(2023, 12, 31), allDayEnd(local(2024, 1, 1))]]);
  });

  it('keeps a monthly meeting on the last day of each month across February and a leap year', () => {
    const lastDay = series(local(2023, 11, 30, 13, 30), local(2023, 11, 30, 15), 'FREQ=MONTHLY;BYMONTHDAY=-1');
    const starts = expandOccurrences(lastDay, local(2023, 11, 1), local(2024, 4, 1)).map((o) => o.start);
    expect(starts).toEqual([local(2023, 11, 30, 13, 30), local(2023, 12, 31, 13, 30), local(2024, 1, 31, 13, 30), local(2024, 2, 29, 13, 30), local(2024, 3, 31, 13, 30)]);
  });

  it('skips the exceptions and keeps the others', () => {
    const start = local(2022, 6, 6, 9, 30);
    const rule = buildRule('monthly-weekday', start, null); // the first Monday
    expect(rule).toBe('FREQ=MONTHLY;BYDAY=1MO');
    const meeting = series(start, local(2022, 6, 6, 12), rule, [local(2022, 8, 1, 9, 30)]);
    const starts = expandOccurrences(meeting, local(2022, 6, 1), local(2022, 10, 1)).map((o) => o.start);
    expect(starts).toEqual([local(2022, 6, 6, 9, 30), local(2022, 7, 4, 9, 30), local(2022, 9, 5, 9, 30)]);
  });

  it('includes the last day of UNTIL', () => {
    const weekly = series(local(2022, 8, 1, 9), local(2022, 8, 1, 10), buildRule('weekly', local(2022, 8, 1), local(2022, 8, 29)));
    expect(expandOccurrences(weekly, local(2022, 1, 1), local(2023, 1, 1)).map((o) => o.start.getDate())).toEqual([1, 8, 15, 22, 29]);
  });
});

describe('rules', () => {
  it('refuses what a calendar of activities should not hold', () => {
    expect(ruleProblem('FREQ=MONTHLY;BYMONTHDAY=15')).toBeNull();
    expect(ruleProblem('RRULE:FREQ=WEEKLY;BYDAY=MO,WE')).toBeNull();
    expect(ruleProblem('FREQ=SECONDLY')).toBe('frequency');
    expect(ruleProblem('FREQ=MONTHLY;BYMONTHDAY=abc')).toBe('syntax');
    expect(ruleProblem('hello')).toBe('syntax');
    expect(ruleProblem('DTSTART:20220101T000000Z;FREQ=DAILY')).toBe('dtstart');
  });

  it('reads back the preset a rule was built from', () => {
    const start = local(2022, 8, 31, 9, 30);
    expect(presetOf(buildRule('monthly-weekday', start, null), start)).toEqual({ preset: 'monthly-weekday', until: null });
    expect(buildRule('monthly-weekday', start, null)).toBe('FREQ=MONTHLY;BYDAY=-1WE');
    expect(presetOf(buildRule('yearly', start, local(2030, 8, 31)), start)).toEqual({ preset: 'yearly', until: local(2030, 8, 31) });
    expect(presetOf('FREQ=WEEKLY;INTERVAL=2', start).preset).toBe('custom');
    expect(presetOf(null, start).preset).toBe('none');
  });
});

describe('recurrence sets', () => {
  it('joins several rules, adds extra dates and takes out exclusion rules and exceptions', () => {
    // Every Monday and every first Thursday, not in August (EXRULE), plus one extra Saturday, minus one Monday.
    const meeting = {
      ...series(local(2022, 7, 4, 9), local(2022, 7, 4, 10), 'FREQ=WEEKLY;BYDAY=MO\nRRULE:FREQ=MONTHLY;BYDAY=1TH\nEXRULE:FREQ=DAILY;BYMONTH=8', [local(2022, 7, 18, 9)]),
      rdates: [local(2022, 7, 23, 9).toISOString()],
    };
    const starts = expandOccurrences(meeting, local(2022, 7, 1), local(2022, 9, 10)).map((o) => `${o.start.getMonth() + 1}/${o.start.getDate()}`);
    expect(starts).toEqual(['7/4', '7/7', '7/11', '7/23', '7/25', '9/1', '9/5']);
    expect(ruleProblem('FREQ=WEEKLY\nEXRULE:FREQ=SECONDLY')).toBe('frequency');
    expect(ruleProblem('EXRULE:FREQ=WEEKLY')).toBe('syntax');
  });

  it('always counts the start, even when no rule gives it (RFC 5545 3.8.5.3)', () => {
    // Starts on a Wednesday; the rule says Mondays.
    const odd = series(local(2022, 8, 3, 9), local(2022, 8, 3, 10), 'FREQ=WEEKLY;BYDAY=MO;COUNT=2');
    expect(expandOccurrences(odd, local(2022, 8, 1), local(2022, 9, 1)).map((o) => o.start.getDate())).toEqual([3, 8, 15]);
  });

  it("runs an imported series on its own zone's clock, across that zone's DST change", () => {
    // 10.00 in Los Angeles every first Tuesday: 17.00 UTC in summer time, 18.00 UTC after 6 November 2022.
    const call = { start: '2022-10-04T17:00:00.000Z', end: '2022-10-04T18:00:00.000Z', allDay: false, rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=3', exdates: [], timeZone: 'America/Los_Angeles' };
    expect(expandOccurrences(call, new Date('2022-10-01T00:00:00Z'), new Date('2023-01-01T00:00:00Z')).map((o) => o.start.toISOString())).toEqual([
      '2022-10-04T17:00:00.000Z',
      '2022-11-01T17:00:00.000Z',
      '2022-12-06T18:00:00.000Z',
    ]);
  });

  it('recognises anything beyond one preset rule as custom', () => {
    const start = local(2022, 8, 1, 9);
    const weekly = buildRule('weekly', start, null);
    expect(presetOf(weekly, start).preset).toBe('weekly');
    expect(presetOf(weekly, start, { rdates: [local(2022, 8, 6, 9).toISOString()] }).preset).toBe('custom');
    expect(presetOf(weekly, start, { timeZone: 'Europe/Berlin' }).preset).toBe('custom');
    expect(presetOf(`${weekly}\nFREQ=MONTHLY`, start).preset).toBe('custom');
  });
});
