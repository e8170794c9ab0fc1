import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../../shared/sync/protocol';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Page object for the news screens: list, editor, workflow, revisions, preview and exports. */
export class NewsPage {
  constructor(readonly page: Page) {}

  async createDraft(title: string): Promise<void> {
    await this.page.getByLabel('หัวข้อข่าว', { exact: true }).fill(title);
    await this.page.getByRole('button', { name: 'สร้างร่างข่าว' }).click();
    await expect(this.cardTitle(title)).toBeVisible();
  }

  cardTitle(title: string): Locator {
    return this.page.locator('.card-title').filter({ hasText: title });
  }

  async openFromList(title: string): Promise<void> {
    await this.cardTitle(title).getByRole('link').click();
    await expect(this.body()).toBeVisible();
  }

  search(): Locator {
    return this.page.getByLabel('ค้นหาข่าว');
  }

  /** A control of the list's search and filter bar. */
  filter(label: string): Locator {
    return this.page.getByRole('search').getByLabel(label, { exact: true });
  }

  resultCount(): Locator {
    return this.page.getByTestId('news-result-count');
  }

  body(): Locator {
    return this.page.getByTestId('news-body');
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  saveState(): Locator {
    return this.page.getByTestId('news-save-state');
  }

  /** Waits for the autosave signal, never a fixed time. */
  async waitSaved(): Promise<void> {
    await expect(this.saveState()).toHaveAttribute('data-state', 'saved');
  }

  /** Pastes HTML as a Word or browser clipboard would hand it over. */
  async pasteHtml(html: string, text: string): Promise<void> {
    await this.body().evaluate(
      (el, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/html', data.html);
        transfer.setData('text/plain', data.text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      },
      { html, text },
    );
  }

  async pickPhotos(files: FileSpec[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'เลือกรูปภาพ…' }).click();
    await (await chooser).setFiles(files);
  }

  photos(): Locator {
    return this.page.getByTestId('news-photo');
  }

  status(): Locator {
    return this.page.getByTestId('news-status');
  }

  action(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Browser shell test hook until sign-in gives the session its role. */
  async actAs(role: Role): Promise<void> {
    await this.page.evaluate((r) => window.__provincedeskNewsTest!.setRole(r), role);
    await expect(this.page.getByTestId('news-role')).toContainText('บทบาทของคุณ');
  }

  history(): Locator {
    return this.page.getByTestId('news-history').locator('li');
  }

  revisions(): Locator {
    return this.page.getByTestId('news-revisions').locator('li');
  }

  async download(buttonName: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: buttonName }).click();
    return download;
  }
}
