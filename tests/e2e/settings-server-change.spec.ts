// Issue 18, item 7: a new server address in Settings signs the computer out first — its token never goes to
// the new address — and says in Thai that changes still waiting will go to the new server after signing in
// there. Cancel changes nothing.
import { expect } from '@playwright/test';
import { signInThroughUi, syncNow } from './support/sync-desk';
import { test } from './support/sync-server';

test('changing the server address asks first, then signs out; the token never reaches the new address', async ({ page, context, syncServer: { server, province } }) => {
  const desk = await signInThroughUi(page, server.url, province.editor, 'เครื่องทดสอบ');
  await syncNow(page);
  // A change that waits: written offline.
  await context.setOffline(true);
  await desk.goTo('news');
  await page.getByLabel('หัวข้อข่าว').fill('ร่างข่าวที่ยังไม่ได้ส่ง');
  await page.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
  // (Still offline while the address changes: online, the app would send the draft at once. The old
  // server cannot be told then; the token is forgotten all the same.)

  // Whatever reaches the "new server" is recorded: it must never carry the token.
  const newServer = 'http://127.0.0.1:9';
  const arrived: Array<string | undefined> = [];
  await page.route(`${newServer}/**`, async (route) => {
    arrived.push(route.request().headers().authorization);
    await route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: 'unauthorized', message: 'x' }) });
  });

  await desk.goTo('settings');
  await page.getByLabel('ที่อยู่เซิร์ฟเวอร์กลาง').fill(newServer);
  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain('เครื่องนี้จะออกจากระบบของเซิร์ฟเวอร์เดิมก่อน');
  expect(dialogs[0]).toContain(`ยังมีการแก้ไข 1 รายการที่ยังไม่ได้ส่งไปยังเซิร์ฟเวอร์เดิม`);
  expect(dialogs[0]).toContain(`จะถูกส่งไปยังเซิร์ฟเวอร์ ${newServer} เมื่อเข้าสู่ระบบที่นั่น`);
  // Cancelled: still signed in to the old server, the address unchanged.
  expect(await page.evaluate(() => localStorage.getItem('provincedesk.token'))).not.toBeNull();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('provincedesk.settings') ?? '{}').serverUrl)).toBe(server.url);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'เครื่องนี้ออกจากระบบเซิร์ฟเวอร์เดิมแล้ว กรุณาเข้าสู่ระบบเซิร์ฟเวอร์ใหม่ที่หน้า ซิงก์ข้อมูล' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('provincedesk.token'))).toBeNull();
  await desk.screenshot('settings-server-changed');
  await context.setOffline(false);
  await desk.goTo('sync');
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  // The change still waits, for the next sign-in.
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
  expect(arrived.every((authorization) => authorization === undefined)).toBe(true);
});
