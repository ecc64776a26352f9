// The performance benchmark: the release page against a plain-JavaScript baseline, both driven in
// Debian's Chromium in the same run, against demo-api's large data set. Each figure is a median
// over repeated runs. Prints a table and writes bench/results/latest.json.
// Run through scripts/bench, which builds dist/ and demo-api first. No timing is asserted.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PAGE_FILE, precompress } from '../scripts/precompress.mjs';
import { pageFiles } from '../scripts/page-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const quick = process.env.BENCH_QUICK === '1'; // fewer repetitions, for trying the script out
const runs = (n) => (quick ? Math.min(n, 2) : n);
const KEY = 'demo-key';
const WORKSPACE = '8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10';
const PORTS = { app: 18900, baseline: 18901, latency: 18902, hooks: 18903, limited: 18904 };
/** A rate limit the page must live with (requests a second), and the most IDs it sends at once. */
const RATE_LIMIT = 20;
const MAX_BATCH = 500;
const LATENCY_MS = 50;
/** The page's most requests in flight (src/jobs/batching.rs MAX_CONCURRENCY). */
const MAX_IN_FLIGHT = 8;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, digits = 1) => (x == null ? null : Number(x.toFixed(digits)));
const ids = (n) => `1001-${1000 + n}`;

// ---- servers ---------------------------------------------------------------------------------
const children = [];
async function startDemo(port, flags) {
  const child = spawn(join(root, 'target/server/demo-api'), ['--port', String(port), ...flags], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`demo-api on ${port} did not start`);
}
const stopAll = () => children.forEach((c) => c.kill());
process.on('exit', stopAll);

const baselineDir = mkdtempSync(join(tmpdir(), 'jv-baseline-'));
cpSync(join(root, 'bench/baseline'), baselineDir, { recursive: true });
cpSync(join(root, 'style/main.css'), join(baselineDir, 'main.css'));
precompress(baselineDir); // served the same way as the page: .br and .gz beside each file
const big = ['--jobs', '100000', '--batch-limit', '100000'];
await Promise.all([
  startDemo(PORTS.app, [...big, '--dist', join(root, 'dist')]),
  startDemo(PORTS.baseline, [...big, '--dist', baselineDir]),
  startDemo(PORTS.latency, ['--jobs', '100000', '--batch-limit', String(MAX_BATCH), '--latency-ms', String(LATENCY_MS)]),
  // The same page built with the test hooks, for the decoder it exports.
  startDemo(PORTS.hooks, [...big, '--dist', join(root, 'dist-hooks')]),
  startDemo(PORTS.limited, [...big, '--rate-limit', String(RATE_LIMIT)]),
]);
const pages = {
  app: `http://127.0.0.1:${PORTS.app}/`,
  baseline: `http://127.0.0.1:${PORTS.baseline}/`,
  // The same baseline sending every ID in one request.
  oneRequest: `http://127.0.0.1:${PORTS.baseline}/?batch=all`,
  hooks: `http://127.0.0.1:${PORTS.hooks}/`,
};

// ---- transfer ----------------------------------------------------------------------------------
// What a host sends: the .br and .gz copies written beside each page file (by post-build for the
// page, above for the baseline), so these are the bytes scripts/size-check.mjs counts.
// The page's files are split as scripts/size-check.mjs splits them: the first screen, and the
// chunks loaded on first use.
function transfer(dir, split = true) {
  const size = (name) => statSync(join(dir, name)).size;
  const listed = split ? pageFiles(dir) : readdirSync(dir).filter((name) => PAGE_FILE.test(name)).map((name) => ({ name, firstScreen: true }));
  const files = listed.map(({ name, firstScreen }) => ({
    file: name,
    firstScreen,
    raw: size(name),
    gzip: size(`${name}.gz`),
    brotli: size(`${name}.br`),
  }));
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total: sum(files), firstScreen: sum(files.filter((f) => f.firstScreen)) };
}

// ---- browser -----------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const version = browser.version();

