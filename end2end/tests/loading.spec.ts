import type { Page, Response } from '@playwright/test';
import { test, expect, expectAccessible, DEMO_KEY, DEMO_WORKSPACE } from './viewer';
import { NGINX, NGINX_WITHOUT_BROTLI, at } from '../playwright.config';

// What a slow connection needs: every file compressed on the wire, and a page that shows its
// form (and takes typing) before the WASM has arrived.

/** The page's own files as they arrive: name → the response. */
function pageFiles(page: Page): Map<string, Response> {
  const files = new Map<string, Response>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const kind = path.endsWith('/') ? 'html' : path.match(/\.(css|js|wasm)$/)?.[1];
    if (kind) files.set(kind === 'js' && path.includes('/boot-') ? 'boot js' : kind, response);
  });
  return files;
}

/** Loads `url` and says how each of the page's files was encoded on the wire. */
async function encodings(page: Page, url: string) {
  const files = pageFiles(page);
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Fetch jobs' })).toBeEnabled();
  const seen: Record<string, { encoding?: string; vary?: string }> = {};
  for (const [kind, response] of files) {
    const headers = await response.allHeaders();
    seen[kind] = { encoding: headers['content-encoding'], vary: headers.vary?.toLowerCase() };
  }
  return seen;
}

const ALL_FILES = ['html', 'css', 'boot js', 'js', 'wasm'];
const every = (encoding: string) =>
  Object.fromEntries(ALL_FILES.map((kind) => [kind, { encoding, vary: 'accept-encoding' }]));

test('demo-api sends every file of the page brotli-compressed, as the browser asks', async ({ page }) => {
  expect(await encodings(page, '/')).toEqual(every('br'));
});

test('nginx (deploy/nginx.conf) sends every file brotli-compressed, and the API answers gzip', async ({ viewer, page }) => {
  expect(await encodings(page, `${at(NGINX)}/`)).toEqual(every('br'));
  // The details JSON has no file to be precompressed from: nginx gzips it on the fly.
  const answer = page.waitForResponse((r) => r.url().endsWith('/jobs/comparison/details'));
  await viewer.fetchJobs({ ids: '1042 1003' });
  expect((await (await answer).allHeaders())['content-encoding']).toBe('gzip');
  await expect(viewer.row(1042)).toContainText('MISMATCH');
});

test('nginx without the brotli module sends every file gzip-compressed', async ({ page }) => {
  expect(await encodings(page, `${at(NGINX_WITHOUT_BROTLI)}/`)).toEqual(every('gzip'));
});

/** Opens the page with the WASM held back until the returned function is called. */
async function openShell(page: Page, path = '/') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Datachecks Job Viewer' })).toBeVisible();
  return release;
}

/** Where each visible part of the form is on screen. */
async function layout(page: Page) {
  const parts = {
    heading: page.getByRole('heading', { name: 'Datachecks Job Viewer' }),
    base: page.getByLabel('API base URL'),
    key: page.getByLabel('API key', { exact: true }),
    remember: page.getByLabel('Remember key on this device'),
    workspace: page.getByLabel('Workspace ID'),
    ids: page.getByLabel('Job IDs'),
    fetch: page.getByRole('button', { name: 'Fetch jobs' }),
  };
  const boxes: Record<string, unknown> = {};
  for (const [name, locator] of Object.entries(parts)) boxes[name] = await locator.boundingBox();
  return boxes;
}

for (const width of [1280, 360]) {
  test(`at ${width} px the form paints before the WASM, then the app takes its place: same layout, nothing typed lost`, async ({ viewer, page }) => {
    await page.setViewportSize({ width, height: 900 });
    const release = await openShell(page);
    // The shell: the form's fields, ready for typing; the button waits for the app.
    await expect(viewer.fetchButton).toBeDisabled();
    const before = await layout(page);
    viewer.keysTyped.add(DEMO_KEY);
    await viewer.apiKey.pressSequentially(DEMO_KEY);
    await viewer.workspace.fill(DEMO_WORKSPACE);
    await viewer.jobIds.pressSequentially('1042 1003');
    await page.keyboard.press('Home'); // the caret goes back to the start of the line

    release();
    await expect(viewer.fetchButton).toBeEnabled();
    expect(await layout(page)).toEqual(before);
    await expect(viewer.apiKey).toHaveValue(DEMO_KEY);
    await expect(viewer.workspace).toHaveValue(DEMO_WORKSPACE);
    // Focus and caret carried over: typing goes on where it was.
    await expect(viewer.jobIds).toBeFocused();
    await page.keyboard.type('1001 ');
    await expect(viewer.jobIds).toHaveValue('1001 1042 1003');
    await viewer.fetchButton.click();
    await expect(viewer.row(1001)).toBeVisible();
    await expect(viewer.row(1042)).toContainText('MISMATCH');
  });
}

test('the shell is accessible, and a link typed into before the app runs waits for Fetch jobs', async ({ viewer, page }) => {
  const release = await openShell(page, `/?ids=1042&workspace=${DEMO_WORKSPACE}`);
  await expect(viewer.fetchButton).toBeDisabled();
  await expectAccessible(page, 'the static shell');
  viewer.keysTyped.add(DEMO_KEY);
  await viewer.apiKey.fill(DEMO_KEY.slice(0, 4)); // half-way through the key when the app runs
  release();
  await expect(viewer.fetchButton).toBeEnabled();
  await expect(viewer.jobIds).toHaveValue('1042');
  await expect(viewer.workspace).toHaveValue(DEMO_WORKSPACE);
  await expect(viewer.apiKey).toHaveValue(DEMO_KEY.slice(0, 4));
  // A link opened with a key loads at once, in the frame after mounting: not with half a key.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(viewer.detailRequests).toEqual([]);
  await viewer.apiKey.press('End');
  await page.keyboard.type(DEMO_KEY.slice(4));
  await viewer.fetchButton.click();
  await expect(viewer.row(1042)).toContainText('MISMATCH');
});
