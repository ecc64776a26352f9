import { test, expect, DEMO_KEY, DEMO_WORKSPACE, answeredDetails, expectEachIdAnsweredOnce } from './viewer';
import { FAULTS, MAIN, at } from '../playwright.config';

test('fetches jobs from demo-api and shows details and diff outcome', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042, 1001\n1003 1004 1011 424242' });

  await expect(viewer.table).toBeVisible();
  expect(await viewer.rowIds()).toEqual(['1042', '1001', '1003', '1004', '1011', '424242']);

  const reference = viewer.row(1042);
  await expect(reference.getByRole('cell').nth(0)).toHaveText(/orders table comparison/);
  await expect(reference).toContainText('SUCCESS');
  await expect(reference).toContainText('MISMATCH');
  await expect(reference.getByRole('cell').nth(3)).toHaveText('Row count mismatch; Column value differences in total');
  await expect(reference).toContainText('1 min 43 s');
  await expect(reference.locator('time').first()).toHaveAttribute('title', '2025-01-15 10:00:02 UTC');
  await expect(reference.locator('time').nth(1)).toHaveAttribute('title', '2025-01-15 10:01:45 UTC');
  await expect(reference.getByText('orders table comparison')).toHaveAttribute('title', 'orders table comparison\nComparison ID eeeeeeee-0000-0000-0000-000000000005');

  await expect(viewer.row(1001)).toContainText('MATCH');
  await expect(viewer.row(1003)).toContainText('FAILURE');
  await expect(viewer.row(1003)).toContainText('Worker lost: the task was killed (out of memory)');
  await expect(viewer.row(1004)).toContainText('PENDING');
  await expect(viewer.row(1011)).toContainText('QUEUED');
  await expect(viewer.row(424242)).toContainText('Not found in this workspace');

  const summary = page.getByLabel('Summary');
  await expect(summary).toContainText('6 requested · 5 found · 1 not found');
  await expect(summary).toContainText('MISMATCH 1');

  // One request, to the URL the page said it would call, with both headers and a bare array.
  expect(viewer.detailRequests).toHaveLength(1);
  const [sent] = viewer.detailRequests;
  await expect(page.locator('#base-url-hint')).toHaveText(`Calls POST ${sent.url}`);
  expect(sent.url).toBe(`${at(MAIN)}/api/v1/jobs/comparison/details`);
  expect(sent.headers['authorization']).toBe(`Bearer ${DEMO_KEY}`);
  expect(sent.headers['workspace-id']).toBe(DEMO_WORKSPACE);
  expect(sent.body).toEqual([1042, 1001, 1003, 1004, 1011, 424242]);
});

test('a base URL typed with /api/v1 and a trailing slash calls the same endpoint', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: `${at(MAIN)}/api/v1/`, ids: '1042' });
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  expect(viewer.detailRequests[0].url).toBe(`${at(MAIN)}/api/v1/jobs/comparison/details`);
});

test('ranges expand, duplicates are dropped and said so, order typed is kept', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1005, 1001-1003 1002 1005' });
  await expect(viewer.table).toBeVisible();
  expect(await viewer.rowIds()).toEqual(['1005', '1001', '1002', '1003']);
  await expect(viewer.status).toContainText('2 duplicate IDs were dropped.');
  expect(viewer.detailRequests[0].body).toEqual([1005, 1001, 1002, 1003]);
});

test('a list longer than the server batch limit is split and merged back in order', async ({ viewer, page }) => {
  await viewer.open();
  // 700 IDs against a server that refuses more than 500 per request; the order typed is not sorted.
  await viewer.fetchJobs({ ids: '1700 1699 1698 1001-1697' });
  await expect(viewer.table).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Summary')).toContainText('700 requested · 300 found · 400 not found');
  expect(await viewer.rowCount()).toBe(700);
  // Only the rows in view are in the page; scrolling brings the rest.
  expect(await viewer.bodyRows().count()).toBeLessThan(60);
  expect((await viewer.rowIds()).slice(0, 4)).toEqual(['1700', '1699', '1698', '1001']);
  await viewer.scrollTo(1);
  await expect(viewer.row(1697)).toBeVisible();
  await expect(viewer.row(1697)).toHaveAttribute('aria-rowindex', '701');
  expect((await viewer.rowIds()).at(-1)).toBe('1697');
  await viewer.search.fill('1300');
  await expect(viewer.row(1300)).toContainText(/SUCCESS|FAILURE|PENDING|STARTED|RUNNING|REVOKED/);
  await viewer.search.fill('1301');
  await expect(viewer.row(1301)).toContainText('Not found in this workspace');
  // Batches start at 25 IDs and grow as answers come, never past what the server takes.
  const sizes = viewer.detailRequests.map((r) => r.body.length);
  expect(sizes[0]).toBe(25);
  expect(Math.max(...sizes)).toBeGreaterThan(100);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
  const sent = viewer.detailRequests.flatMap((r) => r.body).sort((a, b) => a - b);
  expect(sent).toHaveLength(700);
  expect(new Set(sent).size).toBe(700);
});