// Marks the moment each page can take input, and collects long tasks, before any page script runs.
function instrument() {
  window.__bench = { ready: null, longTasks: [], wasm: null, firstRows: null };
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.ready = performance.now(); window.__bench.wasm = e.detail.wasm; });
  addEventListener('BaselineReady', () => { window.__bench.ready = performance.now(); });
  // Resolves with the time of the first frame after `done()` holds, checked as the page changes.
  window.__bench.paintedWhen = (done) => new Promise((resolve) => {
    const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    if (done()) { finish(); return; }
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); finish(); } });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  // What both pages show: the grid's rows, the status line, the summary.
  window.__bench.state = () => {
    const rows = document.querySelectorAll('table.results tbody tr.row');
    const status = document.querySelector('[role=status]')?.textContent ?? '';
    const summary = document.querySelector('[aria-label=Summary]')?.textContent ?? '';
    const notLoaded = Number((summary.match(/([\d,]+) not loaded/)?.[1] ?? '0').replaceAll(',', ''));
    // Rows with an answer in them: a row still waiting for its batch is not a first row.
    const answered = [...rows].filter((row) => !row.textContent.includes('Waiting for the server')).length;
    return { rows: rows.length, answered, firstRow: rows[0]?.textContent ?? '', fetching: status.includes('Fetching'), loading: /loading/i.test(summary), notLoaded };
  };
  // For a share link that loads by itself: when its first rows are painted, from navigation.
  document.addEventListener('DOMContentLoaded', () => {
    window.__bench.paintedWhen(() => window.__bench.state().answered > 0)
      .then((at) => { window.__bench.firstRows = at; });
  });
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: true });
  // Entries reach the observer's callback late (it runs at low priority): without this, a long
  // layout task that ends just before the table counts as painted would go unseen.
  window.__bench.flushLongTasks = () => new Promise((resolve) => setTimeout(() => {
    for (const e of observer.takeRecords()) window.__bench.longTasks.push(e.duration);
    resolve();
  }, 100));
}

async function openPage(kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }); // cold cache
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(pages[kind]);
  await page.waitForFunction(() => window.__bench.ready !== null);
  return { context, page };
}

/** Fills the form, presses the button, and times the first rows and the complete grid. */
async function fetchAndPaint(page, { idText, base = '' }) {
  await page.getByLabel('API base URL').fill(base);
  await page.getByLabel('API key', { exact: true }).fill(KEY);
  await page.getByLabel('Workspace ID').fill(WORKSPACE);
  await page.getByLabel('Job IDs').fill(idText);
  return page.evaluate(async () => {
    const b = window.__bench;
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(100_000);
    b.longTasks = [];
    const firstRows = b.paintedWhen(() => b.state().answered > 0);
    const complete = b.paintedWhen(() => { const s = b.state(); return s.rows > 0 && !s.fetching && !s.loading; });
    const clicked = performance.now();
    document.querySelector('button[type=submit]').click();
    const firstAt = await firstRows;
    const completeAt = await complete;
    await b.flushLongTasks();
    const responses = performance.getEntriesByType('resource').filter((e) => e.name.includes('/jobs/comparison/details'));
    const lastResponse = Math.max(...responses.map((e) => e.responseEnd));
    return {
      firstMs: firstAt - clicked,
      wallMs: completeAt - clicked,
      completeMs: completeAt - lastResponse,
      requests: responses.length,
      maxTaskMs: Math.max(0, ...b.longTasks),
    };
  });
}

/** Clicks a column's sort button and times until the grid's first row has changed and painted. */
async function sortBy(page, label) {
  return page.evaluate(async (label) => {
    const b = window.__bench;
    const button = [...document.querySelectorAll('button.sort')].find((x) => x.textContent.startsWith(label));
    const before = b.state().firstRow;
    b.longTasks = [];
    const painted = b.paintedWhen(() => b.state().firstRow !== before);
    const clicked = performance.now();
    button.click();
    const ms = (await painted) - clicked;
    await b.flushLongTasks();
    return { ms, maxTaskMs: Math.max(0, ...b.longTasks) };
  }, label);
}

/** Types one key into "Search jobs" and times key → the grid repainted with what matches. */
async function searchKey(page, key) {
  await page.evaluate(() => {
    const b = window.__bench;
    const box = document.querySelector('input[type=search]');
    b.showing = () => document.querySelector('.showing')?.textContent ?? '';
    b.keyAt = null;
    box.addEventListener('keydown', () => { b.keyAt = performance.now(); b.before = b.showing(); b.searched = b.paintedWhen(() => b.showing() !== b.before); }, { once: true });
    box.focus();
  });
  await page.keyboard.press(key);
  return page.evaluate(async () => (await window.__bench.searched) - window.__bench.keyAt);
}

/**
 * Scrolls the grid one step a frame: `jump` = top to bottom in `steps` equal jumps (each shows
 * rows never shown, like Page Down or dragging the scrollbar); otherwise `steps` wheel-sized
 * steps of 120 px from the middle. Frame times and long tasks.
 */
