import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName = 'dashboard' | 'news' | 'calendar' | 'roster' | 'reports' | 'sync' | 'settings';

/** Page object for the ProvinceDesk shell: navigation, status bar and the screens' headings. */
export class DeskPage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits for its own readiness signal (the data layer is open). */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitReady();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
  }

  private async waitReady(): Promise<void> {
    await expect(this.page.locator('body[data-ready="true"]')).toBeAttached();
  }

  navItem(screen: ScreenName): Locator {
    return this.page.locator(`nav button[data-route="${screen}"]`);
  }

  async goTo(screen: ScreenName): Promise<void> {
    await this.navItem(screen).click();
    await expect(this.navItem(screen)).toHaveAttribute('aria-current', 'page');
  }

  /** Presses the empty screen's "โหลดข้อมูลตัวอย่าง" and waits until the example data is written (so queued). */
  async loadExampleData(): Promise<void> {
    await this.page.getByRole('button', { name: 'โหลดข้อมูลตัวอย่าง' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'โหลดข้อมูลตัวอย่างแล้ว' })).toBeVisible();
  }

  heading(): Locator {
    return this.page.locator('main h1');
  }

  pendingCount(): Locator {
    return this.page.getByTestId('pending-count');
  }

  networkStatus(): Locator {
    return this.page.getByTestId('network-status');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
