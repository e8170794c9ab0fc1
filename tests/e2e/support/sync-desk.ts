import { expect, type Page } from '@playwright/test';
import { DeskPage } from './desk-page';

/** Signs a browser-shell "device" in to the sync server through the sync page, as a user would. */
export async function signInThroughUi(page: Page, serverUrl: string, user: { username: string; password: string }, deviceName: string): Promise<DeskPage> {
  const desk = new DeskPage(page);
  await desk.open('/#/sync');
  await page.getByLabel('ที่อยู่เซิร์ฟเวอร์').fill(serverUrl);
  await page.getByLabel('ชื่อผู้ใช้').fill(user.username);
  await page.getByLabel('รหัสผ่าน').fill(user.password);
  await page.getByLabel('ชื่อเครื่องนี้').fill(deviceName);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return desk;
}

/** Presses "ซิงก์ตอนนี้" on the sync page and waits until the status says up to date. */
export async function syncNow(page: Page): Promise<void> {
  if (!(await page.getByTestId('sync-now').isVisible())) await new DeskPage(page).goTo('sync');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'up-to-date');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
}

/** A record as stored in this device's IndexedDB (read directly: independent of which screen is open). */
export function readRecord(page: Page, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    ([tableName, key]) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('provincedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(tableName, 'readonly').objectStore(tableName).get(key);
          get.onsuccess = () => {
            resolve(get.result as Record<string, unknown> | undefined);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [table, id] as const,
  );
}
