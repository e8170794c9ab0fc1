// bench/startup: a cold start of the built renderer (browser shell, served by vite preview) to its first
// usable screen, with a province of data on the device. Writes bench/results/startup.json:
//   first_screen_ms        navigation start → the frame that paints the first screen's figures (the overview:
//                          coverage bars and the year's totals) in a Chromium just launched on a profile that
//                          holds the province (bench/support/seeded-province.ts) and has opened the app before;
//                          median of the rounds
//   first_screen_empty_ms  baseline, same run: the same with an empty database
//   main_chunk_kb          the entry script the page starts with (kB of 1,000 bytes, as Vite reports them)
// Notes: the scripts fetched before the first screen (the entry and its module preloads), when the data
// layer was open (body[data-ready]), the first contentful paint, and the median moment of each of the app's
// start marks (renderer/app/start-marks.ts): where a cold start's time goes.
// Env: PROVINCEDESK_BENCH_PORT (4188), PROVINCEDESK_RENDERER_OUT (pd-bench-startup in the temp folder),
// PROVINCEDESK_BENCH_SKIP_BUILD=1 to reuse a build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium';
import { median, round } from '../roster/stats';
import { startAppServer } from '../support/app-server';
import { benchPage, type BenchPage } from '../support/bench-page';
import { seedProvince, waitForDailyBackup, type SeedProvinceApi } from '../support/seeded-province';
import { medianMarks, readStartMarks, type StartMarks } from '../support/start-marks';

const root = path.resolve(import.meta.dirname, '../..');
const ROUNDS = 5;
const SETTLE_MS = 15_000;
const log = (message: string) => console.error(`[bench startup] ${message}`);

// Installed before the app's scripts: the frame that paints the overview's figures, the moment the data
// layer is open, and the first contentful paint — each in ms since navigation start.
const START_PROBE = `
  const frame = (name) => requestAnimationFrame(() => requestAnimationFrame(() => { window[name] = performance.now(); }));
  let ready = false;
  new MutationObserver((_, observer) => {
    if (!ready && document.body && document.body.dataset.ready === 'true') { ready = true; window.__readyMs = performance.now(); }
    if (document.querySelector('[data-testid="overview-figures"][data-loaded="true"]')) { observer.disconnect(); frame('__firstScreenMs'); }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-loaded', 'data-ready'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcpMs = e.startTime;
  }).observe({ type: 'paint', buffered: true });
`;

interface StartSample {
  firstScreen: number;
  ready: number;
  fcp: number;
  /** The app's own start marks (renderer/app/start-marks.ts), ms since navigation start. */
  marks: StartMarks;
}

async function launch(profile: string, baseURL: string, bench: BenchPage<SeedProvinceApi>): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok', viewport: { width: 1366, height: 768 } });
  await bench.serve(context);
  await context.addInitScript(START_PROBE);
  return context;
}

/** One start: a Chromium launched on the profile (nothing of the app in memory), the app opened on หน้าแรก. */
async function coldStart(profile: string, baseURL: string, bench: BenchPage<SeedProvinceApi>): Promise<StartSample> {
  const context = await launch(profile, baseURL, bench);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto('/#/dashboard');
    await page.waitForFunction(() => typeof (window as unknown as { __firstScreenMs?: number }).__firstScreenMs === 'number', undefined, { timeout: 60_000 });
    const sample = await page.evaluate(() => {
      const w = window as unknown as { __firstScreenMs: number; __readyMs: number; __fcpMs?: number };
      return { firstScreen: w.__firstScreenMs, ready: w.__readyMs, fcp: w.__fcpMs ?? Number.NaN };
    });
    return { ...sample, marks: await readStartMarks(page) };
  } finally {
    await context.close();
  }
}

