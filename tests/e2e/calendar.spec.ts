import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { CalendarPage } from './support/calendar-page';
import { pngImage } from './support/news-test-images';

// The app runs in Asia/Bangkok (playwright.config.ts); "today" is fixed in August 2565.
const MID_AUGUST_2565 = new Date('2022-08-15T10:00:00+07:00');

test('August 2565 shows the seminar across the 24th and 25th, in every view, in B.E. and C.E.', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.loadSampleData();
  await page.getByRole('button', { name: 'สิงหาคม 2565', exact: true }).click();
  await expect(calendar.rangeHeading()).toHaveText('สิงหาคม 2565');
  await expect(calendar.miniMonthHeading()).toHaveText('สิงหาคม 2565');
  await expect(page.locator('.rbc-month-header .rbc-header')).toHaveText(['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.']);
  await expect(page.locator('.mini-month td.busy')).toHaveText(['24', '25']);

  // One block from the 24th to the 25th: its left edge in the 24th's column, its right in the 25th's.
  const seminar = calendar.event('รวมพลคน ศส.ปชต.');
  await expect(seminar).toHaveCount(1);
  const block = (await seminar.boundingBox())!;
  const day24 = (await calendar.dayCell(24).boundingBox())!;
  const day25 = (await calendar.dayCell(25).boundingBox())!;
  const column = (await page.locator('.rbc-month-row').nth(3).locator('.rbc-day-bg').nth(3).boundingBox())!;
  expect(block.x).toBeGreaterThanOrEqual(column.x - 1);
  expect(block.x).toBeLessThan(day24.x + day24.width);
  expect(block.x + block.width).toBeGreaterThan(day25.x);
  expect(block.x + block.width).toBeLessThanOrEqual(column.x + 2 * column.width + 1);
  await expect(calendar.monthCard('รวมพลคน ศส.ปชต.')).toContainText('24 – 25 ส.ค. 2565');
  await expect(page.getByText('ผู้เข้าร่วม 427 คน')).toBeVisible();
  await calendar.screenshot('month');

  await seminar.click();
  await expect(calendar.detail()).toContainText('วันที่ 24 – 25 ส.ค. 2565'.replace('วันที่ ', ''));
  await expect(calendar.detail().getByTestId('attendance-total')).toHaveText('427');
  await expect(calendar.detail().getByRole('button', { name: 'เขียนข่าวจากกิจกรรมนี้' })).toBeVisible();
  await expect(calendar.detail().getByRole('button', { name: /รวมพลคน ศส\.ปชต\./ })).toBeVisible(); // the linked news
  await calendar.screenshot('detail');
  await calendar.detail().getByRole('button', { name: 'ปิด' }).click();
  // Focus goes back to the activity that opened the detail, not to the top of the page; Esc closes it too.
  await expect(calendar.focusedChip()).toContainText('รวมพลคน');
  await calendar.focusedChip().press('Enter');
  await calendar.detail().getByRole('button', { name: 'ปิด' }).focus();
  await page.keyboard.press('Escape');
  await expect(calendar.detail()).toBeHidden();
  await expect(calendar.focusedChip()).toContainText('รวมพลคน');

  await page.locator('.mini-month').getByRole('button', { name: '24 สิงหาคม 2565', exact: true }).click();
  await expect(calendar.rangeHeading()).toHaveText('วันพุธที่ 24 สิงหาคม 2565');
  await expect(page.locator('.rbc-allday-cell .rbc-event')).toContainText('รวมพลคน');
  await calendar.screenshot('day');

  await calendar.switchView('สัปดาห์');
  await expect(calendar.rangeHeading()).toHaveText('21 – 27 ส.ค. 2565');
  await expect(page.locator('.rbc-time-header .rbc-header')).toHaveText(['อา. 21', 'จ. 22', 'อ. 23', 'พ. 24', 'พฤ. 25', 'ศ. 26', 'ส. 27']);
  await calendar.screenshot('week');

  await page.locator('.mini-month').getByRole('button', { name: '1 สิงหาคม 2565', exact: true }).click();
  await calendar.switchView('กำหนดการ');
  await expect(calendar.rangeHeading()).toHaveText('1 – 31 ส.ค. 2565');
  await expect(page.locator('.rbc-agenda-view')).toContainText('พ. 24 ส.ค. 2565');
  await calendar.screenshot('agenda');

  await page.getByLabel('ค.ศ.').check();
  await expect(calendar.rangeHeading()).toHaveText('1 – 31 ส.ค. 2022');
  await calendar.switchView('เดือน');
  await expect(calendar.rangeHeading()).toHaveText('สิงหาคม 2022');
  await calendar.screenshot('month-ce');
  await page.getByLabel('พ.ศ.').check();
  await expect(calendar.rangeHeading()).toHaveText('สิงหาคม 2565');

  // Print: the month table alone, in Sarabun.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.calendar-print .print-title')).toHaveText('ปฏิทินกิจกรรม สิงหาคม 2565');
  await expect(page.locator('.calendar-print .print-event')).toContainText(['รวมพลคน', 'รวมพลคน']);
  await calendar.screenshot('print');
  await page.emulateMedia({ media: 'screen' });
});

