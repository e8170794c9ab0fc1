// First paint of the month grid with 2,000 activities in the database, in Chromium against the
// built renderer. The activities go in through the app's own .ics import (record writer, outbox),
// so the database looks like one a province really has. Baseline, same run: the same month with
// an empty database.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium';
import { allDayEnd } from '../../shared/calendar/calendar-dates';
import { eventsToIcs, type ExportableEvent } from '../../shared/calendar/ics-export';
import { ACTIVITY_TYPES } from '../../shared/domain/calendar-event';

export const EVENT_COUNT = 2000;

/**
 * 2,000 activities over the year around the current month (six months either side), about 170
 * a month, a quarter of them all-day. Around "now" because the calendar opens on the current
 * month, and faking the page's clock would fake performance.now() too.
 */
function yearOfActivities(now: Date): string {
  const first = new Date(now.getFullYear(), now.getMonth() - 6, 1);
  const events: ExportableEvent[] = Array.from({ length: EVENT_COUNT }, (_, i) => {
    const day = new Date(first.getFullYear(), first.getMonth(), first.getDate() + Math.floor((i * 365) / EVENT_COUNT));
    const allDay = i % 4 === 0;
    const start = allDay ? day : new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8 + (i % 9), (i % 2) * 30);
    const end = allDay ? allDayEnd(new Date(day.getFullYear(), day.getMonth(), day.getDate() + (i % 3))) : new Date(start.getTime() + 90 * 60 * 1000);
    return {
      id: `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      icsUid: `bench-${i}@provincedesk.test`,
      title: `กิจกรรมทดสอบที่ ${i + 1} ศส.ปชต. ตำบล${['เวียง', 'รอบเวียง', 'บ้านดู่'][i % 3]}`,
      type: ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!,
      start: start.toISOString(),
      end: end.toISOString(),
      allDay,
      place: 'ห้องประชุมสำนักงาน กกต. จังหวัดเชียงราย',
      placeTambonCode: null,
      organiser: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย',
      description: '',
      expected: [{ group: 'กรรมการ ศส.ปชต.', count: 9 }],
      actual: [],
      rrule: null,
      exdates: [],
      updatedAt: new Date(2022, 0, 1).toISOString(),
    };
  });
  return eventsToIcs(events);
}

// Set before the app's scripts run: the moment the first activity block of the month grid is in
// the DOM, wait for the frame that paints it and keep its time (ms since navigation start).
const PAINT_PROBE = `
  new MutationObserver((_, observer) => {
    const grid = document.querySelector('.rbc-month-view');
    if (!grid) return;
    const wantEvents = sessionStorage.getItem('benchExpectEvents') === 'yes';
    if (wantEvents && !grid.querySelector('.rbc-event')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__gridPaintMs = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });
`;

let round = 0;

async function paintOnce(page: Page, expectEvents: boolean): Promise<number> {
  await page.evaluate((want) => sessionStorage.setItem('benchExpectEvents', want ? 'yes' : 'no'), expectEvents);
  // A new query string: a full load each round, not a same-document hash change.
  await page.goto(`/?round=${++round}#/calendar`);
  await page.waitForFunction(() => typeof (window as unknown as { __gridPaintMs?: number }).__gridPaintMs === 'number', undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __gridPaintMs: number }).__gridPaintMs);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function measureMonthFirstPaint(baseURL: string, rounds = 7): Promise<{ paintMs: number; baselineMs: number; importMs: number; eventsInMonth: number }> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(PAINT_PROBE);
    await page.goto('/#/calendar');
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });

    const baseline: number[] = [];
    for (let i = 0; i < rounds; i++) baseline.push(await paintOnce(page, false));

    const started = Date.now();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'นำเข้าไฟล์ .ics' }).click();
    await (await chooser).setFiles({ name: 'bench-2000.ics', mimeType: 'text/calendar', buffer: Buffer.from(yearOfActivities(new Date())) });
    await page.getByRole('button', { name: `นำเข้า ${EVENT_COUNT.toLocaleString('th-TH')} กิจกรรม` }).click({ timeout: 120_000 });
    await page.getByRole('status').filter({ hasText: 'กิจกรรมแล้ว' }).waitFor({ timeout: 300_000 });
    const importMs = Date.now() - started;

    const paints: number[] = [];
    for (let i = 0; i < rounds; i++) paints.push(await paintOnce(page, true));
    const shownHeading = await page.getByTestId('range-heading').textContent();
    const eventsInMonth = Number(/\d+/.exec((await page.getByRole('button', { name: /แสดงทั้งหมด/ }).textContent().catch(() => '')) ?? '')?.[0] ?? (await page.locator('.month-activities > li').count()));
    console.error(`measured month: ${shownHeading}`);
    return { paintMs: median(paints), baselineMs: median(baseline), importMs, eventsInMonth };
  } finally {
    await browser.close();
  }
}
