import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { badRowsAt, peopleWorkbookBytes } from '../fixtures/roster-sheet';
import { pngImage } from './support/news-test-images';
import { RosterPage } from './support/roster-page';

test('imports a sheet of 300 people with 5 bad rows: errors per row, valid rows only, 295 in', async ({ page }, testInfo) => {
  const bad = badRowsAt(300);
  const file = testInfo.outputPath('ทำเนียบ-300.xlsx');
  writeFileSync(file, await peopleWorkbookBytes({ count: 300, bad, titleRow: true }));
  const roster = new RosterPage(page);
  await roster.open('/import');
  await roster.importFile(file);

  await expect(roster.summary()).toHaveText('ทั้งหมด 300 แถว · ถูกต้อง 295 แถว · มีข้อผิดพลาด 5 แถว · มีคำเตือน 0 แถว');
  // Each bad row is listed with the bad cell marked and a Thai message (the heading is row 2).
  for (const [index, kind] of bad) {
    const row = roster.problemRow(index + 3);
    await expect(row.locator('td.cell-error')).toHaveCount(1);
    await expect(row).toContainText({ 'bad-id': 'เลขประจำตัวประชาชนไม่ถูกต้อง', 'bad-phone': 'หมายเลขโทรศัพท์', 'no-name': 'ไม่มีชื่อ', 'unknown-tambon': 'ไม่พบตำบลนี้', 'bad-date': 'วันที่ไม่ถูกต้อง' }[kind]);
  }
  await roster.screenshot('import-preview');

  // All-or-nothing refuses while errors remain; valid-only imports the rest.
  await page.getByLabel('นำเข้าเมื่อทุกแถวถูกต้องเท่านั้น (ทั้งหมดหรือไม่นำเข้าเลย)').check();
  await expect(page.getByRole('button', { name: 'นำเข้า 295 คน' })).toBeDisabled();
  await page.getByLabel('นำเข้าเฉพาะแถวที่ถูกต้อง (295 แถว)').check();
  await page.getByRole('button', { name: 'นำเข้า 295 คน' }).click();
  await expect(page.getByTestId('import-report')).toContainText('นำเข้า 295 คน จากไฟล์ ทำเนียบ-300.xlsx แล้ว');
  await expect(page.getByTestId('import-report')).toContainText('ข้าม 5 แถวที่ผิดพลาด');
  await roster.screenshot('import-report');

  // Browse province → amphoe → tambon with the counts.
  await page.getByRole('button', { name: 'ไปที่ทำเนียบตามพื้นที่' }).click();
  await expect(roster.countsRow('เมืองเชียงราย')).toContainText('295');
  await page.getByRole('link', { name: 'เมืองเชียงราย', exact: true }).click();
  await expect(roster.countsRow('เวียง')).toBeVisible();
  await roster.screenshot('amphoe');
  await page.getByRole('link', { name: 'เวียง', exact: true }).click();
  await expect(page.locator('main h2').first()).toHaveText('ศส.ปชต. ตำบลเวียง');
  await expect(page.getByRole('table', { name: /คณะกรรมการ/ }).locator('tbody tr')).not.toHaveCount(0);
  await roster.screenshot('tambon');

  // A reimport of the same sheet finds the IDs already on the roster.
  await roster.open('/import');
  await roster.importFile(file);
  await expect(roster.summary()).toContainText('ถูกต้อง');
  await expect(page.getByTestId('import-problems')).toContainText('มีบุคคลที่ใช้เลขประจำตัวประชาชนนี้ในทะเบียนแล้ว');
});

test('refuses a file that is not a spreadsheet and writes nothing', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('photo.png');
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  const roster = new RosterPage(page);
  await roster.open('/import');
  await roster.importFile(file);
  await expect(page.getByTestId('import-error')).toHaveText('ไฟล์นี้ไม่ใช่ตารางข้อมูล (รองรับ .xlsx, .csv และ .xls ที่ระบบราชการส่งออกเป็นตาราง HTML)');
  await expect(roster.desk.pendingCount()).toHaveText('ไม่มีข้อมูลรอซิงก์');
  await roster.screenshot('import-error');
});