test('creates by selecting days, moves by drag and drop, resizes, and refuses an end before the start', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.open(MID_AUGUST_2565);
  await expect(calendar.rangeHeading()).toHaveText('สิงหาคม 2565');
  await expect(page.getByText('ยังไม่มีกิจกรรมในเดือนนี้')).toBeVisible();
  await calendar.screenshot('month-empty');

  // Select the 9th and 10th: an all-day activity over both days.
  await calendar.drag(await calendar.dayPoint(9), await calendar.dayPoint(10));
  const form = calendar.form();
  await expect(form).toBeVisible();
  await expect(form.getByLabel('ทั้งวัน')).toBeChecked();
  await expect(form.getByLabel('วันเริ่ม')).toHaveValue('9/8/2565');
  await expect(form.getByLabel('วันสิ้นสุด')).toHaveValue('10/8/2565');

  // Validation: no title, end before start — Thai messages, nothing written.
  await form.getByLabel('วันสิ้นสุด').fill('8/8/2565');
  await form.getByRole('button', { name: 'บันทึก' }).click();
  await expect(form.getByText('กรุณาใส่ชื่อกิจกรรม')).toBeVisible();
  await expect(form.getByText('วันและเวลาสิ้นสุดต้องอยู่หลังวันและเวลาเริ่ม')).toBeVisible();
  await expect(form.getByLabel('ชื่อกิจกรรม')).toHaveAttribute('aria-invalid', 'true');
  await calendar.screenshot('form-errors');
  await expect(calendar.desk.pendingCount()).toHaveText('ไม่มีข้อมูลรอซิงก์');

  await form.getByLabel('ชื่อกิจกรรม').fill('อบรมกรรมการ ศส.ปชต. ตำบลเวียง');
  await form.getByLabel('ประเภท').selectOption({ label: 'อบรม' });
  await form.getByLabel('วันสิ้นสุด').fill('10 ส.ค. 2565');
  await form.getByLabel('สถานที่').fill('กศน.ตำบลเวียง');
  await form.getByLabel('อำเภอ').selectOption({ label: 'เมืองเชียงราย' });
  await form.getByLabel('ตำบล').selectOption({ label: 'เวียง' });
  await form.getByRole('button', { name: 'เพิ่มกลุ่ม' }).first().click();
  await form.getByLabel('กลุ่ม 1').first().fill('กรรมการ ศส.ปชต.');
  await form.getByLabel('จำนวน (คน) 1').first().fill('9');
  await form.getByRole('button', { name: 'บันทึก' }).click();
  await expect(form).toBeHidden();
  await expect(calendar.monthCard('อบรมกรรมการ')).toContainText('9 – 10 ส.ค. 2565');
  await expect(calendar.detail()).toContainText('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย');
  await expect(calendar.desk.pendingCount()).toHaveText('รอซิงก์ 1 รายการ');
  await calendar.detail().getByRole('button', { name: 'ปิด' }).click();

  // Drag it to the 16th: the same two days, a week later.
  const block = (await calendar.event('อบรมกรรมการ').boundingBox())!;
  await calendar.drag({ x: block.x + 10, y: block.y + block.height / 2 }, await calendar.dayPoint(16));
  await expect(calendar.monthCard('อบรมกรรมการ')).toContainText('16 – 17 ส.ค. 2565');
  await expect(page.locator('.mini-month td.busy')).toHaveText(['16', '17']);

  // Resize: pull its right edge to the 19th.
  const moved = calendar.event('อบรมกรรมการ');
  await moved.hover();
  const anchor = (await moved.locator('.rbc-addons-dnd-resize-ew-anchor').last().boundingBox())!;
  await calendar.drag({ x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height / 2 }, await calendar.dayPoint(19));
  await expect(calendar.monthCard('อบรมกรรมการ')).toContainText('16 – 19 ส.ค. 2565');
  await calendar.screenshot('after-drag-resize');

  // Survives a reload: it is in IndexedDB, not in React state.
  await calendar.desk.reload();
  await expect(calendar.monthCard('อบรมกรรมการ')).toContainText('16 – 19 ส.ค. 2565');

  // A timed activity in the week view, moved to another time.
  await calendar.switchView('สัปดาห์');
  await page.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
  await calendar.form().getByLabel('ชื่อกิจกรรม').fill('ประชุมคณะทำงาน');
  await calendar.form().getByLabel('วันเริ่ม').fill('16/8/2565');
  await calendar.form().getByLabel('เวลาเริ่ม').fill('09.30');
  await calendar.form().getByLabel('วันสิ้นสุด').fill('16/8/2565');
  await calendar.form().getByLabel('เวลาสิ้นสุด').fill('12.00');
  await calendar.form().getByRole('button', { name: 'บันทึก' }).click();
  await expect(calendar.event('ประชุมคณะทำงาน')).toContainText('09.30 – 12.00 น.');
  await calendar.screenshot('week-timed');

  // By keyboard in the week view, where time runs down the screen: ↓ half an hour later, Shift+↓ half an hour longer.
  await calendar.event('ประชุมคณะทำงาน').locator('.activity-chip').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(calendar.keyboardMoveStatus()).toContainText('ไปที่ 16 ส.ค. 2565 10.00 – 13.00 น.');
  await calendar.screenshot('keyboard-move-week');
  await page.keyboard.press('Enter');
  await expect(calendar.event('ประชุมคณะทำงาน')).toContainText('10.00 – 13.00 น.');
  await expect(calendar.focusedChip()).toContainText('ประชุมคณะทำงาน');
  // The detail writes the time range as the calendar does: one "น." for the pair.
  await expect(calendar.detail()).toContainText('10.00 – 13.00 น.');
  await calendar.detail().getByRole('button', { name: 'เขียนข่าวจากกิจกรรมนี้' }).click();
  // The news screen takes #/news/from-event/<id> and opens the new draft it makes.
  await expect(page).toHaveURL(/#\/news\/(from-event|edit)\/[0-9a-f-]{36}$/);
});

