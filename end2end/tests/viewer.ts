import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page, type Locator } from '@playwright/test';

export const DEMO_KEY = 'demo-key';
export const DEMO_WORKSPACE = '8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10';

/** The page as a user sees it: labelled fields, one button, a results table. */
export class Viewer {
  readonly baseUrl: Locator;
  readonly apiKey: Locator;
  readonly workspace: Locator;
  readonly jobIds: Locator;
  readonly fetchButton: Locator;
  readonly editButton: Locator;
  readonly table: Locator;
  readonly grid: Locator;
  readonly search: Locator;
  readonly alert: Locator;
  readonly status: Locator;
  /** Every request the page sent to a details endpoint. */
  readonly detailRequests: { url: string; headers: Record<string, string>; body: number[] }[] = [];

  /** Keys typed in this test, to check they never reach the console. */
  readonly keysTyped = new Set<string>();

  constructor(readonly page: Page) {
    this.baseUrl = page.getByLabel('API base URL');
    this.apiKey = page.getByLabel('API key', { exact: true });
    this.workspace = page.getByLabel('Workspace ID');
    this.jobIds = page.getByLabel('Job IDs');
    this.fetchButton = page.getByRole('button', { name: 'Fetch jobs' });
    this.editButton = page.getByRole('button', { name: 'Edit', exact: true });
    this.table = page.getByRole('table', { name: /^Comparison jobs/ });
    this.grid = page.getByRole('region', { name: 'Results grid' });
    this.search = page.getByLabel('Search jobs');
    this.alert = page.getByRole('alert');
    this.status = page.getByRole('status');
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/jobs/comparison/details')) {
        this.detailRequests.push({
          url: request.url(),
          headers: request.headers(),
          body: JSON.parse(request.postData() ?? 'null'),
        });
      }
    });
  }

  async open() {
    await this.page.goto('/');
    await expect(this.fetchButton).toBeEnabled();
  }

  /** Unfolds the form if results have folded it away. */
  async edit() {
    if (await this.editButton.isVisible()) await this.editButton.click();
    await expect(this.jobIds).toBeVisible();
  }

  async fill({ base = '', key = DEMO_KEY, workspace = DEMO_WORKSPACE, ids }: {
    base?: string; key?: string; workspace?: string; ids: string;
  }) {
    await this.edit();
    await this.baseUrl.fill(base);
    if (key) this.keysTyped.add(key);
    await this.apiKey.fill(key);
    await this.workspace.fill(workspace);
    await this.jobIds.fill(ids);
  }

  async fetchJobs(options: Parameters<Viewer['fill']>[0]) {
    await this.fill(options);
    await this.fetchButton.click();
  }

  /** The body row whose row header is this run ID. */
  row(id: number | string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: String(id), exact: true }) });
  }

  /** The rows in the page: the grid renders those in view and a few more, not every row. */
  bodyRows(): Locator {
    return this.table.locator('tbody tr.row');
  }

  /** Every ID a rendered row is about, in order. */
  async rowIds(): Promise<string[]> {
    return this.table.locator('tbody tr.row th').allInnerTexts();
  }

  /** How many rows the grid holds in all (its header row not counted). */
  async rowCount(): Promise<number> {
    return Number(await this.table.getAttribute('aria-rowcount')) - 1;
  }

  /** Scrolls the grid to `where` of its height (0 top, 1 bottom) and waits for rows to render there. */
  async scrollTo(where: number) {
    await this.grid.evaluate((el, where) => { el.scrollTop = where * (el.scrollHeight - el.clientHeight); }, where);
    await this.page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

/** The details requests a demo-api instance has answered since its log was reset. */
export async function answeredDetails(page: Page, server: string) {
  const log: { path: string; ids: number | null; status: number }[] =
    await (await page.request.get(`${server}/log/requests`)).json();
  return log.filter((r) => r.path.endsWith('/jobs/comparison/details'));
}

/** Fails unless every ID was answered exactly once, each answer within `most` IDs. */
export function expectEachIdAnsweredOnce(details: { ids: number | null; status: number }[], most: number, ids: number) {
  const answered = details.filter((r) => r.status === 200);
  expect(answered.every((r) => (r.ids ?? 0) <= most), 'only batches the server takes were answered').toBe(true);
  expect(answered.reduce((n, r) => n + (r.ids ?? 0), 0), 'every ID answered exactly once').toBe(ids);
}

/** The WCAG 2.2 A and AA rules, plus "label in name" (WCAG 2.5.3), which axe keeps experimental. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Fails with every axe-core violation in the page as it is now; `state` names it in the report. */
export async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const found = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `axe-core in ${state}`).toEqual([]);
}

/**
 * Each test gets a Viewer, and fails on an uncaught page error, a Content-Security-Policy
 * violation, or a typed key printed to the console.
 */
export const test = base.extend<{ viewer: Viewer }>({
  viewer: async ({ page }, use) => {
    const lines: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => lines.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    const viewer = new Viewer(page);
    await use(viewer);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    expect(lines.filter((l) => /CSP violation|Content Security Policy/.test(l)), 'CSP violations').toEqual([]);
    for (const key of viewer.keysTyped) {
      expect(lines.filter((l) => l.includes(key)), 'the API key reached the console').toEqual([]);
    }
  },
});

export { expect };
