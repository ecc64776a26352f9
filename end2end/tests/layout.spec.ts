import { test, expect } from './viewer';

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
});
