import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, DEMO_KEY, DEMO_WORKSPACE } from './viewer';
import { FAULTS, MAIN, at } from '../playwright.config';

// The drill-down: a job's ID in the grid opens its detail panel (a modal dialog, its code a
// chunk of its own), with every field the API sent, its differences down to the rows, and its
// requests as curl commands.

const panel = (page: Page, id: number) => page.getByRole('dialog', { name: `Job ${id}` });
const PANEL_CHUNK = /\/split-job-panel-[0-9a-f]{16}\.wasm$/;

test('a MISMATCH job opens from its ID: its fields, mismatched columns and differing cells; Esc closes it and focus returns', async ({ viewer, page }) => {
  const chunkAsked: string[] = [];
  const diffAsked: number[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (PANEL_CHUNK.test(path)) chunkAsked.push(r.url());
    const diff = path.match(/\/jobs\/comparison\/(\d+)\/diff-details$/);
    if (diff) diffAsked.push(Number(diff[1]));
  });
  await viewer.open();
  expect(chunkAsked, 'no drill-down chunk before the first screen works').toEqual([]);
  await viewer.fetchJobs({ ids: '1001-1012, 1042' });
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  // Prefetched once the results show, before anyone opens a panel.
  await expect.poll(() => chunkAsked.length).toBe(1);
  const opener = viewer.row(1042).getByRole('button', { name: '1042', exact: true });
  await opener.click();
  const dialog = panel(page, 1042);
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/[?&]job=1042(&|$)/);
  // Every field the API sent, nested ones spelled out, and the raw JSON.
  await expect(dialog.getByRole('definition').first()).toBeVisible();
  await expect(dialog).toContainText('comparison_name');
  await expect(dialog).toContainText('result.diff_status');
  await dialog.getByText('Raw JSON').click();
  await expect(dialog.locator('pre')).toContainText('"run_id": 1042');
  // The differences: key, mapping, the mismatched column with its count, the rows.
  await expect(dialog).toContainText('Rows are matched on order_id.');
  await expect(dialog.getByRole('table', { name: 'Columns compared' })).toContainText('ship_date (renamed)');
  const bars = dialog.getByRole('list', { name: 'Mismatched columns' });
  await expect(bars).toContainText('total');
  await expect(bars).toContainText('3 rows');
  await expect(bars).toContainText('Numeric value differences');
  const rows = dialog.getByRole('table', { name: /^Each row’s key/ });
  await expect(rows.locator('tbody tr.row')).toHaveCount(3);
  await expect(rows.locator('td.differs').first()).toContainText('≠');
  await expect(rows.locator('td.differs .delta').first()).toHaveText(/^ \([+-]\d+\.\d\d\)$/);
  await expect(rows).toContainText('not in target');
  expect(chunkAsked.length, 'the prefetched chunk was used').toBe(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page).not.toHaveURL(/job=/);
  // Opened again while the set is shown: its diff details are not asked for twice.
  await opener.click();
  await expect(dialog.getByRole('list', { name: 'Mismatched columns' })).toContainText('3 rows');
  expect(diffAsked, 'diff details asked for once per job').toEqual([1042]);
});

