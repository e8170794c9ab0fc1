// Issue 17, end to end: nothing typed is ever lost. Two browser contexts are two devices (an officer's and a
// coordinator's laptop) signed in to the real server. The roster person form is where the loss was found:
// - two offline edits of one phone, synced in either order, with or without closing the app while offline,
//   end as one value on both devices and a conflict that keeps the other;
// - a form left open while another device's change arrives shows it in the fields not typed in, and offers it
//   beside what was typed in the others; saved without choosing, the server keeps both;
// - a change the server refuses is listed as the forms show it (Thai labels, place names, BE dates).
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createOffice, setUserOffice } from '../../server/accounts/accounts-repository';
import { DeskPage } from './support/desk-page';
import { readRecord, sendExampleDataAndOpenAPerson, signInThroughUi, syncNow } from './support/sync-desk';
import { test, type SyncTestServer } from './support/sync-server';

interface Devices {
  contextA: BrowserContext;
  contextB: BrowserContext;
  a: Page;
  b: Page;
  personHash: string;
  memberId: string;
}

/** Officer A loads the example rosters and sends them; coordinator B receives them. Both know one person. */
async function twoDevicesWithAPerson(browser: Browser, { server, province }: SyncTestServer): Promise<Devices> {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  const deskA = await signInThroughUi(a, server.url, province.officer, 'โน้ตบุ๊กอำเภอ');
  await signInThroughUi(b, server.url, province.coordinator, 'เครื่องผู้อำนวยการ');
  const { personHash, memberId } = await sendExampleDataAndOpenAPerson(deskA);
  await syncNow(b);
  await expect.poll(async () => (await readRecord(b, 'members', memberId))?.firstName).toBeTruthy();
  return { contextA, contextB, a, b, personHash, memberId };
}

async function openPerson(page: Page, personHash: string): Promise<void> {
  await page.goto(`/${personHash}`);
  await expect(page.getByTestId('person-name')).toBeVisible();
}

async function savePerson(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByTestId('person-save-status')).toHaveText('บันทึกแล้ว');
}

async function editPhone(page: Page, personHash: string, phone: string): Promise<void> {
  await openPerson(page, personHash);
  await page.getByLabel('โทรศัพท์').fill(phone);
  await savePerson(page);
}

/** The conflicts the server keeps for one field of the person. */
async function serverConflicts(syncServer: SyncTestServer, memberId: string, field: string) {
  const { rows } = await syncServer.server.store.sql.query<{ winner_value: unknown; loser_value: unknown }>(
    'SELECT winner_value, loser_value FROM conflicts WHERE record_id = $1 AND field = $2',
    [memberId, field],
  );
  return rows;
}

/** Opens a device's app again after it was closed: same profile, same IndexedDB, nothing kept in memory. */
async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await new DeskPage(page).open('/#/sync');
  return page;
}

for (const first of ['A', 'B'] as const) {
  for (const restartOffline of [false, true]) {
    test(`two offline edits of one phone, ${first} syncing first${restartOffline ? ', both apps closed while offline and opened again online' : ''}: one value everywhere, the other kept as a conflict`, async ({ browser, syncServer }) => {
      test.setTimeout(120_000);
      const devices = await twoDevicesWithAPerson(browser, syncServer);
      const { contextA, contextB, personHash, memberId } = devices;
      let { a, b } = devices;

      await contextA.setOffline(true);
      await contextB.setOffline(true);
      await editPhone(a, personHash, '081 111 1111');
      await editPhone(b, personHash, '082 222 2222');
      if (restartOffline) {
        await a.close();
        await b.close();
      }

      // Back online one after the other; each app opened again if it was closed.
      const [firstDevice, secondDevice] = first === 'A' ? (['A', 'B'] as const) : (['B', 'A'] as const);
      for (const device of [firstDevice, secondDevice]) {
        const context = device === 'A' ? contextA : contextB;
        await context.setOffline(false);
        const page = restartOffline ? await reopen(context) : device === 'A' ? a : b;
        if (device === 'A') a = page;
        else b = page;
        await syncNow(page);
      }
      await syncNow(firstDevice === 'A' ? a : b);

      // B wrote last, so B's number is in use on both devices and the server; A's is kept.
      expect((await readRecord(a, 'members', memberId))?.phone).toBe('0822222222');
      expect((await readRecord(b, 'members', memberId))?.phone).toBe('0822222222');
      expect(await serverConflicts(syncServer, memberId, 'phone')).toEqual([{ winner_value: '0822222222', loser_value: '0811111111' }]);
      await b.goto('/#/sync/conflicts');
      const conflict = b.locator('[data-testid="conflict"][data-field="phone"]');
      await expect(conflict).toHaveCount(1);
      await expect(conflict.getByTestId('conflict-winner')).toContainText('082-222-2222');
      await expect(conflict.getByTestId('conflict-loser')).toContainText('081-111-1111');
      await contextA.close();
      await contextB.close();
    });
  }
}