test('imports an .ics file: a bad event is skipped with its line and reason, the others come in; cancel writes nothing; a re-import updates by UID', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.open(MID_AUGUST_2565);
  await page.getByRole('button', { name: 'ถัดไป' }).first().click();
  await expect(calendar.rangeHeading()).toHaveText('กันยายน 2565');

  const file = await readFile('shared/calendar/fixtures/one-bad-event.ics', 'utf8');
  await calendar.importFile('shared/calendar/fixtures/one-bad-event.ics');
  const preview = page.getByRole('dialog', { name: 'ตรวจสอบก่อนนำเข้า: one-bad-event.ics' });
  await expect(preview.getByTestId('ics-summary')).toHaveText('กิจกรรมใหม่ 2 รายการ');
  await expect(preview.getByTestId('ics-preview')).toContainText('5 ก.ย. 2565 09.30 น. — ประชุมคณะกรรมการ ศส.ปชต. ตำบลเวียง');
  await expect(preview.getByTestId('ics-preview')).toContainText('8 – 9 ก.ย. 2565 — รณรงค์การมีส่วนร่วมทางการเมือง');
  const skipped = preview.getByTestId('ics-skipped');
  await expect(skipped.getByRole('heading')).toHaveText('ข้าม 1 กิจกรรมที่อ่านไม่ได้ (กิจกรรมอื่นนำเข้าได้ตามปกติ)');
  await expect(skipped).toContainText('บรรทัด 21: วันสิ้นสุดอยู่ก่อนวันเริ่ม — “อบรมเจ้าหน้าที่ประจำหน่วยเลือกตั้ง”');
  await calendar.screenshot('import-preview-skipped');

  // Cancel: nothing written.
  await preview.getByRole('button', { name: 'ยกเลิก' }).click();
  await expect(preview).toBeHidden();
  await expect(calendar.desk.pendingCount()).toHaveText('ไม่มีข้อมูลรอซิงก์');
  await expect(page.locator('.rbc-event')).toHaveCount(0);

  // Again, and import the valid ones.
  await calendar.importFile('shared/calendar/fixtures/one-bad-event.ics');
  await preview.getByRole('button', { name: 'นำเข้า 2 กิจกรรม' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'นำเข้า 2 กิจกรรมแล้ว' })).toBeVisible();
  await expect(calendar.event('ประชุมคณะกรรมการ')).toBeVisible();
  await expect(calendar.event('รณรงค์การมีส่วนร่วม')).toBeVisible();
  await expect(calendar.desk.pendingCount()).toHaveText('รอซิงก์ 2 รายการ');

  // The calendar changed elsewhere: one title changed, one new event without a title. Same UIDs update.
  const changed = file
    .replace('SUMMARY:ประชุมคณะกรรมการ ศส.ปชต. ตำบลเวียง', 'SUMMARY:ประชุมคณะกรรมการ ศส.ปชต. ตำบลเวียง (ครั้งที่ 2)')
    .replace(/BEGIN:VEVENT\r?\nUID:bad-1[\s\S]*?END:VEVENT\r?\n/, 'BEGIN:VEVENT\r\nUID:new-1@example.org\r\nDTSTART:20220920T020000Z\r\nDTEND:20220920T040000Z\r\nEND:VEVENT\r\n');
  await calendar.importFile({ name: 'chiang-rai.ics', mimeType: 'text/calendar', buffer: Buffer.from(changed) });
  const again = page.getByRole('dialog', { name: 'ตรวจสอบก่อนนำเข้า: chiang-rai.ics' });
  await expect(again.getByTestId('ics-summary')).toHaveText('กิจกรรมใหม่ 1 รายการมีอยู่แล้วและจะปรับปรุงตามไฟล์ 1 รายการมีอยู่แล้วและเหมือนเดิม 1 รายการ (ไม่ต้องนำเข้าซ้ำ)');
  await expect(again.getByTestId('ics-notes')).toContainText('กิจกรรมไม่มีชื่อ ตั้งชื่อว่า “กิจกรรมไม่มีชื่อ” ไว้ก่อน (แก้ชื่อได้ภายหลัง)');
  await calendar.screenshot('import-update');
  await again.getByRole('button', { name: 'นำเข้าและปรับปรุง 2 กิจกรรม' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'นำเข้า 1 กิจกรรม และปรับปรุง 1 กิจกรรมแล้ว' })).toBeVisible();
  await expect(calendar.event('(ครั้งที่ 2)')).toBeVisible();
  await expect(calendar.event('กิจกรรมไม่มีชื่อ')).toBeVisible();
  await expect(page.locator('.rbc-event')).toHaveCount(3);
});

