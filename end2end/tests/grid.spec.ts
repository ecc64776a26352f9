import { test, expect, DEMO_KEY } from './viewer';
import { BIG, FAULTS, at } from '../playwright.config';

const header = (viewer: { page: import('@playwright/test').Page }, name: string) =>
  viewer.page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
const sortBy = (viewer: { page: import('@playwright/test').Page }, name: string) =>
  viewer.page.getByRole('button', { name: new RegExp(`^${name}`) });

test('rows show as batches land, and the form folds away so the grid gets the screen', async ({ viewer, page }) => {
  await viewer.open();
  // 1.5 s an answer, batches growing from 25 IDs: the first answers land long before the last.
  await viewer.fetchJobs({ base: at(FAULTS.laggy.port), ids: '1001-1900' });
  await expect(viewer.row(1001)).toBeVisible();
  await expect(viewer.status).toContainText(/Fetching… [1-8]\d\d of 900 jobs/);
  await expect(page.getByLabel('Summary')).toContainText('loading');
  await expect(viewer.row(1001)).toContainText(/SUCCESS/);
  // Folded: what was asked, Edit and Fetch again; the fields are out of the way.
  await expect(page.getByRole('group', { name: 'Jobs fetched' })).toContainText('1001-1900');
  await expect(viewer.jobIds).toBeHidden();
  await expect(page.getByRole('button', { name: 'Fetch again' })).toBeDisabled();
  await expect(viewer.status).not.toContainText('Fetching', { timeout: 15_000 });
  await expect(page.getByLabel('Summary')).toContainText('900 requested · 300 found · 600 not found');
  await viewer.editButton.click();
  await expect(viewer.jobIds).toBeFocused();
});

test('sorting by each kind of column, both ways, with rows that are not jobs last', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042 1001-1012 424242 1003' });
  await expect(viewer.row(1042)).toBeVisible();
  expect(await viewer.rowIds()).toEqual(['1042', ...Array.from({ length: 12 }, (_, i) => String(1001 + i)), '424242']);

  // A number: the run ID.
  await sortBy(viewer, 'Run ID').click();
  await expect(header(viewer, 'Run ID')).toHaveAttribute('aria-sort', 'ascending');
  await expect(viewer.table).toHaveAccessibleName('Comparison jobs, sorted by Run ID, ascending');
  expect((await viewer.rowIds()).slice(0, 3)).toEqual(['1001', '1002', '1003']);
  expect((await viewer.rowIds()).at(-1)).toBe('424242');
  await sortBy(viewer, 'Run ID').click();
  await expect(header(viewer, 'Run ID')).toHaveAttribute('aria-sort', 'descending');
  expect((await viewer.rowIds()).slice(0, 2)).toEqual(['1042', '1012']);
  expect((await viewer.rowIds()).at(-1)).toBe('424242');
  // Third time: back to the order asked.
  await sortBy(viewer, 'Run ID').click();
  await expect(header(viewer, 'Run ID')).not.toHaveAttribute('aria-sort', /.+/);
  expect((await viewer.rowIds())[0]).toBe('1042');

  // A text, without regard to case.
  await sortBy(viewer, 'Comparison').click();
  const names = await viewer.bodyRows().locator('.name').allInnerTexts();
  expect(names.length, 'an order needs rows to compare').toBeGreaterThan(1);
  expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en', { sensitivity: 'base' })));
  expect((await viewer.rowIds()).at(-1)).toBe('424242');

  // A status, and a duration (descending: the slowest first; jobs without one after the rest).
  await sortBy(viewer, 'Status').click();
  expect(await viewer.bodyRows().locator('td:nth-of-type(2)').first().innerText()).toBe('FAILURE');
  await sortBy(viewer, 'Duration').click();
  await sortBy(viewer, 'Duration').click();
  await expect(header(viewer, 'Duration')).toHaveAttribute('aria-sort', 'descending');
  const ids = await viewer.rowIds();
  expect(ids[0]).toBe('1005'); // STARTED 30 days ago and still running: by far the longest
  expect(ids.at(-1)).toBe('424242');
  expect(ids.indexOf('1004')).toBeGreaterThan(ids.indexOf('1042')); // PENDING: no duration

  // A time: started.
  await sortBy(viewer, 'Started').click();
  expect((await viewer.rowIds()).slice(0, 2)).toEqual(['1001', '1002']);
});

