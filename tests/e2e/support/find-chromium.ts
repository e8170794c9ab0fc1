import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds a browser for the end-to-end tests without downloading one: an explicit
 * PROVINCEDESK_CHROMIUM, then a system Chromium or Chrome, then Playwright's own download if it
 * was installed. Says plainly what to do when there is none.
 */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string {
  const explicit = process.env.PROVINCEDESK_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`PROVINCEDESK_CHROMIUM points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return system;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    [
      'No Chromium or Chrome found for the end-to-end tests.',
      'Install one of them (Debian/Ubuntu: sudo apt-get install chromium fonts-thai-tlwg),',
      'or let Playwright download its own (npx playwright install chromium),',
      'or set PROVINCEDESK_CHROMIUM to the browser executable.',
    ].join('\n'),
  );
}

/** Flags for a quiet, offline-friendly headless run (no background calls to Google's services). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