test('an imported calendar with several rules and extra dates: the rules in Thai in the detail, the form and the printout', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.open(MID_AUGUST_2565);
  const ics = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'BEGIN:VEVENT', 'UID:mixed@google.com', 'SUMMARY:ประชุมติดตามงานเครือข่าย', 'DTSTART;TZID=Asia/Bangkok:20220802T133000', 'DTEND;TZID=Asia/Bangkok:20220802T150000',
    'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20220930T165959Z', 'RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20220930T165959Z', 'RDATE;TZID=Asia/Bangkok:20220820T093000', 'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await calendar.importFile({ name: 'google.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.getByRole('dialog', { name: 'ตรวจสอบก่อนนำเข้า: google.ics' }).getByRole('button', { name: 'นำเข้า 1 กิจกรรม' }).click();
  // 2, 16 and 30 August (every other Tuesday), the last Friday (26th) and the extra Saturday (20th).
  await expect(page.locator('.mini-month td.busy')).toHaveText(['2', '16', '20', '26', '30']);

  const words = 'ทุก 2 สัปดาห์ วันอังคาร จนถึง 30 ก.ย. 2565 และทุกวันศุกร์สุดท้ายของเดือน จนถึง 30 ก.ย. 2565 และวันที่ 20 ส.ค. 2565';
  await calendar.event('ประชุมติดตามงานเครือข่าย').first().click();
  await expect(calendar.detail().getByTestId('event-recurrence')).toHaveText(`จัดซ้ำ: ${words}`);
  await expect(calendar.detail()).not.toContainText('FREQ=');
  await calendar.screenshot('recurrence-words');
  await calendar.detail().getByRole('button', { name: 'แก้ไขทั้งชุด' }).click();
  await expect(calendar.form().getByLabel('การจัดซ้ำ').locator('option:checked')).toHaveText(`ตามกฎที่นำเข้า: ${words}`);
  await calendar.form().getByRole('button', { name: 'ยกเลิก' }).click();
  await calendar.switchView('กำหนดการ');
  await expect(page.locator('.calendar-print .print-recurrence').first()).toHaveText(words);
});

