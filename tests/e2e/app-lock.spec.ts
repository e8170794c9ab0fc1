// Issue 14, end to end in the browser shell: the app lock and remote wipe.
// - the first sign-in asks for an unlock PIN; a reload opens on the unlock screen; a wrong PIN is refused in
//   Thai, five in a row slow down; the right one opens the app where it was;
// - the app locks itself after the idle time set in Settings;
// - a forgotten PIN: signing in to the server again (online) sets a new one, and the data is kept;
// - an administrator's wipe-device empties the device at its next contact, and a Thai notice says so.
import { expect, type Page } from '@playwright/test';
import { cliOn } from '../../server/testing/cli-harness';
import type { DeskPage } from './support/desk-page';
import { E2E_UNLOCK_PIN, signInThroughUi, syncNow } from './support/sync-desk';
import { test } from './support/sync-server';

async function loadExampleData(desk: DeskPage): Promise<void> {
  await desk.goTo('dashboard');
  await desk.loadExampleData();
}

async function unlock(page: Page, pin: string): Promise<void> {
  await page.getByLabel('รหัสปลดล็อก', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'ปลดล็อก', exact: true }).click();
}

test('the first sign-in sets a PIN; the app opens locked, refuses a wrong PIN, slows down after five, and opens with the right one', async ({ page, syncServer }) => {
  const desk = await signInThroughUi(page, syncServer.server.url, syncServer.province.officer, 'โน้ตบุ๊กอำเภอ');
  await page.removeLocatorHandler(page.getByTestId('unlock-form'));
  await desk.goTo('settings');
  await expect(page.getByTestId('lock-status')).toContainText('ตั้งรหัสปลดล็อกแล้ว (PIN)');

  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.locator('nav')).toHaveCount(0);
  await desk.screenshot('lock-screen');
  await unlock(page, '135790');
  await expect(page.getByRole('alert')).toHaveText('รหัสปลดล็อกไม่ถูกต้อง');
  for (const pin of ['111111', '222222', '333333']) {
    await unlock(page, pin);
    await expect(page.getByRole('button', { name: 'ปลดล็อก', exact: true })).toBeEnabled();
  }
  await unlock(page, '444444');
  await expect(page.getByTestId('unlock-wait')).toContainText('ใส่รหัสผิด 5 ครั้งติดต่อกัน');
  await expect(page.getByTestId('unlock-wait')).toContainText('กรุณารอ 30 วินาที');
  await expect(page.getByLabel('รหัสปลดล็อก', { exact: true })).toBeDisabled();
  await desk.screenshot('lock-screen-slow-down');
  // Still waiting after a reload: the count is kept with the keyring.
  await page.reload();
  await expect(page.getByTestId('unlock-wait')).toContainText('ใส่รหัสผิด 5 ครั้งติดต่อกัน');
});

test('the right PIN opens the app; it locks itself after the idle time, and the lock button locks at once', async ({ page, syncServer }) => {
  await page.clock.install();
  const desk = await signInThroughUi(page, syncServer.server.url, syncServer.province.editor, 'เครื่องประชาสัมพันธ์');
  await page.removeLocatorHandler(page.getByTestId('unlock-form'));
  await desk.goTo('settings');
  await page.getByLabel('ล็อกเมื่อไม่ได้ใช้งาน').selectOption('5');
  await desk.goTo('news');
  await page.clock.fastForward('04:00');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await unlock(page, E2E_UNLOCK_PIN);
  await expect(desk.navItem('news')).toHaveAttribute('aria-current', 'page');

  await page.getByTestId('nav-lock').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await unlock(page, E2E_UNLOCK_PIN);
  await expect(desk.heading()).toBeVisible();
});