async function scrollThrough(page, steps, jump) {
  return page.evaluate(async ({ steps, jump }) => {
    const b = window.__bench;
    const scroller = document.querySelector('.grid-scroll');
    const range = scroller.scrollHeight - scroller.clientHeight;
    const start = jump ? 0 : Math.round(range / 2);
    scroller.scrollTop = start;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    b.longTasks = [];
    const frames = [];
    let last = performance.now();
    for (let i = 1; i <= steps; i++) {
      scroller.scrollTop = jump ? (i / steps) * range : start + i * 120;
      const at = await new Promise((r) => requestAnimationFrame(r));
      frames.push(at - last);
      last = at;
    }
    // One frame more, so the last step's rendering is counted too.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    frames.push(performance.now() - last);
    await b.flushLongTasks();
    const sorted = [...frames].sort((x, y) => x - y);
    const lastRow = [...document.querySelectorAll('table.results tbody tr.row')].at(-1)?.getAttribute('aria-rowindex');
    return { maxFrameMs: sorted.at(-1), p95FrameMs: sorted[Math.floor(sorted.length * 0.95)], maxTaskMs: Math.max(0, ...b.longTasks), lastRowIndex: lastRow };
  }, { steps, jump });
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? 0);
  return { jsHeapMB: round(usedSize / 2 ** 20), wasmMB: round(wasmBytes / 2 ** 20), totalMB: round((usedSize + wasmBytes) / 2 ** 20) };
}

const results = { machine: { cores: cpus().length, cpu: cpus()[0]?.model, browser: `Chromium ${version}` }, date: new Date().toISOString() };
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

// Transfer
results.transfer = { app: transfer(join(root, 'dist')), baseline: transfer(baselineDir, false) };
log('transfer measured');

// Load
results.load = {};
for (const kind of ['app', 'baseline']) {
  const times = [];
  for (let i = 0; i < runs(9); i++) {
    const { context, page } = await openPage(kind);
    times.push(await page.evaluate(() => window.__bench.ready));
    await context.close();
  }
  results.load[kind] = { medianMs: round(median(times)), runs: times.map((t) => round(t)) };
}
log('load measured');

// Load on a slow connection: 150 ms round trip, 1.6 Mbps down, CPU slowed 4× (Chromium's
// DevTools protocol does both), files served precompressed as a real host would (demo-api picks
// the .br the browser accepts). First contentful paint, and navigation → the form works.
const SLOW = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8, cpuSlowdown: 4 };
results.slowLoad = { profile: SLOW };
/** A fresh browser context (cold cache) on the slow profile, counting the bytes on the wire. */
async function slowPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW.latency, downloadThroughput: SLOW.downloadThroughput, uploadThroughput: SLOW.uploadThroughput });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpuSlowdown });
  const wire = { bytes: 0 };
  cdp.on('Network.loadingFinished', (e) => { wire.bytes += e.encodedDataLength; });
  return { context, page, wire };
}
const readyAfter = async (page, url) => {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready !== null);
  return page.evaluate(() => window.__bench.ready);
};
for (const kind of ['app', 'baseline']) {
  const samples = [];
  for (let i = 0; i < runs(7); i++) {
    const { context, page, wire } = await slowPage();
    const ready = await readyAfter(page, pages[kind]);
    const fcp = await page.evaluate(() => new Promise((resolve) => new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) { observer.disconnect(); resolve(entry.startTime); }
    }).observe({ type: 'paint', buffered: true })));
    // The page prefetches its chunks once it idles: when the last has arrived, after ready.
    const chunksAt = kind !== 'app' ? null : await page.evaluate(async () => {
      const chunks = () => performance.getEntriesByType('resource').filter((e) => /\/split-[\w-]+\.wasm$/.test(e.name));
      while (chunks().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      return Math.max(...chunks().map((e) => e.responseEnd));
    });
    const kb = wire.bytes / 1024;
    // A repeat visit in the same browser: the hashed files come from its cache.
    wire.bytes = 0;
    const again = await readyAfter(page, pages[kind]);
    samples.push({ fcp, ready, kb, prefetchMs: chunksAt == null ? null : chunksAt - ready, repeatReady: again, repeatKB: wire.bytes / 1024 });
    await context.close();
  }
  const med = (k) => round(median(samples.map((x) => x[k])));
  results.slowLoad[kind] = {
    fcpMs: med('fcp'), readyMs: med('ready'), transferKB: med('kb'), repeatReadyMs: med('repeatReady'), repeatKB: med('repeatKB'),
    ...(kind === 'app' ? { prefetchMs: med('prefetchMs') } : {}),
    runs: samples.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]))),
  };
}
// A share link opened with a remembered key loads its jobs by itself (the page only: the baseline
// has no links): navigation → first rows painted.
{
  const times = [];
  for (let i = 0; i < runs(7); i++) {
    const { context, page } = await slowPage();
    await page.addInitScript(({ key, workspace }) => {
      localStorage.setItem('datachecks-job-viewer.api-key', key);
      localStorage.setItem('datachecks-job-viewer.workspace-id', workspace);
      localStorage.setItem('datachecks-job-viewer.base-url', '');
    }, { key: KEY, workspace: WORKSPACE });
    await page.goto(`${pages.app}?ids=1001-1100&workspace=${WORKSPACE}`);
    await page.waitForFunction(() => window.__bench.firstRows !== null, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => window.__bench.firstRows));
    await context.close();
  }
  results.slowLoad.shareLink = { firstRowsMs: round(median(times)), runs: times.map((t) => round(t)) };
}
log('slow load measured');

