import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as baseTest, type Page } from '@playwright/test';
import { test, expect, expectAccessible } from './viewer';
import { DEMO_KEY, DEMO_WORKSPACE } from './viewer';
import { MAIN, NGINX, NGINX_WITHOUT_BROTLI, NO_HEADERS, FRAMER, at } from '../playwright.config';

// How the page is served: every response carries the hosting headers (deploy/nginx.conf writes
// them; demo-api and the `_headers` file for static hosts must say the same), and no other site
// can frame the page.

const HEADERS_FILE = readFileSync(join(__dirname, '../../dist/_headers'), 'utf8');

/** What `_headers` gives a path, read as Netlify and Cloudflare Pages read it: every rule whose
 *  pattern (`*` for anything) matches adds its headers, a name given twice joins its values. */
function headersFor(text: string, path: string): Record<string, string> {
  const rules = text.split(/\n(?=\S)/).map((rule) => {
    const [pattern, ...lines] = rule.trim().split('\n');
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`);
    return { regex, headers: lines.map((line) => line.trim().split(/: (.*)/).slice(0, 2)) };
  });
  const found: Record<string, string> = {};
  for (const { regex, headers } of rules.filter((r) => r.regex.test(path))) {
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      found[key] = found[key] ? `${found[key]}, ${value}` : value;
    }
  }
  return found;
}
const SECURITY = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy',
  'cross-origin-opener-policy', 'permissions-policy'];

/** Paths to check: the page, a hashed file, the chunk, and a file that is not there. */
async function paths(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  const glue = await page.locator('link[rel=modulepreload]').first().getAttribute('href');
  const chunk = HEADERS_FILE.match(/^(\/split-results-[0-9a-f]{16}\.wasm)$/m)![1];
  return { html: '/', index: '/index.html', glue: `/${glue!.replace(/^\.\//, '')}`, chunk, missing: '/missing-0123456789abcdef.js' };
}

for (const [host, port] of [['demo-api', MAIN], ['nginx', NGINX], ['nginx without brotli', NGINX_WITHOUT_BROTLI]] as const) {
  test(`${host}: every response carries the headers that _headers names, 404s included`, async ({ page }) => {
    const origin = at(port);
    for (const [what, path] of Object.entries(await paths(page, origin))) {
      const response = await page.request.get(`${origin}${path}`);
      const wanted = headersFor(HEADERS_FILE, path);
      const got = response.headers();
      for (const name of SECURITY) expect(got[name], `${name} on ${what} (${path})`).toBe(wanted[name]);
      if (what === 'missing') {
        expect(response.status(), 'a missing file is a 404').toBe(404);
        expect(got['cache-control'], 'an error is not kept').toBeUndefined();
      } else {
        expect(response.status()).toBe(200);
        expect(got['cache-control'], `cache-control on ${what}`).toBe(wanted['cache-control']);
      }
    }
    // The header's policy is the page's own <meta> policy, plus what only a header can carry.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(headersFor(HEADERS_FILE, '/')['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
  });
}

test('the API answers carry the headers too, refusals included (demo-api)', async ({ page }) => {
  const response = await page.request.get(`${at(MAIN)}/api/v1/nothing/here`);
  expect(response.status(), 'no key: refused').toBe(401);
  for (const name of SECURITY) expect(response.headers()[name], name).toBe(headersFor(HEADERS_FILE, '/')[name]);
});

/** Remembers the demo key for the page at `origin`, as "Remember key on this device" does. */
async function rememberKey(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  await page.evaluate(({ key, workspace }) => {
    localStorage.setItem('datachecks-job-viewer.api-key', key);
    localStorage.setItem('datachecks-job-viewer.workspace-id', workspace);
    localStorage.setItem('datachecks-job-viewer.base-url', '');
  }, { key: DEMO_KEY, workspace: DEMO_WORKSPACE });
}

/** Opens another site's page (end2end/framer/, on its own port: another origin on the same
 *  machine, so the framed page can reach its own storage, as from a neighbouring subdomain) that
 *  frames `src`. */
async function framedBy(page: Page, src: string) {
  await page.goto(`${at(FRAMER)}/?src=${encodeURIComponent(src)}`);
  return page.frameLocator('iframe[title=framed]');
}

// The bare page, not the viewer fixture: the refusal is a CSP report in the console, on purpose.
baseTest('another site cannot frame the page: the headers refuse it, and nothing is asked of the API', async ({ page }) => {
  const refusals: string[] = [];
  page.on('console', (m) => { if (/frame-ancestors|X-Frame-Options/.test(m.text())) refusals.push(m.text()); });
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/jobs/comparison/')) asked.push(r.url()); });
  // A key is remembered there: a framed share link would load at once if the frame ran.
  await rememberKey(page, at(MAIN));
  const frame = await framedBy(page, `${at(MAIN)}/?ids=1001&workspace=${DEMO_WORKSPACE}`);
  await expect.poll(() => refusals.join('\n')).toContain("frame-ancestors 'none'");
  await expect(frame.getByRole('button', { name: 'Fetch jobs' })).toHaveCount(0);
  expect(asked).toEqual([]);
});

test('on a host without the headers, the page itself refuses to use a remembered key inside a frame', async ({ viewer, page }) => {
  // The key is remembered in the page's own tab first.
  viewer.keysTyped.add(DEMO_KEY);
  await rememberKey(page, at(NO_HEADERS.port));
  const link = `${at(NO_HEADERS.port)}/?ids=1001&workspace=${DEMO_WORKSPACE}`;
  const frame = await framedBy(page, link);
  const notice = frame.getByRole('alert').filter({ hasText: 'This page is inside another site' });
  await expect(notice).toContainText('Your remembered API key is not used here.');
  await expect(notice.getByRole('link', { name: 'Open the Job Viewer in a tab of its own' })).toHaveAttribute('href', link);
  await expect(frame.getByLabel('Job IDs')).toHaveValue('1001');
  await expect(frame.getByLabel('API key', { exact: true })).toHaveValue('');
  // The frame could read the key: the page chose not to use it.
  const stored = await page.frames().find((f) => f.url().startsWith(at(NO_HEADERS.port)))!
    .evaluate(() => localStorage.getItem('datachecks-job-viewer.api-key'));
  expect(stored).toBe(DEMO_KEY);
  expect(viewer.detailRequests, 'no request was sent, so none carried the key').toEqual([]);
  await expectAccessible(page, 'the page inside another site, with its notice');
});

test('in its own tab, the same host and key load the link at once (what the frame was refused)', async ({ viewer, page }) => {
  viewer.keysTyped.add(DEMO_KEY);
  await rememberKey(page, at(NO_HEADERS.port));
  await page.goto(`${at(NO_HEADERS.port)}/?ids=1001&workspace=${DEMO_WORKSPACE}`);
  await expect(viewer.row(1001)).toBeVisible();
  expect(viewer.detailRequests[0].headers['authorization']).toBe(`Bearer ${DEMO_KEY}`);
  await expect(page.getByText('This page is inside another site')).toHaveCount(0);
});
