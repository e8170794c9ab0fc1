// bench/overview: the overview and the fiscal-year report with a province's data on the device, in
// Chromium against the browser-shell build (real IndexedDB). Writes bench/results/overview.json:
//   overview_first_paint_ms     navigation start → the frame that paints the overview's figures (coverage
//                               bars, the year's totals, the charts with their bars) with 100,000 people,
//                               2,000 activities and 10,000 news items on the device; median of cold loads
//   overview_empty_first_paint_ms  baseline, same run: the same screen on an empty database
//   overview_first_paint_ratio  the two side by side
//   report_fiscal_year_docx_ms  the last whole fiscal year's performance report to DOCX through the
//                               reports screen: click → the file's bytes handed to the save (median)
// Notes: seeding times, what one edit of a person changes in the totals, and what keeping the totals
// costs a pull-style write of 20,000 people.
// Env: PROVINCEDESK_BENCH_PORT (4187), PROVINCEDESK_RENDERER_OUT (pd-bench-overview in the temp folder),
// PROVINCEDESK_BENCH_SKIP_BUILD=1 to reuse a build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium';
import { median, round } from '../roster/stats';
import { startAppServer } from '../support/app-server';
import { benchPage, type BenchPage } from '../support/bench-page';
import { placesOf, SEEDED_PROVINCE, seedProvince, waitForDailyBackup, type SeedProvinceApi } from '../support/seeded-province';
import { medianMarks, readStartMarks, type StartMarks } from '../support/start-marks';
import { reportFiscalYear } from './overview-fixture';

interface OverviewBenchApi extends SeedProvinceApi {
  editOnePerson(): Promise<{ changedRows: string[]; totalsRows: number; ms: number }>;
  writeOverhead(tambons: string[], provinceCode: string): Promise<{ withTotalsMs: number; withoutTotalsMs: number }>;
}

const root = path.resolve(import.meta.dirname, '../..');
const PAINT_ROUNDS = 7;
const DOCX_ROUNDS = 3;
const SETTLE_MS = 15_000;
const log = (message: string) => console.error(`[bench overview] ${message}`);
let loadRound = 0;

// Installed before the app's scripts: the moment the overview's figures are in the DOM (the coverage
// bars and the year's totals: the first screenful), wait for the frame that paints them and keep its
// time since navigation start; then the same for the charts below them (with data: their bars).
const PAINT_PROBE = `
  const frame = (name) => requestAnimationFrame(() => requestAnimationFrame(() => { window[name] = performance.now(); }));
  let figuresSeen = false;
  new MutationObserver((_, observer) => {
    if (!figuresSeen && document.querySelector('[data-testid="overview-figures"][data-loaded="true"]')) {
      figuresSeen = true;
      frame('__overviewPaintMs');
    }
    const charts = document.querySelector('[data-testid="overview-charts"]');
    if (!figuresSeen || !charts) return;
    if (sessionStorage.getItem('benchExpectBars') === 'yes' && !charts.querySelector('.recharts-bar-rectangle')) return;
    observer.disconnect();
    frame('__overviewChartsMs');
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-loaded'] });
`;

// The click on the DOCX button, and the moment its bytes are handed to the save (the browser shell
// makes a Blob URL of them for the download).
const DOCX_PROBE = `
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button && button.textContent.includes('DOCX')) window.__docxClickAt = performance.now();
  }, true);
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    if (window.__docxClickAt !== undefined) { window.__docxBlobAt = performance.now(); window.__docxBytes = blob.size; }
    return createObjectURL.call(URL, blob);
  };
`;

async function newPage(browser: Browser, baseURL: string, bench: BenchPage<OverviewBenchApi>) {
  const context = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await bench.serve(context);
  await context.addInitScript(PAINT_PROBE);
  await context.addInitScript(DOCX_PROBE);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { context, page };
}

async function firstPaints(page: Page, expectBars: boolean): Promise<{ samples: number[]; charts: number[]; marks: StartMarks }> {
  const samples: number[] = [];
  const charts: number[] = [];
  const marks: StartMarks[] = [];
  // The probe reads the flag from the tab's sessionStorage, which stays through the loads below.
  await page.goto(`/?round=${++loadRound}#/settings`);
  await page.evaluate((want) => sessionStorage.setItem('benchExpectBars', want ? 'yes' : 'no'), expectBars);
  for (let i = 0; i < PAINT_ROUNDS; i++) {
    await page.goto('about:blank');
    await page.goto(`/?round=${++loadRound}#/dashboard`);
    await page.waitForFunction(() => typeof (window as unknown as { __overviewChartsMs?: number }).__overviewChartsMs === 'number', undefined, { timeout: 60_000 });
    samples.push(await page.evaluate(() => (window as unknown as { __overviewPaintMs: number }).__overviewPaintMs));
    charts.push(await page.evaluate(() => (window as unknown as { __overviewChartsMs: number }).__overviewChartsMs));
    marks.push(await readStartMarks(page));
  }
  return { samples, charts, marks: medianMarks(marks) };
}

