// Issue 3, end to end: two browser contexts are two devices with their own IndexedDB, signed in through the
// UI to the real server (started here on a free port, PGlite in a temp folder, users seeded by the server's
// testing helper). Device A goes offline and edits a news draft and a roster member; device B edits the same
// draft and the same member; both come back; both end with the same data and the coordinator sees the
// conflicts with both texts.
import { expect, type Page } from '@playwright/test';
import { PROTOCOL_HEADERS } from '../../renderer/bridge/web-sync-request';
import { pruneHistory } from '../../server/sync/pull-service';
import { formatStamp, nodeIdFromDeviceId } from '../../shared/sync/hybrid-logical-clock';
import type { LoginResponse, PushResponse } from '../../shared/sync/protocol';
import { redactedValue } from '../../shared/domain/redacted-value';
import { readRecord, sendExampleDataAndOpenAPerson, signInThroughUi, syncNow } from './support/sync-desk';
import { test, type SyncTestServer } from './support/sync-server';


async function editPhone(page: Page, personHash: string, phone: string): Promise<void> {
  await page.goto(`/${personHash}`);
  await expect(page.getByTestId('person-name')).toBeVisible();
  await page.getByLabel('โทรศัพท์').fill(phone);
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByTestId('person-save-status')).toHaveText('บันทึกแล้ว');
}

