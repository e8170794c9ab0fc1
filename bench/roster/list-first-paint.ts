// list_100k_first_paint_ms: from navigation start to the frame that paints the first rows of the
// virtualised people list (#/roster/people), median of a few cold page loads.
import type { Page } from '@playwright/test';
import { median } from './stats';

// Installed before the app's scripts: the moment a loaded row (a name link, not the "…" placeholder)
// is in the list, wait for the frame that paints it and keep its time since navigation start.
export const LIST_PAINT_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="people-list"] [role="listitem"] a')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__listPaintMs = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });
`;

export async function listFirstPaint(page: Page, rounds: number): Promise<{ medianMs: number; samples: number[]; total: string }> {
  const samples: number[] = [];
  let total = '';
  for (let i = 0; i < rounds; i++) {
    await page.goto('about:blank');
    await page.goto('/#/roster/people');
    await page.waitForFunction(() => typeof (window as unknown as { __listPaintMs?: number }).__listPaintMs === 'number', undefined, { timeout: 60_000 });
    samples.push(await page.evaluate(() => (window as unknown as { __listPaintMs: number }).__listPaintMs));
    total = (await page.getByTestId('people-total').textContent()) ?? '';
  }
  return { medianMs: median(samples), samples, total };
}
