import { expect, type Locator, type Page } from '@playwright/test';
import { DeskPage } from './desk-page';

/** Page object for ปฏิทินกิจกรรม: the big calendar, the sidebar month, the dialogs. */
export class CalendarPage {
  readonly desk: DeskPage;

  constructor(readonly page: Page) {
    this.desk = new DeskPage(page);
  }

  /** Opens the calendar with "today" fixed, so the month on screen does not depend on the run date. */
  async open(today?: Date): Promise<void> {
    if (today) await this.page.clock.setFixedTime(today);
    await this.desk.open('/#/calendar');
    await expect(this.desk.heading()).toHaveText('ปฏิทินกิจกรรม');
  }

  async loadSampleData(): Promise<void> {
    await this.desk.open('/#/dashboard');
    await this.page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'โหลดข้อมูลตัวอย่างแล้ว' })).toBeVisible();
    await this.desk.goTo('calendar');
  }

  rangeHeading(): Locator {
    return this.page.getByTestId('range-heading');
  }

  miniMonthHeading(): Locator {
    return this.page.getByTestId('month-heading');
  }

  async switchView(name: 'เดือน' | 'สัปดาห์' | 'วัน' | 'กำหนดการ'): Promise<void> {
    const button = this.page.getByRole('group', { name: 'มุมมองปฏิทิน' }).getByRole('button', { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** An activity block in the big calendar (every segment of it, for one spanning weeks). */
  event(title: string): Locator {
    return this.page.locator('.rbc-calendar .rbc-event').filter({ hasText: title });
  }

  /** The focusable block of the occurrence that starts at `start` (one of a series, say). */
  chipStartingAt(start: Date): Locator {
    return this.page.locator(`.rbc-calendar .activity-chip[data-start="${start.getTime()}"]`).first();
  }

  /** The activity block that has the keyboard focus. */
  focusedChip(): Locator {
    return this.page.locator('.rbc-calendar .activity-chip:focus');
  }

  /** The bar over the calendar while an activity is moved with the keyboard. */
  keyboardMoveStatus(): Locator {
    return this.page.getByTestId('keyboard-move-status');
  }

  /** The box of an activity's block in a day's cell of the month view (for one of a series). */
  async eventBoxOnDay(title: string, day: number): Promise<{ x: number; y: number; width: number; height: number }> {
    const cell = await this.page.locator('.rbc-month-view .rbc-date-cell:not(.rbc-off-range)').filter({ has: this.page.getByRole('button', { name: String(day), exact: true }) }).boundingBox();
    if (!cell) throw new Error(`day ${day} is not on screen`);
    for (const block of await this.event(title).all()) {
      const box = await block.boundingBox();
      const centre = box && box.x + box.width / 2;
      if (box && centre! >= cell.x && centre! <= cell.x + cell.width && box.y > cell.y && box.y < cell.y + 120) return box;
    }
    throw new Error(`no “${title}” on day ${day}`);
  }

  /** The background cell of a day of the month on screen, in the month view. */
  dayCell(day: number): Locator {
    return this.page.locator('.rbc-month-view .rbc-date-cell:not(.rbc-off-range)').getByRole('button', { name: String(day), exact: true });
  }

  /** The centre of a day's cell, below its date number: where a drag should land. */
  async dayPoint(day: number): Promise<{ x: number; y: number }> {
    const cell = this.page.locator('.rbc-month-view .rbc-date-cell:not(.rbc-off-range)').filter({ has: this.page.getByRole('button', { name: String(day), exact: true }) });
    const box = await cell.boundingBox();
    if (!box) throw new Error(`day ${day} is not on screen`);
    return { x: box.x + box.width / 2, y: box.y + box.height + 30 };
  }

  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    // Several steps: react-big-calendar starts a drag only after the pointer has moved.
    await mouse.move(from.x + 5, from.y + 2, { steps: 3 });
    await mouse.move(to.x, to.y, { steps: 12 });
    await mouse.up();
  }

  /** The card of an activity in the month list under the calendar. */
  monthCard(title: string): Locator {
    return this.page.locator('.month-activities .card').filter({ hasText: title });
  }

  form(): Locator {
    return this.page.getByRole('dialog', { name: /เพิ่มกิจกรรม|แก้ไขกิจกรรม/ });
  }

  detail(): Locator {
    return this.page.getByTestId('event-detail');
  }

  /** Picks a file for "นำเข้าไฟล์ .ics" through the browser's file chooser. */
  async importFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'นำเข้าไฟล์ .ics' }).click();
    await (await chooser).setFiles(file);
  }

  /** Closes the notices in the corner, so a screenshot shows what is under them. */
  async dismissNotices(): Promise<void> {
    const close = this.page.locator('.notice-area .toast button');
    while ((await close.count()) > 0) await close.first().click();
  }

  /** A screenshot from the top of the screen (the app scrolls inside <main>, not the page). */
  async screenshot(name: string, { top = true } = {}): Promise<void> {
    if (top) await this.page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
    await this.desk.screenshot(`calendar-${name}`);
  }
}
