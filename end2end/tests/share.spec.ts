import type { Request } from '@playwright/test';
import { test, expect, DEMO_KEY, DEMO_WORKSPACE } from './viewer';
import { ANY_SUBPATH, FAULTS, MAIN as MAIN_PORT, NGINX, SUBPATH_BUILD, at } from '../playwright.config';

const MAIN = at(MAIN_PORT);

test('each fetch is one history entry; Back and Forward bring the sets back', async ({ viewer, page }) => {
  await viewer.open();
  const startLength = await page.evaluate(() => history.length);
  await viewer.fetchJobs({ base: `${MAIN}/api/v1`, ids: '1040-1049 2001 1001' });
  await expect(viewer.row(2001)).toBeVisible();
  const first = new URL(page.url());
  expect(first.searchParams.get('ids')).toBe('1040-1049,2001,1001');
  expect(first.searchParams.get('base')).toBe(`${MAIN}/api/v1`);
  expect(first.searchParams.get('workspace')).toBe(DEMO_WORKSPACE);
  expect(first.search).toContain(`ids=1040-1049,2001,1001&base=${MAIN}/api/v1&workspace=`);

  // Typing does not add history; the second fetch adds exactly one entry.
  await viewer.edit();
  await viewer.jobIds.fill('1001-1003');
  await viewer.jobIds.fill('1001-1004');
  expect(await page.evaluate(() => history.length)).toBe(startLength + 1);
  await viewer.fetchButton.click();
  await expect(viewer.row(1004)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('ids')).toBe('1001-1004');
  expect(await page.evaluate(() => history.length)).toBe(startLength + 2);

  await page.goBack();
  await expect(viewer.jobIds).toHaveValue('1040-1049,2001,1001');
  await expect(viewer.row(2001)).toBeVisible();
  expect(await viewer.rowIds()).toEqual([...Array.from({ length: 10 }, (_, i) => String(1040 + i)), '2001', '1001']);

  await page.goForward();
  await expect(viewer.jobIds).toHaveValue('1001-1004');
  await expect(viewer.row(1004)).toBeVisible();

  // The key is in none of it.
  const everything = await page.evaluate(() => JSON.stringify({ url: location.href, state: history.state, local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(everything).not.toContain(DEMO_KEY);
});

test('a shared link opened without a key fills the form and asks for the key', async ({ viewer, page }) => {
  await page.goto(`/?ids=1001-1003,1042&workspace=${DEMO_WORKSPACE}`);
  await expect(viewer.jobIds).toHaveValue('1001-1003,1042');
  await expect(viewer.workspace).toHaveValue(DEMO_WORKSPACE);
  await expect(viewer.apiKey).toBeFocused();
  await expect(viewer.status).toContainText('Paste your API key to load the jobs in this link');
  expect(viewer.detailRequests).toHaveLength(0);
  await page.keyboard.type(DEMO_KEY);
  viewer.keysTyped.add(DEMO_KEY);
  await page.keyboard.press('Enter');
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  expect(await viewer.rowIds()).toEqual(['1001', '1002', '1003', '1042']);
});

test('Copy link copies the share URL, which loads at once where the key is remembered', async ({ viewer, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: MAIN });
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042 1001' });
  await expect(viewer.row(1042)).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(viewer.status).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).not.toContain(DEMO_KEY);

  // "Copy ID" puts the comparison ID on the clipboard.
  await page.getByRole('button', { name: 'Copy ID of the comparison of job 1042' }).click();
  await expect(viewer.status).toContainText('Copied comparison ID eeeeeeee-0000-0000-0000-000000000005.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('eeeeeeee-0000-0000-0000-000000000005');

  await viewer.edit();
  await page.getByLabel('Remember key on this device').check();
  const other = await context.newPage();
  const otherViewer = new (viewer.constructor as typeof import('./viewer').Viewer)(other);
  await other.goto(copied);
  await expect(otherViewer.row(1042)).toContainText('MISMATCH');
  expect(await otherViewer.rowIds()).toEqual(['1042', '1001']);
  await other.close();
});

test('a link to another instance does not send the remembered key until the user says so', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: MAIN, ids: '1001' });
  await expect(viewer.row(1001)).toBeVisible();
  await viewer.edit();
  await page.getByLabel('Remember key on this device').check();
  const elsewhere = at(FAULTS.brokenItems.port);
  await page.goto(`/?ids=1042&base=${elsewhere}&workspace=${DEMO_WORKSPACE}`);
  await expect(viewer.status).toContainText(`This link points at ${elsewhere}/api/v1, not the instance your key was last used with.`);
  await expect(viewer.baseUrl).toBeFocused();
  await expect(viewer.apiKey).toHaveValue(DEMO_KEY);
  expect(viewer.detailRequests.filter((r) => r.url.startsWith(elsewhere))).toHaveLength(0);
  // The user looks, agrees, and fetches: now it goes.
  await viewer.fetchButton.click();
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  expect(viewer.detailRequests.at(-1)?.url).toBe(`${elsewhere}/api/v1/jobs/comparison/details`);
  // A link to the instance the key was just used with loads at once.
  await page.goto(`/?ids=1001&base=${elsewhere}&workspace=${DEMO_WORKSPACE}`);
  await expect(viewer.row(1001)).toBeVisible();
});

