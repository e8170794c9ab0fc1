import { expect, test } from '@playwright/test';
import { DeskPage, type ScreenName } from './support/desk-page';

const THAI_SCREENS: [ScreenName, string][] = [
  ['news', 'ข่าว'],
  ['calendar', 'ปฏิทินกิจกรรม'],
  ['roster', 'ทำเนียบเครือข่าย'],
  ['reports', 'รายงาน'],
  ['sync', 'ซิงก์ข้อมูล'],
  ['settings', 'ตั้งค่า'],
];

test('opens in Thai, in Sarabun, with every main screen reachable', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(desk.heading()).toHaveText('ยินดีต้อนรับสู่ ProvinceDesk');
  await expect(page.getByText('ยังไม่มีข้อมูลในเครื่องนี้')).toBeVisible();
  await desk.screenshot('dashboard-empty');

  const sarabunLoaded = await page.evaluate(async () => {
    await document.fonts.load('16px Sarabun', 'ข่าว');
    return document.fonts.check('16px Sarabun', 'ข่าว') && getComputedStyle(document.body).fontFamily.includes('Sarabun');
  });
  expect(sarabunLoaded).toBe(true);

  for (const [screen, heading] of THAI_SCREENS) {
    await desk.goTo(screen);
    await expect(desk.heading()).toHaveText(heading);
    await desk.screenshot(`${screen}-empty`);
  }
  // The screen survives a reload (it is in the address).
  await desk.reload();
  await expect(desk.heading()).toHaveText('ตั้งค่า');
});

test('is usable from the keyboard', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'ข้ามไปยังเนื้อหา' })).toBeFocused();
  await page.keyboard.press('Alt+3');
  await expect(desk.heading()).toHaveText('ปฏิทินกิจกรรม');
  await desk.navItem('news').focus();
  await page.keyboard.press('Enter');
  await expect(desk.heading()).toHaveText('ข่าว');
});

test('switches to English and back, and remembers the choice', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open('/#/settings');
  await page.getByLabel('English').check();
  await expect(desk.heading()).toHaveText('Settings');
  await expect(desk.navItem('roster')).toContainText('Network rosters');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await desk.screenshot('settings-english');
  await desk.reload();
  await expect(desk.navItem('news')).toContainText('News');
  await page.getByLabel('ไทย').check();
  await expect(desk.heading()).toHaveText('ตั้งค่า');
});

test('a local write shows in the pending count and survives a reload', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open('/#/news');
  await expect(desk.pendingCount()).toHaveText('ไม่มีข้อมูลรอซิงก์');

  await page.getByLabel('หัวข้อข่าว').fill('สำนักงาน กกต. จังหวัดเชียงราย จัดอบรม ศส.ปชต.');
  await page.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  await expect(page.locator('.card-title')).toHaveText('สำนักงาน กกต. จังหวัดเชียงราย จัดอบรม ศส.ปชต.');
  await expect(desk.pendingCount()).toHaveText('รอซิงก์ 1 รายการ');

  await desk.reload();
  await expect(page.locator('.card-title')).toHaveText('สำนักงาน กกต. จังหวัดเชียงราย จัดอบรม ศส.ปชต.');
  await expect(desk.pendingCount()).toHaveText('รอซิงก์ 1 รายการ');
  await desk.screenshot('news-one-draft');
});

test('refuses an empty headline with a Thai message and writes nothing', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open('/#/news');
  await page.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  await expect(page.getByRole('alert')).toHaveText('กรุณาใส่หัวข้อข่าว');
  await expect(desk.pendingCount()).toHaveText('ไม่มีข้อมูลรอซิงก์');
  await desk.screenshot('news-error');
});

test('shows offline and online in the status bar', async ({ page, context }) => {
  const desk = new DeskPage(page);
  await desk.open();
  await expect(desk.networkStatus()).toHaveText('ออนไลน์');
  await context.setOffline(true);
  await expect(desk.networkStatus()).toHaveText('ออฟไลน์');
  await context.setOffline(false);
  await expect(desk.networkStatus()).toHaveText('ออนไลน์');
});

test('loads the example data from the seed pages', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open();
  await desk.loadExampleData();
  await expect(desk.pendingCount()).toHaveText('รอซิงก์ 38 รายการ');
  await expect(page.getByTestId('activity-totals')).toContainText('กิจกรรม 2 ครั้ง');
  await desk.screenshot('dashboard-with-data');

  await desk.goTo('news');
  await expect(page.locator('.card-title').filter({ hasText: 'รวมพลคน ศส.ปชต.' })).toBeVisible();
  await expect(page.getByText('วันที่ 16 มิ.ย. 2565')).toBeVisible();
  await desk.screenshot('news-with-data');

  await desk.goTo('calendar');
  await page.getByRole('button', { name: 'สิงหาคม 2565' }).click();
  await expect(page.getByTestId('month-heading')).toHaveText('สิงหาคม 2565');
  await expect(page.locator('.mini-month td.busy')).toHaveText(['24', '25']);
  await expect(page.getByText('ผู้เข้าร่วม 427 คน')).toBeVisible();
  await desk.screenshot('calendar-with-data');

  await desk.goTo('roster');
  await expect(page.getByText('ศส.ปชต. ตำบลเวียง')).toBeVisible();
  await expect(page.getByText('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย')).toBeVisible();
  await desk.screenshot('roster-with-data');
});
