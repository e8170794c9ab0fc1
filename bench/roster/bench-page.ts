// The bench's own page on the app's origin: Chromium keeps IndexedDB per origin, so code that
// seeds or searches the app's database must run there. Served by request interception, so the
// app build stays untouched.
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import type { BenchQuery } from './people-fixture';

export const BENCH_PAGE = '/__bench/roster.html';

export interface RosterBenchApi {
  seedPeople(count: number, tambonCodes: string[], provinceCode: string): Promise<{ ms: number; live: number }>;
  searchTimes(queries: BenchQuery[], warmUp: string[]): Promise<{ search: number[]; raw: number[]; hits: number[] }>;
  rawBulkPutOfImported(): Promise<{ records: number; ms: number }>;
}

export async function bundleBenchEntry(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'bench/roster/browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}

export async function serveBenchPage(context: BrowserContext, script: string): Promise<void> {
  await context.route('**/__bench/roster.js', (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
  await context.route(`**${BENCH_PAGE}`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>roster bench</title><script type="module" src="/__bench/roster.js"></script>' }));
}

/** Opens the bench page (the app itself is not running there) and calls one of its functions. */
export async function onBenchPage<K extends keyof RosterBenchApi>(page: Page, name: K, ...args: Parameters<RosterBenchApi[K]>): Promise<Awaited<ReturnType<RosterBenchApi[K]>>> {
  if (!page.url().endsWith(BENCH_PAGE)) {
    await page.goto(BENCH_PAGE);
    await page.waitForFunction(() => 'rosterBench' in window);
  }
  return page.evaluate(
    ([fn, list]) => (window as unknown as { rosterBench: Record<string, (...a: unknown[]) => unknown> }).rosterBench[fn]!(...list),
    [name, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<RosterBenchApi[K]>>>;
}
