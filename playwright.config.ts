import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/find-chromium';
import { PREVIEW_ORIGIN } from './tests/e2e/support/preview-origin';
import { APP_PROTOCOL_ORIGIN, DEV_SERVER_ORIGIN, DEV_SERVER_PORT } from './tests/e2e/support/shell-origins';

// End-to-end tests drive the real renderer (the browser shell build) in Chromium.
// PROVINCEDESK_E2E_PORT and PROVINCEDESK_RENDERER_OUT let several runs work side by side.
const outDir = process.env.PROVINCEDESK_RENDERER_OUT;
// The smoke spec also runs against Vite's dev server (`npm run start:web`), which serves the same
// source differently (modules one by one, JSON as JavaScript, React's development build), and
// against the build as Electron's app:// handler serves it (its content types and CSP header).
const SMOKE_SPECS = /every-screen\.spec\.ts$/;
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
  projects: [
    { name: 'built', use: { baseURL: PREVIEW_ORIGIN } },
    { name: 'dev-server', testMatch: SMOKE_SPECS, use: { baseURL: DEV_SERVER_ORIGIN } },
    { name: 'app-protocol', testMatch: SMOKE_SPECS, use: { baseURL: APP_PROTOCOL_ORIGIN } },
  ],
  webServer: [
    {
      command: outDir ? `npx vite preview --outDir ${outDir}` : 'npx vite preview',
      url: PREVIEW_ORIGIN,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Plain `vite`, as scripts/start-web.mjs runs it: vite.config.ts sets the server up.
      command: 'npx vite',
      env: { PROVINCEDESK_WEB_PORT: String(DEV_SERVER_PORT) },
      url: DEV_SERVER_ORIGIN,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npx tsx tests/e2e/support/app-protocol-server.ts',
      url: APP_PROTOCOL_ORIGIN,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
