// The performance benchmark: the release page against a plain-JavaScript baseline, both driven in
// Debian's Chromium in the same run, against demo-api's large data set. Each figure is a median
// over repeated runs. Prints a table and writes bench/results/latest.json.
// Run through scripts/bench, which builds dist/ and demo-api first. No timing is asserted.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const quick = process.env.BENCH_QUICK === '1'; // fewer repetitions, for trying the script out
const runs = (n) => (quick ? Math.min(n, 2) : n);
const KEY = 'demo-key';
const WORKSPACE = '8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10';
const PORTS = { app: 18900, baseline: 18901, latency: 18902 };
const LATENCY_MS = 50;
const BATCH = 100;
const CONCURRENCY = 4;

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
const big = ['--jobs', '100000', '--batch-limit', '100000'];
await Promise.all([
  startDemo(PORTS.app, [...big, '--dist', join(root, 'dist')]),
  startDemo(PORTS.baseline, [...big, '--dist', baselineDir]),
  startDemo(PORTS.latency, ['--jobs', '100000', '--batch-limit', '500', '--latency-ms', String(LATENCY_MS)]),
]);
const pages = {
  app: `http://127.0.0.1:${PORTS.app}/`,
  baseline: `http://127.0.0.1:${PORTS.baseline}/`,
};

// ---- transfer ----------------------------------------------------------------------------------
function transfer(dir) {
  const files = readdirSync(dir).map((name) => {
    const bytes = readFileSync(join(dir, name));
    return {
      file: name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
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
  window.__bench = { ready: null, longTasks: [], wasm: null };
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.ready = performance.now(); window.__bench.wasm = e.detail.wasm; });
  addEventListener('BaselineReady', () => { window.__bench.ready = performance.now(); });
  // Resolves with the time of the first frame after the table holds `rows` body rows.
  window.__bench.paintedWith = (rows) => new Promise((resolve) => {
    const done = () => document.querySelectorAll('table.results tbody tr').length >= rows;
    const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); finish(); } });
    observer.observe(document.body, { childList: true, subtree: true });
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

/** Fills the form, presses the button, and times until the table with `rows` rows is painted. */
async function fetchAndPaint(page, { idText, rows: requested, base = '' }) {
  // Both pages paint the first 500 rows and add the rest on request: wait for those.
  const rows = Math.min(requested, 500);
  await page.getByLabel('API base URL').fill(base);
  await page.getByLabel('API key', { exact: true }).fill(KEY);
  await page.getByLabel('Workspace ID').fill(WORKSPACE);
  await page.getByLabel('Job IDs').fill(idText);
  return page.evaluate(async (rows) => {
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(100_000);
    window.__bench.longTasks = [];
    const painted = window.__bench.paintedWith(rows);
    const clicked = performance.now();
    document.querySelector('button[type=submit]').click();
    const paintedAt = await painted;
    await window.__bench.flushLongTasks();
    const responses = performance.getEntriesByType('resource').filter((e) => e.name.includes('/jobs/comparison/details'));
    const lastResponse = Math.max(...responses.map((e) => e.responseEnd));
    return {
      wallMs: paintedAt - clicked,
      renderMs: paintedAt - lastResponse,
      requests: responses.length,
      maxTaskMs: Math.max(0, ...window.__bench.longTasks),
    };
  }, rows);
}

/** Presses "Show all" and times until every row is painted (the deferred cost of a long list). */
async function showAll(page, rows) {
  return page.evaluate(async (rows) => {
    window.__bench.longTasks = [];
    const painted = window.__bench.paintedWith(rows);
    const clicked = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Show all')).click();
    const showAllMs = (await painted) - clicked;
    await window.__bench.flushLongTasks();
    return { showAllMs, showAllMaxTaskMs: Math.max(0, ...window.__bench.longTasks) };
  }, rows);
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
results.transfer = { app: transfer(join(root, 'dist')), baseline: transfer(baselineDir) };
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

// Render at 100 / 1,000 / 10,000 jobs, plus memory after 10,000
results.render = {};
for (const n of [100, 1000, 10_000]) {
  results.render[n] = {};
  for (const kind of ['app', 'baseline']) {
    const samples = [];
    let mem = null;
    for (let i = 0; i < runs(n === 10_000 ? 5 : 7); i++) {
      const { context, page } = await openPage(kind);
      const sample = await fetchAndPaint(page, { idText: ids(n), rows: n });
      if (n === 10_000) {
        if (i === 0) mem = await memory(page);
        Object.assign(sample, await showAll(page, n));
      }
      samples.push(sample);
      await context.close();
    }
    results.render[n][kind] = {
      renderMs: round(median(samples.map((s) => s.renderMs))),
      maxTaskMs: round(median(samples.map((s) => s.maxTaskMs))),
      wallMs: round(median(samples.map((s) => s.wallMs))),
      ...(mem ? { memory: mem } : {}),
      ...(n === 10_000 ? {
        showAllMs: round(median(samples.map((s) => s.showAllMs))),
        showAllMaxTaskMs: round(median(samples.map((s) => s.showAllMaxTaskMs))),
      } : {}),
    };
  }
  log(`render ${n} measured`);
}

// Decode 10,000 jobs: WASM decoding against JSON.parse of the same body, in the same page
{
  const { context, page } = await openPage('app');
  results.decode = await page.evaluate(async ({ key, workspace, reps }) => {
    const body = await (await fetch('/api/v1/jobs/comparison/details', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Workspace-Id': workspace, 'Content-Type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 10_000 }, (_, i) => 1001 + i)),
    })).text();
    const time = (fn) => { const t = performance.now(); const out = fn(); return [performance.now() - t, out]; };
    const wasm = [], json = [];
    let decoded = 0, parsed = 0;
    for (let i = 0; i < reps; i++) {
      const [w, n] = time(() => window.wasmBindings.decode_jobs_for_benchmark(body));
      const [j, p] = time(() => JSON.parse(body).data.length);
      wasm.push(w); json.push(j); decoded = n; parsed = p;
    }
    const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { bodyKB: Math.round(body.length / 1024), jobs: decoded, jsonJobs: parsed, wasmMs: med(wasm), jsonParseMs: med(json) };
  }, { key: KEY, workspace: WORKSPACE, reps: runs(15) });
  results.decode.wasmMs = round(results.decode.wasmMs);
  results.decode.jsonParseMs = round(results.decode.jsonParseMs);
  await context.close();
  log('decode measured');
}

