import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DeskPage } from './support/desk-page';
import { NewsPage } from './support/news-page';
import { pngImage } from './support/news-test-images';

/** The backup section of the settings page (renderer/features/backup/backup-section.tsx). */
class BackupSection {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('backup-section');
  }

  message(): Locator {
    return this.page.getByTestId('backup-message');
  }

  summary(): Locator {
    return this.page.getByTestId('backup-summary');
  }

  /** Backs up through the save dialog (a download in the browser shell), encrypted with a passphrase, and returns the file. */
  async backUp(path: string, passphrase: string): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.root().getByRole('button', { name: 'สำรองข้อมูลทั้งหมด…' }).click();
    const form = this.page.getByTestId('backup-encrypt-form');
    await form.getByLabel('รหัสผ่านของไฟล์ (อย่างน้อย 8 ตัวอักษร)').fill(passphrase);
    await form.getByLabel('ใส่รหัสผ่านอีกครั้ง').fill(passphrase);
    await form.getByRole('button', { name: 'เข้ารหัสและบันทึกไฟล์สำรอง' }).click();
    await (await download).saveAs(path);
    await expect(this.message()).toContainText('บันทึกไฟล์สำรอง');
    return readFile(path);
  }

  async pickFile(name: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.root().getByRole('button', { name: 'กู้คืนจากไฟล์สำรอง…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  }

  /** An encrypted file asks for its passphrase before anything else. */
  async typePassphrase(passphrase: string): Promise<void> {
    const form = this.page.getByTestId('backup-decrypt-form');
    await form.getByLabel('รหัสผ่านของไฟล์สำรอง').fill(passphrase);
    await form.getByRole('button', { name: 'เปิดไฟล์' }).click();
  }

  /** The section itself (the settings page scrolls inside the shell, so a page shot would miss it). */
  async screenshot(name: string): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready);
    await this.root().screenshot({ path: `test-results/screenshots/${name}.png` });
  }

  countIn(table: string, column: 'file' | 'current'): Locator {
    return this.summary().locator(`tr[data-table="${table}"] td`).nth(column === 'file' ? 0 : 1);
  }
}

/** "Wipe": delete the app's IndexedDB database (the page's Dexie closes on versionchange), then start again. */
async function wipeLocalDatabase(page: Page, desk: DeskPage): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('provincedesk');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('delete failed'));
      }),
  );
  await desk.reload();
}

// Tall enough for the whole section in one shot (the shell scrolls inside <main>).
test.use({ viewport: { width: 1280, height: 1800 } });

const PASSPHRASE = 'รหัสไฟล์สำรองสำนักงาน 2569';

test('backs up everything with photos, encrypted; refuses a wrong passphrase and bad files; brings the data back after a wipe', async ({ page }, testInfo) => {
  const desk = new DeskPage(page);
  const news = new NewsPage(page);
  const backup = new BackupSection(page);
  const title = 'ข่าวทดสอบการสำรองข้อมูล ศส.ปชต.';

  await desk.open('/#/news');
  await news.createDraft(title);
  await news.openFromList(title);
  await news.pickPhotos([{ name: 'ภาพกิจกรรม.png', mimeType: 'image/png', buffer: pngImage(320, 200, [200, 30, 30], [30, 30, 200]) }]);
  await expect(news.photos()).toHaveCount(1);

  await desk.goTo('settings');
  const file = await backup.backUp(testInfo.outputPath('provincedesk.pdbackup'), PASSPHRASE);
  const header = file.subarray(0, file.indexOf(0x0a)).toString('utf8');
  expect(header).toContain('"format":"provincedesk.backup"');
  expect(header).toContain('"formatVersion":2');
  // Encrypted: neither the title nor the photo's name is in the file.
  expect(file.includes(Buffer.from(title))).toBe(false);
  expect(file.includes(Buffer.from('ภาพกิจกรรม'))).toBe(false);
  await backup.screenshot('backup-saved');

  await wipeLocalDatabase(page, desk);
  await desk.goTo('news');
  await expect(news.cardTitle(title)).toHaveCount(0);

  // A foreign file and a truncated backup are refused with a clear message; nothing changes.
  await desk.goTo('settings');
  await backup.pickFile('รูปภาพ.pdbackup', pngImage(4, 4, [0, 0, 0], [255, 255, 255]));
  await expect(backup.message()).toHaveText(/ไม่ใช่ไฟล์สำรองของ ProvinceDesk.*ข้อมูลในเครื่องไม่เปลี่ยนแปลง/);
  await backup.pickFile('ครึ่งไฟล์.pdbackup', file.subarray(0, Math.floor(file.byteLength / 2)));
  await backup.typePassphrase(PASSPHRASE);
  await expect(backup.message()).toHaveText(/เสียหายหรือไม่ครบ/);
  await expect(backup.message()).toHaveAttribute('role', 'alert');
  await expect(backup.summary()).toHaveCount(0);
  await backup.screenshot('backup-refused');

  // The real file with a wrong passphrase: refused in Thai, nothing shown or written.
  await backup.pickFile('provincedesk.pdbackup', file);
  await backup.typePassphrase('ไม่ใช่รหัสของไฟล์นี้');
  await expect(backup.message()).toHaveText(/รหัสผ่านของไฟล์สำรองไม่ถูกต้อง.*ข้อมูลในเครื่องไม่เปลี่ยนแปลง/);
  await expect(backup.summary()).toHaveCount(0);
  await backup.screenshot('backup-wrong-passphrase');

  // With the right one: first what it holds, then the confirm step.
  await backup.pickFile('provincedesk.pdbackup', file);
  await backup.typePassphrase(PASSPHRASE);
  await expect(backup.summary()).toBeVisible();
  await expect(backup.countIn('news', 'file')).toHaveText('1');
  await expect(backup.countIn('news', 'current')).toHaveText('0');
  await expect(backup.countIn('blobs', 'file')).toHaveText('1');
  await backup.screenshot('backup-summary');

  await backup.summary().getByRole('button', { name: 'แทนที่ข้อมูลด้วยไฟล์นี้' }).click();
  // The app reloads onto the restored data.
  await page.waitForEvent('load');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  await expect(backup.message()).toContainText('กู้คืนข้อมูลเรียบร้อยแล้ว');
  await desk.goTo('news');
  await news.openFromList(title);
  await expect(news.photos()).toHaveCount(1);
  const size = await news.photos().locator('img').first().evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(size).toEqual([320, 200]);

  // The data replaced by the restore was kept first, as a local backup.
  await desk.goTo('settings');
  await expect(backup.root().getByTestId('local-backups')).toContainText('ก่อนกู้คืน');
  await expect(backup.message()).toHaveCount(0);
  await backup.screenshot('backup-restored');
  await writeFile(testInfo.outputPath('done.txt'), 'ok');
});
