// import_20000_rows_per_s: a 20,000-row XLSX imported through the app's own import screen in
// Chromium — the file read by the real reader (exceljs), every row validated, the preview shown,
// then the one-transaction import (record writer, outbox, audit). Timed in two parts that exclude
// the user's pause between preview and click: file chosen → preview shown, click → report shown.
import type { Page } from '@playwright/test';
import { peopleWorkbookBytes } from '../../tests/fixtures/roster-sheet';

export const IMPORT_ROWS = 20_000;

export interface ImportTiming {
  rows: number;
  fileBytes: number;
  readAndValidateMs: number;
  writeMs: number;
  totalMs: number;
}

export async function importThroughApp(page: Page): Promise<ImportTiming> {
  const file = Buffer.from(await peopleWorkbookBytes({ count: IMPORT_ROWS, titleRow: true }));
  await page.goto('/#/roster/import');
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'เลือกไฟล์…' }).click();
  const picker = await chooser;
  const started = performance.now();
  await picker.setFiles({ name: `ทำเนียบ-${IMPORT_ROWS}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 180_000 });
  const readAndValidateMs = performance.now() - started;
  const text = (await summary.textContent()) ?? '';
  if (!/มีข้อผิดพลาด 0 แถว/.test(text)) throw new Error(`the bench sheet should be all valid: ${text}`);

  // All or nothing: the mode that refuses unless every row is valid (the same one-transaction write).
  await page.getByLabel('นำเข้าเมื่อทุกแถวถูกต้องเท่านั้น (ทั้งหมดหรือไม่นำเข้าเลย)').check();
  const run = page.getByRole('button', { name: /^นำเข้า [\d,]+ คน$/ });
  await run.waitFor();
  const clicked = performance.now();
  await run.click();
  const report = page.getByTestId('import-report');
  await report.waitFor({ timeout: 240_000 });
  const writeMs = performance.now() - clicked;
  const done = (await report.textContent()) ?? '';
  if (!done.replace(/,/g, '').includes(`นำเข้า ${IMPORT_ROWS} คน`)) throw new Error(`unexpected report: ${done}`);
  return { rows: IMPORT_ROWS, fileBytes: file.length, readAndValidateMs, writeMs, totalMs: readAndValidateMs + writeMs };
}