test('a large sheet is read off the window’s thread: the window answers meanwhile, and a cancel writes nothing (issue 13)', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('ทำเนียบ-20000.xlsx');
  writeFileSync(file, await peopleWorkbookBytes({ count: 20_000, titleRow: true }));
  const roster = new RosterPage(page);
  const workerStarted = page.waitForRequest(/import-sheet-worker/);
  await roster.open('/import');
  await workerStarted;
  await roster.importFile(file);
  const reading = page.getByRole('status').filter({ hasText: 'กำลังอ่านไฟล์ ทำเนียบ-20000.xlsx…' });
  await expect(reading.locator('progress')).toBeVisible();
  await roster.screenshot('import-reading');
  // The click is answered while the sheet is still being read: the reading does not hold the window.
  await page.getByRole('button', { name: 'ยกเลิกการอ่านไฟล์' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ยกเลิกการอ่านไฟล์แล้ว ไม่มีข้อมูลใดถูกนำเข้า' })).toBeVisible();
  await expect(roster.summary()).toHaveCount(0);
  await expect(roster.desk.pendingCount()).toHaveText('ไม่มีข้อมูลรอซิงก์');

  // The same file read to the end, in a new worker: every row checked there too.
  await roster.importFile(file);
  await expect(roster.summary()).toHaveText('ทั้งหมด 20,000 แถว · ถูกต้อง 20,000 แถว · มีข้อผิดพลาด 0 แถว · มีคำเตือน 0 แถว', { timeout: 60_000 });
});

test('edits a member offline, reveals no ID without the server, exports XLSX that reads back', async ({ page, context }) => {
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await expect(page.getByText('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย')).toBeVisible();
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  await page.getByRole('table', { name: /คณะกรรมการ/ }).getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toBeVisible();

  await context.setOffline(true);
  await expect(roster.desk.networkStatus()).toHaveText('ออฟไลน์');
  await page.getByLabel('โทรศัพท์').fill('089 111 2222');
  await page.getByLabel('เลขประจำตัวประชาชน (พิมพ์เพื่อเปลี่ยน)').fill('1-1017-00230-70-9');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByTestId('person-save-status')).toHaveText('กรุณาแก้ไขช่องที่มีข้อผิดพลาด');
  await expect(page.getByLabel('เลขประจำตัวประชาชน (พิมพ์เพื่อเปลี่ยน)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#person-newNationalId-error')).toHaveText('เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)');
  await page.getByLabel('เลขประจำตัวประชาชน (พิมพ์เพื่อเปลี่ยน)').fill('1-1017-00230-70-8');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByTestId('person-save-status')).toHaveText('บันทึกแล้ว');
  await expect(page.getByLabel('โทรศัพท์')).toHaveValue('089-111-2222');
  await expect(page.getByTestId('national-id')).toHaveText('x-xxxx-xxxx0-70-8');
  await roster.screenshot('person-offline');

  // A full ID comes only from the server, which checks the role and records the reveal: not signed in, none.
  await page.getByRole('button', { name: 'แสดงเลขเต็ม' }).click();
  await expect(page.getByRole('alert')).toHaveText('การดูเลขประจำตัวประชาชนเต็มต้องเข้าสู่ระบบเซิร์ฟเวอร์กลางก่อน (หน้า ซิงก์ข้อมูล)');
  await expect(page.getByTestId('national-id')).toHaveText('x-xxxx-xxxx0-70-8');
  await roster.screenshot('reveal-signed-out');
  await context.setOffline(false);

  // As a coordinator the export carries full IDs, and the edit is on the audit trail.
  const personUrl = new URL(page.url());
  await roster.desk.open(`/?testRole=coordinator${personUrl.hash}`);
  await page.getByText(/ประวัติการเข้าถึงและแก้ไข/).click();
  await expect(page.getByTestId('audit-trail')).toContainText('แก้ไข');

  // Export the tambon as XLSX and read it back.
  await page.locator('.roster-breadcrumb a').first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ส่งออก Excel (.xlsx)' }).click();
  const saved = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เลขประจำตัวประชาชน', 'โทรศัพท์']));
  expect(sheet.actualRowCount).toBe(10);
  const rows = Array.from({ length: 9 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).map(String));
  // Coordinators export full IDs; the edited phone is there, formatted.
  expect(rows.some((r) => r.includes('1-1017-00230-70-8') && r.includes('089-111-2222'))).toBe(true);
  expect(rows.every((r) => r.includes('เวียง'))).toBe(true);
});

