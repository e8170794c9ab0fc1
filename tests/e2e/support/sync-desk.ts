import { expect, type Page } from '@playwright/test';
import { DeskPage } from './desk-page';

/** The unlock PIN every signed-in test device sets at its first sign-in (issue 14). */
export const E2E_UNLOCK_PIN = '246810';

/**
 * Signs a browser-shell "device" in to the sync server through the sync page, as a user would, and sets the
 * unlock PIN the first sign-in asks for. From then on the unlock screen, whenever a reload brings it up, is
 * answered with that PIN (a Playwright locator handler), so specs navigate with page.goto as before.
 */
export async function signInThroughUi(page: Page, serverUrl: string, user: { username: string; password: string }, deviceName: string): Promise<DeskPage> {
  const desk = new DeskPage(page);
  await desk.open('/#/sync');
  await page.getByLabel('ที่อยู่เซิร์ฟเวอร์').fill(serverUrl);
  await page.getByLabel('ชื่อผู้ใช้').fill(user.username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(user.password);
  await page.getByLabel('ชื่อเครื่องนี้').fill(deviceName);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  await setUnlockPin(page);
  await unlockWhenLocked(page);
  // The same "device" opened again in a new page (a closed app reopened) is unlocked the same way.
  page.context().on('page', (reopened) => void unlockWhenLocked(reopened));
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await whenOfflineCopyKept(page);
  return desk;
}

/**
 * Waits until the built browser shell's service worker keeps every file (a laptop used online has that copy
 * long before its link drops): specs go offline right after signing in and then open screens for the first
 * time, which would otherwise race the precache. Nothing to wait for where no service worker is registered.
 */
export async function whenOfflineCopyKept(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return;
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration) await navigator.serviceWorker.ready;
  });
}

/** Answers the set-up screen of the first sign-in with the test PIN. */
export async function setUnlockPin(page: Page, pin = E2E_UNLOCK_PIN): Promise<void> {
  const setup = page.getByTestId('lock-setup-form');
  await setup.getByLabel('รหัสปลดล็อก (PIN 6 หลักขึ้นไป หรือรหัสผ่าน 8 ตัวอักษรขึ้นไป)').fill(pin);
  await setup.getByLabel('ใส่รหัสปลดล็อกอีกครั้ง').fill(pin);
  await setup.getByRole('button', { name: 'ตั้งรหัสปลดล็อก' }).click();
  await expect(page.getByTestId('lock-setup')).toHaveCount(0);
}

/** From now on, the unlock screen is answered with the PIN whenever it shows (after a reload, an idle lock). */
export async function unlockWhenLocked(page: Page, pin = E2E_UNLOCK_PIN): Promise<void> {
  await page.addLocatorHandler(page.getByTestId('unlock-form'), async (form) => {
    await form.getByLabel('รหัสปลดล็อก', { exact: true }).fill(pin);
    await form.getByRole('button', { name: 'ปลดล็อก' }).click();
  });
}

/** Presses "ซิงก์ตอนนี้" on the sync page and waits until the status says up to date. */
export async function syncNow(page: Page): Promise<void> {
  if (!(await page.getByTestId('sync-now').isVisible())) await new DeskPage(page).goTo('sync');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'up-to-date');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
}

/**
 * A record as this device stores it, independent of which screen is open: through the app's data layer (the
 * browser shell's test hook), which opens the personal fields sealed at rest; directly from IndexedDB before
 * the app has opened its data.
 */
export function readRecord(page: Page, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    ([tableName, key]) =>
      window.__provincedeskReadRecord
        ? (window.__provincedeskReadRecord(tableName, key) as Promise<Record<string, unknown> | undefined>)
        : new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
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

/**
 * Loads the example data on a signed-in device, waits until it is sent, and opens a committee member of
 * ศส.ปชต. ตำบลเวียง (district 5701): the person two devices then share.
 */
export async function sendExampleDataAndOpenAPerson(desk: DeskPage): Promise<{ personHash: string; memberId: string }> {
  const { page } = desk;
  await desk.goTo('dashboard');
  await desk.loadExampleData();
  // Loaded (so queued) first: only then does "nothing pending" mean "sent".
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await desk.goTo('roster');
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  await page.getByRole('table', { name: /คณะกรรมการ/ }).getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toBeVisible();
  const personHash = new URL(page.url()).hash;
  const memberId = /([0-9a-f-]{36})/.exec(personHash)?.[1] as string;
  expect(memberId).toBeTruthy();
  return { personHash, memberId };
}