test('exports a range as .ics that imports back as the same activities (all duplicates)', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.loadSampleData();
  await page.getByRole('button', { name: 'สิงหาคม 2565', exact: true }).click();
  await page.getByRole('button', { name: 'ส่งออกไฟล์ .ics' }).click();
  const dialog = page.getByRole('dialog', { name: 'ส่งออกกิจกรรมเป็นไฟล์ .ics' });
  await dialog.getByLabel('ตั้งแต่วันที่').fill('1/6/2565');
  await dialog.getByLabel('ถึงวันที่').fill('31/8/2565');
  await expect(dialog).toContainText('มี 2 กิจกรรมในช่วงนี้');
  await calendar.screenshot('export');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'บันทึกไฟล์' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('provincedesk-2022-06-01-2022-08-31.ics');
  const path = await file.path();
  const text = await readFile(path, 'utf8');
  expect(text).toContain('DTSTART;VALUE=DATE:20220824');
  expect(text).toContain('DTSTART:20220616T023000Z');
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);

  await calendar.importFile(path);
  const preview = page.getByRole('dialog', { name: /ตรวจสอบก่อนนำเข้า/ });
  await expect(preview).toContainText('กิจกรรมใหม่ 0 รายการ');
  await expect(preview).toContainText('มีอยู่แล้วและเหมือนเดิม 2 รายการ');
});

