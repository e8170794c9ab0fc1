import { expect, type Locator, type Page } from '@playwright/test';
import { DeskPage } from './desk-page';

/** Page object for the roster screens (ทำเนียบเครือข่าย). */
export class RosterPage {
  readonly desk: DeskPage;

  constructor(readonly page: Page) {
    this.desk = new DeskPage(page);
  }

  /** Opens the roster, optionally as a role (browser-shell test hook: ?testRole=…&testDistrict=…). */
  async open(route = '', as?: { role: string; district?: string }): Promise<void> {
    const query = as ? `?testRole=${as.role}${as.district ? `&testDistrict=${as.district}` : ''}` : '';
    await this.desk.open(`/${query}#/roster${route}`);
    await expect(this.desk.heading()).toHaveText('ทำเนียบเครือข่าย');
  }

  tab(name: string): Locator {
    return this.page.locator('.roster-tabs').getByRole('button', { name });
  }

  /** Picks a file through the import screen's file chooser. */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'เลือกไฟล์…' }).click();
    await (await chooser).setFiles(path);
  }

  summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  problemRow(rowNumber: number): Locator {
    return this.page.locator(`[data-testid="import-problems"] tr[data-row="${rowNumber}"]`);
  }

  countsRow(name: string): Locator {
    return this.page.getByTestId('place-counts').locator('tbody tr').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async screenshot(name: string): Promise<void> {
    await this.desk.screenshot(`roster-${name}`);
  }
}