async function editLead(page: Page, newsId: string, text: string): Promise<void> {
  await page.goto(`/#/news/edit/${newsId}`);
  const lead = page.getByLabel('ความนำ (สรุปย่อ)');
  await expect(lead).toBeEditable();
  await lead.fill(text);
  await expect(page.getByTestId('news-save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await readRecord(page, 'news', newsId))?.lead).toBe(text);
}

test('two devices: an offline edit and a concurrent edit converge, and the conflict shows both texts', async ({ browser, syncServer: { server, province } }) => {
  test.setTimeout(120_000);
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();

  const deskA = await signInThroughUi(a, server.url, province.editor, 'เครื่อง A');
  const deskB = await signInThroughUi(b, server.url, province.coordinator, 'เครื่อง B');
  // B's pulled records get their search tokens in a worker (the window stays free during a big pull). The
  // server pokes B as soon as A sends anything, so B may pull before it is asked to.
  const workerLoaded = b.waitForRequest(/derive-fields-worker/, { timeout: 60_000 });
  await expect(a.getByTestId('signed-in-as')).toContainText('editor 57');
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-state', 'up-to-date');

  // A loads the example rosters (an empty device offers it); they sync to B like any other work.
  const { personHash, memberId } = await sendExampleDataAndOpenAPerson(deskA);

  // A writes a draft with the quick form; it syncs shortly after, by itself.
  await deskA.goTo('news');
  await a.getByLabel('หัวข้อข่าว').fill('ร่างข่าวสัมมนาเครือข่าย ศส.ปชต.');
  await a.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  // The draft is in the list (so written and queued) before "nothing pending" can mean "sent".
  const href = await a.getByRole('link', { name: 'ร่างข่าวสัมมนาเครือข่าย ศส.ปชต.' }).getAttribute('href');
  await expect(a.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 15_000 });
  const newsId = /edit\/([0-9a-f-]{36})/.exec(href ?? '')?.[1] as string;
  expect(newsId).toBeTruthy();

  await syncNow(b);
  await expect.poll(async () => (await readRecord(b, 'news', newsId))?.title).toBe('ร่างข่าวสัมมนาเครือข่าย ศส.ปชต.');
  await expect.poll(async () => (await readRecord(b, 'members', memberId))?.firstName).toBeTruthy();
  await workerLoaded;
  expect(((await readRecord(b, 'news', newsId))?.searchTokens as string[] | undefined)?.length).toBeGreaterThan(0);
  await deskB.goTo('news');
  await b.getByLabel('ค้นหาข่าว').fill('สัมมนา');
  await expect(b.locator('.card-title').filter({ hasText: 'ร่างข่าวสัมมนาเครือข่าย ศส.ปชต.' })).toBeVisible();

  // A goes offline and edits; the change waits in A's outbox.
  await contextA.setOffline(true);
  await expect(deskA.networkStatus()).toHaveAttribute('data-online', 'false');
  await editLead(a, newsId, 'ข้อความนำจากเครื่อง A (แก้ตอนออฟไลน์)');
  await editPhone(a, personHash, '081 111 1111');
  await expect(a.getByTestId('pending-count')).not.toHaveAttribute('data-count', '0');
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');

  // B edits the same field and syncs.
  await editLead(b, newsId, 'ข้อความนำจากเครื่อง B');
  await editPhone(b, personHash, '082 222 2222');
  await syncNow(b);

  // A reconnects: the reconnect alone pushes its change.
  await contextA.setOffline(false);
  await expect(a.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await syncNow(a);
  await syncNow(b);

  const recordA = await readRecord(a, 'news', newsId);
  const recordB = await readRecord(b, 'news', newsId);
  expect(recordA?.lead).toBe(recordB?.lead);
  expect(recordA?._stamps).toEqual(recordB?._stamps);
  const memberA = await readRecord(a, 'members', memberId);
  const memberB = await readRecord(b, 'members', memberId);
  expect(memberB?.phone).toBe('0822222222');
  // A is an editor's device: the phone it typed reached the server, but phones are withheld from
  // editors (issue 18), so the winning value comes back redacted, with the same stamp.
  expect(memberA?.phone).toBe(redactedValue());
  expect(memberA?._stamps).toEqual(memberB?._stamps);

  // The coordinator's conflicts page: both texts, who wrote each.
  await b.goto('/#/sync/conflicts');
  const conflict = b.locator('[data-testid="conflict"][data-field="lead"]');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('ข้อความนำจากเครื่อง A (แก้ตอนออฟไลน์)');
  await expect(conflict).toContainText('ข้อความนำจากเครื่อง B');
  // B wrote last, so B's text is in use; A's offline text is the one kept aside.
  await expect(conflict.getByTestId('conflict-winner')).toContainText('coordinator 57');
  await expect(conflict.getByTestId('conflict-winner')).toContainText('ข้อความนำจากเครื่อง B');
  await expect(conflict.getByTestId('conflict-loser')).toContainText('editor 57');
  await expect(conflict.getByTestId('conflict-loser')).toContainText('ข้อความนำจากเครื่อง A (แก้ตอนออฟไลน์)');
  const phoneConflict = b.locator('[data-testid="conflict"][data-field="phone"]');
  await expect(phoneConflict).toHaveCount(1);
  await expect(phoneConflict.getByTestId('conflict-winner')).toContainText('082-222-2222');
  await expect(phoneConflict.getByTestId('conflict-loser')).toContainText('081-111-1111');
  await deskB.screenshot('sync-conflicts');

  // Keep A's version: it becomes the value on both devices.
  const loserText = await conflict.getByTestId('conflict-loser').getByTestId('conflict-value').innerText();
  await conflict.getByTestId('keep-loser').click();
  await expect(b.locator('[data-testid="conflict"][data-field="lead"]')).toHaveCount(0);
  await expect.poll(async () => (await readRecord(b, 'news', newsId))?.lead, { timeout: 15_000 }).toBe(loserText);
  await syncNow(a);
  expect((await readRecord(a, 'news', newsId))?.lead).toBe(loserText);

  await b.goto('/#/sync');
  await expect(b.getByTestId('sync-history')).toContainText('สำเร็จ');
  await deskB.screenshot('sync-page');
  await contextA.close();
  await contextB.close();
});

test('an offline edit of a news item deleted and pruned meanwhile is refused, and the sync page keeps what was typed', async ({ browser, syncServer }) => {
  const { server, province } = syncServer;
  const context = await browser.newContext();
  const page = await context.newPage();
  const desk = await signInThroughUi(page, server.url, province.editor, 'เครื่องอำเภอ');
  await desk.goTo('news');
  await page.getByLabel('หัวข้อข่าว').fill('ร่างข่าวที่จะถูกลบระหว่างออฟไลน์');
  await page.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  const href = await page.getByRole('link', { name: 'ร่างข่าวที่จะถูกลบระหว่างออฟไลน์' }).getAttribute('href');
  const newsId = /edit\/([0-9a-f-]{36})/.exec(href ?? '')?.[1] as string;
  // The draft is on the server before the device goes offline.
  await syncNow(page);

  await context.setOffline(true);
  await editLead(page, newsId, 'ย่อหน้านำที่พิมพ์ระหว่างออฟไลน์ ห้ามหาย');
  // Meanwhile the coordinator's computer deletes the item and the administrator prunes the history.
  await deleteFromAnotherDevice(syncServer, newsId);
  await pruneHistory(server.store);

  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await desk.goTo('sync');
  const refused = page.getByTestId('rejected-changes');
  await expect(refused).toContainText('ระเบียนนี้ถูกลบไปแล้ว การแก้ไขนี้จึงไม่ได้บันทึก');
  await expect(refused).toContainText('ความนำ');
  await expect(refused).toContainText('ย่อหน้านำที่พิมพ์ระหว่างออฟไลน์ ห้ามหาย');
  // Only what was changed offline, not the whole draft.
  await expect(refused).not.toContainText('หมวดหมู่');
  await refused.scrollIntoViewIfNeeded();
  await desk.screenshot('sync-refused-change');
  await context.close();
});

/** Another device (the coordinator's) deletes a news item: a tombstone pushed over the protocol. */
async function deleteFromAnotherDevice({ server, province }: SyncTestServer, newsId: string): Promise<void> {
  const login = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ username: province.coordinator.username, password: province.coordinator.password, deviceName: 'เครื่องผู้อำนวยการ' }),
  });
  const { token, deviceId } = (await login.json()) as LoginResponse;
  const stamp = formatStamp({ millis: Date.now(), counter: 0, node: nodeIdFromDeviceId(deviceId) });
  const push = await fetch(`${server.url}/v1/sync/push`, {
    method: 'POST',
    headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ mutations: [{ id: `${deviceId}:1`, table: 'news', recordId: newsId, provinceCode: '57', districtCode: null, changes: { deleted: { value: true, stamp, prev: null } } }] }),
  });
  expect(((await push.json()) as PushResponse).results[0]?.status).toBe('applied');
}