test('a weekly meeting recurs across the new year; one occurrence is cancelled and one moved on its own', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.open(new Date('2022-12-15T10:00:00+07:00'));
  await page.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
  const form = calendar.form();
  await form.getByLabel('ชื่อกิจกรรม').fill('ประชุมคณะทำงานประจำสัปดาห์');
  await form.getByLabel('วันเริ่ม').fill('31/12/2565');
  await form.getByLabel('เวลาเริ่ม').fill('09.30');
  await form.getByLabel('วันสิ้นสุด').fill('31/12/2565');
  await form.getByLabel('เวลาสิ้นสุด').fill('12.00');
  await form.getByLabel('การจัดซ้ำ').selectOption({ label: 'ทุกสัปดาห์ (วันเดียวกัน)' });
  await form.getByLabel('จัดซ้ำถึงวันที่ (เว้นว่างได้)').fill('31/1/2566');
  await form.getByRole('button', { name: 'บันทึก' }).click();
  await expect(form).toBeHidden();
  // The rule in Thai words, never the RRULE text (issue 17).
  await expect(calendar.detail().getByTestId('event-recurrence')).toHaveText('จัดซ้ำ: ทุกวันเสาร์ จนถึง 31 ม.ค. 2566');
  await expect(calendar.detail()).not.toContainText('FREQ=');
  await calendar.detail().getByRole('button', { name: 'ปิด' }).click();
  await expect(calendar.monthCard('ประชุมคณะทำงาน')).toContainText('31 ธ.ค. 2565');

  await page.getByRole('button', { name: 'ถัดไป' }).first().click();
  await expect(calendar.rangeHeading()).toHaveText('มกราคม 2566');
  const cards = calendar.monthCard('ประชุมคณะทำงาน');
  await expect(cards).toHaveCount(4);
  await expect(page.locator('.mini-month td.busy')).toHaveText(['7', '14', '21', '28']);

  // Cancel the 14th only.
  page.once('dialog', (dialog) => void dialog.accept());
  await cards.filter({ hasText: '14 ม.ค. 2566' }).getByRole('button').click();
  await calendar.detail().getByRole('button', { name: 'ลบเฉพาะครั้งนี้' }).click();
  await expect(page.locator('.mini-month td.busy')).toHaveText(['7', '21', '28']);

  // Drag the 21st to Sunday the 22nd: only that one moves.
  const block = await calendar.eventBoxOnDay('ประชุมคณะทำงาน', 21);
  await calendar.drag({ x: block.x + 10, y: block.y + block.height / 2 }, await calendar.dayPoint(22));
  await page.getByRole('dialog', { name: 'ย้ายกิจกรรมประจำ' }).getByRole('button', { name: 'เฉพาะครั้งนี้' }).click();
  await expect(page.locator('.mini-month td.busy')).toHaveText(['7', '22', '28']);
  await calendar.screenshot('recurring');
  await expect(calendar.desk.pendingCount()).toHaveText('รอซิงก์ 4 รายการ');

  // The same by keyboard: the 28th a day earlier asks the same question.
  await calendar.chipStartingAt(new Date('2023-01-28T09:30:00+07:00')).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowLeft');
  await expect(calendar.keyboardMoveStatus()).toContainText('27 ม.ค. 2566 09.30 – 12.00 น.');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'ย้ายกิจกรรมประจำ' }).getByRole('button', { name: 'เฉพาะครั้งนี้' }).click();
  await expect(page.locator('.mini-month td.busy')).toHaveText(['7', '22', '27']);
  await expect(calendar.focusedChip()).toContainText('ประชุมคณะทำงาน');
  await expect(calendar.focusedChip()).toHaveAttribute('data-start', String(new Date('2023-01-27T09:30:00+07:00').getTime()));
});

