// Layout defects pinned at the window sizes admins use (1440×900 and 1024×700): the navigation
// stays in view after "Test connection", a grid header cell stays above its column after a
// horizontal scroll, and the PatchOp preview keeps Confirm in view without breaking words letter
// by letter. Every assertion is about geometry after Playwright's auto-waiting, never timing.
import { expect, test, type Page } from '@playwright/test';
import { ownHost } from './own-host';
import { WINDOW_SIZES } from './window-sizes';
import { previewTitleEdit } from './preview-steps';

const own = ownHost('layout', { sandboxUsers: 40 });
const SIZES = WINDOW_SIZES;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Explorer' });

async function openUsers(page: Page): Promise<void> {
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^40 users · complete/, { timeout: 30_000 });
}

for (const size of SIZES) {
  test(`the navigation stays in view after Test connection at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openUsers(page);
    await page.getByRole('button', { name: 'Profile settings' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-test')).toContainText('Discovery succeeded', { timeout: 45_000 });
    for (const name of ['Users', 'Groups', 'Audit', 'Deactivate', 'Journal']) {
      await expect(nav(page).getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    // The rail takes you back from the profile page to the explorer.
    await nav(page).getByRole('button', { name: 'Audit', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Audit' }).last()).toBeVisible();
    await expect(page.getByTestId('connection-test')).toHaveCount(0);
  });
}

test('a grid header cell stays above its column after a horizontal scroll at 1024×700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openUsers(page);
  // With the detail pane open the columns are wider than the grid: it scrolls sideways.
  await page.locator('.grid-body [role="row"]').first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
  const scroller = page.getByTestId('scroller-Users');
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const grid = page.getByTestId('grid-Users');
  const headers = grid.locator('[role="columnheader"]');
  const cells = grid.locator('.grid-body [role="row"]').first().locator('[role="gridcell"]');
  const count = await headers.count();
  expect(count).toBeGreaterThan(3);
  expect(await cells.count()).toBe(count);
  for (let i = 0; i < count; i++) {
    // Polled: the header follows the body's scroll event.
    await expect.poll(async () => Math.abs(((await headers.nth(i).boundingBox())?.x ?? -1e6) - ((await cells.nth(i).boundingBox())?.x ?? 1e6))).toBeLessThan(2);
  }
});

test('the PatchOp preview keeps Confirm in view and whole words at 1024×700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openUsers(page);
  const panel = await previewTitleEdit(page, 'Layout Title');
  const preview = panel.getByTestId('preview');
  await expect(preview).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Confirm and send PATCH' })).toBeInViewport({ ratio: 1 });
  // The unchanged attributes are folded away; unfolded, Confirm still stays in view.
  await preview.locator('details.unchanged > summary').click();
  await expect(preview.locator('tr[data-changed="false"]').first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Confirm and send PATCH' })).toBeInViewport({ ratio: 1 });
  // Attribute names are never broken letter by letter ("user Nam e"): a name of up to 24
  // characters is on one line; only a longer one (a schema URN) may wrap.
  const heights = await preview.locator('th[scope="row"]:visible').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return { text: cell.textContent ?? '', lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }),
  );
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.filter((h) => h.lines > 1 && h.text.length <= 24)).toEqual([]);
});

test('the status bar gives a finished listing its page count, not "Pages 2/?"', async ({ page }) => {
  await openUsers(page);
  await nav(page).getByRole('button', { name: 'Groups', exact: true }).click();
  await expect(page.getByTestId('summary-Groups')).toContainText('complete', { timeout: 30_000 });
  for (const kind of ['Users', 'Groups']) await expect(page.getByTestId(`progress-${kind}`)).toHaveText(/^\w+: Pages (\d+)\/\1 · \d+ loaded$/);
});

test('the status bar stays on one line at 1024×700 with both listings shown', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openUsers(page);
  await nav(page).getByRole('button', { name: 'Groups', exact: true }).click();
  await expect(page.getByTestId('summary-Groups')).toContainText('complete', { timeout: 30_000 });
  const bar = page.getByRole('status', { name: 'Status' });
  // Every piece sits on the one line (same vertical centre), inside the window, and the bar is one line high.
  const boxes = await bar.locator(':scope > *, .listing-status > *').evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return { text: el.textContent ?? '', mid: Math.round(r.top + r.height / 2), right: Math.round(r.right), height: r.height }; }));
  const barBox = await bar.boundingBox();
  expect(barBox).not.toBeNull();
  const middle = (barBox?.y ?? 0) + (barBox?.height ?? 0) / 2;
  expect(boxes.filter((b) => Math.abs(b.mid - middle) > 3 || b.right > 1024)).toEqual([]);
  expect(barBox?.height ?? 0).toBeLessThan(40);
});

test('the sticky Confirm row never covers the last line of the PatchOp preview at 1024×700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openUsers(page);
  const panel = await previewTitleEdit(page, 'Layout Title');
  const preview = panel.getByTestId('preview');
  await preview.locator('details.unchanged > summary').click();
  const confirmRow = panel.locator('.preview + .actions');
  await expect(confirmRow.getByRole('button', { name: 'Confirm and send PATCH' })).toBeInViewport({ ratio: 1 });
  const uncovered = async (target: string): Promise<{ bottom: number; barTop: number }> =>
    preview.locator(target).last().evaluate((el) => {
      const bar = document.querySelector('.preview + .actions');
      return { bottom: el.getBoundingClientRect().bottom, barTop: bar?.getBoundingClientRect().top ?? 0 };
    });
  // Each diff row brought into view (as Tab, find or a screen reader does) sits above the bar.
  for (const target of ['table.diff tbody tr', 'tr[data-changed="false"]']) {
    await preview.locator(target).last().evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = await uncovered(target);
    expect(box.bottom, `${target} under the Confirm row`).toBeLessThanOrEqual(box.barTop + 0.5);
  }
  // The pane scrolled to its end: the preview's last line is above the bar too.
  await page.getByTestId('detail').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const end = await uncovered(':scope > :last-child');
  expect(end.bottom).toBeLessThanOrEqual(end.barTop + 0.5);
});