test('a wrong password is refused in plain Thai', async ({ page, syncServer: { server, province } }) => {
  await page.goto('/#/sync');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await page.getByLabel('ที่อยู่เซิร์ฟเวอร์').fill(server.url);
  await page.getByLabel('ชื่อผู้ใช้').fill(province.editor.username);
  await page.getByLabel('รหัสผ่าน').fill('not-the-password');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'signed-out');
});

test('a computer whose device code another user’s device uses is told so plainly, and its work waits on it', async ({ page, syncServer: { server, province } }) => {
  const desk = await signInThroughUi(page, server.url, province.editor, 'เครื่องที่คัดลอกมา');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'up-to-date');
  // Another user's computer, still signed in, already stamps with this PC's node (its app was copied from here).
  const localId = (await readRecord(page, 'syncState', 'device'))?.value as string;
  const login = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ username: province.coordinator.username, password: province.coordinator.password, deviceName: 'เครื่องต้นฉบับ' }),
  });
  const origin = (await login.json()) as LoginResponse;
  await server.store.sql.query('INSERT INTO device_nodes (node, device_id, user_id) VALUES ($1, $2, $3)', [nodeIdFromDeviceId(localId), origin.deviceId, origin.user.id]);

  await desk.goTo('news');
  await page.getByLabel('หัวข้อข่าว').fill('ร่างที่รอส่ง');
  await page.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
  await desk.goTo('sync');
  await page.getByTestId('sync-now').click();
  const problem = page.getByTestId('sync-problem');
  await expect(problem).toContainText('เครื่องนี้ใช้รหัสประจำเครื่องเดียวกับอุปกรณ์อื่นที่ยังลงทะเบียนอยู่');
  await expect(problem).toContainText('เครื่องต้นฉบับ');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/sync-node-in-use.png', fullPage: false });

  // The administrator revokes the other computer: this one syncs by itself next time, nothing lost.
  await fetch(`${server.url}/v1/auth/logout`, { method: 'POST', headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${origin.token}` } });
  await syncNow(page);
});