test('from a link the panel opens once the set has loaded; 420 differing rows are windowed and searchable; markup in them is text', async ({ viewer, page }) => {
  await page.goto(`/?ids=1001-1012&workspace=${DEMO_WORKSPACE}&job=1002`);
  await viewer.apiKey.fill(DEMO_KEY);
  viewer.keysTyped.add(DEMO_KEY);
  await viewer.fetchButton.click();
  const dialog = panel(page, 1002);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Showing 420 of 420 differing rows')).toBeVisible();
  const rows = dialog.getByRole('table', { name: /^Each row’s key/ });
  await expect(rows.locator('tbody tr.row').first()).toBeVisible();
  expect(await rows.locator('tbody tr.row').count(), 'only the rows in view are in the page').toBeLessThan(60);
  // The hostile column name and value are shown as text; nothing of them became markup.
  await expect(rows.getByRole('columnheader', { name: '<img src=x onerror=alert(1)>note' })).toBeVisible();
  await expect(rows.getByText("<script>alert('x')</script>").first()).toBeVisible();
  await expect(rows).toContainText('not in source');
  await expect(rows).toContainText('not in target');
  await expect(dialog.locator('img, script')).toHaveCount(0);
  await dialog.getByLabel('Search differing rows').fill('WINTER10');
  const showing = dialog.getByText(/^Showing [\d,]+ of 420 differing rows$/);
  await expect(showing).not.toHaveText('Showing 420 of 420 differing rows');
  const matching = Number((await showing.innerText()).match(/^Showing (\d+)/)?.[1]);
  expect(matching, 'some rows hold WINTER10, not all').toBeGreaterThan(0);
  expect(matching).toBeLessThan(420);
  const texts = await rows.locator('tbody tr.row').allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toContain('WINTER10');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('MATCH says nothing differs; FAILURE and unfinished jobs say why there is nothing to show', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1012' });
  const says = async (id: number, text: string) => {
    await viewer.row(id).getByRole('button', { name: String(id), exact: true }).click();
    await expect(panel(page, id)).toContainText(text);
    await page.keyboard.press('Escape');
    await expect(panel(page, id)).toBeHidden();
  };
  await says(1001, 'Source and target match: nothing differs.');
  await says(1003, 'This job failed, so it compared nothing.');
  await says(1005, 'This job is STARTED: its differences can be shown once it has finished.');
  // Fields the page does not know are listed too; markup in them is text.
  await viewer.row(1009).getByRole('button', { name: '1009', exact: true }).click();
  const fields = panel(page, 1009).getByRole('region', { name: 'Every field the API sent' });
  await expect(fields.getByRole('term').filter({ hasText: /^tags$/ })).toBeVisible();
  await expect(fields).toContainText('["nightly"]');
  await expect(fields.getByRole('term').filter({ hasText: /^owner$/ })).toBeVisible();
  await expect(fields).toContainText('<i>not italic</i>');
  await expect(panel(page, 1009).locator('i')).toHaveCount(0);
});

test('each error of the diff-details call is explained inside the panel, with Try again, and the grid stays', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.diffFaults.port), ids: '1001-1012, 1042' });
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  const explained = async (id: number, text: string) => {
    await viewer.row(id).getByRole('button', { name: String(id), exact: true }).click();
    const alert = panel(page, id).getByRole('alert');
    await expect(alert).toContainText(text);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.keyboard.press('Escape');
  };
  await explained(1001, 'The API has no diff details for this job (404).');
  await explained(1002, 'Access denied (403)');
  await explained(1008, 'The server failed with status 500.');
  await explained(1009, 'not with JSON');
  // The network failing under the panel: Try again asks again.
  let asked = 0;
  await page.route('**/jobs/comparison/1042/diff-details', (route) => { asked += 1; return route.abort('connectionfailed'); });
  await viewer.row(1042).getByRole('button', { name: '1042', exact: true }).click();
  const alert = panel(page, 1042).getByRole('alert');
  await expect(alert).toContainText('Could not reach');
  await alert.getByRole('button', { name: 'Try again' }).click();
  // The button pressed makes way for the answer: focus goes to its section's heading, not away.
  await expect(panel(page, 1042).getByRole('heading', { name: 'Differences' })).toBeFocused();
  await expect.poll(() => asked).toBe(2);
  await expect(alert).toContainText('Could not reach');
  await page.keyboard.press('Escape');
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  await expect(viewer.alert).toHaveCount(0);
});

test('Copy as curl: the URL and the workspace, $DATACHECKS_API_KEY for the key, never the key', async ({ viewer, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: at(MAIN) });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042' });
  await viewer.row(1042).getByRole('button', { name: '1042', exact: true }).click();
  const dialog = panel(page, 1042);
  await dialog.getByRole('button', { name: 'Copy the details request' }).click();
  await expect(dialog.getByText('Copied: the details request.')).toBeVisible();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await expect.poll(clipboard).toContain('--data');
  const details = await clipboard();
  expect(details).toContain(`curl -X POST ${at(MAIN)}/api/v1/jobs/comparison/details`);
  expect(details).toContain(`'Workspace-Id: ${DEMO_WORKSPACE}'`);
  expect(details).toContain('"Authorization: Bearer $DATACHECKS_API_KEY"');
  expect(details).toContain("--data '[1042]'");
  await dialog.getByRole('button', { name: 'Copy the diff-details request' }).click();
  await expect(dialog.getByText('Copied: the diff-details request.')).toBeVisible();
  await expect.poll(clipboard).toContain('/diff-details');
  const diff = await clipboard();
  expect(diff).toContain(`curl ${at(MAIN)}/api/v1/jobs/comparison/1042/diff-details`);
  expect(diff).toContain('$DATACHECKS_API_KEY');
  for (const command of [details, diff]) expect(command).not.toContain(DEMO_KEY);
});

test('axe-core finds nothing with the panel open at 1280 and 360 px, light and dark', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1012, 1042' });
  await viewer.row(1042).getByRole('button', { name: '1042', exact: true }).click();
  const dialog = panel(page, 1042);
  await expect(dialog.getByRole('list', { name: 'Mismatched columns' })).toBeVisible();
  await expect(dialog.getByRole('term').filter({ hasText: 'comparison_name' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await expectAccessible(page, `the panel at ${width} px, ${colorScheme}`);
    }
  }
});