test('finds people by name prefix, phone and the last ID digits', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await expect(page.getByText('ศส.ปชต. ตำบลเวียง')).toBeVisible();
  await roster.tab('ค้นหาบุคคล').click();
  await expect(page.getByTestId('people-total')).toHaveText('ทั้งหมด 25 คน เรียงตามชื่อ');
  await page.getByLabel('ค้นหาชื่อ เบอร์โทร หรือเลขบัตร 4 ตัวท้าย').fill('สมช');
  await expect(page.getByTestId('people-list').getByRole('link').first()).toContainText('สมชาย');
  await roster.screenshot('search');
  await page.getByLabel('ค้นหาชื่อ เบอร์โทร หรือเลขบัตร 4 ตัวท้าย').fill('ไม่มีใครชื่อนี้');
  await expect(page.getByText('ไม่พบบุคคลที่ตรงกับ “ไม่มีใครชื่อนี้”')).toBeVisible();
});

test('a centre takes its dates typed in Buddhist Era and keeps them', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  const established = page.getByLabel('วันที่จัดตั้ง');
  await expect(established).toHaveValue('1/3/2562');
  await established.fill('31/2/2565');
  await expect(established).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#centre-established-error')).toHaveText('อ่านวันที่ไม่ได้ พิมพ์แบบ 1/4/2565 หรือ 1 เม.ย. 2565');
  await established.fill('15 มิ.ย. 2565');
  await expect(established).not.toHaveAttribute('aria-invalid');
  await page.getByRole('form', { name: 'ข้อมูลศูนย์' }).getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' })).toBeVisible();
  await roster.desk.reload();
  await expect(page.getByLabel('วันที่จัดตั้ง')).toHaveValue('15/6/2565');
  await roster.screenshot('centre-dates');
});

test('a person gets a photo through the file picker; a file that is not an image is refused', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  await page.getByRole('table', { name: /คณะกรรมการ/ }).getByRole('link').first().click();
  await expect(page.getByText('ยังไม่มีรูปถ่าย')).toBeVisible();

  const notImage = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'เพิ่มรูปถ่าย…' }).click();
  await (await notImage).setFiles({ name: 'ประวัติ.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a picture') });
  await expect(page.getByRole('alert')).toHaveText('ไฟล์ “ประวัติ.pdf” ไม่ใช่รูปภาพ (รับเฉพาะ JPEG, PNG, WebP และ GIF) จึงไม่ได้บันทึก');
  await expect(page.getByTestId('person-photo')).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'เพิ่มรูปถ่าย…' }).click();
  await (await chooser).setFiles({ name: 'รูปถ่าย.png', mimeType: 'image/png', buffer: pngImage(300, 400, [35, 58, 122], [200, 150, 46]) });
  await expect(page.getByTestId('person-photo')).toBeVisible();
  expect(await page.getByTestId('person-photo').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(300);
  await expect(page.getByRole('button', { name: 'เปลี่ยนรูปถ่าย…' })).toBeVisible();
  await roster.desk.reload();
  await expect(page.getByTestId('person-photo')).toBeVisible();
  await roster.screenshot('person-photo');
});