test('moves an activity with the keyboard: Space picks it up, arrows move it, Shift+arrow lengthens it, Enter drops it, Esc puts it back', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.loadSampleData();
  await page.getByRole('button', { name: 'สิงหาคม 2565', exact: true }).click();
  await expect(page.getByText('ใช้แป้นพิมพ์ย้ายกิจกรรม: กด Tab ไปที่กิจกรรม กด Space เพื่อยกขึ้น')).toBeVisible();
  const chip = calendar.event('รวมพลคน ศส.ปชต.').locator('.activity-chip');
  await expect(chip).toHaveAttribute('aria-describedby', 'calendar-keyboard-hint');
  await expect(calendar.event('รวมพลคน ศส.ปชต.').locator('.rbc-event-content')).toHaveAttribute('title', /กด Space แล้วใช้ลูกศร/);

  await calendar.dismissNotices();
  await chip.focus();
  await page.keyboard.press('Space');
  const status = calendar.keyboardMoveStatus();
  await expect(status).toContainText('กำลังย้าย “เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”” ไปที่ 24 – 25 ส.ค. 2565');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toContainText('ไปที่ 25 – 27 ส.ค. 2565');
  await expect(page.locator('.rbc-event.is-carried')).toHaveCount(1);
  await expect(calendar.focusedChip()).toContainText('รวมพลคน');
  await calendar.screenshot('keyboard-move');
  await page.keyboard.press('Enter');
  await expect(status).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'ย้าย “เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”” ไปที่ 25 – 27 ส.ค. 2565 แล้ว' })).toBeVisible();
  await expect(calendar.monthCard('รวมพลคน ศส.ปชต.')).toContainText('25 – 27 ส.ค. 2565');
  await expect(page.locator('.mini-month td.busy')).toHaveText(['25', '26', '27']);
  await expect(calendar.focusedChip()).toContainText('รวมพลคน');

  // Shorter than one day it cannot be; Esc puts it back where it was.
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(status).toContainText('ไปที่ 25 ส.ค. 2565');
  await expect(status).toContainText('สั้นกว่านี้ไม่ได้');
  await page.keyboard.press('ArrowDown');
  await expect(status).toContainText('ไปที่ 1 ก.ย. 2565');
  await page.keyboard.press('Escape');
  await expect(status).toBeHidden();
  await expect(page.locator('.calendar-main .visually-hidden[role="status"]')).toHaveText('ยกเลิกการย้าย “เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”” แล้ว');
  await expect(calendar.monthCard('รวมพลคน ศส.ปชต.')).toContainText('25 – 27 ส.ค. 2565');

  // From the detail panel: "ย้ายไปวันอื่น" picks it up on the calendar; across the month end the calendar follows.
  await calendar.focusedChip().press('Enter');
  await calendar.detail().getByRole('button', { name: 'ย้ายไปวันอื่น' }).click();
  await expect(calendar.detail()).toBeHidden();
  await expect(status).toContainText('ไปที่ 25 – 27 ส.ค. 2565');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(status).toContainText('ไปที่ 8 – 10 ก.ย. 2565');
  await expect(calendar.rangeHeading()).toHaveText('กันยายน 2565');
  await status.getByRole('button', { name: 'วางที่นี่' }).click();
  await expect(calendar.monthCard('รวมพลคน ศส.ปชต.')).toContainText('8 – 10 ก.ย. 2565');
  await expect(calendar.desk.pendingCount()).toContainText('รอซิงก์');

  // The agenda list moves the same way: Space on its activity, an arrow, Enter.
  await calendar.switchView('กำหนดการ');
  // (a three-day activity is a row a day in the agenda: its first)
  const agendaChip = page.locator('.rbc-agenda-view .activity-chip').filter({ hasText: 'รวมพลคน' }).first();
  await agendaChip.focus();
  await page.keyboard.press('Space');
  await expect(status).toContainText('ไปที่ 8 – 10 ก.ย. 2565');
  await page.keyboard.press('ArrowRight');
  await expect(status).toContainText('ไปที่ 9 – 11 ก.ย. 2565');
  await calendar.screenshot('keyboard-move-agenda');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'ไปที่ 9 – 11 ก.ย. 2565 แล้ว' })).toBeVisible();
  await calendar.switchView('เดือน');
  await expect(calendar.monthCard('รวมพลคน ศส.ปชต.')).toContainText('9 – 11 ก.ย. 2565');
});