// Batch fetch: 10,000 IDs against demo-api with its batch limit and 50 ms latency
{
  const batches = Math.ceil(10_000 / BATCH);
  results.batchFetch = { idealMs: (batches * LATENCY_MS) / CONCURRENCY, batches, latencyMs: LATENCY_MS, concurrency: CONCURRENCY };
  for (const kind of ['app', 'baseline']) {
    const walls = [];
    for (let i = 0; i < runs(3); i++) {
      const { context, page } = await openPage(kind);
      const s = await fetchAndPaint(page, { idText: ids(10_000), rows: 10_000, base: `http://127.0.0.1:${PORTS.latency}` });
      walls.push(s.wallMs);
      await context.close();
    }
    results.batchFetch[kind] = { wallMs: round(median(walls)) };
  }
  log('batch fetch measured');
}

// 100,000 jobs: does the tab survive, how long, how much memory
results.hundredThousand = {};
for (const kind of ['app', 'baseline']) {
  const { context, page } = await openPage(kind);
  try {
    const s = await Promise.race([
      fetchAndPaint(page, { idText: ids(100_000), rows: 100_000 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no table after 10 minutes')), 600_000)),
    ]);
    results.hundredThousand[kind] = { ok: true, wallMs: round(s.wallMs), maxTaskMs: round(s.maxTaskMs), memory: await memory(page) };
  } catch (e) {
    results.hundredThousand[kind] = { ok: false, error: String(e.message ?? e) };
  }
  await context.close();
}
log('100,000 measured');
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
for (const f of results.transfer.app.files) row(f.file, kb(f.raw), kb(f.gzip), kb(f.brotli));
const t = results.transfer.app.total, bt = results.transfer.baseline.total;
row('**total (page)**', kb(t.raw), kb(t.gzip), `**${kb(t.brotli)}** = ${t.brotli.toLocaleString('en')} bytes (budget 100 KB = 102,400 bytes)`);
row('total (baseline)', kb(bt.raw), kb(bt.gzip), kb(bt.brotli));
lines.push('');
row('figure', 'page', 'baseline', 'page ÷ baseline', 'goal');
row('---', '---', '---', '---', '---');
row('load: navigation → form ready (ms)', results.load.app.medianMs, results.load.baseline.medianMs, ratio(results.load.app.medianMs, results.load.baseline.medianMs), '≤ 1.5×');
for (const n of [100, 1000, 10_000]) {
  const r = results.render[n];
  row(`render ${n.toLocaleString('en')}: last response → first ${Math.min(n, 500)} rows painted (ms)`, r.app.renderMs, r.baseline.renderMs, ratio(r.app.renderMs, r.baseline.renderMs), n === 1000 ? '≤ 1.2×' : '');
  row(`longest task, ${n.toLocaleString('en')} jobs (ms)`, r.app.maxTaskMs, r.baseline.maxTaskMs, '', n === 10_000 ? '≤ 200 ms' : '');
}
const all = results.render[10_000];
row('"Show all" 10,000 rows: click → painted (ms)', all.app.showAllMs, all.baseline.showAllMs, ratio(all.app.showAllMs, all.baseline.showAllMs), '');
row('longest task during "Show all" 10,000 (ms)', all.app.showAllMaxTaskMs, all.baseline.showAllMaxTaskMs, '', '');
const m = results.render[10_000];
row('memory after 10,000: JS heap + WASM (MB)', `${m.app.memory.jsHeapMB} + ${m.app.memory.wasmMB}`, `${m.baseline.memory.jsHeapMB} + ${m.baseline.memory.wasmMB}`, ratio(m.app.memory.totalMB, m.baseline.memory.totalMB), '');
row(`decode 10,000 jobs (${results.decode.bodyKB} KB): WASM vs JSON.parse (ms)`, results.decode.wasmMs, results.decode.jsonParseMs, ratio(results.decode.wasmMs, results.decode.jsonParseMs), '');
const b = results.batchFetch;
row(`batch fetch 10,000 IDs, ${b.latencyMs} ms latency (ms; ideal ${b.idealMs})`, b.app.wallMs, b.baseline.wallMs, `${ratio(b.app.wallMs, b.idealMs)} of ideal`, '');
for (const kind of ['app', 'baseline']) {
  const h = results.hundredThousand[kind];
  row(`100,000 jobs (${kind === 'app' ? 'page' : 'baseline'})`, h.ok ? `${h.wallMs} ms, longest task ${h.maxTaskMs} ms, ${h.memory.totalMB} MB` : `FAILED: ${h.error}`, '', '', 'tab survives');
}
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2));
console.log('\nJSON: bench/results/latest.json');
