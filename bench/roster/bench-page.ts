// The roster bench's page on the app's origin (bench/support/bench-page.ts).
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { benchPage, type BenchPage } from '../support/bench-page';
import type { BenchQuery } from './people-fixture';

export interface RosterBenchApi {
  seedPeople(count: number, tambonCodes: string[], provinceCode: string): Promise<{ ms: number; live: number }>;
  searchTimes(queries: BenchQuery[], warmUp: string[]): Promise<{ search: number[]; raw: number[]; hits: number[] }>;
  rawBulkPutOfImported(): Promise<{ records: number; ms: number; noIndexMs: number }>;
}

let page: BenchPage<RosterBenchApi> | null = null;

export async function bundleBenchEntry(root: string): Promise<BenchPage<RosterBenchApi>> {
  page = await benchPage<RosterBenchApi>(path.join(root, 'bench/roster/browser-entry.ts'), 'roster', 'rosterBench');
  return page;
}

export async function serveBenchPage(context: BrowserContext, bench: BenchPage<RosterBenchApi>): Promise<void> {
  await bench.serve(context);
}

export function onBenchPage<K extends keyof RosterBenchApi>(target: Page, name: K, ...args: Parameters<RosterBenchApi[K]>): Promise<Awaited<ReturnType<RosterBenchApi[K]>>> {
  if (!page) throw new Error('bundleBenchEntry first');
  return page.call(target, name, ...(args as never)) as Promise<Awaited<ReturnType<RosterBenchApi[K]>>>;
}
