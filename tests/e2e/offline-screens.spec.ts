import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { peopleWorkbookBytes } from '../fixtures/roster-sheet';
import { DeskPage, type ScreenName } from './support/desk-page';
import { RosterPage } from './support/roster-page';

// Issue 13: the renderer is split per screen, so a screen's code arrives when it is first opened. The
// browser shell's service worker keeps every file of the build, so a screen never opened before still
// opens with the link down — after a reload offline too; a chunk that cannot be fetched says so and
// offers a retry instead of a blank page.

const HEADINGS: Record<ScreenName, string> = {
  dashboard: 'ภาพรวม',
  news: 'ข่าว',
  calendar: 'ปฏิทินกิจกรรม',
  roster: 'ทำเนียบเครือข่าย',
  reports: 'รายงาน',
  sync: 'ซิงก์ข้อมูล',
  settings: 'ตั้งค่า',
};

async function openEveryScreen(desk: DeskPage): Promise<void> {
  for (const screen of ['calendar', 'news', 'roster', 'reports', 'sync', 'dashboard'] as const) {
    await desk.goTo(screen);
    await expect(desk.heading()).toHaveText(HEADINGS[screen]);
    await expect(desk.page.getByTestId('screen-failed')).toHaveCount(0);
  }
}

async function whenPrecached(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('every screen opens for the first time offline, in a window started offline', async ({ context, page }, testInfo) => {
  writeFileSync(testInfo.outputPath('ทำเนียบ-3.xlsx'), await peopleWorkbookBytes({ count: 3, titleRow: true }));
  const online = new DeskPage(page);
  await online.open('/');
  await online.loadExampleData();
  await whenPrecached(page);
  await page.close();

  await context.setOffline(true);
  // A new window while offline: nothing of the app in memory, every file from the precache.
  const offline = new DeskPage(await context.newPage());
  await offline.open('/#/settings');
  await expect(offline.heading()).toHaveText(HEADINGS.settings);
  await expect(offline.networkStatus()).toHaveText('ออฟไลน์');
  await openEveryScreen(offline);
  await expect(offline.page.getByTestId('activity-totals')).toContainText('ผู้เข้าร่วมตามเป้าหมาย 427 คน');

  // The import's worker (the reader and the checks) comes from the precache too: a sheet is read offline.
  const roster = new RosterPage(offline.page);
  await roster.open('/import');
  await roster.importFile(testInfo.outputPath('ทำเนียบ-3.xlsx'));
  // (A warning may come from the example data: the sheet's names are common ones.)
  await expect(roster.summary()).toContainText('ทั้งหมด 3 แถว · ถูกต้อง 3 แถว · มีข้อผิดพลาด 0 แถว');
});

test('a screen whose code cannot be fetched says so in Thai and opens on retry', async ({ browser }) => {
  // Without the service worker, and with the calendar's chunk refused, as a lost link would.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const refuse = (route: { abort(): Promise<void> }) => route.abort();
  await page.route('**/assets/calendar-page-*.js', refuse);
  const desk = new DeskPage(page);
  await desk.open('/#/settings');
  await desk.goTo('calendar');
  const failed = page.getByTestId('screen-failed');
  await expect(failed).toContainText('เปิดหน้าจอนี้ไม่ได้');

  await page.unroute('**/assets/calendar-page-*.js', refuse);
  await failed.getByRole('button', { name: 'ลองอีกครั้ง' }).click();
  await expect(desk.heading()).toHaveText(HEADINGS.calendar);
  await context.close();
});
