import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { OverviewPage } from './support/overview-page';

test('the overview of the example data: figures down to their records, then a report made offline', async ({ page, context }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await overview.loadExampleData();
  await expect(overview.desk.heading()).toHaveText('ภาพรวม');
  await overview.figuresShown();

  // The example activities are in fiscal year 2565: with nothing in the current year, the overview shows that one.
  await expect(page.getByTestId('fiscal-year')).toHaveValue('2565');
  await expect(page.getByTestId('activity-totals')).toHaveText('กิจกรรม 2 ครั้ง · ผู้เข้าร่วมตามเป้าหมาย 427 คน · เข้าร่วมจริง 427 คน · ข่าวเผยแพร่ 0 ข่าว');
  await expect(overview.coverageBar('เมืองเชียงราย')).toContainText('มีศูนย์ 3/16 ตำบล');
  await expect(overview.coverageBar('แม่สาย')).toContainText('มีศูนย์ 0/8 ตำบล');
  await expect(page.getByTestId('since-last-visit').or(page.getByText('ไม่มีอะไรใหม่จากผู้อื่น'))).toBeVisible();
  await expect(page.locator('.chart-figure svg .recharts-bar-rectangle').first()).toBeVisible();
  await overview.desk.screenshot('overview');

  // A figure of the table view, down to its records, and on to the activity itself.
  const activities = await overview.tableOf('chart-activities');
  await expect(activities.locator('tbody tr').filter({ hasText: 'สิงหาคม 2565' })).toContainText('1');
  await overview.desk.screenshot('overview-table-view');
  await activities.locator('tbody tr').filter({ hasText: 'สิงหาคม 2565' }).getByRole('link').first().click();
  await expect(overview.desk.heading()).toHaveText('สัมมนา/เสวนา — สิงหาคม 2565');
  await expect(page.getByTestId('records-table').locator('tbody tr')).toHaveCount(1);
  await overview.desk.screenshot('overview-records');
  await page.getByRole('link', { name: 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”' }).click();
  await expect(page).toHaveURL(/#\/calendar\/event\//);
  await expect(page.getByTestId('event-detail').getByRole('heading', { name: 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”' })).toBeVisible();

  // A bar of the chart leads to the same kind of list (the June MOU signing).
  await overview.desk.goTo('dashboard');
  await overview.figuresShown();
  await page.locator('[data-testid="chart-activities"] .recharts-bar-rectangle path').last().click();
  await expect(overview.desk.heading()).toHaveText('ลงนาม MOU — มิถุนายน 2565');

  // Coverage down to the tambons, and on to a tambon's roster.
  await overview.desk.goTo('dashboard');
  await page.getByTestId('coverage-bars').getByRole('link', { name: 'เมืองเชียงราย', exact: true }).click();
  await expect(overview.desk.heading()).toHaveText('ศส.ปชต. อำเภอเมืองเชียงราย รายตำบล');
  const vieng = page.getByTestId('tambon-coverage').locator('tbody tr').filter({ has: page.getByRole('link', { name: 'เวียง', exact: true }) });
  await expect(vieng).toContainText('มีศูนย์');
  await expect(vieng).toContainText('ครบ');
  await overview.desk.screenshot('overview-amphoe');
  await vieng.getByRole('link', { name: 'เวียง', exact: true }).click();
  await expect(page.getByText('ศส.ปชต. ตำบลเวียง').first()).toBeVisible();

  // Offline: the fiscal-year report as DOCX, from the data on this computer, with its warnings.
  await context.setOffline(true);
  await overview.desk.goTo('reports');
  await expect(overview.desk.heading()).toHaveText('รายงาน');
  await page.getByTestId('report-fiscal-year').selectOption('2565');
  await expect(page.getByTestId('report-moment')).toContainText('เครื่องนี้มีการเปลี่ยนแปลง 38 รายการที่ยังไม่ได้ซิงก์');
  await overview.desk.screenshot('reports');
  const docx = await overview.save('บันทึกเป็น Word (DOCX)');
  expect(docx.download.suggestedFilename()).toBe('รายงานผลการดำเนินงาน จังหวัดเชียงราย ประจำปีงบประมาณ พ.ศ. 2565.docx');
  const text = await OverviewPage.docxText(docx.bytes);
  expect(text).toContain('รายงานผลการดำเนินงาน');
  expect(text).toContain('สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย');
  expect(text).toContain('ประจำปีงบประมาณ พ.ศ. 2565');
  expect(text).toContain('ขอบเขต: จังหวัดเชียงราย');
  expect(text).toContain('คำเตือน: เครื่องนี้มีการเปลี่ยนแปลง 38 รายการที่ยังไม่ได้ซิงก์');
  expect(text).toContain('คำเตือน: เครื่องนี้ยังไม่เคยซิงก์กับเซิร์ฟเวอร์กลาง');
  expect(text).toContain('จัดกิจกรรมรวม 2 ครั้ง');
  expect(text).toContain('24 – 25 ส.ค. 2565');
  expect(text).toContain('เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร” (สัมมนา/เสวนา)');
  expect(text).toContain('ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร (77 จังหวัด ๆ ละ 4 คน) 308/308');
  expect(text).toContain('427/427');

  // Thai digits, and the same report on paper.
  await page.getByLabel('ใช้ตัวเลขไทย (๑ ๒ ๓) ในไฟล์ Word และฉบับพิมพ์').check();
  const thai = await OverviewPage.docxText((await overview.save('บันทึกเป็น Word (DOCX)')).bytes);
  expect(thai).toContain('๒๔ – ๒๕ ส.ค. ๒๕๖๕');
  expect(thai).toContain('๔๒๗/๔๒๗');
  await page.getByRole('button', { name: 'พิมพ์ / บันทึกเป็น PDF' }).click();
  await expect(page.getByTestId('report-print')).toContainText('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
  await expect(page.getByTestId('report-print').locator('table').first()).toBeVisible();
  await overview.desk.screenshot('report-print');
  await page.emulateMedia({ media: 'print' });
  await overview.desk.screenshot('report-print-paper');
  await page.emulateMedia({ media: 'screen' });

  // The per-amphoe roster summary for the central office: one sheet per amphoe and one per tambon.
  await page.getByRole('button', { name: 'กลับไปหน้ารายงาน' }).click();
  await page.getByLabel('สรุปทำเนียบเครือข่าย ศส.ปชต. รายอำเภอ (Excel สำหรับส่วนกลาง)').check();
  const xlsx = await overview.save('บันทึกเป็น Excel (XLSX)');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['รายอำเภอ', 'รายตำบล']);
  const amphoes = workbook.getWorksheet('รายอำเภอ')!;
  const mueang = amphoes.getRows(1, amphoes.rowCount)!.find((r) => r.getCell(2).value === 'เมืองเชียงราย')!;
  expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => mueang.getCell(c).value)).toEqual(['เมืองเชียงราย', 16, 3, 13, 3, 3, 0, 25]);
  await context.setOffline(false);
});

test('an officer sees their own district only; the overview speaks English too', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await overview.loadExampleData();
  await overview.open({ role: 'officer', district: '5709' });
  await overview.figuresShown();
  await expect(page.getByTestId('overview-district')).toBeDisabled();
  await expect(page.getByTestId('overview-district')).toHaveValue('5709');
  await expect(page.getByTestId('coverage-bars').locator('li')).toHaveCount(1);
  await expect(overview.coverageBar('แม่สาย')).toContainText('มีศูนย์ 0/8 ตำบล');
  // The example activities are the province's, not แม่สาย's.
  await expect(page.getByTestId('activity-totals')).toContainText('กิจกรรม 0 ครั้ง');
  await overview.desk.screenshot('overview-officer');
  // Another amphoe's tambons are not theirs to open.
  await page.evaluate(() => (window.location.hash = '#/dashboard/amphoe/5701'));
  await expect(page.getByRole('alert')).toHaveText('ไม่พบอำเภอนี้ในขอบเขตงานของคุณ');
  await overview.desk.screenshot('overview-error');

  await overview.open();
  await page.getByTestId('overview-district').selectOption('5701');
  await overview.figuresShown();
  await expect(page.getByTestId('coverage-bars').locator('li')).toHaveCount(1);
  await expect(overview.coverageBar('เมืองเชียงราย')).toContainText('มีศูนย์ 3/16 ตำบล');
  // The calendar keeps the same amphoe filter.
  await overview.desk.goTo('calendar');
  await expect(page.locator('#calendar-filter-district')).toHaveValue('5701');

  await overview.desk.goTo('settings');
  await page.getByLabel('English').check();
  await overview.desk.goTo('dashboard');
  await expect(overview.desk.heading()).toHaveText('Overview');
  await expect(page.getByRole('heading', { name: 'ศส.ปชต. coverage' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Work waiting for you' })).toBeVisible();
  await overview.figuresShown();
  await overview.desk.screenshot('overview-english');
  await overview.desk.goTo('reports');
  await expect(overview.desk.heading()).toHaveText('Reports');
  await overview.desk.screenshot('reports-english');
  await overview.desk.goTo('settings');
  await page.getByLabel('ไทย').check();
});
