// How long expanding a year of recurring activities takes: a province's regular meetings,
// trainings and campaigns, each series new to the rule cache (the first paint of a year).
import { buildRule, expandOccurrences, type RecurrenceSource } from '../../shared/calendar/recurrence';
import { addDays } from '../../shared/calendar/calendar-dates';

const PRESETS = ['daily', 'weekly', 'monthly-date', 'monthly-weekday', 'yearly'] as const;
export const SERIES = 100;

/** 100 series over 2565: 20 of each kind, each with a few exceptions; a fresh start minute per round. */
function seriesSet(round: number): RecurrenceSource[] {
  return Array.from({ length: SERIES }, (_, i) => {
    const start = new Date(2022, i % 12, 1 + (i % 28), 8 + (i % 8), round % 60);
    const end = new Date(start.getTime() + 2 * 60 * 60 * 1000);
    const preset = PRESETS[i % PRESETS.length]!;
    return { start: start.toISOString(), end: end.toISOString(), allDay: false, rrule: buildRule(preset, start, null), exdates: [addDays(start, 7).toISOString(), addDays(start, 35).toISOString()] };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function measureRecurringYear(rounds = 15): { expandMs: number; baselineMs: number; occurrences: number } {
  const from = new Date(2022, 0, 1);
  const to = new Date(2023, 0, 1);
  const expand: number[] = [];
  const baseline: number[] = [];
  let occurrences = 0;
  for (let round = 0; round < rounds; round++) {
    const set = seriesSet(round);
    let t = performance.now();
    occurrences = set.reduce((n, s) => n + expandOccurrences(s, from, to).length, 0);
    expand.push(performance.now() - t);
    // Baseline, same run: stepping the same number of occurrences with plain Date arithmetic,
    // the least any expansion must do.
    t = performance.now();
    let d = new Date(from);
    for (let i = 0; i < occurrences; i++) d = addDays(d, 1);
    baseline.push(performance.now() - t + (d.getTime() > 0 ? 0 : 1));
  }
  return { expandMs: median(expand), baselineMs: median(baseline), occurrences };
}
