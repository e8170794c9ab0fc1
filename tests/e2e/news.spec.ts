import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { parseSeminarArticle } from '../../renderer/app/sample-data/seed-pages';
import { DeskPage } from './support/desk-page';
import { NewsPage } from './support/news-page';
import { brokenPng, pngImage } from './support/news-test-images';

const seed = parseSeminarArticle(await readFile(new URL('../../renderer/app/sample-data/seeds/seminar-article.txt', import.meta.url), 'utf8'));

test('writes a news item from the seed article with two photos offline, then submit, approve, publish and export', async ({ page, context }) => {
  const desk = new DeskPage(page);
  const news = new NewsPage(page);
  await desk.open('/#/news');
  await context.setOffline(true);
  await expect(desk.networkStatus()).toHaveText('ออฟไลน์');

  await news.createDraft(seed.title);
  await news.openFromList(seed.title);
  await news.field('ความนำ (สรุปย่อ)').fill(seed.paragraphs[0]!);
  await news.field('วันที่ของข่าว (พ.ศ.)').fill('26/8/2565');
  await news.field('แท็ก (คั่นด้วยจุลภาค)').fill('ศส.ปชต., เครือข่าย');

  // Thai typing, and Backspace that removes one tone mark, not the whole cluster.
  await news.body().click();
  await page.keyboard.type('กี่');
  await page.keyboard.press('Backspace');
  await expect(news.body()).toHaveText('กี');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(news.body()).toHaveText('');

  // The article's paragraphs, as typed text.
  for (const paragraph of seed.paragraphs.slice(1, 4)) {
    await page.keyboard.insertText(paragraph);
    await page.keyboard.press('Enter');
  }
  // Bold from the keyboard.
  await page.keyboard.press('Control+b');
  await page.keyboard.insertText('รวมพลคน ศส.ปชต.');
  await page.keyboard.press('Control+b');
  await expect(news.body().locator('strong')).toHaveText('รวมพลคน ศส.ปชต.');
  await page.keyboard.press('Enter');

  // The working groups pasted from Word: kept as a list, the mso junk dropped.
  const wordList = seed.listItems
    .map((item) => `<p class=MsoListParagraphCxSpMiddle style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·<span style="font:7.0pt">&nbsp;</span></span><![endif]><span lang=TH style="font-family:&quot;TH SarabunPSK&quot;">${item}</span><o:p></o:p></p>`)
    .join('\n');
  await news.pasteHtml(`<html><head><style>.MsoNormal{}</style></head><body><!--StartFragment-->${wordList}<!--EndFragment--></body></html>`, seed.listItems.join('\n'));
  await expect(news.body().locator('ul > li')).toHaveCount(seed.listItems.length);
  await expect(news.body().locator('[style], [class*="Mso"]')).toHaveCount(0);
  await news.waitSaved();
  await expect(page.getByTestId('news-counts')).toContainText('คำ');

  // A file that is not an image, and a broken one: a Thai message and nothing stored.
  await news.pickPhotos([{ name: 'รายงาน.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a picture') }]);
  await expect(page.getByRole('alert')).toHaveText('ไฟล์ “รายงาน.pdf” ไม่ใช่รูปภาพ (รับเฉพาะ JPEG, PNG, WebP และ GIF) จึงไม่ได้บันทึกรูปใดเลย');
  await news.pickPhotos([
    { name: 'ดี.png', mimeType: 'image/png', buffer: pngImage(40, 30, [35, 58, 122], [200, 150, 46]) },
    { name: 'เสีย.png', mimeType: 'image/png', buffer: brokenPng() },
  ]);
  await expect(page.getByRole('alert')).toHaveText('ไฟล์ “เสีย.png” เสียหาย เปิดเป็นรูปภาพไม่ได้ จึงไม่ได้บันทึกรูปใดเลย');
  await expect(news.photos()).toHaveCount(0);

  // Two photos; the large one is scaled down before it is stored.
  await news.pickPhotos([
    { name: 'เวที.png', mimeType: 'image/png', buffer: pngImage(3000, 2000, [35, 58, 122], [200, 150, 46]) },
    { name: 'ผู้เข้าร่วม.png', mimeType: 'image/png', buffer: pngImage(800, 600, [31, 122, 77], [240, 240, 240]) },
  ]);
  await expect(news.photos()).toHaveCount(2);
  const sizes = await news.photos().locator('img').evaluateAll((imgs) => imgs.map((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]));
  expect(sizes).toEqual([[2000, 1333], [800, 600]]);
  await news.field('คำบรรยายภาพ 1').fill('บรรยากาศการเสวนา');
  await news.field('คำบรรยายภาพ 2').fill('ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร');
  await news.field('คำบรรยายภาพ 2').blur();
  await news.page.getByRole('button', { name: 'เลื่อนลง 1' }).click();
  await expect(news.photos().first().getByLabel('คำบรรยายภาพ 1')).toHaveValue('ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร');
  await news.waitSaved();
  await desk.screenshot('news-editor');

  // Workflow: the editor submits and may not approve.
  await news.action('ส่งตรวจ').click();
  await expect(news.status()).toHaveText('รอตรวจ');
  await expect(news.action('อนุมัติ')).toHaveCount(0);
  await expect(news.revisions()).toHaveCount(1);

  await news.actAs('coordinator');
  await news.action('อนุมัติ').click();
  await expect(news.status()).toHaveText('อนุมัติแล้ว');
  await news.action('เผยแพร่').click();
  await expect(news.status()).toHaveText('เผยแพร่แล้ว');
  await expect(news.history()).toHaveCount(3);
  await expect(news.history().nth(2)).toContainText('เผยแพร่');

  // Preview as the website shows it.
  await page.getByRole('link', { name: '← กลับไปรายการข่าว' }).click();
  await news.openFromList(seed.title);
  await page.getByRole('button', { name: 'ตัวอย่างบนเว็บไซต์' }).click();
  await expect(page.locator('.news-article-title')).toHaveText(seed.title);
  await expect(page.locator('.news-article-date')).toHaveText('วันที่ 26 ส.ค. 2565');
  await expect(page.locator('.news-article img')).toHaveCount(2);
  await expect(page.locator('.news-article-body li')).toHaveCount(seed.listItems.length);
  await desk.screenshot('news-preview');

  // Exports: a self-contained HTML file and a DOCX in the government format.
  const html = await (await news.download('ส่งออก HTML')).path();
  const htmlText = await readFile(html, 'utf8');
  expect(htmlText).toContain(seed.title);
  expect(htmlText).toContain('วันที่ 26 ส.ค. 2565');
  expect(htmlText.match(/<img src="data:image\/(png|jpeg);base64,/g)).toHaveLength(2);
  expect(htmlText).toContain("@font-face{font-family:'Sarabun'");
  const docx = await JSZip.loadAsync(await readFile(await (await news.download('ส่งออก DOCX')).path()));
  const documentXml = await docx.file('word/document.xml')!.async('string');
  const docText = [...documentXml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(docText).toContain('วันที่ 26 สิงหาคม 2565');
  expect(docText).toContain('บรรยากาศการเสวนา');
  expect(Object.keys(docx.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
  expect(await docx.file('word/styles.xml')!.async('string')).toContain('TH Sarabun New');
});

test('lists, searches in Thai and filters the news', async ({ page }) => {
  const desk = new DeskPage(page);
  const news = new NewsPage(page);
  await desk.open('/#/news');
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await expect(news.resultCount()).toHaveText('พบ 2 เรื่อง');
  await news.search().fill('เสว');
  await expect(news.resultCount()).toHaveText('พบ 1 เรื่อง');
  await expect(page.locator('.card-title')).toContainText('รวมพลคน ศส.ปชต.');
  await news.search().fill('');
  await news.filter('สถานะ').selectOption({ label: 'รอตรวจ' });
  await expect(news.resultCount()).toHaveText('พบ 1 เรื่อง');
  await page.getByRole('button', { name: 'ล้างตัวกรอง' }).click();
  await news.filter('ตั้งแต่วันที่').fill('1/6/2565');
  await news.filter('ถึงวันที่').fill('30/6/2565');
  await expect(news.resultCount()).toHaveText('พบ 1 เรื่อง');
  await expect(page.getByText('วันที่ 16 มิ.ย. 2565')).toBeVisible();
  await desk.screenshot('news-list-filtered');
  await news.filter('ถึงวันที่').fill('31/13/2565');
  await expect(page.getByRole('alert')).toContainText('วันที่ “31/13/2565” ไม่ถูกต้อง');
  await page.getByRole('button', { name: 'ล้างตัวกรอง' }).click();
  await expect(news.resultCount()).toHaveText('พบ 2 เรื่อง');
  await desk.screenshot('news-list');
});

test('sends back with a comment, keeps revisions, shows the difference and restores one', async ({ page }) => {
  const desk = new DeskPage(page);
  const news = new NewsPage(page);
  await desk.open('/#/news');
  await news.createDraft('กกต. จังหวัดเชียงราย อบรม ศส.ปชต.');
  await news.openFromList('กกต. จังหวัดเชียงราย อบรม ศส.ปชต.');
  await news.body().click();
  await page.keyboard.insertText('ผู้เข้าร่วม 427 คน');
  await news.waitSaved();
  await news.action('ส่งตรวจ').click();
  await expect(news.status()).toHaveText('รอตรวจ');

  await news.actAs('coordinator');
  await news.action('ส่งกลับไปแก้ไข').click();
  await expect(page.getByRole('alert')).toHaveText('กรุณาเขียนความเห็นถึงผู้เขียนเมื่อส่งกลับไปแก้ไข');
  await page.getByLabel(/ความเห็น/).fill('จำนวนผู้เข้าร่วมไม่ตรงกับรายงาน');
  await news.action('ส่งกลับไปแก้ไข').click();
  await expect(news.status()).toHaveText('ร่าง');
  await expect(news.history().nth(1)).toContainText('จำนวนผู้เข้าร่วมไม่ตรงกับรายงาน');

  await news.actAs('editor');
  await news.body().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('ผู้เข้าร่วม 430 คน');
  await news.waitSaved();
  await page.getByRole('button', { name: 'เทียบกับฉบับปัจจุบัน' }).click();
  await expect(page.getByTestId('news-diff').locator('del')).toHaveText('427');
  await expect(page.getByTestId('news-diff').locator('ins')).toHaveText('430');
  await desk.screenshot('news-revision-diff');

  await page.getByRole('button', { name: 'กู้คืนฉบับนี้' }).click();
  await expect(news.body()).toHaveText('ผู้เข้าร่วม 427 คน');
  // The text the restore replaced is kept: restoring it undoes the restore.
  await expect(news.revisions()).toHaveCount(2);
  await page.getByRole('button', { name: 'กู้คืนฉบับนี้' }).nth(1).click();
  await expect(news.body()).toHaveText('ผู้เข้าร่วม 430 คน');
});

test('writes a draft from a calendar activity', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open('/');
  await desk.loadExampleData();
  const eventId = await page.evaluate(async () => {
    const open = indexedDB.open('provincedesk');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const events = await new Promise<{ id: string; type: string }[]>((resolve) => {
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result as { id: string; type: string }[]);
    });
    db.close();
    return events.find((e) => e.type === 'seminar')!.id;
  });
  await page.goto(`/#/news/from-event/${eventId}`);
  const news = new NewsPage(page);
  await expect(news.body()).toContainText('รวมทั้งสิ้น 427 คน');
  await expect(news.field('หัวข้อข่าว')).toHaveValue(/เสวนาวิชาการ/);
  await expect(news.field('วันที่ของข่าว (พ.ศ.)')).toHaveValue('24/8/2565');
  expect(page.url()).toContain('#/news/edit/');
  await desk.screenshot('news-from-event');
});