// Fetch at 1,000 and 10,000 jobs: first rows, complete grid, longest task; memory at 10,000
results.render = {};
for (const n of [1000, 10_000]) {
  results.render[n] = {};
  for (const kind of ['app', 'baseline', 'oneRequest']) {
    const samples = [];
    let mem = null;
    for (let i = 0; i < runs(n === 10_000 ? 5 : 7); i++) {
      const { context, page } = await openPage(kind);
      samples.push(await fetchAndPaint(page, { idText: ids(n) }));
      if (n === 10_000 && i === 0 && kind !== 'oneRequest') mem = await memory(page);
      await context.close();
    }
    const med = (k) => round(median(samples.map((s) => s[k])));
    results.render[n][kind] = { firstMs: med('firstMs'), completeMs: med('completeMs'), wallMs: med('wallMs'), maxTaskMs: med('maxTaskMs'), ...(mem ? { memory: mem } : {}) };
  }
  log(`render ${n} measured`);
}

// Decode 10,000 jobs as the page does (the browser's Response.json(), then serde-wasm-bindgen
// turning what it parsed into the models) against JSON.parse alone of the same body, in one page.
{
  const { context, page } = await openPage('hooks');
  results.decode = await page.evaluate(async ({ key, workspace, reps }) => {
    const body = await (await fetch('/api/v1/jobs/comparison/details', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Workspace-Id': workspace, 'Content-Type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 10_000 }, (_, i) => 1001 + i)),
    })).text();
    const responseJson = [], serde = [], jsonParse = [];
    let decoded = 0, parsed = 0;
    for (let i = 0; i < reps; i++) {
      const response = new Response(body, { headers: { 'Content-Type': 'application/json' } });
      const t0 = performance.now();
      const value = await response.json();
      const t1 = performance.now();
      decoded = window.wasmBindings.decode_jobs_for_benchmark(value);
      const t2 = performance.now();
      parsed = JSON.parse(body).data.length;
      const t3 = performance.now();
      responseJson.push(t1 - t0); serde.push(t2 - t1); jsonParse.push(t3 - t2);
    }
    const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      bodyKB: Math.round(body.length / 1024), jobs: decoded, jsonJobs: parsed,
      responseJsonMs: med(responseJson), serdeMs: med(serde), jsonParseMs: med(jsonParse),
    };
  }, { key: KEY, workspace: WORKSPACE, reps: runs(15) });
  for (const k of ['responseJsonMs', 'serdeMs', 'jsonParseMs']) results.decode[k] = round(results.decode[k]);
  results.decode.wasmMs = round(results.decode.responseJsonMs + results.decode.serdeMs);
  if (results.decode.jobs !== results.decode.jsonJobs) throw new Error(`decoded ${results.decode.jobs} jobs, JSON.parse saw ${results.decode.jsonJobs}`);
  await context.close();
  log('decode measured');
}

// Batch fetch: 10,000 IDs against demo-api with its batch limit and 50 ms latency
// The ideal: every request as large as the server takes (500), 8 in flight (the page's most) from
// the start, so only the round trips count. The page's slow start costs round trips on top.
{
  const requests = Math.ceil(10_000 / MAX_BATCH);
  const waves = Math.ceil(requests / MAX_IN_FLIGHT);
  results.batchFetch = { idealMs: waves * LATENCY_MS, requests, latencyMs: LATENCY_MS, inFlight: MAX_IN_FLIGHT };
  for (const kind of ['app', 'baseline']) {
    const walls = [];
    for (let i = 0; i < runs(3); i++) {
      const { context, page } = await openPage(kind);
      const s = await fetchAndPaint(page, { idText: ids(10_000), base: `http://127.0.0.1:${PORTS.latency}` });
      walls.push(s.wallMs);
      await context.close();
    }
    results.batchFetch[kind] = { wallMs: round(median(walls)) };
  }
  log('batch fetch measured');
}

