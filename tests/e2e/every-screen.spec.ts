import { writeFileSync } from 'node:fs';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { peopleWorkbookBytes } from '../fixtures/roster-sheet';
import { CalendarPage } from './support/calendar-page';
import { DeskPage } from './support/desk-page';
import { RosterPage } from './support/roster-page';

// A smoke walk through every main screen with the example data, failing on any page error or
// console error. playwright.config.ts runs it three times: against the built renderer (`built`),
// against Vite's dev server as `npm run start:web` starts it (`dev-server`) and against the build
// as Electron's app:// handler serves it (`app-protocol`). Each serves the same source differently;
// the dev server once loaded no place names at all (issue 16).

const test = base.extend<{ pageProblems: string[] }>({
  // Every test here fails if its page logged an error, whatever the test itself checked.
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

async function openWithExampleData(page: Page): Promise<DeskPage> {
  const desk = new DeskPage(page);
  await desk.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'โหลดข้อมูลตัวอย่างแล้ว' })).toBeVisible();
  return desk;
}

async function screenshot(desk: DeskPage, testInfo: TestInfo, name: string): Promise<void> {
  await desk.screenshot(`every-screen-${testInfo.project.name}-${name}`);
}

test('หน้าแรก, ข่าว, ซิงก์ข้อมูล and ตั้งค่า open with the example data', async ({ page }, testInfo) => {
  const desk = await openWithExampleData(page);
  await expect(desk.heading()).toHaveText('ภาพรวม');
  await expect(page.getByTestId('activity-totals')).toContainText('ผู้เข้าร่วมตามเป้าหมาย 427 คน');
  await screenshot(desk, testInfo, 'dashboard');

  await desk.goTo('news');
  await expect(desk.heading()).toHaveText('ข่าว');
  const seminar = page.locator('.card-title').filter({ hasText: 'รวมพลคน ศส.ปชต.' });
  await seminar.getByRole('link').click();
  // The rich-text editor (TipTap) with the article's own text.
  await expect(page.getByTestId('news-body')).toContainText('ศส.ปชต.');
  await screenshot(desk, testInfo, 'news-editor');

  await desk.goTo('sync');
  await expect(desk.heading()).toHaveText('ซิงก์ข้อมูล');
  await expect(page.getByTestId('sign-in-form').getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
  await expect(desk.pendingCount()).toHaveText('รอซิงก์ 38 รายการ');
  await screenshot(desk, testInfo, 'sync');

  await desk.goTo('settings');
  await expect(desk.heading()).toHaveText('ตั้งค่า');
  await expect(page.getByLabel('ไทย')).toBeChecked();
  await screenshot(desk, testInfo, 'settings');
});

test('ปฏิทินกิจกรรม: the month with the activities, the amphoe filter, the place pickers and the .ics import', async ({ page }, testInfo) => {
  await openWithExampleData(page);
  const calendar = new CalendarPage(page);
  await calendar.desk.goTo('calendar');
  await expect(calendar.desk.heading()).toHaveText('ปฏิทินกิจกรรม');
  await page.getByRole('button', { name: 'สิงหาคม 2565', exact: true }).click();
  await expect(calendar.rangeHeading()).toHaveText('สิงหาคม 2565');
  await calendar.event('รวมพลคน ศส.ปชต.').first().click();
  await expect(calendar.detail()).toContainText('ห้องประชุมอัศวินแกรนด์');
  await calendar.dismissNotices();
  await screenshot(calendar.desk, testInfo, 'calendar');

  // Place names come from the geography: the province's amphoe in the filter, its tambon in the form.
  await expect(page.getByLabel('อำเภอ').locator('option', { hasText: 'เมืองเชียงราย' })).toHaveCount(1);
  await page.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
  await calendar.form().getByLabel('อำเภอ').selectOption({ label: 'เมืองเชียงราย' });
  await expect(calendar.form().getByLabel('ตำบล').locator('option', { hasText: 'เวียง' }).first()).toBeAttached();
  await screenshot(calendar.desk, testInfo, 'calendar-form');
  await calendar.form().getByRole('button', { name: 'ยกเลิก' }).click();

  await calendar.importFile('shared/calendar/fixtures/one-bad-event.ics');
  const preview = page.getByRole('dialog', { name: /one-bad-event\.ics/ });
  await expect(preview.getByTestId('ics-skipped')).toContainText('บรรทัด 21');
  await screenshot(calendar.desk, testInfo, 'calendar-ics-import');
});

test('ทำเนียบเครือข่าย: the place browser down to a tambon and a person, the search, the Excel import and the erasure list', async ({ page }, testInfo) => {
  await openWithExampleData(page);
  const roster = new RosterPage(page);
  await roster.desk.goTo('roster');
  await expect(page.locator('main h2').first()).toHaveText('จังหวัดเชียงราย');
  await page.getByRole('link', { name: 'เมืองเชียงราย', exact: true }).click();
  await expect(page.locator('main h2').first()).toHaveText('อำเภอเมืองเชียงราย');
  await screenshot(roster.desk, testInfo, 'roster-amphoe');
  await page.getByRole('link', { name: 'เวียง', exact: true }).click();
  await expect(page.locator('main h2').first()).toHaveText('ศส.ปชต. ตำบลเวียง');
  await expect(page.getByText('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย')).toBeVisible();
  await screenshot(roster.desk, testInfo, 'roster-tambon');
  await page.getByRole('table', { name: /คณะกรรมการ/ }).getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toBeVisible();
  await screenshot(roster.desk, testInfo, 'roster-person');

  await roster.tab('ค้นหาบุคคล').click();
  await expect(page.getByTestId('people-total')).toHaveText('ทั้งหมด 25 คน เรียงตามชื่อ');

  // The Excel import reads the sheet (ExcelJS) and finds each row's tambon by its Thai name.
  await roster.tab('นำเข้าจาก Excel').click();
  const file = testInfo.outputPath('ทำเนียบ-3.xlsx');
  writeFileSync(file, await peopleWorkbookBytes({ count: 3 }));
  await roster.importFile(file);
  await expect(roster.summary()).toContainText('ทั้งหมด 3 แถว');
  await screenshot(roster.desk, testInfo, 'roster-import');

  await roster.tab('ครบกำหนดลบข้อมูล').click();
  await expect(page.getByRole('heading', { name: 'บุคคลที่ครบกำหนดลบข้อมูล' })).toBeVisible();
  await screenshot(roster.desk, testInfo, 'roster-erasure');
});
