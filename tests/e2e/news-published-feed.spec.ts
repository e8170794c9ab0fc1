// Issue 4 with the real server: an editor writes a news item with a photo offline and submits it;
// a coordinator on another device approves and publishes it; after sync the central server's
// published feed (JSON, RSS, the article page and its photo) carries it, and the coordinator's
// HTML export contains it. Two browser contexts are two devices, each with its own IndexedDB.
import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { NewsPage } from './support/news-page';
import { pngImage } from './support/news-test-images';
import { test } from './support/sync-server';
import { signInThroughUi, syncNow } from './support/sync-desk';


test('an editor writes offline, a coordinator approves and publishes, and the server feed carries it', async ({ browser, syncServer: { server, province } }) => {
  test.setTimeout(120_000);
  const title = 'สำนักงาน กกต. จังหวัดเชียงราย จัดอบรมเครือข่าย ศส.ปชต.';
  const editorContext = await browser.newContext();
  const coordinatorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  const coordinatorPage = await coordinatorContext.newPage();
  const editorDesk = await signInThroughUi(editorPage, server.url, province.editor, 'เครื่องฝ่ายประชาสัมพันธ์');
  await signInThroughUi(coordinatorPage, server.url, province.coordinator, 'เครื่องผู้อำนวยการ');

  // The editor, offline: a draft with a lead and a photo, submitted for review.
  await editorContext.setOffline(true);
  await editorDesk.goTo('news');
  const editor = new NewsPage(editorPage);
  await editor.createDraft(title);
  await editor.openFromList(title);
  await editor.field('ความนำ (สรุปย่อ)').fill('ผู้แทนศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบลทุกแห่งในอำเภอเมืองเชียงรายเข้าร่วมการอบรม');
  await editor.field('วันที่ของข่าว (พ.ศ.)').fill('16/6/2565');
  await editor.pickPhotos([{ name: 'อบรม.png', mimeType: 'image/png', buffer: pngImage(640, 480, [35, 58, 122], [200, 150, 46]) }]);
  await expect(editor.photos()).toHaveCount(1);
  await editor.waitSaved();
  await editor.action('ส่งตรวจ').click();
  await expect(editor.status()).toHaveText('รอตรวจ');
  await expect(editor.action('อนุมัติ')).toHaveCount(0);

  // Back online: the draft, its photo and the submission reach the server.
  await editorContext.setOffline(false);
  await syncNow(editorPage);

  // The coordinator approves and publishes on another device.
  await syncNow(coordinatorPage);
  await coordinatorPage.goto('/#/news');
  const coordinator = new NewsPage(coordinatorPage);
  await coordinator.openFromList(title);
  await expect(coordinator.status()).toHaveText('รอตรวจ');
  await coordinator.action('อนุมัติ').click();
  await expect(coordinator.status()).toHaveText('อนุมัติแล้ว');
  await coordinator.action('เผยแพร่').click();
  await expect(coordinator.status()).toHaveText('เผยแพร่แล้ว');
  await syncNow(coordinatorPage);

  // The published feed of the province, as a website would read it.
  const feed = (await (await fetch(`${server.url}/feed/57/news.json`)).json()) as { items: { id: string; title: string; url: string; photos?: { url: string }[] }[] };
  const item = feed.items.find((i) => i.title === title);
  expect(item, 'the published item is in the feed').toBeDefined();
  const rss = await (await fetch(`${server.url}/feed/57/news.rss`)).text();
  expect(rss).toContain(title);
  const article = await (await fetch(`${server.url}/feed/57/news/${item!.id}.html`)).text();
  expect(article).toContain(title);
  expect(article).toContain('วันที่ 16 มิ.ย. 2565');
  const photoUrl = /<img[^>]+src="([^"]+\/photos\/[0-9a-f]{64})"/.exec(article)?.[1];
  expect(photoUrl, 'the article page shows the photo').toBeTruthy();
  const photo = await fetch(photoUrl!.startsWith('http') ? photoUrl! : `${server.url}${photoUrl}`);
  expect(photo.status).toBe(200);
  expect(photo.headers.get('content-type')).toBe('image/png');

  // The editor's device sees the published state after its next sync.
  await syncNow(editorPage);
  await editorPage.goto('/#/news');
  await expect(editor.cardTitle(title)).toBeVisible();
  await editor.openFromList(title);
  await expect(editor.status()).toHaveText('เผยแพร่แล้ว');

  // And the coordinator's HTML export contains it.
  await coordinatorPage.goto('/#/news');
  await coordinator.openFromList(title);
  await coordinatorPage.getByRole('button', { name: 'ตัวอย่างบนเว็บไซต์' }).click();
  const exported = await readFile(await (await coordinator.download('ส่งออก HTML')).path(), 'utf8');
  expect(exported).toContain(title);
  expect(exported).toContain('วันที่ 16 มิ.ย. 2565');

  await editorContext.close();
  await coordinatorContext.close();
});
