// bench/roster: everything in Chromium against the browser-shell build of the app (real IndexedDB).
// Writes bench/results/roster.json (format in bench/README.md):
//   import_20000_rows_per_s      a 20,000-row XLSX through the import screen: read, validate, preview,
//                                then the all-or-nothing one-transaction import
//   import_raw_bulkput_rows_per_s  baseline, same run: the rows that import wrote, one raw bulkPut
//   import_vs_raw_bulkput_ratio  the two side by side
//   import_no_index_bulkput_rows_per_s  the same rows into a store with no index: the floor of one row a person
//   import_ceiling_rows_per_s    the run's read + validate time plus that floor: the most any import could reach
//   search_100k_p95_ms           the real people search over 100,000 people, ≥ 50 varied queries (target < 50 ms)
//   search_100k_raw_index_p95_ms baseline, same run: one raw read of the search index per query
//   list_100k_first_paint_ms     navigation start → first rows painted in the virtualised people list
//   list_100_first_paint_ms      baseline, same run: the same screen with 100 people
// Env: PROVINCEDESK_BENCH_PORT (4183), PROVINCEDESK_RENDERER_OUT (pd-bench-dist in the temp folder),
// PROVINCEDESK_BENCH_SKIP_BUILD=1 to reuse a build, BENCH_ROSTER_PEOPLE / BENCH_ROSTER_QUERIES / BENCH_ROSTER_PARTS.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium';
import { startAppServer } from '../support/app-server';
import { bundleBenchEntry, onBenchPage, serveBenchPage, type RosterBenchApi } from './bench-page';
import type { BenchPage } from '../support/bench-page';
import { importThroughApp, IMPORT_ROWS } from './import-through-app';
import { LIST_PAINT_PROBE, listFirstPaint } from './list-first-paint';
import { benchQueries, type BenchQuery } from './people-fixture';
import { percentile, round } from './stats';

const root = path.resolve(import.meta.dirname, '../..');
const PEOPLE = Number(process.env.BENCH_ROSTER_PEOPLE ?? 100_000);
const QUERIES = Math.max(50, Number(process.env.BENCH_ROSTER_QUERIES ?? 60));
const SMALL_LIST = 100;
/** BENCH_ROSTER_PARTS=import (or search) runs one part while working on it; the figures of a full run need both. */
const PARTS = new Set((process.env.BENCH_ROSTER_PARTS ?? 'import,search').split(','));
const PAINT_ROUNDS = 5;
const PROVINCE = '57';
const log = (message: string) => console.error(`[bench roster] ${message}`);

type Metric = { name: string; value: number; unit: string; target?: string };
const metrics: Metric[] = [];
const notes: Record<string, unknown> = { where: 'Chromium, browser-shell build served by vite preview, real IndexedDB' };

/** The real tambon of the province, from the DOPA data the app ships. */
function tambonsOf(provinceCode: string): string[] {
  const raw = JSON.parse(readFileSync(path.join(root, 'shared/geography/data/subdistricts.json'), 'utf8')) as Array<{ provinceCode: number; subdistrictCode: number }>;
  return raw.filter((t) => String(t.provinceCode) === provinceCode).map((t) => String(t.subdistrictCode));
}

interface Bench {
  browser: Browser;
  baseURL: string;
  script: BenchPage<RosterBenchApi>;
}

async function newContext({ browser, baseURL, script }: Bench) {
  const context = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok', viewport: { width: 1280, height: 800 } });
  await serveBenchPage(context, script);
  await context.addInitScript(LIST_PAINT_PROBE);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { context, page };
}

async function importMetrics(bench: Bench): Promise<void> {
  const { context, page } = await newContext(bench);
  try {
    log(`importing ${IMPORT_ROWS} rows through the import screen …`);
    const timing = await importThroughApp(page);
    log(`  read + validate ${timing.readAndValidateMs.toFixed(0)} ms, write ${timing.writeMs.toFixed(0)} ms`);
    const raw = await onBenchPage(page, 'rawBulkPutOfImported');
    if (raw.records !== IMPORT_ROWS) throw new Error(`expected ${IMPORT_ROWS} people after the import, found ${raw.records}`);
    log(`  raw bulkPut of the same ${raw.records} rows: ${raw.ms.toFixed(0)} ms`);
    const rate = (timing.rows / timing.totalMs) * 1000;
    const rawRate = (raw.records / raw.ms) * 1000;
    metrics.push({ name: 'import_20000_rows_per_s', value: Math.round(rate), unit: 'rows/s' });
    metrics.push({ name: 'import_raw_bulkput_rows_per_s', value: Math.round(rawRate), unit: 'rows/s' });
    metrics.push({ name: 'import_vs_raw_bulkput_ratio', value: round(rate / rawRate, 3), unit: 'ratio' });
    // The most any import could reach on this machine today: the same reading and checking, then the people
    // written with no index, no queued change and no encryption (one stored row a person).
    metrics.push({ name: 'import_no_index_bulkput_rows_per_s', value: Math.round((raw.records / raw.noIndexMs) * 1000), unit: 'rows/s' });
    metrics.push({ name: 'import_ceiling_rows_per_s', value: Math.round((timing.rows / (timing.readAndValidateMs + raw.noIndexMs)) * 1000), unit: 'rows/s' });
    notes.import = { rows: timing.rows, fileBytes: timing.fileBytes, readAndValidateMs: Math.round(timing.readAndValidateMs), writeMs: Math.round(timing.writeMs), writeRowsPerS: Math.round((timing.rows / timing.writeMs) * 1000), rawBulkPutMs: Math.round(raw.ms), noIndexBulkPutMs: Math.round(raw.noIndexMs) };
  } finally {
    await context.close();
  }
}