// The drill-down: job 1002's ID clicked → its panel painted with all 420 differing rows counted
// (the panel's chunk prefetched first, as it is while someone reads the grid).
{
  const times = [];
  for (let i = 0; i < runs(5); i++) {
    const { context, page } = await openPage('app');
    await fetchAndPaint(page, { idText: '1002' });
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/split-job-panel-[\w]+\.wasm$/.test(e.name) && e.responseEnd > 0));
    times.push(await page.evaluate(async () => {
      const b = window.__bench;
      const shown = b.paintedWhen(() => (document.querySelector('dialog')?.textContent ?? '').includes('Showing 420 of 420 differing rows'));
      const clicked = performance.now();
      document.querySelector('table.results tbody tr.row button.open-job').click();
      return (await shown) - clicked;
    }));
    await context.close();
  }
  results.drillDown = { rows: 420, clickToPanelMs: round(median(times)), runs: times.map((t) => round(t)) };
  log('drill-down measured');
}

// At a glance: 10,000 jobs in the grid with the charts folded; "Show charts" clicked → the outcome
// bar, the histogram and the timeline painted (the glance chunk is loaded by then: it comes with
// the first rows).
{
  const times = [];
  for (let i = 0; i < runs(5); i++) {
    const { context, page } = await openPage('app');
    await fetchAndPaint(page, { idText: ids(10_000) });
    await page.getByRole('button', { name: 'Hide charts' }).click();
    times.push(await page.evaluate(async () => {
      const b = window.__bench;
      const drawn = b.paintedWhen(() => document.querySelector('.outcome-chart figcaption')?.textContent.includes('10,000 jobs')
        && document.querySelectorAll('.duration-chart button.bin').length > 0
        && document.querySelectorAll('.timeline-chart svg rect').length > 0);
      const clicked = performance.now();
      [...document.querySelectorAll('button')].find((x) => x.textContent === 'Show charts').click();
      return (await drawn) - clicked;
    }));
    await context.close();
  }
  results.charts = { jobs: 10_000, clickToDrawnMs: round(median(times)), runs: times.map((t) => round(t)) };
  log('charts measured');
}

// Find jobs: "Last 30 days" over the 100,000 jobs, capped at the newest 10,000: the list read in
// pages of 500, then the details through the same batching. Click → first rows and → all rows,
// beside fetching the same number of jobs by ID (the 10,000-job rows above).
{
  const measured = [];
  for (let i = 0; i < runs(5); i++) {
    const { context, page } = await openPage('app');
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByLabel('Workspace ID').fill(WORKSPACE);
    await page.getByRole('tab', { name: 'Find jobs' }).click();
    await page.getByLabel('Since').selectOption('Last 30 days');
    measured.push(await page.evaluate(async () => {
      const b = window.__bench;
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(100_000);
      const firstRows = b.paintedWhen(() => b.state().answered > 0);
      const complete = b.paintedWhen(() => { const s = b.state(); return s.rows > 0 && !s.fetching && !s.loading; });
      const clicked = performance.now();
      // The submit button, not the tab of the same name.
      [...document.querySelectorAll('button[type=submit]')].find((x) => x.textContent === 'Find jobs').click();
      const firstMs = (await firstRows) - clicked;
      const wallMs = (await complete) - clicked;
      const pages = performance.getEntriesByType('resource').filter((e) => /\/jobs\/comparison\?/.test(e.name));
      return { firstMs, wallMs, listMs: Math.max(...pages.map((e) => e.responseEnd)) - clicked, pages: pages.length };
    }));
    await context.close();
  }
  const mid = (key) => round(median(measured.map((m) => m[key])));
  results.search = { jobs: 10_000, firstMs: mid('firstMs'), wallMs: mid('wallMs'), listMs: mid('listMs'), pages: measured[0].pages };
  log('search measured');
}

/** Clicks a download button and times until the page says the file is saved, with the longest task. */
async function exportAll(page, label) {
  const [download, timing] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.evaluate(async (label) => {
      const b = window.__bench;
      b.longTasks = [];
      const status = () => document.querySelector('.export-status')?.textContent ?? '';
      // "Saved datachecks-jobs-….json.": the file of this press, not the one before it.
      const ext = label.split(' ').at(-1).toLowerCase();
      const saved = b.paintedWhen(() => status().startsWith('Saved') && status().endsWith(`.${ext}.`));
      const clicked = performance.now();
      [...document.querySelectorAll('button')].find((x) => x.textContent === label).click();
      const ms = (await saved) - clicked;
      await b.flushLongTasks();
      return { ms, maxTaskMs: Math.max(0, ...b.longTasks) };
    }, label),
  ]);
  return { ...timing, bytes: statSync(await download.path()).size };
}