test('status and outcome filters combine, and Clear filters undoes them', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1100 424242' });
  await expect(viewer.row(1001)).toBeVisible();
  // The counts read below are the whole set's: batches land one by one, so wait for the last.
  await expect(viewer.status).not.toContainText('Fetching');
  const summary = page.getByLabel('Summary');
  const success = summary.getByRole('button', { name: /^SUCCESS \d+$/ });
  const successCount = Number((await success.innerText()).split(' ')[1]);
  expect(successCount, 'the rows checked below are not none').toBeGreaterThan(0);
  await success.click();
  await expect(success).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(`Showing ${successCount} of 101`)).toBeVisible();
  const statuses = await viewer.bodyRows().locator('td:nth-of-type(2)').allInnerTexts();
  expect(statuses.length, 'the rows in view are checked').toBeGreaterThan(0);
  for (const text of statuses) expect(text).toBe('SUCCESS');

  // Across groups, both must hold: successful jobs that differ.
  const mismatch = summary.getByRole('button', { name: /^MISMATCH \d+$/ });
  const mismatchCount = Number((await mismatch.innerText()).split(' ')[1]);
  expect(mismatchCount, 'the rows checked below are not none').toBeGreaterThan(0);
  await mismatch.click();
  await expect(page.getByText(`Showing ${mismatchCount} of 101`)).toBeVisible();
  const outcomes = await viewer.bodyRows().locator('td:nth-of-type(3)').allInnerTexts();
  expect(outcomes.length, 'the rows in view are checked').toBeGreaterThan(0);
  for (const text of outcomes) expect(text).toBe('MISMATCH');

  // Within a group, either will do.
  await summary.getByRole('button', { name: 'Not found 1' }).click();
  await mismatch.click();
  await expect(page.getByText(`Showing ${successCount + 1} of 101`)).toBeVisible();
  await viewer.scrollTo(1);
  await expect(viewer.row(424242)).toBeVisible();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('Showing 101 of 101')).toBeVisible();
  await expect(success).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeHidden();
});

test('search finds IDs, names, comparison IDs and reasons as the user types', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1100' });
  await expect(viewer.row(1001)).toBeVisible();
  // Narrowed to some rows, not to none: a loop over no rows would check nothing.
  const narrowed = () => expect(page.getByText(/^Showing [1-9]\d? of 100$/)).toBeVisible();
  await viewer.search.pressSequentially('PAYOUTS');
  await expect(viewer.search).toHaveValue('PAYOUTS');
  await narrowed();
  // "Showing N of 100" also matches the narrowing of "PAYOU", a frame before "PAYOUTS" applies:
  // wait for the rows of the whole word (a fixed count of them would tie the test to the seed).
  const payouts = "<script>alert('x')</script> payouts";
  await expect.poll(async () => {
    const names = await viewer.bodyRows().locator('.name').allInnerTexts();
    return names.length > 0 && names.every((name) => name.includes(payouts));
  }).toBe(true);
  await viewer.search.fill('eeeeeeee-0000-0000-0000-000000000005');
  await expect(viewer.row(1042)).toBeVisible();
  await viewer.search.fill('');
  await expect(page.getByText('Showing 100 of 100')).toBeVisible();
  await viewer.search.fill('out of memory');
  await narrowed();
  const outOfMemory = await viewer.bodyRows().allInnerTexts();
  expect(outOfMemory.length).toBeGreaterThan(0);
  for (const text of outOfMemory) expect(text).toContain('Worker lost: the task was killed (out of memory)');
  await viewer.search.fill('1077');
  // The grid follows the box at the next frame: wait for it before reading the rows.
  await expect(page.getByText('Showing 1 of 100')).toBeVisible();
  expect(await viewer.rowIds()).toEqual(['1077']);
});

