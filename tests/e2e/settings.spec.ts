import { expect, test } from '@playwright/test';
import { DeskPage } from './support/desk-page';

// The browser shell (what these tests drive) keeps settings in localStorage under this key.
const SETTINGS_KEY = 'provincedesk.settings';

test('chooses the automatic backup schedule and keeps it after a reload', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open('/#/settings');
  await expect(desk.heading()).toHaveText('ตั้งค่า');
  const schedule = page.getByRole('group', { name: 'สำรองข้อมูล' });
  await expect(schedule.getByLabel('ทุกวัน')).toBeChecked();

  await schedule.getByLabel('ทุกสัปดาห์').check();
  await expect(page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' })).toBeVisible();
  await desk.screenshot('settings-thai');

  await desk.reload();
  await expect(page.getByRole('group', { name: 'สำรองข้อมูล' }).getByLabel('ทุกสัปดาห์')).toBeChecked();
  await page.getByRole('group', { name: 'สำรองข้อมูล' }).getByLabel('ปิด').check();
  await desk.reload();
  await expect(page.getByRole('group', { name: 'สำรองข้อมูล' }).getByLabel('ปิด')).toBeChecked();
});

test('says where the data lives and explains diagnostics; the browser shell shows no updater', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open('/#/settings');
  await expect(page.getByRole('heading', { name: 'ที่เก็บข้อมูล' })).toBeVisible();
  await expect(page.getByTestId('data-folder')).toContainText('IndexedDB');
  // A folder only means something to the desktop app, which writes the backup files itself.
  await expect(page.getByLabel('โฟลเดอร์เก็บไฟล์สำรอง')).toHaveCount(0);
  await expect(page.getByTestId('update-section')).toHaveCount(0);

  await expect(page.getByRole('heading', { name: 'ข้อมูลสำหรับฝ่ายสนับสนุน' })).toBeVisible();
  await expect(page.getByText('ไม่มีเลขประจำตัวประชาชน เบอร์โทรศัพท์ หรืออีเมล', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'บันทึกข้อมูลวินิจฉัย' }).click();
  await expect(page.getByRole('alert')).toContainText('บันทึกได้จากโปรแกรม ProvinceDesk บนเครื่องเท่านั้น');
});

test('keeps settings saved by an older version, before the backup settings existed', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!window.localStorage.getItem(key)) {
      window.localStorage.setItem(key, JSON.stringify({ language: 'en', era: 'ce', serverUrl: null, deviceName: 'Front desk' }));
    }
  }, SETTINGS_KEY);
  const desk = new DeskPage(page);
  await desk.open('/#/settings');
  await expect(desk.heading()).toHaveText('Settings');
  await expect(page.getByLabel('Device name')).toHaveValue('Front desk');
  await expect(page.getByRole('group', { name: 'Back up' }).getByLabel('Every day')).toBeChecked();
  await page.getByRole('heading', { name: 'Diagnostics for support' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Diagnostics for support' })).toBeVisible();
  await desk.screenshot('settings-english-diagnostics');
});
