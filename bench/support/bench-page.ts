// A bench's own page on the app's origin: Chromium keeps IndexedDB per origin, so code that seeds or
// measures the app's database must run there. Served by request interception, so the app build stays
// untouched. Each bench bundles its browser-entry.ts, which puts its functions on window[globalName].
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';

export interface BenchPage<Api> {
  /** Serves the page and its script in a browser context. */
  serve(context: BrowserContext): Promise<void>;
  /** Opens the page (the app itself is not running there) and calls one of its functions. */
  call<K extends keyof Api & string>(page: Page, name: K, ...args: Api[K] extends (...a: infer A) => unknown ? A : never): Promise<Api[K] extends (...a: never[]) => infer R ? Awaited<R> : never>;
}

/** Bundles `entry` for the browser and returns the page that runs it at /__bench/<name>.html. */
export async function benchPage<Api>(entry: string, name: string, globalName: string): Promise<BenchPage<Api>> {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const script = result.outputFiles[0]!.text;
  const url = `/__bench/${name}.html`;
  return {
    async serve(context) {
      await context.route(`**/__bench/${name}.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
      await context.route(`**${url}`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>${name} bench</title><script type="module" src="/__bench/${name}.js"></script>` }));
    },
    async call(page, fn, ...args) {
      if (!page.url().endsWith(url)) {
        await page.goto(url);
        await page.waitForFunction((g) => g in window, globalName);
      }
      return page.evaluate(([g, f, list]) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[g]![f]!(...list), [globalName, fn, args] as [string, string, unknown[]]) as never;
    },
  };
}
