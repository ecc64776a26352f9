import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, DEMO_KEY, DEMO_WORKSPACE, Viewer } from './viewer';
import { FAULTS, FIND, FIND_ADDS, FIND_SLOW, MAIN, at } from '../playwright.config';

// Find jobs: the list endpoint read page by page, then the details of what it found, into the
// same grid. FIND holds 3,000 jobs over the last 30 days and answers list pages of at most 5,
// whatever the page asks, so a search needs several.
const find = at(FIND.port);
const HOUR_MS = 3_600_000;

/** Every list request the page sends, as URLs, in order. */
function listRequests(page: Page): URL[] {
  const sent: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.endsWith('/api/v1/jobs/comparison')) sent.push(url);
  });
  return sent;
}

/** Opens the page on the Find jobs tab, connected to `base` (with `key`). */
async function openFind(viewer: Viewer, base: string, key = DEMO_KEY) {
  await viewer.open();
  await viewer.fill({ base, key, ids: '' });
  await viewer.page.getByRole('tab', { name: 'Find jobs' }).click();
  await expect(viewer.page.getByLabel('Since')).toBeVisible();
}

function findButton(page: Page) {
  return page.getByRole('button', { name: 'Find jobs' });
}

/** What demo-api lists, every page of it, for the query the page sent (its window included). */
async function listedIds(request: APIRequestContext, server: string, sent: URL): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams(sent.search);
    query.set('page', String(page));
    const answer = await request.get(`${server}/api/v1/jobs/comparison?${query}`, {
      headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Workspace-Id': DEMO_WORKSPACE },
    });
    const items: { job_id: number }[] = (await answer.json()).data.items;
    if (items.length === 0) return ids;
    ids.push(...items.map((item) => item.job_id));
  }
}

test('Last 24 hours + FAILURE finds exactly the failing jobs of that window, read page by page', async ({ viewer, page, request }) => {
  const sent = listRequests(page);
  await openFind(viewer, find);
  await expect(page.getByLabel('Since')).toHaveValue('24h');
  await page.getByRole('checkbox', { name: 'FAILURE' }).check();
  await findButton(page).click();
  await expect(viewer.table).toBeVisible();

  const expected = await listedIds(request, find, sent[0]);
  expect(expected.length, 'enough failing jobs for several pages of 5').toBeGreaterThan(5);
  const n = expected.length;
  await expect(page.getByLabel('Summary')).toContainText(`${n} requested · ${n} found · 0 not found`);
  expect((await viewer.rowIds()).slice(0, 5), 'newest first, as the list gives them').toEqual(expected.slice(0, 5).map(String));
  await expect(viewer.row(expected[0])).toContainText('FAILURE');

  // One request per page of 5, each with the same window (the last 24 hours) and filter; the key
  // in a header, never in the URL.
  expect(sent.map((url) => url.searchParams.get('page'))).toEqual(
    Array.from({ length: Math.ceil(n / 5) }, (_, i) => String(i + 1)));
  const [start, end] = ['start_time', 'end_time'].map((name) => Date.parse(sent[0].searchParams.get(name)!));
  expect(end - start).toBe(24 * HOUR_MS);
  expect(Math.abs(Date.now() - end), 'the window ends now').toBeLessThan(60_000);
  expect(sent.every((url) => url.searchParams.get('status_filters') === 'FAILURE')).toBe(true);
  expect(sent.some((url) => url.href.includes(DEMO_KEY))).toBe(false);
  expect(page.url()).not.toContain(DEMO_KEY);

  // What only the list knows has columns of its own.
  await expect(viewer.table.getByRole('columnheader', { name: 'Source dataset' })).toBeVisible();
  await expect(viewer.table.getByRole('columnheader', { name: 'Created' })).toBeVisible();
  await expect(viewer.row(expected[0]).getByRole('cell', { name: /^prod\./ })).toBeVisible();
  await expectAccessible(page, 'a search’s jobs in the grid');
});

test('a name filter narrows the search, and the list’s columns stay away from a set of IDs', async ({ viewer, page, request }) => {
  const sent = listRequests(page);
  await openFind(viewer, '');
  await page.getByLabel('Since').selectOption('Last 30 days');
  await page.getByLabel('Name contains').fill('orders');
  await findButton(page).click();
  await expect(viewer.table).toBeVisible();
  expect(sent[0].searchParams.get('filter')).toBe('orders');
  const named = await listedIds(request, at(MAIN), sent[0]);
  const everything = new URL(sent[0]);
  everything.searchParams.delete('filter');
  const all = await listedIds(request, at(MAIN), everything);
  expect(named.length).toBeGreaterThan(0);
  expect(named.length).toBeLessThan(all.length);
  await expect(page.getByLabel('Summary')).toContainText(`${named.length} requested · ${named.length} found`);
  await expect(viewer.row(named[0])).toContainText('orders table comparison');

  await viewer.editButton.click();
  await page.getByRole('tab', { name: 'Job IDs' }).click();
  await viewer.jobIds.fill('1042');
  await viewer.fetchButton.click();
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  await expect(viewer.table.getByRole('columnheader', { name: 'Source dataset' })).toBeHidden();
});