test('a partner organisation gets its signed MOU attached, and a copy saves back the same file', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  await page.locator('summary').filter({ hasText: 'เพิ่มองค์กรภาคี' }).click();
  await page.getByLabel('ชื่อหน่วยงาน').fill('ที่ทำการผู้ใหญ่บ้านหมู่ 1 ตำบลเวียง');
  await page.getByRole('button', { name: 'เพิ่มองค์กรภาคี', exact: true }).click();
  const card = page.locator('.card').filter({ hasText: 'ที่ทำการผู้ใหญ่บ้านหมู่ 1 ตำบลเวียง' });
  await expect(card).toBeVisible();

  const wrong = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'แนบเอกสาร MOU…' }).click();
  await (await wrong).setFiles({ name: 'บันทึก.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK not a pdf') });
  await expect(card.getByRole('alert')).toHaveText('ไฟล์ “บันทึก.docx” ไม่ใช่ PDF หรือรูปภาพ จึงไม่ได้แนบ');

  const pdf = Buffer.from('%PDF-1.4\n% บันทึกข้อตกลงความร่วมมือ\n');
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'แนบเอกสาร MOU…' }).click();
  await (await chooser).setFiles({ name: 'MOU-ตำบลเวียง.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(card.getByRole('status')).toHaveText('แนบ “MOU-ตำบลเวียง.pdf” แล้ว');
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'บันทึกเอกสาร MOU' }).click();
  const saved = await (await download).path();
  expect(Buffer.compare(readFileSync(saved), pdf)).toBe(0);
});

test('a partner organisation is edited: level, two contact people, MOU date and notes, kept after a reload', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
  await page.getByRole('link', { name: 'ศส.ปชต. ตำบลเวียง' }).click();
  await page.locator('summary').filter({ hasText: 'เพิ่มองค์กรภาคี' }).click();
  await page.getByLabel('ชื่อหน่วยงาน').fill('คณะกรรมการพัฒนาสตรีตำบลเวียง');
  await page.getByRole('button', { name: 'เพิ่มองค์กรภาคี', exact: true }).click();
  const card = page.locator('.card').filter({ hasText: 'คณะกรรมการพัฒนาสตรีตำบลเวียง' });
  await card.locator('summary').filter({ hasText: 'แก้ไขข้อมูลองค์กร' }).click();
  const form = card.getByRole('form', { name: 'ข้อมูลของ คณะกรรมการพัฒนาสตรีตำบลเวียง' });

  await form.getByLabel('ระดับ', { exact: true }).selectOption('village');
  await form.getByLabel('วันที่ลงนาม MOU').fill('16/6/2565');
  for (const [n, name, phone] of [[1, 'นางมาลัย ศรีสุข', '081-234-5678'], [2, 'นางวันเพ็ญ คำแก้ว', '089-111-2222']] as const) {
    await form.getByRole('button', { name: 'เพิ่มผู้ประสานงาน' }).click();
    await form.getByLabel(`ชื่อผู้ประสานงานคนที่ ${n}`).fill(name);
    await form.getByLabel(`โทรศัพท์ของผู้ประสานงานคนที่ ${n}`).fill(phone);
  }
  await form.getByLabel('หมายเหตุ').fill('ประชุมร่วมทุกเดือน');
  await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('บันทึกแล้ว');

  await roster.desk.reload();
  const again = page.locator('.card').filter({ hasText: 'คณะกรรมการพัฒนาสตรีตำบลเวียง' });
  await expect(again).toContainText('ระดับหมู่บ้าน');
  await expect(again).toContainText('นางมาลัย ศรีสุข, นางวันเพ็ญ คำแก้ว');
  await expect(again).toContainText('ประชุมร่วมทุกเดือน');
  await again.locator('summary').filter({ hasText: 'แก้ไขข้อมูลองค์กร' }).click();
  await expect(again.getByLabel('วันที่ลงนาม MOU')).toHaveValue('16/6/2565');
  await expect(again.getByTestId('partner-contact')).toHaveCount(2);
  await roster.screenshot('partner-edit');
});

