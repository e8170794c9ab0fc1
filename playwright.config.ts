import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/find-chromium';
import { PREVIEW_ORIGIN } from './tests/e2e/support/preview-origin';

// End-to-end tests drive the real renderer (the browser shell build) in Chromium.
// PROVINCEDESK_E2E_PORT and PROVINCEDESK_RENDERER_OUT let several runs work side by side.
const outDir = process.env.PROVINCEDESK_RENDERER_OUT;
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: PREVIEW_ORIGIN,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: outDir ? `npx vite preview --outDir ${outDir}` : 'npx vite preview',
    url: PREVIEW_ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
