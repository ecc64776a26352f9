import { defineConfig } from '@playwright/test';

// Every test talks to demo-api over real HTTP. The first server serves the release build and the
// API on one origin; the others are the same binary started with fault flags, reached cross-origin
// (so CORS is exercised too). Last, the site built for a subpath, the default build under another
// subpath, and deploy/nginx.conf proxying to demo-api. scripts/test builds the binary, dist/,
// dist-viewer/ and dist-hooks/ first.
// Ports below Linux's ephemeral range (32768-60999), so no client socket of an earlier run can be
// sitting on one when a server starts.
export const MAIN = 18800;
/** A port nothing listens on: for the network failure. */
export const NOTHING_LISTENING = 18899;
/** The build for a fixed subpath, and the default build under another subpath, with their URLs. */
export const SUBPATH_BUILD = { port: 18812, path: '/viewer/' };
export const ANY_SUBPATH = { port: 18813, path: '/some/deep/path/' };
/** demo-api with its largest data set: 100,000 jobs, IDs 1001-101000. */
export const BIG = { port: 18814, flags: '--jobs 100000' };
/** deploy/nginx.conf in front of the main demo-api. */
export const NGINX = 18820;
/** The same, as on a host whose nginx has no brotli module (gzip only). */
export const NGINX_WITHOUT_BROTLI = 18821;
/** Live jobs (1020-1024) on a clock 25 times faster: PENDING at first, all finished within 4 s of
 *  `POST /log/reset`. Its tests run one at a time, since they reset it. */
export const LIVE = { port: 18822, flags: '--clock-speed 25' };
/** The same, with every request after the first answering 401: refreshes fail. */
export const LIVE_FAILING = { port: 18823, flags: '--clock-speed 25 --fail-after 1 --error-status 401' };
/** The release build with the test hooks (scripts/test builds dist-hooks/): a panic on demand. */
export const PANIC_HOOKS = 18824;
/** The release build on a host that sends no hosting headers (no frame-ancestors, no CSP header). */
export const NO_HEADERS = { port: 18825, flags: '--dist ../dist --no-security-headers' };
/** Find jobs: 3,000 jobs over the last 30 days, in list pages of at most 5 whatever is asked.
 *  Without live jobs, nothing changes while a test compares what the page found with what
 *  demo-api lists. */
export const FIND = { port: 18827, flags: '--jobs 3000 --list-page-limit 5 --no-live-jobs' };
/** The same, each answer 400 ms late: a search's progress and Cancel can be seen. */
export const FIND_SLOW = { port: 18829, flags: '--jobs 3000 --list-page-limit 5 --latency-ms 400' };
/** Find jobs watching for new ones: tests add jobs with POST /log/add-job, one test at a time. */
export const FIND_ADDS = { port: 18828, flags: '--no-live-jobs' };
/** Another site (end2end/framer/), on its own port: it frames the page. */
export const FRAMER = 18826;
/** The address of a server started here. */
export const at = (port: number) => `http://127.0.0.1:${port}`;
const demoApi = '../target/debug/demo-api';

export const FAULTS = {
  rateLimited: { port: 18801, flags: '--force-status 429 --retry-after 1' },
  serverError: { port: 18802, flags: '--force-status 500' },
  recovers: { port: 18803, flags: '--force-status 503 --fail-first 2 --retry-after 0' },
  malformedJson: { port: 18804, flags: '--malformed-json' },
  wrongShape: { port: 18805, flags: '--wrong-shape' },
  partlyFailing: { port: 18806, flags: '--fail-ids 1101-1150 --error-status 500' },
  noCors: { port: 18807, flags: '--no-cors' },
  slow: { port: 18808, flags: '--latency-ms 35000' },
  /** Refuses details requests for more than 50 IDs with a 422 that says so. */
  smallBatches: { port: 18809, flags: '--batch-limit 50' },
  /** A 422 about something else than the batch's size. */
  unprocessable: { port: 18816, flags: '--force-status 422' },
  /** Details as usual; the diff details of four jobs fail, each its own way. */
  diffFaults: { port: 18817, flags: '--diff-fault 1001=404 --diff-fault 1002=403 --diff-fault 1008=500 --diff-fault 1009=malformed' },
  brokenItems: { port: 18810, flags: '--broken-items' },
  laggy: { port: 18811, flags: '--latency-ms 1500' },
  /** A busy server: 20 requests a second (429 with Retry-After beyond), at most 60 IDs a request. */
  busy: { port: 18815, flags: '--jobs 11000 --rate-limit 20 --max-batch 60' },
} as const;

const server = (port: number, flags: string, command = `${demoApi} --port ${port} ${flags}`) => ({
  command,
  // Outside the API, so the probe neither meets the faults nor uses up --fail-first.
  url: `${at(port)}/healthz`,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  timeout: 30_000,
});

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: at(MAIN),
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    server(MAIN, '--dist ../dist --batch-limit 500'),
    ...Object.values(FAULTS).map(({ port, flags }) => server(port, flags)),
    server(SUBPATH_BUILD.port, `--dist ../dist-viewer --dist-path ${SUBPATH_BUILD.path}`),
    server(ANY_SUBPATH.port, `--dist ../dist --dist-path ${ANY_SUBPATH.path}`),
    server(BIG.port, BIG.flags),
    server(LIVE.port, LIVE.flags),
    server(LIVE_FAILING.port, LIVE_FAILING.flags),
    server(PANIC_HOOKS, '--dist ../dist-hooks'),
    server(NO_HEADERS.port, NO_HEADERS.flags),
    server(FRAMER, '--dist framer --no-security-headers'),
    server(FIND.port, FIND.flags),
    server(FIND_SLOW.port, FIND_SLOW.flags),
    server(FIND_ADDS.port, FIND_ADDS.flags),
    { ...server(NGINX, '', `./nginx-test.sh ${NGINX} ${at(MAIN)} ../dist`), url: `${at(NGINX)}/` },
    {
      ...server(NGINX_WITHOUT_BROTLI, '', `./nginx-test.sh ${NGINX_WITHOUT_BROTLI} ${at(MAIN)} ../dist --without-brotli`),
      url: `${at(NGINX_WITHOUT_BROTLI)}/`,
    },
  ],
});