test('a forgotten PIN: signing in to the server again sets a new one, and the data stays', async ({ page, syncServer }) => {
  const { province, server } = syncServer;
  const desk = await signInThroughUi(page, server.url, province.coordinator, 'เครื่องผู้อำนวยการ');
  await page.removeLocatorHandler(page.getByTestId('unlock-form'));
  await loadExampleData(desk);
  await desk.goTo('roster');
  const centre = page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' });
  await expect(centre).toBeVisible();

  await page.getByTestId('nav-lock').click();
  await page.getByRole('button', { name: 'ลืมรหัสปลดล็อก?' }).click();
  await expect(page.getByRole('heading', { name: 'ตั้งรหัสปลดล็อกใหม่ด้วยการเข้าสู่ระบบเซิร์ฟเวอร์' })).toBeVisible();
  await page.getByLabel('รหัสผ่านเซิร์ฟเวอร์').fill('not the password');
  await page.getByRole('button', { name: 'เข้าสู่ระบบและตั้งรหัสใหม่' }).click();
  await expect(page.getByRole('alert')).toContainText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
  await page.getByLabel('รหัสผ่านเซิร์ฟเวอร์').fill(province.coordinator.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบและตั้งรหัสใหม่' }).click();
  await page.getByLabel('รหัสปลดล็อก (PIN 6 หลักขึ้นไป หรือรหัสผ่าน 8 ตัวอักษรขึ้นไป)').fill('รหัสใหม่ที่ยาวพอ');
  await page.getByLabel('ใส่รหัสปลดล็อกอีกครั้ง').fill('รหัสใหม่ที่ยาวพอ');
  await page.getByRole('button', { name: 'ตั้งรหัสปลดล็อก' }).click();
  await expect(centre).toBeVisible();

  await page.reload();
  await unlock(page, E2E_UNLOCK_PIN);
  await expect(page.getByRole('alert')).toHaveText('รหัสปลดล็อกไม่ถูกต้อง');
  await unlock(page, 'รหัสใหม่ที่ยาวพอ');
  await desk.goTo('roster');
  await expect(centre).toBeVisible();
});

test('wipe-device: at its next contact the device deletes everything and says so in Thai', async ({ page, syncServer }) => {
  const { province, server } = syncServer;
  const cli = cliOn(server.store);
  const desk = await signInThroughUi(page, server.url, province.officer, 'โน้ตบุ๊กที่หาย');
  await loadExampleData(desk);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const deviceId = await page.evaluate(() => (JSON.parse(localStorage.getItem('provincedesk.session') ?? '{}') as { deviceId?: string }).deviceId ?? '');
  expect((await cli('wipe-device', '--device', deviceId)).code).toBe(0);

  // Its next contact: the live-events connection may already be it (a server poke, a reconnect); a network
  // coming back makes one for sure, without depending on which screen is still there to press.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('wiped-screen')).toContainText('ข้อมูลในเครื่องนี้ถูกลบแล้ว');
  await expect(page.getByTestId('wiped-screen')).toContainText('ไฟล์สำรองในเครื่อง และกุญแจเข้ารหัสทั้งหมด');
  await desk.screenshot('wiped-notice');
  const left = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('provincedesk.') && k !== 'provincedesk.settings' && k !== 'provincedesk.wipedAt');
    return { names, keys };
  });
  expect(left.names).not.toContain('provincedesk');
  expect(left.names).not.toContain('provincedesk-keyring');
  expect(left.names).not.toContain('provincedesk-local-backups');
  expect(left.keys).toEqual([]);
  expect((await cli('audit-log', '--device', deviceId)).out.map((l) => l.split('\t')[1])).toEqual(['wipe-device', 'wipe-delivered']);

  // The notice stays across a reload until acknowledged; then the computer starts empty.
  await page.reload();
  await expect(page.getByTestId('wiped-screen')).toBeVisible();
  await page.getByRole('button', { name: 'เริ่มใช้งานเครื่องนี้ใหม่' }).click();
  await expect(page.getByTestId('sign-in-form').or(page.getByRole('heading', { level: 1 })).first()).toBeVisible();
  await desk.goTo('roster');
  await expect(page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' })).toHaveCount(0);
});

test('a locked laptop learns it was wiped without being unlocked', async ({ page, syncServer }) => {
  const { province, server } = syncServer;
  const desk = await signInThroughUi(page, server.url, province.editor, 'เครื่องที่ถูกขโมย');
  await page.removeLocatorHandler(page.getByTestId('unlock-form'));
  await loadExampleData(desk);
  await syncNow(page);
  const deviceId = await page.evaluate(() => (JSON.parse(localStorage.getItem('provincedesk.session') ?? '{}') as { deviceId?: string }).deviceId ?? '');
  await page.getByTestId('nav-lock').click();
  expect((await cliOn(server.store)('wipe-device', '--username', province.editor.username)).out).toEqual([`device ${deviceId} will be wiped at its next contact (signed out now)`]);
  await page.reload();
  await expect(page.getByTestId('wiped-screen')).toContainText('ข้อมูลในเครื่องนี้ถูกลบแล้ว');
  expect((await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).filter((n) => n?.startsWith('provincedesk'))).not.toContain('provincedesk-keyring');
});
