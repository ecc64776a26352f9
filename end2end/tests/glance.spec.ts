import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { test, expect, expectAccessible, DEMO_KEY, type Viewer } from './viewer';

// At a glance: the charts above the grid (their code a chunk of its own), Group by comparison,
// the downloads and the Theme control.

const GLANCE_CHUNK = /\/split-glance-[0-9a-f]{16}\.wasm$/;
const glance = (page: Page) => page.getByRole('region', { name: 'At a glance' });
const outcomeBar = (page: Page) => page.getByRole('group', { name: 'Filter by outcome' });
const histogram = (page: Page) => page.getByRole('group', { name: 'Narrow the grid to a duration' });
const showing = (page: Page) => page.locator('.grid-tools .showing');

/** Fetches `ids` and waits until every batch has landed. */
async function fetchAll(viewer: Viewer, ids: string) {
  await viewer.open();
  await viewer.fetchJobs({ ids });
  await expect(viewer.status).not.toContainText('Fetching');
  await expect(glance(viewer.page)).toBeVisible();
}

/** The count a button's name ends with: "MISMATCH 31" → 31. */
const countOf = async (button: ReturnType<Page['getByRole']>) =>
  Number((await button.innerText()).replace(/^.*?(\d[\d,]*)$/, '$1').replace(/,/g, ''));

