// README's screenshot: the built page (dist/) served by demo-api, 258 jobs fetched (1043-1300: seeded over the last 30 days), the charts
// above the grid, in the light and the dark theme. Run after a build:
//   source scripts/env.sh && build_site && cargo build -p demo-api && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A port nobody holds: the OS picks it. */
const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

const port = await freePort();
const demo = spawn(join(root, 'target/debug/demo-api'), ['--port', String(port), '--dist', join(root, 'dist')], { stdio: 'inherit' });
try {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 100) throw new Error('demo-api did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  mkdirSync(join(root, 'docs'), { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, colorScheme });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByLabel('API key', { exact: true }).fill('demo-key');
    await page.getByLabel('Workspace ID').fill('8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10');
    await page.getByLabel('Job IDs').fill('1043-1300');
    await page.getByRole('button', { name: 'Fetch jobs' }).click();
    await page.locator('.timeline-chart svg rect').first().waitFor();
    await page.getByRole('status').filter({ hasNotText: 'Fetching' }).first().waitFor();
    const file = join(root, 'docs', `screenshot-${colorScheme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
  await browser.close();
} finally {
  demo.kill();
}