test('a partly failing server: failed batches are marked, the others show, every ID has a row', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.partlyFailing.port), ids: '1001-1300' });
  // The batch holding 1101-1150 fails, whatever its size: batches grow from 25 IDs as answers come.
  await expect(viewer.alert).toContainText(/\d+ of 300 jobs could not be loaded \(marked in the table\)/, { timeout: 20_000 });
  const notLoaded = Number((await viewer.alert.innerText()).match(/(\d+) of 300 jobs could not be loaded/)![1]);
  expect(notLoaded).toBeGreaterThanOrEqual(50);
  expect(await viewer.rowCount()).toBe(300);
  await expect(viewer.alert).toContainText('status 500');
  await expect(viewer.row(1001)).not.toContainText('NOT LOADED');
  // The failed rows, together: the "Not loaded" count is a filter.
  await page.getByLabel('Summary').getByRole('button', { name: `Not loaded ${notLoaded}` }).click();
  await expect(page.getByText(`Showing ${notLoaded} of 300`)).toBeVisible();
  await expect(viewer.row(1101)).toContainText('NOT LOADED');
  await expect(viewer.row(1101)).toContainText('Server error 500');
  await viewer.search.fill('1150');
  await expect(viewer.row(1150)).toContainText('NOT LOADED');
  await viewer.search.fill('1201');
  await expect(page.getByText('No jobs match the filters and search.')).toBeVisible();
  await expect(page.getByLabel('Summary')).toContainText(`300 requested · ${300 - notLoaded} found · 0 not found · ${notLoaded} not loaded`);
  // The failing batch was retried, a bounded number of times.
  const failingBatchSends = viewer.detailRequests.filter((r) => r.body.includes(1101)).length;
  expect(failingBatchSends).toBe(4);
});

test('a 503 that clears is retried and the jobs show', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.recovers.port), ids: '1001-1003' });
  await expect(viewer.row(1001)).toContainText('MATCH');
  await expect(viewer.alert).toHaveCount(0);
  expect(viewer.detailRequests).toHaveLength(3);
});

test('job objects that cannot be read become rows with their raw JSON', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.brokenItems.port), ids: '1001 1002' });
  await expect(viewer.bodyRows()).toHaveCount(4);
  expect(await viewer.rowCount()).toBe(4);
  await expect(viewer.row(1001)).toContainText('SUCCESS');
  await expect(viewer.table).toContainText('"not a job object"');
  await expect(viewer.table).toContainText('{"comparison_name":"a job without its run_id","status":"SUCCESS"}');
});

test('HTML-like names from the API are shown as text', async ({ viewer, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1008 1009' });
  await expect(viewer.row(1008)).toContainText("<script>alert('x')</script> payouts");
  await expect(viewer.row(1009)).toContainText('<i>not italic</i>');
  await expect(viewer.table.locator('tbody script, tbody i')).toHaveCount(0);
  expect(dialogs, 'a dialog opened: API text ran as code').toEqual([]);
});

test('progress shows while a slow fetch runs, the button cannot be pressed twice, and Cancel stops it', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.laggy.port), ids: '1001-1300' });
  await expect(viewer.status).toContainText('Fetching… 0 of 300 jobs');
  await expect(page.getByRole('progressbar', { name: 'Jobs fetched' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fetching…' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(viewer.status).toContainText('Fetch cancelled.');
  await expect(viewer.fetchButton).toBeEnabled();
  await expect(viewer.table).toHaveCount(0);
  // Input survives; a new fetch works.
  await expect(viewer.jobIds).toHaveValue('1001-1300');
  await viewer.jobIds.fill('1001');
  await viewer.fetchButton.click();
  await expect(viewer.row(1001)).toContainText('SUCCESS');
});

test('Enter submits from a field; Ctrl+Enter from the IDs box', async ({ viewer }) => {
  await viewer.open();
  await viewer.fill({ ids: '1001' });
  await viewer.workspace.press('Enter');
  await expect(viewer.row(1001)).toBeVisible();
  await viewer.edit();
  await viewer.jobIds.fill('1002');
  await viewer.jobIds.press('Control+Enter');
  await expect(viewer.row(1002)).toBeVisible();
  await expect(viewer.row(1001)).toHaveCount(0);
});

test('a busy server only slows the fetch: 10,000 IDs through a rate limit and a batch cap, no ID failed', async ({ viewer, page }) => {
  // The only test of this server: its request log starts empty.
  await page.request.post(`${at(FAULTS.busy.port)}/log/reset`);
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.busy.port), ids: '1001-11000' });
  // The whole page holds back when the server asks, and says so. (Live refresh asks again only
  // 5 s after the set has loaded, so the log read below holds the fetch alone.)
  await expect(viewer.status).toContainText(/Server asked us to slow down; resuming (in \d+ s|now)/);
  await expect(page.getByLabel('Summary')).toContainText('10,000 requested · 10,000 found · 0 not found', { timeout: 50_000 });
  await expect(page.getByLabel('Summary')).not.toContainText('not loaded');
  await expect(viewer.alert).toHaveCount(0);
  const details = await answeredDetails(page, at(FAULTS.busy.port));
  expect(details.some((r) => r.status === 413), 'a batch was too large').toBe(true);
  expect(details.some((r) => r.status === 429), 'the server asked us to wait').toBe(true);
  expectEachIdAnsweredOnce(details, 60, 10_000);
});