test('the glance chunk is not part of the first screen, and the outcome bar filters the grid', async ({ viewer, page }) => {
  const asked: string[] = [];
  page.on('request', (r) => { if (GLANCE_CHUNK.test(new URL(r.url()).pathname)) asked.push(r.url()); });
  await viewer.open();
  expect(asked, 'no glance chunk before the first screen works').toEqual([]);
  await fetchAll(viewer, '1001-1100');
  expect(asked.length, 'the glance chunk was fetched once').toBe(1);
  const bar = outcomeBar(page);
  await expect(page.locator('.outcome-chart figcaption')).toContainText('100 jobs:');
  const mismatch = bar.getByRole('button', { name: /^MISMATCH \d+$/ });
  const count = await countOf(mismatch);
  expect(count, 'the rows checked below are not none').toBeGreaterThan(0);
  await mismatch.click();
  await expect(mismatch).toHaveAttribute('aria-pressed', 'true');
  await expect(mismatch).toBeFocused();
  await expect(showing(page)).toHaveText(`Showing ${count} of 100`);
  const outcomes = await viewer.bodyRows().locator('td:nth-of-type(3)').allInnerTexts();
  expect(outcomes.length).toBeGreaterThan(0);
  for (const text of outcomes) expect(text).toBe('MISMATCH');
  // The same filter as the counts above the grid: they show it pressed too.
  await expect(page.getByLabel('Summary').getByRole('button', { name: /^MISMATCH \d+$/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]outcome=MISMATCH(&|$)/);
  await mismatch.click();
  await expect(showing(page)).toHaveText('Showing 100 of 100');
});

test('the charts follow the search; a duration bar names its jobs and narrows the grid to them', async ({ viewer, page }) => {
  await fetchAll(viewer, '1001-1100');
  const caption = page.locator('.outcome-chart figcaption');
  await expect(caption).toContainText('100 jobs:');
  await viewer.search.fill('payouts');
  await expect(showing(page)).toHaveText(/^Showing [1-9]\d? of 100$/);
  const shown = Number((await showing(page).innerText()).split(' ')[1]);
  await expect(caption).toContainText(`${shown} jobs:`);
  await viewer.search.fill('');
  await expect(caption).toContainText('100 jobs:');

  // Durations: p50, p90 and max written out; a bar says which jobs it holds when focused.
  const durations = page.locator('.duration-chart');
  await expect(durations.locator('figcaption')).toContainText(/finished jobs?\. p50 .+, p90 .+, max .+\./);
  const bars = histogram(page).getByRole('button');
  const tallest = await bars.evaluateAll((all) => {
    const counts = all.map((b) => Number(b.getAttribute('aria-label')!.match(/: (\d+) jobs?$/)![1]));
    return counts.indexOf(Math.max(...counts));
  });
  const bar = bars.nth(tallest);
  const jobs = Number((await bar.getAttribute('aria-label'))!.match(/: (\d+) jobs?$/)![1]);
  await bar.focus();
  const detail = durations.locator('.chart-detail');
  await expect(detail).toContainText(/: \d{4}/);
  const named = (await detail.innerText()).split(': ').at(-1)!.split(/, | and /)[0];
  await page.keyboard.press('Enter');
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  await expect(showing(page)).toHaveText(`Showing ${jobs} of 100`);
  await expect(page).toHaveURL(/[?&]duration=\d+-\d+(&|$)/);
  expect(await viewer.rowIds()).toContain(named);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(showing(page)).toHaveText('Showing 100 of 100');
  await expect(bar).toHaveAttribute('aria-pressed', 'false');
});

test('the timeline draws the first 200 started jobs and says when it is capped; the charts fold away, remembered', async ({ viewer, page }) => {
  await fetchAll(viewer, '1001-1300');
  const timeline = page.locator('.timeline-chart');
  await expect(timeline.locator('figcaption')).toContainText(/^Timeline The first 200 of \d{3} jobs from .+ to .+/);
  await expect(timeline).toContainText(/Showing the first 200 of \d{3} started jobs, in the grid's order\./);
  await expect(timeline.locator('svg rect')).toHaveCount(200);
  const fold = page.getByRole('button', { name: 'Hide charts' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click();
  await expect(timeline).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show charts' })).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await viewer.fetchJobs({ ids: '1001-1020' });
  await expect(page.getByRole('button', { name: 'Show charts' })).toBeVisible();
  await expect(page.locator('.charts')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show charts' }).click();
  await expect(page.locator('.outcome-chart')).toBeVisible();
});

test('Group by comparison shows a comparison turning MATCH → MISMATCH and back, newest run first, and is in the link', async ({ viewer, page }) => {
  await fetchAll(viewer, '1001-1020');
  const toggle = page.getByRole('button', { name: 'Group by comparison' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.table).toBeHidden();
  const groups = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Runs, newest first' }) });
  const nightly = groups.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /nightly orders reconciliation/ }) });
  const runs = nightly.getByRole('listitem');
  await expect(runs).toHaveText([
    /^1016 MATCH changed since the previous run \(MISMATCH → MATCH\)$/,
    /^1015 MISMATCH changed since the previous run \(MATCH → MISMATCH\)$/,
    /^1014 MATCH$/,
    /^1013 MATCH$/,
  ]);
  await expect(nightly.getByRole('img', { name: /^Durations, oldest to newest: / })).toBeVisible();
  await expect(page.locator('.groups')).toContainText(/\d+ comparisons?; \d+ changed outcome since (its|their) previous run/);
  await expect(page).toHaveURL(/[?&]group=comparison(&|$)/);
  await expectAccessible(page, 'grouped by comparison');

  // The link reopens the grouping; the toggle gives the grid back.
  // The key lives in the tab's memory only: typed again after the reload.
  await page.reload();
  await viewer.apiKey.fill(DEMO_KEY);
  await viewer.fetchButton.click();
  await expect(nightly.getByRole('listitem').first()).toContainText('1016 MATCH');
  await page.getByRole('button', { name: 'Group by comparison' }).click();
  await expect(viewer.table).toBeVisible();
  await expect(page).not.toHaveURL(/group=/);
});

test('Download CSV and Download JSON hold the shown rows in grid order; a formula in a name is neutralised', async ({ viewer, page }) => {
  await fetchAll(viewer, '1017 1042 1009 1001-1003 424242');
  // Sorted by run ID, highest first: the files follow the grid's order, not the order asked.
  const sortById = page.getByRole('button', { name: /^Run ID/ });
  await sortById.click();
  await sortById.click();
  await expect(viewer.table.getByRole('columnheader', { name: /Run ID/ })).toHaveAttribute('aria-sort', 'descending');
  const order = ['1042', '1017', '1009', '1003', '1002', '1001', '424242'];
  expect(await viewer.rowIds()).toEqual(order);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^datachecks-jobs-\d{8}-\d{4}\.csv$/);
  const csv: string[][] = parse(readFileSync(await csvDownload.path()), { bom: true });
  expect(csv[0].slice(0, 4)).toEqual(['Run ID', 'Comparison', 'Status', 'Outcome']);
  expect(csv.slice(1).map((r) => r[0])).toEqual(order);
  const hostile = csv.find((r) => r[0] === '1017')!;
  expect(hostile[1]).toBe("'=cmd|' /C calc'!A0 totals");
  const reference = csv.find((r) => r[0] === '1042')!;
  const header = csv[0];
  expect(reference[header.indexOf('Started')]).toBe('2025-01-15T10:00:02.000Z');
  expect(reference[header.indexOf('Duration (s)')]).toBe('103.2');
  expect(csv.find((r) => r[0] === '424242')![header.indexOf('Row')]).toBe('Not found');
  await expect(page.locator('.export-status')).toHaveText(/^Saved datachecks-jobs-\d{8}-\d{4}\.csv\.$/);

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^datachecks-jobs-\d{8}-\d{4}\.json$/);
  const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  expect(json.jobs.map((j: { run_id: number }) => j.run_id)).toEqual(order.slice(0, -1).map(Number));
  expect(json.not_found).toEqual([424242]);
  // As the API sent it: fields the page does not read are there.
  expect(json.jobs.find((j: { run_id: number }) => j.run_id === 1009).tags).toEqual(['nightly']);

  // With a filter, only the rows shown.
  await page.getByLabel('Summary').getByRole('button', { name: /^MISMATCH \d+$/ }).click();
  const shownIds = await viewer.rowIds();
  const [filtered] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const rows: string[][] = parse(readFileSync(await filtered.path()), { bom: true });
  expect(rows.slice(1).map((r) => r[0])).toEqual(shownIds);
});

