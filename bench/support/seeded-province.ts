// A province of data on the device, as bench/overview and bench/startup both need it: 100,000 people,
// 2,000 activities and 10,000 news items of one province (bench/overview/overview-fixture.ts), stored
// through the app's data layer as a pull stores them (bench/overview/browser-entry.ts runs in the page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchPage } from './bench-page';

export const SEEDED_PROVINCE = '57';

export interface SeedProvinceApi {
  seedOverview(tambons: string[], amphoes: string[], provinceCode: string): Promise<SeededProvince>;
}

export interface SeededProvince {
  ms: Record<string, number>;
  counts: Record<string, number>;
  totalsRows: number;
}

/** The tambon and amphoe codes of a province, from the shipped DOPA data. */
export function placesOf(root: string, provinceCode: string): { tambons: string[]; amphoes: string[] } {
  const raw = JSON.parse(readFileSync(path.join(root, 'shared/geography/data/subdistricts.json'), 'utf8')) as Array<{ provinceCode: number; districtCode: number; subdistrictCode: number }>;
  const inProvince = raw.filter((t) => String(t.provinceCode) === provinceCode);
  return { tambons: inProvince.map((t) => String(t.subdistrictCode)), amphoes: [...new Set(inProvince.map((t) => String(t.districtCode)))] };
}

let loadRound = 0;

/**
 * The day's automatic local backup starts with the app (renderer/main.tsx) and, with this much data,
 * runs for a while. Its record (syncState `lastAutoBackup`) is written only when it has finished, so a
 * page load that cuts it short leaves none and the next start takes it again — every round of a bench
 * would then measure a start-up with a backup running. It is taken once, to the end, before anything is
 * measured (an office PC has taken its backup of the day by the time anyone looks).
 */
export async function waitForDailyBackup(page: Page): Promise<void> {
  await page.goto(`/?backup=${++loadRound}#/settings`);
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('provincedesk');
        open.onsuccess = () => {
          const get = open.result.transaction('syncState').objectStore('syncState').get('lastAutoBackup');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result !== undefined);
          };
        };
      }),
    undefined,
    { timeout: 600_000, polling: 1000 },
  );
}

/**
 * Opens the app once (so the database is the app's own: schema, device identity), seeds the province,
 * lets the day's backup finish and Chromium's IndexedDB (LevelDB) compact what was just written.
 */
export async function seedProvince(page: Page, bench: BenchPage<SeedProvinceApi>, options: { root: string; settleMs: number; log(message: string): void }): Promise<SeededProvince> {
  const { tambons, amphoes } = placesOf(options.root, SEEDED_PROVINCE);
  await page.goto('/#/settings');
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  options.log('seeding a province (100,000 people, 2,000 activities, 10,000 news items) …');
  const seeded = await bench.call(page, 'seedOverview', tambons, amphoes, SEEDED_PROVINCE);
  options.log(`  ${JSON.stringify(seeded.counts)} in ${JSON.stringify(seeded.ms)} ms; ${seeded.totalsRows} totals rows`);
  const backup = performance.now();
  await waitForDailyBackup(page);
  options.log(`  the day's local backup taken (${((performance.now() - backup) / 1000).toFixed(1)} s)`);
  await page.waitForTimeout(options.settleMs);
  return seeded;
}