// 100,000 IDs against a server that takes 20 requests a second (429 with Retry-After beyond it):
// the whole fetch against the least time the limit allows, and how many IDs ended not loaded.
{
  const { context, page } = await openPage('app');
  const fetched = await fetchAndPaint(page, { idText: ids(100_000), base: `http://127.0.0.1:${PORTS.limited}` });
  const notLoaded = await page.evaluate(() => window.__bench.state().notLoaded);
  const idealMs = (Math.ceil(100_000 / MAX_BATCH) / RATE_LIMIT) * 1000;
  results.rateLimited = { rateLimit: RATE_LIMIT, idealMs, wallMs: round(fetched.wallMs), requests: fetched.requests, notLoaded };
  await context.close();
  log('rate-limited fetch measured');
}

// 100,000 jobs: first rows, complete grid and memory; then sort, search and scroll all of them.
// The one-request baseline is only timed fetching (one 100,000-ID request).
results.hundredThousand = {};
{
  const { context, page } = await openPage('oneRequest');
  const fetched = await fetchAndPaint(page, { idText: ids(100_000) });
  results.hundredThousand.oneRequest = Object.fromEntries(Object.entries(fetched).map(([k, v]) => [k, round(v)]));
  await context.close();
  log('100,000 measured (one request)');
}
for (const kind of ['app', 'baseline']) {
  const { context, page } = await openPage(kind);
  try {
    const fetched = await fetchAndPaint(page, { idText: ids(100_000) });
    const mem = await memory(page);
    const sorts = { duration: [], name: [] };
    for (let i = 0; i < runs(5); i++) {
      sorts.duration.push(await sortBy(page, 'Duration'));
      sorts.name.push(await sortBy(page, 'Comparison'));
    }
    await sortBy(page, 'Run ID'); // a known order for the search and the scroll
    const keys = [];
    for (let i = 0; i < runs(3); i++) {
      for (const key of ['o', 'r', 'd']) keys.push(await searchKey(page, key));
      for (let k = 0; k < 3; k++) keys.push(await searchKey(page, 'Backspace'));
    }
    const scroll = await scrollThrough(page, 200, true);
    const wheel = await scrollThrough(page, 200, false);
    const exported = kind !== 'app' ? null : {
      csv: await exportAll(page, 'Download CSV'),
      json: await exportAll(page, 'Download JSON'),
    };
    const med = (xs, k) => round(median(xs.map((x) => x[k])));
    results.hundredThousand[kind] = {
      ok: true, ...Object.fromEntries(Object.entries(fetched).map(([k, v]) => [k, round(v)])), memory: mem,
      sortDurationMs: med(sorts.duration, 'ms'), sortNameMs: med(sorts.name, 'ms'),
      sortMaxTaskMs: round(Math.max(...[...sorts.duration, ...sorts.name].map((x) => x.maxTaskMs))),
      searchKeyMs: round(median(keys)), searchKeyMaxMs: round(Math.max(...keys)),
      scroll: Object.fromEntries(Object.entries(scroll).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
      wheel: Object.fromEntries(Object.entries(wheel).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
      exported: exported && Object.fromEntries(Object.entries(exported).map(([k, v]) => [k, { ms: round(v.ms), maxTaskMs: round(v.maxTaskMs), mb: round(v.bytes / 2 ** 20) }])),
    };
  } catch (e) {
    results.hundredThousand[kind] = { ok: false, error: String(e.message ?? e) };
  }
  await context.close();
  log(`100,000 measured (${kind})`);
}
await browser.close();
stopAll();

// ---- report ------------------------------------------------------------------------------------
const kb = (b) => (b / 1024).toFixed(1);
const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : '—');
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
lines.push(`Machine: ${results.machine.cores} cores (${results.machine.cpu}), ${results.machine.browser}${quick ? ' — QUICK RUN' : ''}`, '');
lines.push('Transfer (KB = 1,024 bytes): file, raw, gzip, brotli');
row('file', 'raw', 'gzip', 'brotli');
row('---', '---', '---', '---');
for (const f of results.transfer.app.files) row(`${f.file} (${f.firstScreen ? 'first screen' : 'on first use'})`, kb(f.raw), kb(f.gzip), kb(f.brotli));
const t = results.transfer.app.total, ft = results.transfer.app.firstScreen, bt = results.transfer.baseline.total;
row('**first screen (page)**', kb(ft.raw), kb(ft.gzip), `**${kb(ft.brotli)}** = ${ft.brotli.toLocaleString('en')} bytes (budget 175 KB = 179,200 bytes)`);
row('**everything (page)**', kb(t.raw), kb(t.gzip), `**${kb(t.brotli)}** = ${t.brotli.toLocaleString('en')} bytes (budget 350 KB = 358,400 bytes)`);
row('total (baseline)', kb(bt.raw), kb(bt.gzip), kb(bt.brotli));
lines.push('');
row('figure', 'page', 'baseline', 'page ÷ baseline', 'goal');
row('---', '---', '---', '---', '---');
row('load: navigation → form ready (ms)', results.load.app.medianMs, results.load.baseline.medianMs, ratio(results.load.app.medianMs, results.load.baseline.medianMs), '≤ 1.5×');
const sl = results.slowLoad;
row('slow connection (150 ms RTT, 1.6 Mbps, CPU 4× slower): bytes on the wire (KB)', sl.app.transferKB, sl.baseline.transferKB, ratio(sl.app.transferKB, sl.baseline.transferKB), '');
row('slow connection: first contentful paint (ms)', sl.app.fcpMs, sl.baseline.fcpMs, ratio(sl.app.fcpMs, sl.baseline.fcpMs), '≤ 800 ms');
row('slow connection: navigation → app ready, the Fetch button works (ms)', sl.app.readyMs, sl.baseline.readyMs, ratio(sl.app.readyMs, sl.baseline.readyMs), '≤ 1,200 ms');
row('slow connection: app ready → every chunk prefetched (ms)', sl.app.prefetchMs, '', '', '');
row('slow connection: share link with a remembered key → first rows painted (ms)', sl.shareLink.firstRowsMs, '', '', '≤ 2,000 ms');
row('slow connection: repeat visit → app ready (ms)', sl.app.repeatReadyMs, sl.baseline.repeatReadyMs, ratio(sl.app.repeatReadyMs, sl.baseline.repeatReadyMs), '≤ 500 ms');
row('slow connection: repeat visit, bytes on the wire (KB)', sl.app.repeatKB, sl.baseline.repeatKB, '', '≤ 5 KB');
for (const n of [1000, 10_000]) {
  const r = results.render[n];
  const label = n.toLocaleString('en');
  row(`${label} jobs: click → first rows painted (ms)`, r.app.firstMs, r.baseline.firstMs, ratio(r.app.firstMs, r.baseline.firstMs), '≤ 0.8×');
  row(`${label} jobs: click → first rows painted, against the one-request baseline (ms)`, r.app.firstMs, r.oneRequest.firstMs, ratio(r.app.firstMs, r.oneRequest.firstMs), '≤ 0.8×');
  row(`${label} jobs: click → all rows painted (ms)`, r.app.wallMs, r.baseline.wallMs, ratio(r.app.wallMs, r.baseline.wallMs), n === 1000 ? '≤ 1.0×' : '≤ 0.5×');
  row(`${label} jobs: click → all rows painted, against the one-request baseline (ms)`, r.app.wallMs, r.oneRequest.wallMs, ratio(r.app.wallMs, r.oneRequest.wallMs), n === 1000 ? '≤ 1.0×' : '≤ 0.5×');
  row(`${label} jobs: last response → complete grid painted (ms)`, r.app.completeMs, r.baseline.completeMs, ratio(r.app.completeMs, r.baseline.completeMs), '');
  row(`${label} jobs: longest task (ms)`, r.app.maxTaskMs, r.baseline.maxTaskMs, '', '');
}
const m = results.render[10_000];
row('memory after 10,000: JS heap + WASM (MB)', `${m.app.memory.jsHeapMB} + ${m.app.memory.wasmMB}`, `${m.baseline.memory.jsHeapMB} + ${m.baseline.memory.wasmMB}`, ratio(m.app.memory.totalMB, m.baseline.memory.totalMB), '');
const d = results.decode;
row(`decode 10,000 jobs (${d.bodyKB} KB): Response.json() ${d.responseJsonMs} + serde-wasm-bindgen ${d.serdeMs} vs JSON.parse alone (ms)`, d.wasmMs, d.jsonParseMs, ratio(d.wasmMs, d.jsonParseMs), '');
const b = results.batchFetch;
row(`batch fetch 10,000 IDs, ${b.latencyMs} ms latency, at most ${MAX_BATCH} a request (ms; ideal ${b.idealMs}: ${b.requests} requests, ${b.inFlight} in flight)`, b.app.wallMs, b.baseline.wallMs, `${ratio(b.app.wallMs, b.idealMs)} of ideal`, '');
row(`drill-down: click a job ID → its panel painted with ${results.drillDown.rows} differing rows (ms)`, results.drillDown.clickToPanelMs, '', '', '');
const se = results.search;
row(`Find jobs, Last 30 days of 100,000 (the newest ${se.jobs.toLocaleString('en')}, ${se.pages} list pages): click → list read (ms)`, se.listMs, '', '', '');
row(`Find jobs, the newest ${se.jobs.toLocaleString('en')}: click → first rows painted, against 10,000 IDs by ID (ms)`, se.firstMs, results.render[10_000].app.firstMs, ratio(se.firstMs, results.render[10_000].app.firstMs), '');
row(`Find jobs, the newest ${se.jobs.toLocaleString('en')}: click → all rows painted, against 10,000 IDs by ID (ms)`, se.wallMs, results.render[10_000].app.wallMs, ratio(se.wallMs, results.render[10_000].app.wallMs), '');
row(`charts for ${results.charts.jobs.toLocaleString('en')} jobs: "Show charts" clicked → drawn (ms)`, results.charts.clickToDrawnMs, '', '', '');
const rl = results.rateLimited;
row(`100,000 IDs against --rate-limit ${rl.rateLimit}: click → all rows painted (ms; ideal ${rl.idealMs}, ${rl.requests} requests, ${rl.notLoaded} IDs not loaded)`, rl.wallMs, '', `${ratio(rl.wallMs, rl.idealMs)} of ideal`, '≤ 1.15× of ideal, 0 not loaded');
const [ha, hb] = [results.hundredThousand.app, results.hundredThousand.baseline];
if (ha.ok && hb.ok) {
  const ho = results.hundredThousand.oneRequest;
  row('100,000 jobs: click → first rows painted (ms)', ha.firstMs, hb.firstMs, ratio(ha.firstMs, hb.firstMs), '≤ 0.8×');
  row('100,000 jobs: click → first rows painted, against the one-request baseline (ms)', ha.firstMs, ho.firstMs, ratio(ha.firstMs, ho.firstMs), '≤ 0.8×');
  row('100,000 jobs: click → all rows painted (ms)', ha.wallMs, hb.wallMs, ratio(ha.wallMs, hb.wallMs), '≤ 0.5×');
  row('100,000 jobs: click → all rows painted, against the one-request baseline (ms)', ha.wallMs, ho.wallMs, ratio(ha.wallMs, ho.wallMs), '≤ 0.5×');
  row('100,000 jobs: last response → complete grid painted (ms)', ha.completeMs, hb.completeMs, ratio(ha.completeMs, hb.completeMs), '≤ baseline');
  row('100,000 jobs: memory, JS heap + WASM (MB)', `${ha.memory.jsHeapMB} + ${ha.memory.wasmMB}`, `${hb.memory.jsHeapMB} + ${hb.memory.wasmMB}`, ratio(ha.memory.totalMB, hb.memory.totalMB), '≤ 1.5×');
  row('sort 100,000 by duration: click → repainted (ms)', ha.sortDurationMs, hb.sortDurationMs, ratio(ha.sortDurationMs, hb.sortDurationMs), '≤ 100 ms and ≤ baseline');
  row('sort 100,000 by name: click → repainted (ms)', ha.sortNameMs, hb.sortNameMs, ratio(ha.sortNameMs, hb.sortNameMs), '≤ 100 ms and ≤ baseline');
  row('longest task while sorting 100,000 (ms)', ha.sortMaxTaskMs, hb.sortMaxTaskMs, '', '');
  row('search keystroke on 100,000: key → repainted, median / worst (ms)', `${ha.searchKeyMs} / ${ha.searchKeyMaxMs}`, `${hb.searchKeyMs} / ${hb.searchKeyMaxMs}`, ratio(ha.searchKeyMs, hb.searchKeyMs), '≤ 100 ms');
  row('scroll 100,000 top → bottom in 200 jumps: p95 / longest frame (ms)', `${ha.scroll.p95FrameMs} / ${ha.scroll.maxFrameMs}`, `${hb.scroll.p95FrameMs} / ${hb.scroll.maxFrameMs}`, '', 'p95 < 16.7 ms');
  row('longest task while jumping (ms)', ha.scroll.maxTaskMs, hb.scroll.maxTaskMs, '', '≤ 50 ms');
  row('scroll 200 wheel steps of 120 px: p95 / longest frame (ms)', `${ha.wheel.p95FrameMs} / ${ha.wheel.maxFrameMs}`, `${hb.wheel.p95FrameMs} / ${hb.wheel.maxFrameMs}`, '', 'p95 < 16.7 ms');
  row('longest task while wheel-scrolling (ms)', ha.wheel.maxTaskMs, hb.wheel.maxTaskMs, '', '≤ 50 ms');
  for (const [name, e] of Object.entries(ha.exported)) {
    row(`export 100,000 jobs as ${name.toUpperCase()} (${e.mb} MB): click → saved / longest task (ms)`, `${e.ms} / ${e.maxTaskMs}`, '', '', '');
  }
} else {
  for (const [name, h] of [['page', ha], ['baseline', hb]]) if (!h.ok) row(`100,000 jobs (${name})`, `FAILED: ${h.error}`, '', '', '');
}
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2));
console.log('\nJSON: bench/results/latest.json');