test('sort, filters and search are in the link: replaced as they change, and the link opens the same view', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001-1060' });
  await expect(viewer.row(1001)).toBeVisible();
  // The rows compared below are the whole set's: batches land one by one, so wait for the last.
  await expect(viewer.status).not.toContainText('Fetching');
  const historyLength = await page.evaluate(() => history.length);
  await sortBy(viewer, 'Duration').click();
  await sortBy(viewer, 'Duration').click();
  await page.getByLabel('Summary').getByRole('button', { name: /^SUCCESS \d+$/ }).click();
  await viewer.search.fill('orders');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('orders');
  const url = new URL(page.url());
  expect(url.searchParams.get('ids')).toBe('1001-1060');
  expect(url.searchParams.get('sort')).toBe('-duration');
  expect(url.searchParams.get('status')).toBe('SUCCESS');
  expect(await page.evaluate(() => history.length), 'view changes add no history').toBe(historyLength);
  const shown = await viewer.rowIds();
  expect(shown.length).toBeGreaterThan(0);

  // The same link, opened afresh (the key is typed again: links never carry it).
  await page.goto(url.toString());
  await expect(viewer.apiKey).toBeFocused();
  await page.keyboard.type(DEMO_KEY);
  await page.keyboard.press('Enter');
  await expect(viewer.row(shown[0])).toBeVisible();
  await expect(viewer.status).not.toContainText('Fetching');
  expect(await viewer.rowIds()).toEqual(shown);
  await expect(viewer.search).toHaveValue('orders');
  await expect(header(viewer, 'Duration')).toHaveAttribute('aria-sort', 'descending');
});

test('a link with view parameters the page cannot use still shows the jobs, with a quiet notice', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001' });
  await expect(viewer.row(1001)).toBeVisible();
  await page.goto(`/?ids=1001-1003&sort=shoe-size&colour=blue&q=`);
  await expect(viewer.status).toContainText('Not used from this link: sort=shoe-size, colour.');
  await viewer.apiKey.fill(DEMO_KEY);
  await viewer.apiKey.press('Enter');
  await expect(viewer.row(1003)).toBeVisible();
  expect(await viewer.rowIds()).toEqual(['1001', '1002', '1003']);
});

test('100,000 jobs: a few rows in the page, every one reachable by keyboard and by search', async ({ viewer, page }) => {
  test.setTimeout(120_000);
  await viewer.open();
  await viewer.fetchJobs({ base: at(BIG.port), ids: '1001-101000' });
  await expect(viewer.status).not.toContainText('Fetching', { timeout: 90_000 });
  await expect(page.getByLabel('Summary')).toContainText('100,000 requested · 100,000 found');
  expect(await viewer.rowCount()).toBe(100_000);
  expect(await viewer.bodyRows().count()).toBeLessThan(80);

  // The keyboard: End, Home, Page Down once the grid has focus.
  await viewer.grid.focus();
  await page.keyboard.press('End');
  await expect(viewer.row(101000)).toBeVisible();
  await expect(viewer.row(101000)).toHaveAttribute('aria-rowindex', '100001');
  expect(await viewer.bodyRows().count()).toBeLessThan(80);
  await page.keyboard.press('Home');
  await expect(viewer.row(1001)).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(viewer.row(1001)).not.toBeInViewport();

  // Sorting and searching all of them keeps the page small too.
  await sortBy(viewer, 'Run ID').click();
  await sortBy(viewer, 'Run ID').click();
  await expect(viewer.row(101000)).toBeVisible();
  await viewer.search.fill('54321');
  await expect(viewer.row(54321)).toBeVisible();
  expect(await viewer.bodyRows().count()).toBeLessThan(80);
});
