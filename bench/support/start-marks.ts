// The app's start marks (renderer/app/start-marks.ts: performance.mark "pd:…") as a bench reads them: where
// a start's time goes, in ms since navigation start.
import type { Page } from '@playwright/test';
import { median } from '../roster/stats';

export type StartMarks = Record<string, number>;

export function readStartMarks(page: Page): Promise<StartMarks> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('pd:')).map((m) => [m.name.slice(3), m.startTime])));
}

/** The median moment of each mark over the rounds, in start order. */
export function medianMarks(rounds: readonly StartMarks[]): StartMarks {
  const names = [...new Set(rounds.flatMap((r) => Object.keys(r)))];
  const at = names.map((name) => [name, Math.round(median(rounds.map((r) => r[name]).filter((v): v is number => v !== undefined)))] as const);
  return Object.fromEntries(at.sort((a, b) => a[1] - b[1]));
}
