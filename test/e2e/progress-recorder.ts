// Records every text the users listing's progress element shows, from inside the page, so a spec
// can assert that a load streamed through several states and not only its end.
import type { Page } from '@playwright/test';

export async function recordUsersProgress(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('recordProgress', (text: string) => seen.push(text));
  await page.evaluate(() => {
    const record = (window as unknown as { recordProgress: (t: string) => void }).recordProgress;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="progress-Users"]');
      if (el) record(el.textContent ?? '');
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  });
  return seen;
}