test('at 1366 × 768 the problem column of the import preview is on screen without scrolling sideways (issue 17)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const file = testInfo.outputPath('ทำเนียบ-40.xlsx');
  writeFileSync(file, await peopleWorkbookBytes({ count: 40, bad: badRowsAt(40), titleRow: true }));
  const roster = new RosterPage(page);
  await roster.open('/import');
  await roster.importFile(file);
  await expect(roster.summary()).toContainText('มีข้อผิดพลาด 5 แถว');
  const problems = page.getByTestId('import-problems');
  const heading = problems.getByRole('columnheader', { name: 'ปัญหา' });
  // As the table first shows: nobody scrolled it sideways.
  const box = (await heading.boundingBox())!;
  const scroller = (await problems.locator('xpath=..').boundingBox())!;
  // Inside the table's own scroll box as it first shows, and inside the window.
  expect(box.x).toBeGreaterThanOrEqual(scroller.x);
  expect(box.x + box.width).toBeLessThanOrEqual(Math.min(scroller.x + scroller.width, 1366) + 1);
  await expect(roster.problemRow(badRowsAt(40).keys().next().value! + 3).getByRole('cell').filter({ hasText: 'เลขประจำตัวประชาชนไม่ถูกต้อง' })).toBeVisible();
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, document.getElementById('main')!.scrollHeight));
  await roster.screenshot('import-1366');
});

const FIXTURES = 'tests/fixtures/roster';

test('shows every converted value beside what the file said: BE and CE dates, Excel day numbers, a BE year typed into a date cell', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open('/import');
  await roster.importFile(`${FIXTURES}/dates-1900.xlsx`);
  await expect(roster.summary()).toHaveText('ทั้งหมด 8 แถว · ถูกต้อง 8 แถว · มีข้อผิดพลาด 0 แถว · มีคำเตือน 0 แถว');
  const conversions = page.getByTestId('import-conversions');
  await expect(conversions.getByRole('heading')).toHaveText('ค่าที่แปลงจากในไฟล์ 7 ช่อง (ตรวจดูก่อนนำเข้า)');
  await expect(conversions).toContainText('วันที่ พ.ศ. 3 · วันที่ ค.ศ. 2 · เซลล์วันที่ที่พิมพ์ปีเป็น พ.ศ. 1 · เลขวันที่ของ Excel (ระบบ 1900) 1');
  const row = (n: number) => conversions.locator(`.conversion-row[data-row="${n}"]`);
  await expect(row(2)).toHaveText(['2', 'วันเริ่มวาระ', '24 ส.ค. 2565', '24 ส.ค. 2565', 'วันที่ พ.ศ.'].join(''));
  await expect(row(5)).toContainText('24/08/2022');
  await expect(row(5)).toContainText('วันที่ ค.ศ.');
  await expect(row(8)).toContainText('24/8/2565');
  await expect(row(8)).toContainText('เซลล์วันที่ที่พิมพ์ปีเป็น พ.ศ.');
  await expect(row(9)).toContainText('44797');
  await expect(row(9)).toContainText('24 ส.ค. 2565');
  await conversions.scrollIntoViewIfNeeded();
  await roster.screenshot('import-conversions');
});