test('an open form shows a change from another device in the fields not typed in, and offers it beside what was typed', async ({ browser, syncServer }) => {
  test.setTimeout(120_000);
  const { contextA, contextB, a, b, personHash, memberId } = await twoDevicesWithAPerson(browser, syncServer);
  const before = await readRecord(b, 'members', memberId);

  // B opens the person and starts typing a new LINE ID; nothing is saved yet.
  await openPerson(b, personHash);
  await b.getByLabel('LINE ID').fill('line-from-b');
  // Meanwhile A changes the phone and the LINE ID and sends them; the server pokes B, which pulls.
  await openPerson(a, personHash);
  await a.getByLabel('โทรศัพท์').fill('081 111 1111');
  await a.getByLabel('LINE ID').fill('line-from-a');
  await savePerson(a);
  await syncNow(a);

  // The phone B did not touch now shows A's number; the LINE ID B typed stays, with A's beside it.
  await expect(b.getByLabel('โทรศัพท์')).toHaveValue('081-111-1111', { timeout: 20_000 });
  await expect(b.getByLabel('LINE ID')).toHaveValue('line-from-b');
  const clash = b.locator('[data-testid="field-clash"][data-field="lineId"]');
  await expect(clash).toContainText('line-from-a');
  await expect(clash).toContainText('line-from-b');
  await new DeskPage(b).screenshot('person-form-clash');

  // Saved without choosing: B's value is stored, A's phone is not put back, and the server keeps both IDs.
  await savePerson(b);
  await syncNow(b);
  await syncNow(a);
  expect((await readRecord(b, 'members', memberId))?.phone).toBe('0811111111');
  expect((await readRecord(a, 'members', memberId))).toMatchObject({ phone: '0811111111', lineId: 'line-from-b' });
  expect(await serverConflicts(syncServer, memberId, 'lineId')).toEqual([{ winner_value: 'line-from-b', loser_value: 'line-from-a' }]);
  expect(await serverConflicts(syncServer, memberId, 'phone')).toEqual([]);
  expect(before?.phone).not.toBe('0811111111');
  await contextA.close();
  await contextB.close();
});

test('a change from another device offered beside what was typed can be taken instead', async ({ browser, syncServer }) => {
  test.setTimeout(120_000);
  const { contextA, contextB, a, b, personHash, memberId } = await twoDevicesWithAPerson(browser, syncServer);
  await openPerson(b, personHash);
  await b.getByLabel('อีเมล').fill('b@example.go.th');
  await openPerson(a, personHash);
  await a.getByLabel('อีเมล').fill('a@example.go.th');
  await savePerson(a);
  await syncNow(a);

  const clash = b.locator('[data-testid="field-clash"][data-field="email"]');
  await expect(clash).toContainText('a@example.go.th', { timeout: 20_000 });
  await clash.getByRole('button', { name: 'ใช้ค่าจากเครื่องอื่น' }).click();
  await expect(b.getByLabel('อีเมล')).toHaveValue('a@example.go.th');
  await expect(b.getByTestId('field-clashes')).toHaveCount(0);
  // Nothing left to save: the form shows what is stored.
  await savePerson(b);
  expect(await b.evaluate(() => document.querySelector('[data-testid="pending-count"]')?.getAttribute('data-count'))).toBe('0');
  expect((await readRecord(b, 'members', memberId))?.email).toBe('a@example.go.th');
  await contextA.close();
  await contextB.close();
});

test('a change the server refuses is listed with Thai field names and values as the forms show them', async ({ page, syncServer }) => {
  const { server, province } = syncServer;
  const desk = await signInThroughUi(page, server.url, province.officer, 'โน้ตบุ๊กอำเภอ');
  await page.context().setOffline(true);
  // Offline, the officer starts the centre of a tambon of their district…
  await page.goto('/#/roster/tambon/570101');
  await page.getByRole('button', { name: 'สร้างศูนย์ ศส.ปชต. ของตำบลนี้' }).click();
  await expect(page.getByRole('form', { name: 'ข้อมูลศูนย์' })).toBeVisible();
  // …and is moved to another district's office before the laptop is back online.
  const office = await createOffice(server.store.sql, { provinceCode: '57', districtCode: '5702', name: 'อำเภอแม่ลาว' });
  await setUserOffice(server.store.sql, province.officer.id, office.id);
  await page.context().setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await desk.goTo('sync');
  const refused = page.getByTestId('rejected-changes');
  await expect(refused).toContainText('ระเบียนนี้อยู่นอกพื้นที่ที่คุณมีสิทธิ์แก้ไข');
  await expect(refused).toContainText('ตำบล');
  await expect(refused).toContainText('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย');
  await expect(refused).toContainText('ดำเนินการอยู่');
  // Nothing as stored: no DOPA code, no ISO time, no English status word.
  await expect(refused).not.toContainText('570101');
  await expect(refused).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(refused).not.toContainText('active');
  await refused.scrollIntoViewIfNeeded();
  await desk.screenshot('sync-refused-centre');
});

