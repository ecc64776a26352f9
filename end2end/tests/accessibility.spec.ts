import { test, expect, expectAccessible } from './viewer';
import { FAULTS, at } from '../playwright.config';

// axe-core (WCAG 2.2 A and AA) in every state of the page, in both colour schemes. Each error
// state is checked where errors.spec.ts provokes it; the table at 360 px also in layout.spec.ts.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('the empty form and its invalid-input messages', async ({ viewer, page }) => {
      await viewer.open();
      await expectAccessible(page, `the empty form, ${colorScheme}`);
      await viewer.fetchJobs({ base: 'nope', key: '', ids: '12a, 0' });
      await expect(page.locator('#job-ids-error')).toBeVisible();
      await expectAccessible(page, `invalid input, ${colorScheme}`);
    });

    for (const width of [1280, 360]) {
      test(`results with every kind of row at ${width} px`, async ({ viewer, page }) => {
        await page.setViewportSize({ width, height: 900 });
        await viewer.open();
        // Found jobs of every status and outcome, one not found, a failed batch and unreadable jobs.
        await viewer.fetchJobs({ base: at(FAULTS.partlyFailing.port), ids: '1001-1099 424242 1150' });
        await expect(viewer.alert).toBeVisible();
        await expect(viewer.row(1003)).toContainText('FAILURE');
        await expectAccessible(page, `results at ${width} px, ${colorScheme}`);
        // The end of the list: the ID not found and the batch that failed.
        await viewer.scrollTo(1);
        await expect(viewer.row(1150)).toContainText('NOT LOADED');
        await expect(viewer.row(424242)).toContainText('NOT FOUND');
        await expectAccessible(page, `the end of the results at ${width} px, ${colorScheme}`);
        await viewer.fetchJobs({ base: at(FAULTS.brokenItems.port), ids: '1001' });
        await expect(viewer.table).toContainText('UNREADABLE');
        await expectAccessible(page, `unreadable jobs at ${width} px, ${colorScheme}`);
      });
    }

    test('a fetch in progress, and an error', async ({ viewer, page }) => {
      await viewer.open();
      await viewer.fetchJobs({ base: at(FAULTS.slow.port), ids: '1001' });
      await expect(page.getByRole('progressbar', { name: 'Jobs fetched' })).toBeVisible();
      await expectAccessible(page, `a fetch in progress, ${colorScheme}`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await viewer.fetchJobs({ key: 'wrong-key-123', ids: '1001' });
      await expect(viewer.alert).toContainText('(401)');
      await expectAccessible(page, `an error, ${colorScheme}`);
    });
  });
}
