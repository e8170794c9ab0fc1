// Issue 18, item 5, end to end: two browser devices signed in to the real server. The coordinator's reveal
// goes through the server (shown, and on the audit trail after a sync); offline it is refused in Thai; an
// editor's device holds only the masked ID and no contacts, and the server refuses the editor's reveal.
import { expect } from '@playwright/test';
import { RosterPage } from './support/roster-page';
import { readRecord, signInThroughUi, syncNow } from './support/sync-desk';
import { test } from './support/sync-server';

test('reveals a full ID through the server, audited; refused offline and to an editor, whose device holds none', async ({ browser, syncServer: { server, province } }) => {
  test.setTimeout(120_000);
  const coordinatorContext = await browser.newContext();
  const editorContext = await browser.newContext();
  const page = await coordinatorContext.newPage();
  const editorPage = await editorContext.newPage();

  const desk = await signInThroughUi(page, server.url, province.coordinator, 'เครื่องผู้ประสานงาน');
  await desk.goTo('dashboard');
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'โหลดข้อมูลตัวอย่างแล้ว' })).toBeVisible();
  await syncNow(page);

  const roster = new RosterPage(page);
  await desk.goTo('roster');
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  await page.getByRole('table', { name: /คณะกรรมการ/ }).getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toBeVisible();
  const personHash = new URL(page.url()).hash;
  const memberId = /([0-9a-f-]{36})/.exec(personHash)?.[1] as string;
  // The coordinator records the person's ID and phone (the example roster has none) and syncs.
  const full = '1101700230708';
  await page.getByLabel('เลขประจำตัวประชาชน (พิมพ์เพื่อเปลี่ยน)').fill('1-1017-00230-70-8');
  await page.getByLabel('โทรศัพท์').fill('081 234 5678');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByTestId('person-save-status')).toHaveText('บันทึกแล้ว');
  await syncNow(page);
  await page.goto(`/${personHash}`);
  expect((await readRecord(page, 'members', memberId))?.nationalId).toBe(full);

  await expect(page.getByTestId('national-id')).toHaveText(/^x-xxxx-xxxx/);
  await page.getByRole('button', { name: 'แสดงเลขเต็ม' }).click();
  await expect(page.getByTestId('national-id')).toHaveText(`${full[0]}-${full.slice(1, 5)}-${full.slice(5, 10)}-${full.slice(10, 12)}-${full[12]}`);
  await roster.screenshot('reveal-server');
  // The server wrote the audit entry; it comes down with the sync the reveal starts.
  await page.getByRole('button', { name: 'ซ่อน' }).click();
  await page.getByText(/ประวัติการเข้าถึงและแก้ไข/).click();
  await expect(page.getByTestId('audit-trail')).toContainText('เปิดดูเลขประจำตัวประชาชน', { timeout: 15_000 });

  await coordinatorContext.setOffline(true);
  await page.getByRole('button', { name: 'แสดงเลขเต็ม' }).click();
  await expect(page.getByRole('alert')).toContainText('การดูเลขประจำตัวประชาชนเต็มต้องเชื่อมต่อเซิร์ฟเวอร์กลาง');
  await expect(page.getByTestId('national-id')).toHaveText(/^x-xxxx-xxxx/);
  await roster.screenshot('reveal-offline');
  await coordinatorContext.setOffline(false);

  // The editor's device: the person arrives with the ID masked and the contacts withheld.
  await signInThroughUi(editorPage, server.url, province.editor, 'เครื่องประชาสัมพันธ์');
  await syncNow(editorPage);
  await expect.poll(async () => (await readRecord(editorPage, 'members', memberId))?.firstName).toBeTruthy();
  const held = await readRecord(editorPage, 'members', memberId);
  expect(JSON.stringify(held)).not.toContain(full);
  await editorPage.goto(`/${personHash}`);
  await expect(editorPage.getByTestId('person-name')).toBeVisible();
  await expect(editorPage.getByTestId('national-id')).toHaveText(`x-xxxx-xxxx${full[9]}-${full.slice(10, 12)}-${full[12]}`);
  await expect(editorPage.getByLabel('โทรศัพท์')).toHaveValue('');
  await expect(editorPage.getByLabel('โทรศัพท์')).toHaveAttribute('placeholder', 'ซ่อนไว้ตามสิทธิ์ของคุณ (พิมพ์เพื่อเปลี่ยน)');
  await editorPage.getByRole('button', { name: 'แสดงเลขเต็ม' }).click();
  await expect(editorPage.getByRole('alert')).toHaveText('บทบาทของคุณไม่มีสิทธิ์ดูเลขประจำตัวประชาชนเต็มของบุคคลนี้');
  await new RosterPage(editorPage).screenshot('reveal-editor');

  // Saving the editor's form leaves the withheld values alone on the server.
  await editorPage.getByLabel('นามสกุล').fill('ทดสอบแก้นามสกุล');
  await editorPage.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(editorPage.getByTestId('person-save-status')).toHaveText('บันทึกแล้ว');
  await syncNow(editorPage);
  await syncNow(page);
  await expect.poll(async () => (await readRecord(page, 'members', memberId))?.lastName).toBe('ทดสอบแก้นามสกุล');
  expect((await readRecord(page, 'members', memberId))?.nationalId).toBe(full);
  expect((await readRecord(page, 'members', memberId))?.phone).toMatch(/^0\d{8,9}$/);

  await coordinatorContext.close();
  await editorContext.close();
});
