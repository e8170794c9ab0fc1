import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { DeskPage } from './desk-page';

/** Page object for the overview (หน้าแรก) and the reports screen. */
export class OverviewPage {
  readonly desk: DeskPage;

  constructor(readonly page: Page) {
    this.desk = new DeskPage(page);
  }

  /** Opens the app on the overview, optionally as a role (browser-shell test hook: ?testRole=…&testDistrict=…). */
  async open(as?: { role: string; district?: string }): Promise<void> {
    const query = as ? `?testRole=${as.role}${as.district ? `&testDistrict=${as.district}` : ''}` : '';
    await this.desk.open(`/${query}#/dashboard`);
    if (as) {
      // The hook applies when the screen mounts; start-up's "signed out" may come after the first mount.
      await expect(this.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'signed-out');
      await this.desk.goTo('news');
      await this.desk.goTo('dashboard');
    }
  }

  loadExampleData(): Promise<void> {
    return this.desk.loadExampleData();
  }

  /** Waits until the figures (coverage, the year's totals, the charts) are on screen. */
  async figuresShown(): Promise<void> {
    await expect(this.page.getByTestId('overview-figures')).toHaveAttribute('data-loaded', 'true');
    await expect(this.page.getByTestId('overview-charts')).toBeVisible();
  }

  coverageBar(amphoe: string): Locator {
    return this.page.getByTestId('coverage-bars').locator('li').filter({ has: this.page.getByRole('link', { name: amphoe, exact: true }) });
  }

  /** Opens a chart's table view and returns the table. */
  async tableOf(chartId: string): Promise<Locator> {
    const figure = this.page.getByTestId(chartId);
    await figure.locator('summary').click();
    return figure.locator('table');
  }

  /** Saves a file through a button (a download in the browser shell) and returns its bytes. */
  async save(buttonName: string): Promise<{ download: Download; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: buttonName }).click();
    const file = await download;
    return { download: file, bytes: await readFile((await file.path())!) };
  }

  /** The text of a DOCX's body, runs joined. */
  static async docxText(bytes: Buffer): Promise<string> {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  }
}