test('an open news editor takes another device\'s words in fields not typed in, and its autosave never puts the old ones back', async ({ browser, syncServer }) => {
  test.setTimeout(120_000);
  const { server, province } = syncServer;
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  const deskA = await signInThroughUi(a, server.url, province.editor, 'เครื่องฝ่ายประชาสัมพันธ์');
  await signInThroughUi(b, server.url, province.coordinator, 'เครื่องผู้อำนวยการ');
  await deskA.goTo('news');
  await a.getByLabel('หัวข้อข่าว', { exact: true }).fill('ร่างข่าวที่สองเครื่องเปิดพร้อมกัน');
  await a.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  const href = await a.getByRole('link', { name: 'ร่างข่าวที่สองเครื่องเปิดพร้อมกัน' }).getAttribute('href');
  const newsId = /edit\/([0-9a-f-]{36})/.exec(href ?? '')?.[1] as string;
  await syncNow(a);
  await syncNow(b);

  // Both open the draft; B starts typing in the body.
  await b.goto(`/#/news/edit/${newsId}`);
  await expect(b.getByTestId('news-body')).toBeVisible();
  await b.getByTestId('news-body').click();
  await b.keyboard.type('ย่อหน้าจากเครื่อง B');
  await a.goto(`/#/news/edit/${newsId}`);
  const leadA = a.getByRole('textbox', { name: 'ความนำ (สรุปย่อ)' });
  await leadA.fill('ความนำจากเครื่อง A');
  await a.getByTestId('news-body').click();
  await a.keyboard.type('ย่อหน้าจากเครื่อง A');
  await expect(a.getByTestId('news-save-state')).toHaveAttribute('data-state', 'saved');
  await syncNow(a);

  // B's untouched lead follows; the body B typed in stays as B wrote it, with A's offered beside it.
  await expect(b.getByRole('textbox', { name: 'ความนำ (สรุปย่อ)' })).toHaveValue('ความนำจากเครื่อง A', { timeout: 20_000 });
  const bodyClash = b.locator('[data-testid="field-clash"][data-field="bodyHtml"]');
  await expect(bodyClash).toContainText('ย่อหน้าจากเครื่อง A');
  await expect(b.getByTestId('news-body')).toContainText('ย่อหน้าจากเครื่อง B');
  await expect(b.getByTestId('news-body')).not.toContainText('ย่อหน้าจากเครื่อง A');
  await new DeskPage(b).screenshot('news-editor-clash');
  // B types on in the title: its autosave writes the title only, never its old lead.
  await b.getByRole('textbox', { name: 'หัวข้อข่าว' }).fill('หัวข้อที่เครื่อง B แก้');
  await expect(b.getByTestId('news-save-state')).toHaveAttribute('data-state', 'saved');
  // Having seen A's body, B keeps its own: saved over A's as an ordinary edit.
  await bodyClash.getByRole('button', { name: 'ใช้ค่าที่ฉันพิมพ์' }).click();
  await expect(b.getByTestId('field-clashes')).toHaveCount(0);
  await expect(b.getByTestId('news-save-state')).toHaveAttribute('data-state', 'saved');
  await syncNow(b);
  await syncNow(a);
  const final = await readRecord(a, 'news', newsId);
  expect(final).toMatchObject({ title: 'หัวข้อที่เครื่อง B แก้', lead: 'ความนำจากเครื่อง A' });
  expect(String(final?.bodyHtml)).toContain('ย่อหน้าจากเครื่อง B');
  // A's body, overwritten, is still on the server, in a conflict for the coordinator.
  const { rows } = await server.store.sql.query<{ winner_value: unknown; loser_value: unknown }>('SELECT winner_value, loser_value FROM conflicts WHERE record_id = $1 AND field = $2', [newsId, 'bodyHtml']);
  expect(rows.flatMap((r) => [String(r.winner_value), String(r.loser_value)]).some((v) => v.includes('ย่อหน้าจากเครื่อง A'))).toBe(true);
  await contextA.close();
  await contextB.close();
});
