import { test, expect, expectAccessible, answeredDetails, expectEachIdAnsweredOnce } from './viewer';
import { FAULTS, MAIN, NOTHING_LISTENING, at } from '../playwright.config';

test('401: a wrong key says the key is invalid or expired', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ key: 'wrong-key-123', ids: '1001' });
  await expect(viewer.alert).toContainText('The API key was rejected (401): it is invalid or has expired.');
  await expect(viewer.alert).toContainText('The server said: “Invalid or expired API key”');
  await expect(viewer.table).toHaveCount(0);
  await expect(viewer.apiKey).toHaveValue('wrong-key-123');
  await expectAccessible(viewer.page, '401');
});

test('403: a wrong workspace, or a key without read:job', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ workspace: '00000000-0000-0000-0000-000000000000', ids: '1001' });
  await expect(viewer.alert).toContainText('Access denied (403)');
  await expect(viewer.alert).toContainText('Check the Workspace ID, and that the key has the read:job scope.');
  await viewer.fetchJobs({ key: 'demo-key-no-read', ids: '1001' });
  await expect(viewer.alert).toContainText('“This API key lacks the read:job scope”');
  await expectAccessible(viewer.page, '403');
});

test('404: a wrong base URL shows the URL called', async ({ viewer }) => {
  await viewer.open();
  // demo-api knows no such API path: 404 in the envelope.
  await viewer.fetchJobs({ base: `${at(MAIN)}/api/v1/api/v2`, ids: '1001' });
  await expect(viewer.alert).toContainText(
    `No Datachecks API at ${at(MAIN)}/api/v1/api/v2/api/v1/jobs/comparison/details (404): the API base URL looks wrong.`,
  );
  // A static site there instead (405 for a POST) is the same mistake, told the same way.
  await viewer.fetchJobs({ base: `${at(MAIN)}/not-datachecks`, ids: '1001' });
  await expect(viewer.alert).toContainText(
    `No Datachecks API at ${at(MAIN)}/not-datachecks/api/v1/jobs/comparison/details (405): the API base URL looks wrong.`,
  );
  await expectAccessible(viewer.page, '404');
});

test('422: the server message is shown', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.unprocessable.port), ids: '1001-1010' });
  await expect(viewer.alert).toContainText('The server refused the request (422).');
  await expect(viewer.alert).toContainText('“Validation error: job IDs must be integers (injected by demo-api)”');
  await expectAccessible(viewer.page, '422');
});

test('a 422 saying a batch held too many IDs splits the batch: no ID fails', async ({ viewer, page }) => {
  // The only test of this server: its request log starts empty.
  await page.request.post(`${at(FAULTS.smallBatches.port)}/log/reset`);
  await viewer.open();
  // Batches grow from 25 IDs; the server takes at most 50 and says so in a 422.
  await viewer.fetchJobs({ base: at(FAULTS.smallBatches.port), ids: '1001-1400' });
  await expect(page.getByLabel('Summary')).toContainText('400 requested · 300 found · 100 not found');
  await expect(page.getByLabel('Summary')).not.toContainText('not loaded');
  await expect(viewer.alert).toHaveCount(0);
  const details = await answeredDetails(page, at(FAULTS.smallBatches.port));
  expect(details.some((r) => r.status === 422), 'a batch was refused as too large').toBe(true);
  expectEachIdAnsweredOnce(details, 50, 400);
});

test('429: retried honouring Retry-After, then says when to try again', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.rateLimited.port), ids: '1001' });
  await expect(viewer.status).toContainText('retr');
  await expect(viewer.alert).toContainText('Too many requests (429)', { timeout: 15_000 });
  await expect(viewer.alert).toContainText('Try again in 1 second.');
  expect(viewer.detailRequests).toHaveLength(4);
  await expectAccessible(viewer.page, '429');
});

test('5xx: a server error names the status', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.serverError.port), ids: '1001' });
  await expect(viewer.alert).toContainText("The server failed with status 500. This is a problem on the server's side", { timeout: 15_000 });
  await expectAccessible(viewer.page, '5xx');
});

test('network failure: nothing listening says network or CORS, and what to do', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(NOTHING_LISTENING), ids: '1001' });
  await expect(viewer.alert).toContainText(`Could not reach ${at(NOTHING_LISTENING)}/api/v1/jobs/comparison/details.`);
  await expect(viewer.alert).toContainText('CORS');
  await expect(viewer.alert).toContainText('reverse proxy');
  await expectAccessible(viewer.page, 'network failure');
});

test('CORS: an instance that does not allow this origin is explained', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.noCors.port), ids: '1001' });
  await expect(viewer.alert).toContainText(`may not allow requests from this page's address (${at(MAIN)})`);
  await expectAccessible(viewer.page, 'CORS');
});

test('a body that is not JSON', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.malformedJson.port), ids: '1001' });
  await expect(viewer.alert).toContainText('The server answered (status 200), but not with JSON');
  await expectAccessible(viewer.page, 'a body that is not JSON');
});

test('JSON that is not a list of jobs', async ({ viewer }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.wrongShape.port), ids: '1001' });
  await expect(viewer.alert).toContainText('not in the shape the page reads: “data” is an object instead of a list of jobs');
  await expectAccessible(viewer.page, 'JSON that is not a list of jobs');
});

test('a request that takes over 30 seconds times out with a clear message', async ({ viewer }) => {
  test.setTimeout(60_000);
  await viewer.open();
  await viewer.fetchJobs({ base: at(FAULTS.slow.port), ids: '1001' });
  await expect(viewer.alert).toContainText('The server did not answer within 30 seconds.', { timeout: 40_000 });
  await expect(viewer.fetchButton).toBeEnabled();
  await expectAccessible(viewer.page, 'timeout');
});

test('bad input is rejected before any request, naming each bad value, and nothing typed is lost', async ({ viewer, page }) => {
  await viewer.open();
  await viewer.fetchJobs({ base: 'datachecks.example.com', key: '', ids: '12a, -4, 0, 9007199254740992, 1045-1040, 1-99999999' });
  await expect(page.locator('#base-url-error')).toContainText('“datachecks.example.com” does not start with https:// or http://');
  await expect(page.locator('#api-key-error')).toContainText('Enter your API key.');
  const ids = page.locator('#job-ids-error');
  for (const text of ['“12a” is not a whole number', '“-4” is negative', '“0” is zero', '“9007199254740992” is too large',
    '“1045-1040” is reversed; write it as 1040-1045', '“1-99999999” expands to 99,999,999 IDs', 'ranges like 1040-1045']) {
    await expect(ids).toContainText(text);
  }
  await expect(viewer.jobIds).toHaveAttribute('aria-invalid', 'true');
  expect(viewer.detailRequests).toHaveLength(0);
  await expect(viewer.baseUrl).toHaveValue('datachecks.example.com');
  await expect(viewer.jobIds).toHaveValue('12a, -4, 0, 9007199254740992, 1045-1040, 1-99999999');
  await expectAccessible(viewer.page, 'invalid input');
});