/** Prepares a profile (seeded or empty, the day's backup taken, the app opened once) and starts it ROUNDS times. */
async function startsOf(profile: string, baseURL: string, bench: BenchPage<SeedProvinceApi>, seeded: boolean): Promise<StartSample[]> {
  const context = await launch(profile, baseURL, bench);
  const page = context.pages()[0] ?? (await context.newPage());
  if (seeded) await seedProvince(page, bench, { root, settleMs: SETTLE_MS, log });
  else await waitForDailyBackup(page);
  await context.close();
  // A first start after the set-up (its service worker installs, its caches fill), not counted.
  await coldStart(profile, baseURL, bench);
  const samples: StartSample[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await coldStart(profile, baseURL, bench));
  return samples;
}

/** The entry script and the scripts index.html preloads with it, in kB. */
function entrySizes(outDir: string): { mainKb: number; initialKb: number; initialScripts: string[] } {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]!);
  const kb = (file: string) => statSync(path.join(outDir, file)).size / 1000;
  return { mainKb: round(kb(entry), 1), initialKb: round([entry, ...preloads].reduce((sum, f) => sum + kb(f), 0), 1), initialScripts: [entry, ...preloads] };
}

const outDir = process.env.PROVINCEDESK_RENDERER_OUT ?? path.join(tmpdir(), 'pd-bench-startup');
const metrics: { name: string; value: number; unit: string; target?: string }[] = [];
const notes: Record<string, unknown> = { where: 'Chromium launched per start on a kept profile, browser-shell build served by vite preview, real IndexedDB, 1366×768' };
const server = await startAppServer(root, { outDir, port: Number(process.env.PROVINCEDESK_BENCH_PORT ?? 4188), build: !process.env.PROVINCEDESK_BENCH_SKIP_BUILD });
const profiles = mkdtempSync(path.join(tmpdir(), 'pd-bench-startup-profiles-'));
try {
  const bench = await benchPage<SeedProvinceApi>(path.join(root, 'bench/overview/browser-entry.ts'), 'startup', 'overviewBench');
  const withData = await startsOf(path.join(profiles, 'province'), server.baseURL, bench, true);
  log(`  first screen with a province: ${withData.map((s) => s.firstScreen.toFixed(0)).join(', ')} ms (data layer open: ${withData.map((s) => s.ready.toFixed(0)).join(', ')}; FCP ${withData.map((s) => s.fcp.toFixed(0)).join(', ')})`);
  const empty = await startsOf(path.join(profiles, 'empty'), server.baseURL, bench, false);
  log(`  first screen on an empty database: ${empty.map((s) => s.firstScreen.toFixed(0)).join(', ')} ms`);
  const sizes = entrySizes(outDir);
  log(`  entry ${sizes.mainKb} kB; with its preloads ${sizes.initialKb} kB`);
  const firstScreenMs = median(withData.map((s) => s.firstScreen));
  metrics.push({ name: 'first_screen_ms', value: Math.round(firstScreenMs), unit: 'ms', target: '< 1000' });
  metrics.push({ name: 'first_screen_empty_ms', value: Math.round(median(empty.map((s) => s.firstScreen))), unit: 'ms' });
  metrics.push({ name: 'main_chunk_kb', value: sizes.mainKb, unit: 'kB' });
  notes.samples = { withData: withData.map((s) => Math.round(s.firstScreen)), empty: empty.map((s) => Math.round(s.firstScreen)) };
  notes.dataLayerOpenMs = Math.round(median(withData.map((s) => s.ready)));
  notes.firstContentfulPaintMs = Math.round(median(withData.map((s) => s.fcp)));
  notes.startMarksMs = { withData: medianMarks(withData.map((s) => s.marks)), empty: medianMarks(empty.map((s) => s.marks)) };
  notes.initialScripts = { kB: sizes.initialKb, files: sizes.initialScripts };
} finally {
  server.close();
  rmSync(profiles, { recursive: true, force: true });
}

const result = { name: 'startup', machine: `${cpus().length} cores`, date: new Date().toISOString(), metrics, notes };
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/startup.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