async function docxTimes(page: Page, fiscalYear: number): Promise<{ samples: number[]; bytes: number; activityRows: number; newsRows: number }> {
  const samples: number[] = [];
  let bytes = 0;
  let activityRows = 0;
  let newsRows = 0;
  for (let i = 0; i < DOCX_ROUNDS; i++) {
    await page.goto(`/?round=${++loadRound}#/reports`);
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    await page.getByTestId('report-fiscal-year').selectOption(String(fiscalYear));
    await page.getByTestId('report-quarter').selectOption('all');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'บันทึกเป็น Word (DOCX)' }).click();
    const file = await download;
    const ms = await page.evaluate(() => {
      const w = window as unknown as { __docxClickAt: number; __docxBlobAt: number; __docxBytes: number };
      return { ms: w.__docxBlobAt - w.__docxClickAt, bytes: w.__docxBytes };
    });
    samples.push(ms.ms);
    bytes = ms.bytes;
    // What the file holds: one table row per activity and per news item (checked once).
    if (i === 0) {
      const xml = await (await JSZip.loadAsync(readFileSync((await file.path())!))).file('word/document.xml')!.async('string');
      const tables = xml.split('<w:tbl>').slice(1).map((t) => t.split('<w:tr>').length - 1);
      activityRows = (tables[1] ?? 1) - 1;
      newsRows = (tables.at(-1) ?? 1) - 1;
    }
  }
  return { samples, bytes, activityRows, newsRows };
}

const metrics: { name: string; value: number; unit: string; target?: string }[] = [];
const notes: Record<string, unknown> = { where: 'Chromium, browser-shell build served by vite preview, real IndexedDB, 1366×768' };

const server = await startAppServer(root, {
  outDir: process.env.PROVINCEDESK_RENDERER_OUT ?? path.join(tmpdir(), 'pd-bench-overview'),
  port: Number(process.env.PROVINCEDESK_BENCH_PORT ?? 4187),
  build: !process.env.PROVINCEDESK_BENCH_SKIP_BUILD,
});
try {
  const bench = await benchPage<OverviewBenchApi>(path.join(root, 'bench/overview/browser-entry.ts'), 'overview', 'overviewBench');
  const { tambons } = placesOf(root, SEEDED_PROVINCE);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const full = await newPage(browser, server.baseURL, bench);
    const seeded = await seedProvince(full.page, bench, { root, settleMs: SETTLE_MS, log });
    notes.seed = { ...seeded, how: 'RecordWriter.storeMerged (as a pull stores records) in chunks of 5,000' };

    const paints = await firstPaints(full.page, true);
    log(`  first paint with data: ${paints.samples.map((s) => s.toFixed(0)).join(', ')} ms (charts drawn: ${paints.charts.map((s) => s.toFixed(0)).join(', ')} ms)`);
    const fiscalYear = reportFiscalYear();
    const docx = await docxTimes(full.page, fiscalYear);
    log(`  fiscal year ${fiscalYear} to DOCX: ${docx.samples.map((s) => s.toFixed(0)).join(', ')} ms (${docx.activityRows} activities, ${docx.newsRows} news items, ${Math.round(docx.bytes / 1024)} kB)`);
    notes.docx = { fiscalYear, samples: docx.samples.map(Math.round), kB: Math.round(docx.bytes / 1024), activityRows: docx.activityRows, newsRows: docx.newsRows };

    const edit = await bench.call(full.page, 'editOnePerson');
    log(`  one person's term edited: ${edit.changedRows.length} of ${edit.totalsRows} totals rows changed (${edit.changedRows.join(', ')})`);
    notes.editOnePerson = { totalsRowsChanged: edit.changedRows.length, totalsRows: edit.totalsRows, writeMs: edit.ms };
    const overhead = await bench.call(full.page, 'writeOverhead', tambons, SEEDED_PROVINCE);
    log(`  20,000 people stored as a pull: ${overhead.withTotalsMs} ms keeping the totals, ${overhead.withoutTotalsMs} ms without`);
    notes.pullWriteOverhead = { ...overhead, ratio: round(overhead.withTotalsMs / overhead.withoutTotalsMs, 2) };
    await full.context.close();

    const empty = await newPage(browser, server.baseURL, bench);
    await waitForDailyBackup(empty.page);
    const baseline = await firstPaints(empty.page, false);
    log(`  first paint on an empty database: ${baseline.samples.map((s) => s.toFixed(0)).join(', ')} ms (charts: ${baseline.charts.map((s) => s.toFixed(0)).join(', ')} ms)`);
    await empty.context.close();

    const paintMs = median(paints.samples);
    const baselineMs = median(baseline.samples);
    notes.paintSamples = { withData: paints.samples.map(Math.round), empty: baseline.samples.map(Math.round) };
    notes.startMarksMs = { withData: paints.marks, empty: baseline.marks };
    notes.chartsDrawn = { withDataMs: Math.round(median(paints.charts)), emptyMs: Math.round(median(baseline.charts)), samples: paints.charts.map(Math.round) };
    metrics.push({ name: 'overview_first_paint_ms', value: Math.round(paintMs), unit: 'ms', target: '< 300' });
    metrics.push({ name: 'overview_empty_first_paint_ms', value: Math.round(baselineMs), unit: 'ms' });
    metrics.push({ name: 'overview_first_paint_ratio', value: round(paintMs / baselineMs, 2), unit: 'ratio' });
    metrics.push({ name: 'report_fiscal_year_docx_ms', value: Math.round(median(docx.samples)), unit: 'ms', target: '< 3000' });
  } finally {
    await browser.close();
  }
} finally {
  server.close();
}

const result = { name: 'overview', machine: `${cpus().length} cores`, date: new Date().toISOString(), metrics, notes };
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/overview.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