test('photos of an activity: a Thai caption per photo, saved with Enter, kept after a reload; removed and undone by keyboard', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.loadSampleData();
  await page.getByRole('button', { name: 'สิงหาคม 2565', exact: true }).click();
  await calendar.event('รวมพลคน ศส.ปชต.').click();
  const photos = calendar.detail().getByRole('region', { name: 'รูปภาพ' });
  await expect(photos).toContainText('ยังไม่มีรูปภาพ');

  // A file that only looks like a photo by its name: refused by its bytes, and nothing of the batch is added.
  const refused = page.waitForEvent('filechooser');
  await photos.getByRole('button', { name: 'เพิ่มรูปภาพ' }).click();
  await (await refused).setFiles([
    { name: 'stage.png', mimeType: 'image/png', buffer: pngImage(320, 200, [35, 58, 122], [240, 200, 60]) },
    { name: 'รายชื่อ.png', mimeType: 'image/png', buffer: Buffer.from('ไม่ใช่รูปภาพ') },
  ]);
  await expect(page.getByRole('alert').filter({ hasText: 'ไฟล์ “รายชื่อ.png” ไม่ใช่รูปภาพ' })).toBeVisible();
  await expect(photos).toContainText('ยังไม่มีรูปภาพ');
  await calendar.dismissNotices();

  const chooser = page.waitForEvent('filechooser');
  await photos.getByRole('button', { name: 'เพิ่มรูปภาพ' }).click();
  await (await chooser).setFiles([
    // A camera-sized picture is scaled down (long side 2,000 px) before it is stored and synced.
    { name: 'stage.png', mimeType: 'image/png', buffer: pngImage(3000, 1500, [35, 58, 122], [240, 200, 60]) },
    { name: 'audience.png', mimeType: 'image/png', buffer: pngImage(320, 200, [31, 122, 77], [250, 250, 250]) },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'เพิ่มรูปภาพแล้ว 2 รูป' })).toBeVisible();
  const cards = photos.getByTestId('event-photo');
  await expect(cards).toHaveCount(2);
  await expect.poll(() => cards.first().locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([2000, 1000]);
  await expect(photos).toContainText('คำบรรยายบันทึกเมื่อกด Enter หรือออกจากช่อง');

  const first = photos.getByLabel('คำบรรยายภาพที่ 1');
  await first.fill('ผู้เข้าร่วมเสวนา “รวมพลคน ศส.ปชต.” ณ ห้องประชุมศาลากลาง');
  await first.press('Enter');
  await expect(cards.first()).toContainText('บันทึกคำบรรยายแล้ว');
  await expect(cards.first().locator('img')).toHaveAttribute('alt', 'ผู้เข้าร่วมเสวนา “รวมพลคน ศส.ปชต.” ณ ห้องประชุมศาลากลาง');
  // Esc gives up what was typed.
  const second = photos.getByLabel('คำบรรยายภาพที่ 2');
  await second.fill('ยังไม่ใช่');
  await second.press('Escape');
  await expect(second).toHaveValue('');
  await calendar.dismissNotices();
  await photos.evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await calendar.screenshot('photos');

  await calendar.desk.reload();
  await expect(photos.getByLabel('คำบรรยายภาพที่ 1')).toHaveValue('ผู้เข้าร่วมเสวนา “รวมพลคน ศส.ปชต.” ณ ห้องประชุมศาลากลาง');
  // Reopened by its address, the activity brings the calendar behind it to its month.
  await expect(calendar.rangeHeading()).toHaveText('สิงหาคม 2565');

  // Remove the first by keyboard; the focus lands on the undo, which brings it back with its caption.
  await photos.getByRole('button', { name: 'ลบรูปที่ 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(1);
  const undo = photos.getByRole('button', { name: 'เลิกทำ' });
  await expect(photos.getByRole('status').filter({ hasText: 'ลบรูป “ผู้เข้าร่วมเสวนา' })).toBeVisible();
  await expect(undo).toBeFocused();
  await calendar.dismissNotices();
  await undo.focus();
  await photos.evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await calendar.screenshot('photo-removed');
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(2);
  await expect(photos.getByLabel('คำบรรยายภาพที่ 1')).toHaveValue('ผู้เข้าร่วมเสวนา “รวมพลคน ศส.ปชต.” ณ ห้องประชุมศาลากลาง');
  await expect(photos.getByLabel('คำบรรยายภาพที่ 1')).toBeFocused();

  // Removed for good this time (no undo): gone after a reload too.
  await photos.getByRole('button', { name: 'ลบรูปที่ 2' }).click();
  await expect(cards).toHaveCount(1);
  await calendar.desk.reload();
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator('img')).toHaveAttribute('alt', /ผู้เข้าร่วมเสวนา/);
});
