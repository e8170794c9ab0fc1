// bench/news (issue 4). Writes bench/results/news.json:
//   search_10k_p95_ms        p95 of a Thai search (word-segmented, prefix) over 10,000 news items in
//                            Chromium's IndexedDB, each query run with four filter sets over 8 rounds (a user
//                            refining a search); beside it the cold p95 (first run of each query+filter), the
//                            p95 while typing (every keystroke a new prefix) and a full-scan baseline
//   open_5000_words_ms       median time to open a 5,000-word article in the TipTap editor (built + painted),
//                            beside the same HTML put into a plain contenteditable div
//   autosave_5000_words_ms   median time of one autosave of it (editor HTML + coalesced repository write),
//                            beside a raw IndexedDB put of the record
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium';
import { QUERIES } from './fixtures';

const root = path.resolve(import.meta.dirname, '../..');
const ITEMS = Number(process.env.NEWS_BENCH_ITEMS ?? 10_000);

interface Bench {
  seed(count: number): Promise<number>;
  search(queries: string[], rounds: number): Promise<{ p95: number; warmP95: number; coldP95: number; baselineP95: number; hits: number; cold: number[] }>;
  typing(queries: string[]): Promise<{ p95: number }>;
  openLong(words: number, rounds: number): Promise<{ openMs: number; baselineMs: number; autosaveMs: number; autosaveBaselineMs: number; wordsInBody: number }>;
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'pd-news-bench-'));
  await build({ entryPoints: [path.join(root, 'bench/news/browser-entry.ts')], bundle: true, format: 'esm', outfile: path.join(outDir, 'bench.js'), platform: 'browser', target: 'es2022', logLevel: 'error' });
  const bundle = readFileSync(path.join(outDir, 'bench.js'));
  const web = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="th"><body><script type="module" src="/bench.js"></script></body></html>');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'newsBench' in window);
    const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
      page.evaluate(([n, a]) => ((window as unknown as { newsBench: Record<string, (...x: unknown[]) => unknown> }).newsBench[n as string]!(...(a as unknown[])) as Promise<unknown>), [name, args] as const) as ReturnType<Bench[K]>;

    const seeded = await call('seed', ITEMS);
    const search = await call('search', QUERIES, 8);
    const typing = await call('typing', QUERIES);
    const long = await call('openLong', 5000, 7);
    const metrics = [
      { name: 'search_10k_p95_ms', value: round(search.p95), unit: 'ms' },
      { name: 'search_10k_refine_p95_ms', value: round(search.warmP95), unit: 'ms' },
      { name: 'search_10k_cold_p95_ms', value: round(search.coldP95), unit: 'ms' },
      { name: 'search_10k_typing_p95_ms', value: round(typing.p95), unit: 'ms' },
      { name: 'search_10k_full_scan_baseline_p95_ms', value: round(search.baselineP95), unit: 'ms' },
      { name: 'search_10k_speedup_ratio', value: round(search.baselineP95 / search.p95), unit: 'ratio' },
      { name: 'open_5000_words_ms', value: round(long.openMs), unit: 'ms' },
      { name: 'open_5000_words_plain_html_baseline_ms', value: round(long.baselineMs), unit: 'ms' },
      { name: 'autosave_5000_words_ms', value: round(long.autosaveMs), unit: 'ms' },
      { name: 'autosave_5000_words_raw_put_baseline_ms', value: round(long.autosaveBaselineMs), unit: 'ms' },
    ];
    const result = { name: 'news', machine: `${cpus().length} cores`, date: new Date().toISOString(), items: seeded, wordsInLongArticle: long.wordsInBody, notes: { coldSearchMs: search.cold }, metrics };
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(path.join(root, 'bench/results/news.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    web.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

await main();