test('the link reopens the same search and the same rows, and never carries the key', async ({ viewer, page, context, request }) => {
  const sent = listRequests(page);
  await openFind(viewer, find);
  await page.getByRole('checkbox', { name: 'FAILURE' }).check();
  await findButton(page).click();
  await expect(viewer.table).toBeVisible();
  const link = page.url();
  expect(new URL(link).searchParams.get('since')).toBe('24h');
  expect(new URL(link).searchParams.get('statuses')).toBe('FAILURE');
  expect(link).not.toContain(DEMO_KEY);
  const firstRows = await listedIds(request, find, sent[0]);
  await expect(page.getByLabel('Summary')).toContainText(`${firstRows.length} found`);

  // Opened elsewhere: the search is back in the form; the key is asked for, then it runs again.
  const other = await context.newPage();
  const reopened = listRequests(other);
  await other.goto(link);
  await expect(other.getByRole('tab', { name: 'Find jobs' })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('checkbox', { name: 'FAILURE' })).toBeChecked();
  await expect(other.getByLabel('Since')).toHaveValue('24h');
  await expect(other.getByRole('status')).toContainText('Paste your API key');
  await other.getByLabel('API key', { exact: true }).fill(DEMO_KEY);
  await findButton(other).click();
  await expect.poll(() => reopened.length).toBeGreaterThan(0);
  const again = await listedIds(request, find, reopened[0]);
  await expect(other.getByLabel('Summary')).toContainText(`${again.length} requested · ${again.length} found`);
  expect(reopened[0].searchParams.get('status_filters')).toBe('FAILURE');
  // Measured back from its own now: still the last 24 hours, not the first page's window.
  const [start, end] = ['start_time', 'end_time'].map((name) => Date.parse(reopened[0].searchParams.get(name)!));
  expect(end - start).toBe(24 * HOUR_MS);
  expect(end).toBeGreaterThan(Date.parse(sent[0].searchParams.get('end_time')!));
  expect(await new Viewer(other).rowIds(), 'the same rows, in the same order').toEqual(await viewer.rowIds());
});

test('a new job in the window shows up at the top without a reload, marked and announced', async ({ viewer, page, request }) => {
  const server = at(FIND_ADDS.port);
  expect((await request.post(`${server}/log/reset`)).ok()).toBe(true);
  await openFind(viewer, server);
  await findButton(page).click();
  await expect(viewer.table).toBeVisible();
  const before = await viewer.rowCount();
  const added = await request.post(`${server}/log/add-job?status=FAILURE`);
  const { job_id: id } = await added.json();
  // The list is asked again on live refresh's schedule (5 s after the search at first).
  await expect(viewer.row(id)).toBeVisible({ timeout: 20_000 });
  expect((await viewer.rowIds())[0]).toBe(String(id));
  expect(await viewer.rowCount()).toBe(before + 1);
  await expect(viewer.status).toContainText('1 new job.');
  await expect(viewer.row(id)).toHaveClass(/row-new/);
  await expect(viewer.row(id).getByRole('cell', { name: 'FAILURE New' })).toBeVisible(); // not colour alone
  await expectAccessible(page, 'a new job just added by a re-list');
});

const LIST_ERRORS: [string, string, string, string][] = [
  ['a refused key', at(MAIN), 'not-the-demo-key', 'The API key was rejected (401)'],
  ['a key without read:job', at(MAIN), 'demo-key-no-read', 'Access denied (403)'],
  ['a base URL with no API', `${at(MAIN)}/api/v1/api/v2`, DEMO_KEY,
    `No Datachecks API at ${at(MAIN)}/api/v1/api/v2/api/v1/jobs/comparison (404)`],
  ['a server that keeps saying wait', at(FAULTS.rateLimited.port), DEMO_KEY, 'Too many requests (429)'],
  ['a server error', at(FAULTS.serverError.port), DEMO_KEY, 'The server failed with status 500'],
  ['a refused query', at(FAULTS.unprocessable.port), DEMO_KEY, 'The server refused the request (422).'],
  ['a body that is not JSON', at(FAULTS.malformedJson.port), DEMO_KEY, 'The server answered (status 200), but not with JSON'],
  ['a body of the wrong shape', at(FAULTS.wrongShape.port), DEMO_KEY, 'the page has no “items” field'],
  ['an instance that does not allow this origin', at(FAULTS.noCors.port), DEMO_KEY, "may not allow requests from this page's address"],
];

