import type { Page, Request } from '@playwright/test';
import { test, expect, expectAccessible } from './viewer';
import { NGINX, PANIC_HOOKS, at } from '../playwright.config';

// The release page is split: the first screen (the form, the fetch, errors) in the main WASM, and
// the results view in a chunk of its own, prefetched when the browser idles and loaded by the
// first fetch at the latest. These tests run that split build as it ships.

const CHUNK = /\/split-results-[0-9a-f]{16}\.wasm$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Every request for the results chunk, as it is made. */
function chunkRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => { if (CHUNK.test(new URL(request.url()).pathname)) seen.push(request); });
  return seen;
}

test('the form works before the results chunk arrives, and the chunk is prefetched without a click', async ({ viewer, page }) => {
  const requests = chunkRequests(page);
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(CHUNK, async (route) => { await released; await route.continue(); });
  await viewer.open();
  // Asked for once the page idles, while nobody has pressed anything; held back here, and the
  // form works all the same.
  await expect.poll(() => requests.length).toBe(1);
  await expect(viewer.fetchButton).toBeEnabled();
  // Wanted while the prefetch is still on its way: the page waits for that one.
  await viewer.fetchJobs({ ids: '1042 1003' });
  await expect(page.getByText('Loading the results view…')).toBeVisible();
  release();
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  expect(requests.length, 'the prefetched chunk was used, not fetched again').toBe(1);
});

test('a prefetch that failed is tried again when the results are first wanted, without a click', async ({ viewer, page }) => {
  const requests = chunkRequests(page);
  await page.route(CHUNK, (route) => (requests.length === 1 ? route.abort('connectionfailed') : route.continue()));
  const loaderSaid: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') loaderSaid.push(m.text()); });
  await viewer.open();
  await expect.poll(() => loaderSaid.join('\n'), 'the prefetch failed').toContain('Failed to fetch');
  await viewer.fetchJobs({ ids: '1042' });
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  expect(requests.length).toBe(2);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('a results chunk that cannot load says so, offers Try again, and keeps the jobs fetched', async ({ viewer, page }) => {
  await page.route(CHUNK, (route) => route.abort('connectionfailed'));
  await viewer.open();
  await viewer.fetchJobs({ ids: '1042 1003' });
  const failed = page.getByRole('alert').filter({ hasText: 'The results view could not be loaded' });
  await expect(failed).toContainText('Check your connection, then try again');
  // The fetch itself went on: the status line and the folded form still work.
  await expect(viewer.editButton).toBeVisible();
  await expectAccessible(page, 'a chunk that failed to load');
  await page.unroute(CHUNK);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(viewer.row(1042)).toContainText('MISMATCH');
  await expect(viewer.row(1003)).toBeVisible();
  await expect(failed).toHaveCount(0);
  await viewer.edit();
  await expect(viewer.jobIds).toHaveValue('1042 1003');
});

for (const [host, origin] of [['demo-api', ''], ['nginx (deploy/nginx.conf)', at(NGINX)]]) {
  test(`${host}: hashed files, chunks included, are cached for good; index.html is checked on every visit`, async ({ viewer, page }) => {
    const requests = chunkRequests(page);
    const html = await page.goto(`${origin}/`);
    expect((await html!.allHeaders())['cache-control']).toBe('no-cache');
    await expect(viewer.fetchButton).toBeEnabled();
    await expect.poll(() => requests.length).toBe(1);
    const chunk = await requests[0].response();
    expect((await chunk!.allHeaders())['cache-control']).toBe(IMMUTABLE);
    const links = await page.locator('link[rel=modulepreload], link[rel=preload], link[rel=stylesheet]').all();
    expect(links.length, 'the page names files to check').toBeGreaterThan(0);
    for (const link of links) {
      const url = new URL((await link.getAttribute('href'))!, page.url()).href;
      const response = await page.request.get(url);
      expect(response.headers()['cache-control'], url).toBe(IMMUTABLE);
      // Trunk's hashes are hex without leading zeros; scripts/split.mjs's are 16 digits.
      expect(new URL(url).pathname, 'a content hash in the name').toMatch(/-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/);
    }
  });
}

test('a bug shows a message on the page, with what was typed but never the key', async ({ viewer, page }) => {
  await page.goto(`${at(PANIC_HOOKS)}/`);
  await expect(viewer.fetchButton).toBeEnabled();
  viewer.keysTyped.add('s3cret-key-typed');
  await viewer.apiKey.fill('s3cret-key-typed');
  await viewer.workspace.fill('my-workspace');
  await viewer.jobIds.fill('1042, 1003');
  // The test-hooks build (never shipped) exports a function that panics, with the key in its
  // message to show that the key is cut out.
  const thrown = await page.evaluate(async () => {
    const glue = document.querySelector<HTMLLinkElement>('link[rel=modulepreload]')!.href;
    const app = await import(glue);
    try {
      app.panic_for_test('while holding s3cret-key-typed');
      return 'nothing thrown';
    } catch (error) {
      return String(error);
    }
  });
  expect(thrown).toContain('unreachable');
  const notice = page.getByRole('alert');
  await expect(notice.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(notice).toContainText('Reload it to start again');
  await expect(notice).toContainText('a panic asked for by a test: while holding [API key]');
  await expect(notice).toContainText('my-workspace');
  await expect(notice).toContainText('1042, 1003');
  await expect(page.locator('body')).not.toContainText('s3cret-key-typed');
  await expectAccessible(page, 'the panic message');
});