test('the key is kept on this device only when asked, and Forget key removes it', async ({ viewer, page }) => {
  const stored = () => page.evaluate(() => ({ ...localStorage }));
  await viewer.open();
  await viewer.fetchJobs({ base: MAIN, ids: '1001' });
  await expect(viewer.row(1001)).toBeVisible();
  // Base URL and workspace are remembered without asking; the key is not.
  expect(Object.values(await stored())).toEqual(expect.arrayContaining([MAIN, DEMO_WORKSPACE]));
  expect(JSON.stringify(await stored())).not.toContain(DEMO_KEY);
  await page.goto('/');
  await expect(viewer.baseUrl).toHaveValue(MAIN);
  await expect(viewer.workspace).toHaveValue(DEMO_WORKSPACE);
  await expect(viewer.apiKey).toHaveValue('');

  // Opted in: kept across a reload.
  await viewer.apiKey.fill(DEMO_KEY);
  await page.getByLabel('Remember key on this device').check();
  expect(JSON.stringify(await stored())).toContain(DEMO_KEY);
  await page.reload();
  await expect(viewer.apiKey).toHaveValue(DEMO_KEY);
  await expect(page.getByLabel('Remember key on this device')).toBeChecked();

  // Forget key: gone from storage and from the form.
  await page.getByRole('button', { name: 'Forget key' }).click();
  await expect(viewer.apiKey).toHaveValue('');
  await expect(viewer.status).toContainText('Key forgotten');
  expect(JSON.stringify(await stored())).not.toContain(DEMO_KEY);
  await page.reload();
  await expect(viewer.apiKey).toHaveValue('');
  await expect(page.getByLabel('Remember key on this device')).not.toBeChecked();
});

test('a build for a subpath works served under that subpath', async ({ viewer, page }) => {
  await page.goto(`${at(SUBPATH_BUILD.port)}${SUBPATH_BUILD.path}`);
  await expect(viewer.fetchButton).toBeEnabled();
  await viewer.fetchJobs({ ids: '1042' });
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  expect(viewer.detailRequests[0].url).toBe(`${at(SUBPATH_BUILD.port)}/api/v1/jobs/comparison/details`);
  expect(new URL(page.url()).pathname).toBe(SUBPATH_BUILD.path);
});

test('the default build also works under any subpath, with no rebuild', async ({ viewer, page }) => {
  await page.goto(`${at(ANY_SUBPATH.port)}${ANY_SUBPATH.path}?ids=1001`);
  await expect(viewer.jobIds).toHaveValue('1001');
  await viewer.fill({ ids: '1001' });
  await viewer.fetchButton.click();
  await expect(viewer.row(1001)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(ANY_SUBPATH.path);
});

test('through the nginx proxy: Chromium → nginx → demo-api, same origin', async ({ viewer, page }) => {
  await page.goto(`${at(NGINX)}/`);
  await expect(viewer.fetchButton).toBeEnabled();
  await viewer.fetchJobs({ ids: '1042 1003' });
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  await expect(viewer.row(1003)).toContainText('FAILURE');
  expect(viewer.detailRequests[0].url).toBe(`${at(NGINX)}/api/v1/jobs/comparison/details`);
});

test('Back during a fetch cancels it and loads the earlier set; the cancelled answers never show', async ({ viewer, page }) => {
  const laggy = at(FAULTS.laggy.port); // answers after 1.5 s
  await viewer.open();
  await viewer.fetchJobs({ base: laggy, ids: '1001 1002' });
  await expect(viewer.row(1002)).toBeVisible();
  // 1.5 s an answer and batches growing from 25 IDs: several rounds, so it would land well after
  // the set Back reloads. Its requests are the ones asking for more than 1001 and 1002.
  const bigBatches: Request[] = [];
  page.on('request', (r) => { if (JSON.parse(r.postData() ?? 'null')?.some?.((id: number) => id > 1002)) bigBatches.push(r); });
  await viewer.edit();
  await viewer.jobIds.fill('1001-2000');
  await viewer.fetchButton.click();
  await expect(viewer.status).toContainText('of 1,000 jobs');
  await page.goBack();
  await expect(viewer.jobIds).toHaveValue('1001,1002');
  await expect(viewer.row(1001)).toBeVisible();
  // Every request of the cancelled fetch has ended (aborted, or answered and dropped).
  await Promise.all(bigBatches.map((r) => r.response()));
  expect(bigBatches.length).toBeGreaterThan(0);
  expect(bigBatches.every((r) => r.failure() !== null), 'the cancelled batches were aborted').toBe(true);
  expect(await viewer.rowIds()).toEqual(['1001', '1002']);
  await expect(page.getByRole('button', { name: 'Fetch again' })).toBeEnabled();
});