test('asks which tambon an ambiguous name means, reads every sheet of a workbook, and remembers a column mapping', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open('/import');
  await roster.importFile(`${FIXTURES}/places.xlsx`);
  await expect(roster.summary()).toHaveText('ทั้งหมด 8 แถว · ถูกต้อง 5 แถว · มีข้อผิดพลาด 3 แถว · มีคำเตือน 0 แถว');
  const questions = page.getByTestId('place-questions');
  await expect(questions.getByRole('combobox')).toHaveCount(2);
  await questions.getByLabel('ตำบล “สันทราย” อำเภอ “—” (2 แถว)').selectOption({ label: 'ต.สันทราย อ.แม่จัน จ.เชียงราย' });
  await questions.getByLabel('ตำบล “ป่าแดด” อำเภอ “—” (1 แถว)').selectOption({ label: 'ต.ป่าแดด อ.ป่าแดด จ.เชียงราย' });
  await expect(roster.summary()).toHaveText('ทั้งหมด 8 แถว · ถูกต้อง 8 แถว · มีข้อผิดพลาด 0 แถว · มีคำเตือน 0 แถว');
  await questions.scrollIntoViewIfNeeded();
  await roster.screenshot('import-place-questions');

  // A workbook of several sheets starts at a roster, and any sheet can be chosen.
  await roster.importFile(`${FIXTURES}/several-sheets-formulas.xlsx`);
  const sheet = page.getByLabel('แผ่นงานที่จะนำเข้า');
  await expect(sheet.locator('option')).toHaveText(['สรุป (1 แถว)', 'อ.เมือง (2 แถว)', 'อ.เวียงชัย (2 แถว)']);
  await expect(sheet).toHaveValue('1');
  await sheet.selectOption({ label: 'อ.เวียงชัย (2 แถว)' });
  await expect(roster.summary()).toHaveText('ทั้งหมด 2 แถว · ถูกต้อง 2 แถว · มีข้อผิดพลาด 0 แถว · มีคำเตือน 0 แถว');

  // "อาชีพ" is no heading the app knows: mapped to ภาคส่วน once, it is mapped so next time.
  await roster.importFile(`${FIXTURES}/odd-headings.xlsx`);
  const occupation = page.locator('.roster-mapping label').filter({ hasText: 'อาชีพ' }).getByRole('combobox');
  await expect(occupation).toHaveValue('');
  await occupation.selectOption({ label: 'ภาคส่วน' });
  await page.getByRole('button', { name: 'นำเข้า 2 คน' }).click();
  await expect(page.getByTestId('import-report')).toContainText('นำเข้า 2 คน จากไฟล์ odd-headings.xlsx แล้ว');
  await roster.open('/import');
  await roster.importFile(`${FIXTURES}/odd-headings.xlsx`);
  await expect(page.locator('.roster-mapping label').filter({ hasText: 'อาชีพ' }).getByRole('combobox')).toHaveValue('sector');
});

test("an officer's import refuses, row by row, a tambon outside their amphoe, and creates no centre there (issue 17)", async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open('/import', { role: 'officer', district: '5701' });
  await roster.importFile(`${FIXTURES}/places.xlsx`);
  await expect(page.getByText('นำเข้าได้เฉพาะตำบลในอำเภอเมืองเชียงราย ตามสิทธิ์ของคุณ')).toBeVisible();
  await expect(roster.summary()).toHaveText('ทั้งหมด 8 แถว · ถูกต้อง 6 แถว · มีข้อผิดพลาด 2 แถว · มีคำเตือน 0 แถว');
  // เวียง of อ.เชียงแสน (570801), and ป่าแดด (in neither of its amphoe is this officer's).
  for (const rowNumber of [8, 9]) await expect(roster.problemRow(rowNumber)).toContainText('ตำบลนี้อยู่นอกอำเภอที่คุณรับผิดชอบ จึงนำเข้าไม่ได้');
  await page.getByTestId('import-problems').scrollIntoViewIfNeeded();
  await roster.screenshot('import-officer');
  // All or nothing refuses while these rows remain; valid-only writes the six of อ.เมือง only.
  await page.getByLabel('นำเข้าเมื่อทุกแถวถูกต้องเท่านั้น (ทั้งหมดหรือไม่นำเข้าเลย)').check();
  await expect(page.getByRole('button', { name: 'นำเข้า 6 คน' })).toBeDisabled();
  await page.getByLabel('นำเข้าเฉพาะแถวที่ถูกต้อง (6 แถว)').check();
  await page.getByRole('button', { name: 'นำเข้า 6 คน' }).click();
  await expect(page.getByTestId('import-report')).toContainText('นำเข้า 6 คน จากไฟล์ places.xlsx แล้ว');
  await page.getByRole('button', { name: 'ไปที่ทำเนียบตามพื้นที่' }).click();
  await expect(roster.countsRow('เมืองเชียงราย')).toContainText('6');
  // No centre or person of อ.เชียงแสน came in.
  await expect(roster.countsRow('เชียงแสน')).toHaveCount(0);
});
