import { test as baseTest } from '@playwright/test';
import { test, expect, DEMO_KEY } from './viewer';
import { MAIN, at } from '../playwright.config';

test('the API key stays out of the URL, history, storage and cookies', async ({ viewer, page, context }) => {
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001' });
  await expect(viewer.row(1001)).toBeVisible();
  expect(page.url()).not.toContain(DEMO_KEY);
  const stored = await page.evaluate(() => JSON.stringify({
    local: { ...localStorage }, session: { ...sessionStorage }, history: history.state, cookie: document.cookie,
  }));
  expect(stored).not.toContain(DEMO_KEY);
  expect((await context.cookies()).map((c) => c.value).join()).not.toContain(DEMO_KEY);
  // The key went only where it belongs: the Authorization header.
  expect(viewer.detailRequests.length, 'the requests are checked').toBeGreaterThan(0);
  for (const sent of viewer.detailRequests) {
    expect(sent.url).not.toContain(DEMO_KEY);
    expect(sent.headers['authorization']).toBe(`Bearer ${DEMO_KEY}`);
  }
});

test('the key field is a password field with a show/hide toggle', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.apiKey.fill('s3cret');
  await expect(viewer.apiKey).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show key' }).click();
  await expect(viewer.apiKey).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide key' }).click();
  await expect(viewer.apiKey).toHaveAttribute('type', 'password');
});

test('the page sends no Referer and loads nothing from another origin', async ({ viewer, page }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await viewer.open();
  await viewer.fetchJobs({ ids: '1001' });
  await expect(viewer.row(1001)).toBeVisible();
  expect([...origins]).toEqual([at(MAIN)]);
  expect(viewer.detailRequests[0].headers['referer'] ?? '').toBe('');
});

// Uses the bare page (no viewer fixture): this test provokes a violation on purpose, to show the
// policy is in force and that the violations the other tests check for would be seen.
baseTest('the page ships no inline script, and its Content-Security-Policy blocks any', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Fetch jobs' })).toBeEnabled();
  expect(await page.locator('script:not([src])').count()).toBe(0);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "default-src 'none'"]) {
    expect(csp).toContain(directive);
  }
});
