import { test, expect, DEMO_KEY } from './viewer';

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
  expect([...origins]).toEqual(['http://127.0.0.1:47800']);
  expect(viewer.detailRequests[0].headers['referer'] ?? '').toBe('');
});
