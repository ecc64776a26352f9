import { defineConfig } from '@playwright/test';

// Every test talks to demo-api over real HTTP. The first server serves the release build and the
// API on one origin; the others are the same binary started with fault flags, reached cross-origin
// (so CORS is exercised too). Last, the site built for a subpath, the default build under another
// subpath, and deploy/nginx.conf proxying to demo-api. scripts/test builds the binary, dist/ and
// dist-viewer/ first.
export const MAIN = 47800;
const demoApi = '../target/debug/demo-api';

export const FAULTS = {
  rateLimited: { port: 47801, flags: '--force-status 429 --retry-after 1' },
  serverError: { port: 47802, flags: '--force-status 500' },
  recovers: { port: 47803, flags: '--force-status 503 --fail-first 2 --retry-after 0' },
  malformedJson: { port: 47804, flags: '--malformed-json' },
  wrongShape: { port: 47805, flags: '--wrong-shape' },
  partlyFailing: { port: 47806, flags: '--fail-ids 1101-1150 --error-status 500' },
  noCors: { port: 47807, flags: '--no-cors' },
  slow: { port: 47808, flags: '--latency-ms 35000' },
  smallBatches: { port: 47809, flags: '--batch-limit 50' },
  brokenItems: { port: 47810, flags: '--broken-items' },
  laggy: { port: 47811, flags: '--latency-ms 1500' },
} as const;

const server = (port: number, flags: string, command = `${demoApi} --port ${port} ${flags}`) => ({
  command,
  // Outside the API, so the probe neither meets the faults nor uses up --fail-first.
  url: `http://127.0.0.1:${port}/healthz`,
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
    baseURL: `http://127.0.0.1:${MAIN}`,
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
    server(47812, '--dist ../dist-viewer --dist-path /viewer/'),
    server(47813, '--dist ../dist --dist-path /some/deep/path/'),
    { ...server(47820, '', `./nginx-test.sh 47820 http://127.0.0.1:${MAIN} ../dist`), url: 'http://127.0.0.1:47820/' },
  ],
});
