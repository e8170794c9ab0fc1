// Issue 17, case 3: the last half-second of typing is saved when the page goes away. The news editor saves
// 500 ms after typing stops; a reload, a closed tab or a hidden window must not lose what came before that.
import { expect, test, type Page } from '@playwright/test';
import { DeskPage } from './support/desk-page';
import { NewsPage } from './support/news-page';
import { readRecord } from './support/sync-desk';

async function openNewDraft(page: Page, title: string): Promise<{ news: NewsPage; id: string }> {
  const desk = new DeskPage(page);
  await desk.open('/#/news');
  const news = new NewsPage(page);
  await news.createDraft(title);
  await news.openFromList(title);
  const id = /edit\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
  expect(id).toBeTruthy();
  return { news, id };
}

test('typing saved by no autosave yet survives a reload', async ({ page }) => {
  const { news, id } = await openNewDraft(page, 'ร่างข่าวที่จะโหลดหน้าใหม่');
  await news.field('ความนำ (สรุปย่อ)').fill('พิมพ์แล้วโหลดหน้าใหม่ทันที');
  await news.body().click();
  await page.keyboard.type('ย่อหน้าสุดท้าย');
  // Still inside the autosave's quiet time: nothing stored yet.
  await expect(news.saveState()).toHaveAttribute('data-state', 'pending');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const stored = await readRecord(page, 'news', id);
  expect(stored?.lead).toBe('พิมพ์แล้วโหลดหน้าใหม่ทันที');
  expect(String(stored?.bodyHtml)).toContain('ย่อหน้าสุดท้าย');
  // And the editor shows it again (by role: a filled textarea's text is part of its label's text).
  await expect(page.getByRole('textbox', { name: 'ความนำ (สรุปย่อ)' })).toHaveValue('พิมพ์แล้วโหลดหน้าใหม่ทันที');
  await expect(news.body()).toContainText('ย่อหน้าสุดท้าย');
});

test('typing saved by no autosave yet survives the window being closed', async ({ context }) => {
  const page = await context.newPage();
  const { news, id } = await openNewDraft(page, 'ร่างข่าวที่จะปิดหน้าต่าง');
  await news.field('ความนำ (สรุปย่อ)').fill('พิมพ์แล้วปิดหน้าต่างทันที');
  await expect(news.saveState()).toHaveAttribute('data-state', 'pending');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await new DeskPage(again).open('/#/news');
  await expect.poll(async () => (await readRecord(again, 'news', id))?.lead).toBe('พิมพ์แล้วปิดหน้าต่างทันที');
});

test('typing is saved as soon as the window is hidden', async ({ page }) => {
  const { news, id } = await openNewDraft(page, 'ร่างข่าวที่จะย่อหน้าต่าง');
  await news.field('ความนำ (สรุปย่อ)').fill('พิมพ์แล้วย่อหน้าต่าง');
  await expect(news.saveState()).toHaveAttribute('data-state', 'pending');
  // What the browser does when the window is minimised or another tab is shown.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(news.saveState()).toHaveAttribute('data-state', 'saved');
  expect((await readRecord(page, 'news', id))?.lead).toBe('พิมพ์แล้วย่อหน้าต่าง');
});
