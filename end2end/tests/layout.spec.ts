import { test, expect, expectAccessible } from './viewer';

test('every field has a visible label and the controls are reachable by keyboard', async ({ viewer, page }) => {
  await viewer.open();
  for (const name of ['API base URL', 'API key', 'Workspace ID', 'Job IDs']) {
    await expect(page.locator('label').getByText(name, { exact: true })).toBeVisible();
  }
  await viewer.baseUrl.focus();
  const order: string[] = [];
  for (let i = 0; i < 8; i++) {
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.textContent ?? ''));
    await page.keyboard.press('Tab');
  }
  // The selected tab is one stop (arrow keys choose the other), then its panel's fields.
  expect(order).toEqual(['base-url', 'api-key', 'Show key', 'remember-key', 'workspace-id', 'tab-job-ids', 'job-ids', 'Fetch jobs']);
});

test('at 360 px wide the results read as labelled cards without sideways scrolling', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042 1003' });
  await expect(viewer.row(1042)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const cell = viewer.row(1042).getByRole('cell').nth(2);
  // Each line of the card is labelled with its column's name.
  await expect(cell).toHaveAttribute('data-label', 'Outcome');
  expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('"Outcome"');
  expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe('grid');
  await expect(cell).toHaveText('MISMATCH');
  await expectAccessible(page, 'cards at 360 px');
});

test('at laptop width the table fits the grid and its header stays in view while the grid scrolls', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1100' });
  await expect(viewer.row(1001)).toBeVisible();
  const overflow = await viewer.grid.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The charts sit above the grid: the page is scrolled to the grid first, as a reader would.
  await viewer.grid.scrollIntoViewIfNeeded();
  await viewer.scrollTo(0.9);
  await expect(viewer.row(1090)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Outcome' })).toBeInViewport();
});

test('at tablet width the grid scrolls sideways inside its region, not the page', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1020' });
  await expect(viewer.row(1001)).toBeVisible();
  expect(await viewer.grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('a second fetch replaces the grid, and resizing the window afterwards keeps the page working', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1010' });
  await expect(viewer.row(1001)).toBeVisible();
  await viewer.fetchJobs({ ids: '1011-1020' });
  await expect(viewer.row(1011)).toBeVisible();
  // The first grid's resize listener must be gone with it (it used to abort the page).
  await page.setViewportSize({ width: 900, height: 700 });
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(viewer.row(1011)).toBeVisible();
  await viewer.edit();
  await expect(viewer.jobIds).toHaveValue('1011-1020');
});
