import { test, expect, expectAccessible } from './viewer';

test('every field has a visible label and the controls are reachable by keyboard', async ({ viewer, page }) => {
  await viewer.open();
  for (const name of ['API base URL', 'API key', 'Workspace ID', 'Job IDs']) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  await viewer.baseUrl.focus();
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.textContent ?? ''));
    await page.keyboard.press('Tab');
  }
  expect(order).toEqual(['base-url', 'api-key', 'Show key', 'remember-key', 'workspace-id', 'job-ids', 'Fetch jobs']);
});

test('at 360 px wide the results read as labelled cards without sideways scrolling', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042 1003' });
  await expect(viewer.row(1042)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const cell = viewer.row(1042).getByRole('cell').nth(2);
  expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('"Outcome"');
  await expect(cell).toHaveText('MISMATCH');
  await expectAccessible(page, 'cards at 360 px');
});

test('at laptop width the table fits the window and its header stays in view while scrolling', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1100' });
  await expect(viewer.row(1100)).toBeAttached();
  const overflow = await page.evaluate(() => {
    const table = document.querySelector('table.results')!;
    return table.scrollWidth - table.parentElement!.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await viewer.row(1090).scrollIntoViewIfNeeded();
  await expect(page.getByRole('columnheader', { name: 'Outcome' })).toBeInViewport();
});

test('at tablet width the table scrolls sideways inside its region, not the page', async ({ viewer, page }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1020' });
  await expect(viewer.row(1020)).toBeVisible();
  const region = page.getByRole('region', { name: 'Results table (scrolls sideways)' });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