for (const [what, base, key, message] of LIST_ERRORS) {
  test(`the list call's errors are explained: ${what}`, async ({ viewer, page }) => {
    await openFind(viewer, base, key);
    await page.getByLabel('Name contains').fill('orders');
    await findButton(page).click();
    await expect(viewer.alert).toContainText('The search could not be run', { timeout: 15_000 });
    await expect(viewer.alert).toContainText(message);
    // Nothing typed is lost, and the search can be sent again.
    await expect(page.getByLabel('Name contains')).toHaveValue('orders');
    await expect(viewer.apiKey).toHaveValue(key);
    await expect(findButton(page)).toBeEnabled();
  });
}

test('a list page that takes over 30 seconds times out with a clear message', async ({ viewer, page }) => {
  await openFind(viewer, at(FAULTS.slow.port));
  await findButton(page).click();
  await expect(viewer.alert).toContainText('The search could not be run', { timeout: 40_000 });
  await expect(viewer.alert).toContainText('The server did not answer within 30 seconds.');
  await expect(findButton(page)).toBeEnabled();
});

test('a long search says how far it has read, and Cancel stops it with nothing fetched', async ({ viewer, page }) => {
  await openFind(viewer, at(FIND_SLOW.port));
  await page.getByLabel('Since').selectOption('Last 7 days');
  await findButton(page).click();
  await expect(page.getByRole('button', { name: 'Finding…' })).toBeDisabled();
  await expect(viewer.status).toContainText(/Found [\d,]+ jobs, reading page \d+ of \d+/);
  await viewer.status.getByRole('button', { name: 'Cancel' }).click();
  await expect(viewer.status).toContainText('Search cancelled before it found its jobs. Press Find jobs to search again.');
  await expect(findButton(page)).toBeEnabled();
  await expect(viewer.table).toBeHidden();
  await expect(viewer.alert).toBeHidden();
});

test('items of the list that cannot be read are counted and the rest are fetched', async ({ viewer, page }) => {
  await openFind(viewer, at(FAULTS.brokenItems.port));
  await findButton(page).click();
  await expect(viewer.table).toBeVisible();
  await expect(viewer.status).toContainText('2 items of the list could not be read and are left out.');
});

test('a range that ends before it starts, or spans over 90 days, is refused at its field; nothing is sent', async ({ viewer, page }) => {
  const sent = listRequests(page);
  await openFind(viewer, find);
  await page.getByLabel('Since').selectOption('Custom range');
  await page.getByLabel('From').fill('2026-11-20T09:30');
  await page.getByLabel('To').fill('2026-11-19T18:00');
  await findButton(page).click();
  await expect(page.locator('#find-to-error')).toHaveText(
    'To (2026-11-19T18:00) is before From (2026-11-20T09:30): the end must come after the start.');
  await expect(page.getByLabel('To')).toBeFocused();
  await expect(page.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the Find jobs tab with a range error');
  await page.getByLabel('From').fill('2026-01-01T00:00');
  await findButton(page).click();
  // 322 days and 18 hours, or an hour more or less across a change of summer time.
  await expect(page.locator('#find-to-error')).toContainText(/covers 323 days; at most 90 are allowed\./);
  await expect(page.getByLabel('From')).toHaveValue('2026-01-01T00:00');
  expect(sent).toHaveLength(0);
  // A range the form takes is sent as typed, in the person's time zone.
  await page.getByLabel('To').fill('2026-01-02T00:00');
  await findButton(page).click();
  await expect.poll(() => sent.length).toBeGreaterThan(0);
  const from = await page.evaluate(() => new Date('2026-01-01T00:00').toISOString());
  expect(sent[0].searchParams.get('start_time')).toBe(from);
  await expect(page).toHaveURL(/since=custom&from=2026-01-01T00:00&to=2026-01-02T00:00/);
});

test('the tabs keep what was typed in each, and arrow keys move between them', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.jobIds.fill('1042 1043');
  const findTab = page.getByRole('tab', { name: 'Find jobs' });
  await findTab.click();
  await expect(viewer.jobIds).toBeHidden();
  await page.getByLabel('Name contains').fill('orders');
  await page.getByRole('checkbox', { name: 'PENDING' }).check();
  await expectAccessible(page, 'the Find jobs tab');
  await findTab.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Job IDs' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Job IDs' })).toHaveAttribute('aria-selected', 'true');
  await expect(viewer.jobIds).toHaveValue('1042 1043');
  await page.keyboard.press('End');
  await expect(findTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Name contains')).toHaveValue('orders');
  await expect(page.getByRole('checkbox', { name: 'PENDING' })).toBeChecked();
});