async function searchAndListMetrics(bench: Bench, tambons: string[]): Promise<void> {
  const { context, page } = await newContext(bench);
  try {
    // Open the app once first, so the database is the app's own (device identity and all).
    await page.goto('/#/roster/people');
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    log(`seeding ${PEOPLE} people …`);
    const seeded = await onBenchPage(page, 'seedPeople', PEOPLE, tambons, PROVINCE);
    log(`  ${seeded.live} people in ${(seeded.ms / 1000).toFixed(1)} s`);
    if (seeded.live !== PEOPLE) throw new Error(`seeded ${seeded.live} of ${PEOPLE}`);
    notes.seed = { people: PEOPLE, tambons: tambons.length, ms: Math.round(seeded.ms), how: 'RecordWriter.storeMerged (as a pull stores records) in chunks of 5,000' };

    const all = benchQueries(QUERIES + 5, tambons, PROVINCE, PEOPLE);
    const queries = all.slice(0, QUERIES);
    const times = await onBenchPage(page, 'searchTimes', queries, all.slice(QUERIES).map((q) => q.text));
    const p95 = percentile(times.search, 95);
    const rawP95 = percentile(times.raw, 95);
    log(`  search p95 ${p95.toFixed(1)} ms (raw index read p95 ${rawP95.toFixed(1)} ms) over ${queries.length} queries`);
    metrics.push({ name: 'search_100k_p95_ms', value: round(p95, 1), unit: 'ms', target: '< 50' });
    metrics.push({ name: 'search_100k_raw_index_p95_ms', value: round(rawP95, 1), unit: 'ms' });
    metrics.push({ name: 'search_100k_vs_raw_p95_ratio', value: round(p95 / rawP95, 2), unit: 'ratio' });
    notes.search = { queries: queries.length, limit: 500, median: round(percentile(times.search, 50), 1), max: round(Math.max(...times.search), 1), byKind: byKind(queries, times.search, times.hits), noHits: times.hits.filter((h) => h === 0).length };

    log('first paint of the people list …');
    const big = await listFirstPaint(page, PAINT_ROUNDS);
    log(`  ${big.total}: ${big.medianMs.toFixed(0)} ms (${big.samples.map((s) => s.toFixed(0)).join(', ')})`);
    notes.list100k = { samples: big.samples.map((s) => Math.round(s)), shown: big.total };
    metrics.push({ name: 'list_100k_first_paint_ms', value: Math.round(big.medianMs), unit: 'ms' });
  } finally {
    await context.close();
  }

  const small = await newContext(bench);
  try {
    await small.page.goto('/#/roster/people');
    await small.page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    await onBenchPage(small.page, 'seedPeople', SMALL_LIST, tambons, PROVINCE);
    const baseline = await listFirstPaint(small.page, PAINT_ROUNDS);
    log(`  baseline ${baseline.total}: ${baseline.medianMs.toFixed(0)} ms`);
    metrics.push({ name: 'list_100_first_paint_ms', value: Math.round(baseline.medianMs), unit: 'ms' });
    const big = metrics.find((m) => m.name === 'list_100k_first_paint_ms')!.value;
    metrics.push({ name: 'list_100k_vs_100_first_paint_ratio', value: round(big / baseline.medianMs, 2), unit: 'ratio' });
  } finally {
    await small.context.close();
  }
}

function byKind(queries: BenchQuery[], ms: number[], hits: number[]): Record<string, { n: number; p95Ms: number; meanHits: number }> {
  const groups = new Map<string, number[]>();
  queries.forEach((q, i) => groups.set(q.kind, [...(groups.get(q.kind) ?? []), i]));
  return Object.fromEntries(
    [...groups].map(([kind, idx]) => [kind, { n: idx.length, p95Ms: round(percentile(idx.map((i) => ms[i]!), 95), 1), meanHits: Math.round(idx.reduce((s, i) => s + hits[i]!, 0) / idx.length) }]),
  );
}

const server = await startAppServer(root, {
  outDir: process.env.PROVINCEDESK_RENDERER_OUT ?? path.join(tmpdir(), 'pd-bench-dist'),
  port: Number(process.env.PROVINCEDESK_BENCH_PORT ?? 4183),
  build: !process.env.PROVINCEDESK_BENCH_SKIP_BUILD,
});
try {
  const script = await bundleBenchEntry(root);
  const tambons = tambonsOf(PROVINCE);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const bench = { browser, baseURL: server.baseURL, script };
    if (PARTS.has('import')) await importMetrics(bench);
    if (PARTS.has('search')) await searchAndListMetrics(bench, tambons);
  } finally {
    await browser.close();
  }
} finally {
  server.close();
}

const result = { name: 'roster', machine: `${cpus().length} cores`, date: new Date().toISOString(), metrics, notes };
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/roster.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