test('the theme follows the system, then the Theme control, remembered and applied before the page runs', async ({ viewer, page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const DARK = 'rgb(13, 17, 23)';
  const LIGHT = 'rgb(255, 255, 255)';
  await page.emulateMedia({ colorScheme: 'dark' });
  await viewer.open();
  const theme = page.getByLabel('Theme');
  await expect(theme).toHaveValue('');
  expect(await background()).toBe(DARK);
  await theme.selectOption({ label: 'Light' });
  expect(await background()).toBe(LIGHT);
  await expectAccessible(page, 'light theme chosen on a dark system');

  // Remembered, and applied by the static shell before the WASM arrives: no dark flash.
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Datachecks Job Viewer' })).toBeVisible();
  expect(await background()).toBe(LIGHT);
  release();
  await expect(viewer.fetchButton).toBeEnabled();
  await expect(page.getByLabel('Theme')).toHaveValue('light');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  expect(await background()).toBe(DARK);
  await page.getByLabel('Theme').selectOption({ label: 'System' });
  expect(await background()).toBe(LIGHT);
});

test('axe-core finds nothing with the charts shown, in the light theme and the dark one', async ({ viewer, page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await fetchAll(viewer, '1001-1060 424242');
    await expect(page.locator('.timeline-chart svg rect').first()).toBeVisible();
    // A bar focused shows its detail line; a filter pressed shows the pressed colours.
    await histogram(page).getByRole('button').first().focus();
    await expect(page.locator('.duration-chart .chart-detail')).not.toBeEmpty();
    await outcomeBar(page).getByRole('button').first().click();
    await expectAccessible(page, `charts shown, ${colorScheme} theme`);
  }
});

test('a running job reaches now on the timeline and grows with the clock', async ({ viewer, page }) => {
  await fetchAll(viewer, '1005 1042');
  const caption = page.locator('.timeline-chart figcaption');
  await expect(caption).toContainText(/^Timeline 2 jobs from .+; the longest, 1005, has run for .+; 1 still running\./);
  await expect(page.locator('.timeline-chart svg rect')).toHaveCount(2);
  // The axis ends at now: the caption's end time moves on while 1005 runs.
  const before = await caption.innerText();
  await expect(caption).not.toHaveText(before);
});
