// The benchmark's baseline: the same form, requests, columns and grid as the Leptos page (rows in
// a scrolled window, shown as batches land; sort by a header; status filters; search), written as
// plain JavaScript with direct DOM calls: the competent hand-written equivalent. Not shipped; only
// served by bench/run.mjs.
// `?batch=all` sends every ID in one request: the plain page the issue for fast fetching measured
// against. Otherwise fixed batches of 100, four at a time.
const BATCH = new URLSearchParams(location.search).get('batch') === 'all' ? Infinity : 100;
const CONCURRENCY = 4;
const OVERSCAN = 3;
const NOTIFY_EVERY_MS = 100; // as the page: views hear of landed batches at most this often
const $ = (id) => document.getElementById(id);
const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const COLUMNS = ['Run ID', 'Comparison', 'Status', 'Outcome', 'Diff reasons', 'Failure reason', 'Started', 'Finished', 'Duration'];
const CLASSES = ['col-id', 'col-name', 'col-status', 'col-outcome', 'col-reasons', 'col-failure', 'col-time', 'col-time', 'col-duration'];
const TONES = { SUCCESS: 'good', FAILURE: 'bad', PENDING: 'busy', STARTED: 'busy', RUNNING: 'busy', REVOKED: 'muted', MATCH: 'good', MISMATCH: 'bad' };

function parseIds(text) {
  const ids = [];
  const seen = new Set();
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(token);
    if (!m) throw new Error(`“${token}” is not a job ID`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let id = from; id <= to; id++) if (!seen.has(id)) { seen.add(id); ids.push(id); }
  }
  return ids;
}

function apiRoot(base) {
  const typed = base.trim() || location.origin;
  return typed.replace(/\/+$/, '').replace(/\/api\/v1$/i, '') + '/api/v1';
}

function durationText(seconds) {
  if (seconds < 60) return `${seconds.toFixed(1).replace(/\.0$/, '')} s`;
  const s = Math.round(seconds);
  return s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

async function fetchBatch(url, headers, ids) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(ids) });
    if ((response.status === 429 || response.status >= 500) && attempt < 3) {
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      continue;
    }
    if (!response.ok) throw new Error(`status ${response.status}`);
    return (await response.json()).data;
  }
}

// ---- the set: one entry per requested ID, in the order asked ------------------------------------
let rows = []; // { id, job | null, state: 'loading' | 'found' | 'missing' }
let byId = new Map();
let view = { sort: null, desc: false, statuses: new Set(), search: '' };
let order = []; // positions, sorted
let shown = []; // positions, sorted and filtered

function timesOf(job) {
  const started = job.started_at ? Date.parse(job.started_at) : null;
  const finished = job.finished_at ? Date.parse(job.finished_at) : null;
  return { started, finished };
}

function durationOf(job, now) {
  const { started, finished } = timesOf(job);
  if (job.result?.time_taken != null) return job.result.time_taken;
  if (started !== null && finished !== null) return (finished - started) / 1000;
  if (started !== null && !['SUCCESS', 'FAILURE', 'REVOKED'].includes(job.status)) return (now - started) / 1000;
  return null;
}

const SORT_KEYS = [
  (j) => j.run_id,
  (j) => j.comparison_name?.toLowerCase() ?? null,
  (j) => j.status ?? null,
  (j) => j.result?.diff_status ?? null,
  (j) => j.result?.diff_reasons?.[0]?.toLowerCase() ?? null,
  (j) => j.failure_reason?.toLowerCase() ?? null,
  (j) => timesOf(j).started,
  (j) => timesOf(j).finished,
  (j, now) => durationOf(j, now),
];

function computeOrder() {
  if (view.sort === null) { order = rows.map((_, i) => i); return; }
  const now = Date.now();
  const key = SORT_KEYS[view.sort];
  // Keys once per row; rank 0 values, 1 jobs without a value, 2 rows that are not jobs.
  const keyed = rows.map((r, i) => {
    const k = r.job ? key(r.job, now) : null;
    return { i, rank: r.job ? (k === null ? 1 : 0) : 2, k };
  });
  const dir = view.desc ? -1 : 1;
  keyed.sort((a, b) => (a.rank - b.rank) || (a.rank === 0 ? (a.k < b.k ? -dir : a.k > b.k ? dir : 0) : 0));
  order = keyed.map((x) => x.i);
}

function statusGroup(r) {
  if (r.state === 'loading') return 'Loading';
  if (r.state === 'missing') return 'Not found';
  return r.job.status ?? 'no status';
}

function matches(r, needle) {
  if (String(r.id).includes(needle)) return true;
  const j = r.job;
  if (!j) return false;
  return [j.comparison_name, j.comparison_id, j.failure_reason, ...(j.result?.diff_reasons ?? [])]
    .some((t) => t != null && t.toLowerCase().includes(needle));
}

function computeShown() {
  const needle = view.search.trim().toLowerCase();
  if (view.statuses.size === 0 && !needle) { shown = order.slice(); return; }
  shown = [];
  for (const i of order) {
    const r = rows[i];
    if (view.statuses.size && !view.statuses.has(statusGroup(r))) continue;
    if (needle && !matches(r, needle)) continue;
    shown.push(i);
  }
}

// ---- the grid: the rows in view, spacers for the rest ----------------------------------------
let grid = null; // { scroller, table, tbody, before, after, caption, rowHeight, first, end, headers }

function buildGrid() {
  const scroller = document.createElement('div');
  scroller.className = 'grid-scroll';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'Results grid');
  const table = document.createElement('table');
  table.className = 'results grid';
  const caption = table.createCaption();
  const colgroup = document.createElement('colgroup');
  for (const c of CLASSES) { const col = document.createElement('col'); col.className = c; colgroup.append(col); }
  table.append(colgroup);
  const head = table.createTHead().appendChild(document.createElement('tr'));
  const headers = COLUMNS.map((name, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = name;
    button.addEventListener('click', () => {
      if (view.sort !== i) { view.sort = i; view.desc = false; } else if (!view.desc) view.desc = true; else view.sort = null;
      computeOrder(); computeShown(); scroller.scrollTop = 0; renderWindow(true);
    });
    th.append(button);
    head.append(th);
    return th;
  });
  const tbody = table.createTBody();
  const spacer = () => { const tr = document.createElement('tr'); tr.className = 'spacer'; const td = document.createElement('td'); td.colSpan = 9; tr.append(td); return tr; };
  const before = spacer();
  const after = spacer();
  tbody.append(before, after);
  scroller.append(table);
  let pending = false;
  scroller.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; renderWindow(false); });
  });
  grid = { scroller, table, tbody, before, after, caption, headers, rowHeight: 56, first: -1, end: -1 };
  return scroller;
}

function renderWindow(force) {
  const g = grid;
  const h = g.rowHeight;
  const firstInView = Math.floor(g.scroller.scrollTop / h);
  const first = Math.max(0, firstInView - OVERSCAN);
  const end = Math.min(shown.length, firstInView + Math.ceil(g.scroller.clientHeight / h) + 1 + OVERSCAN);
  if (!force && first === g.first && end === g.end) return;
  g.first = first; g.end = end;
  const now = Date.now();
  const fragment = document.createDocumentFragment();
  for (let p = first; p < end; p++) fragment.append(renderRow(rows[shown[p]], p, now));
  while (g.before.nextSibling !== g.after) g.before.nextSibling.remove();
  g.tbody.insertBefore(fragment, g.after);
  g.before.firstChild.style.height = `${first * h}px`;
  g.after.firstChild.style.height = `${(shown.length - end) * h}px`;
  g.table.setAttribute('aria-rowcount', String(shown.length + 1));
  g.caption.textContent = view.sort === null ? 'Comparison jobs, in the order requested' : `Comparison jobs, sorted by ${COLUMNS[view.sort]}, ${view.desc ? 'descending' : 'ascending'}`;
  g.headers.forEach((th, i) => { if (i === view.sort) th.setAttribute('aria-sort', view.desc ? 'descending' : 'ascending'); else th.removeAttribute('aria-sort'); });
  // Measure the row height once rows exist (it differs for cards at narrow widths).
  const rendered = g.tbody.querySelectorAll('tr.row');
  if (rendered.length >= 2) {
    const measured = rendered[1].offsetTop - rendered[0].offsetTop;
    if (measured > 0 && Math.abs(measured - h) >= 0.5) { g.rowHeight = measured; renderWindow(true); }
  }
}

function td(row, text, label, className) {
  const cell = document.createElement('td');
  cell.dataset.label = label;
  if (className) cell.className = className;
  const div = document.createElement('div');
  div.className = 'cell';
  if (text !== null) div.textContent = text;
  cell.append(div);
  row.append(cell);
  return div;
}

function badge(parent, text, tone) {
  const span = document.createElement('span');
  span.className = `badge badge-${tone}`;
  span.textContent = text;
  parent.append(span);
}

function renderRow(r, position, now) {
  const row = document.createElement('tr');
  row.className = 'row';
  row.setAttribute('aria-rowindex', String(position + 2));
  const th = document.createElement('th');
  th.scope = 'row';
  th.dataset.label = 'Run ID';
  th.textContent = String(r.id);
  row.append(th);
  const job = r.job;
  if (!job) {
    const cell = td(row, null, 'Result');
    cell.parentElement.colSpan = 8;
    if (r.state === 'loading') { badge(cell, 'LOADING', 'busy'); cell.append(' Waiting for the server'); }
    else { row.className = 'row row-missing'; badge(cell, 'NOT FOUND', 'neutral'); cell.append(' Not found in this workspace'); }
    return row;
  }
  const comparison = td(row, null, 'Comparison', 'col-name');
  const name = document.createElement('span');
  name.className = 'name';
  name.title = `${job.comparison_name}\nComparison ID ${job.comparison_id}`;
  name.textContent = job.comparison_name ?? '(unnamed comparison)';
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'link copy';
  copy.setAttribute('aria-label', `Copy ID of the comparison of job ${r.id}`);
  copy.title = job.comparison_id;
  copy.textContent = 'Copy ID';
  copy.addEventListener('click', () => navigator.clipboard.writeText(job.comparison_id));
  comparison.append(name, ' ', copy);
  badge(td(row, null, 'Status', 'col-status'), job.status, TONES[job.status] ?? 'neutral');
  const outcome = td(row, job.result ? null : '—', 'Outcome', 'col-outcome');
  if (job.result) badge(outcome, job.result.diff_status, TONES[job.result.diff_status] ?? 'neutral');
  const reasons = job.result?.diff_reasons ?? [];
  td(row, reasons.length ? reasons.join('; ') : '—', 'Diff reasons', 'col-reasons');
  td(row, job.failure_reason ?? '—', 'Failure reason', 'col-failure');
  const { started, finished } = timesOf(job);
  for (const [at, label] of [[started, 'Started'], [finished, 'Finished']]) {
    const cell = td(row, at === null ? '—' : null, label, 'col-time');
    if (at !== null) {
      const time = document.createElement('time');
      time.dateTime = new Date(at).toISOString();
      time.title = time.dateTime;
      time.textContent = localTime.format(at);
      cell.append(time);
    }
  }
  const seconds = durationOf(job, now);
  const running = job.result?.time_taken == null && finished === null && seconds !== null;
  td(row, seconds === null ? '—' : `${running ? 'running for ' : ''}${durationText(seconds)}`, 'Duration', 'col-duration');
  return row;
}

// ---- summary, filters, search ---------------------------------------------------------------
function renderSummary() {
  const counts = new Map();
  let found = 0, missing = 0, loading = 0;
  for (const r of rows) {
    if (r.state === 'found') found++; else if (r.state === 'missing') missing++; else loading++;
    const g = statusGroup(r);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const totals = [`${rows.length} requested`, `${found} found`, `${missing} not found`];
  if (loading) totals.push(`${loading} loading`);
  const summary = $('summary');
  summary.replaceChildren();
  const jobs = document.createElement('p');
  jobs.textContent = totals.join(' · ');
  summary.append(jobs);
  for (const [label, count] of counts) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'filter';
    button.textContent = `${label} ${count}`;
    button.setAttribute('aria-pressed', String(view.statuses.has(label)));
    button.addEventListener('click', () => {
      if (!view.statuses.delete(label)) view.statuses.add(label);
      computeShown(); grid.scroller.scrollTop = 0; renderSummary(); renderWindow(true);
    });
    summary.append(button);
  }
  $('showing').textContent = `Showing ${shown.length} of ${rows.length}`;
}

let searchPending = false;
$('search').addEventListener('input', () => {
  if (searchPending) return;
  searchPending = true;
  requestAnimationFrame(() => {
    searchPending = false;
    view.search = $('search').value;
    computeShown(); grid.scroller.scrollTop = 0; renderWindow(true);
    $('showing').textContent = `Showing ${shown.length} of ${rows.length}`;
  });
});

// ---- the fetch -----------------------------------------------------------------------------
$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = event.submitter ?? document.querySelector('button[type=submit]');
  $('error').textContent = '';
  let ids;
  try { ids = parseIds($('job-ids').value); } catch (e) { $('error').textContent = e.message; return; }
  const url = `${apiRoot($('base-url').value)}/jobs/comparison/details`;
  const headers = { Authorization: `Bearer ${$('api-key').value.trim()}`, 'Workspace-Id': $('workspace-id').value.trim(), 'Content-Type': 'application/json' };
  const batches = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  button.disabled = true;
  rows = ids.map((id) => ({ id, job: null, state: 'loading' }));
  byId = new Map(rows.map((r) => [r.id, r]));
  // Rows show as batches land, at most every 100 ms; the grid appears with the first answer.
  let lastNotify = -Infinity, timer = null, shownYet = false;
  const refresh = () => {
    timer = null;
    lastNotify = performance.now();
    if (!shownYet) { shownYet = true; $('results').replaceChildren(buildGrid()); }
    computeOrder(); computeShown(); renderSummary(); renderWindow(true);
  };
  const notify = () => {
    if (timer !== null) return;
    const wait = lastNotify + NOTIFY_EVERY_MS - performance.now();
    if (wait <= 0) refresh(); else timer = setTimeout(refresh, wait);
  };
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      try {
        const jobs = await fetchBatch(url, headers, batch);
        const answered = new Set();
        for (const job of jobs) {
          const r = job && byId.get(job.run_id);
          if (r && !answered.has(job.run_id)) { answered.add(job.run_id); r.job = job; r.state = 'found'; }
        }
        for (const id of batch) if (!answered.has(id)) byId.get(id).state = 'missing';
      } catch (e) { $('error').textContent = e.message; }
      $('status').textContent = `Fetching… ${++done} of ${batches.length} batches done`;
      notify();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (timer !== null) clearTimeout(timer);
  refresh();
  $('status').textContent = '';
  button.disabled = false;
});

dispatchEvent(new CustomEvent('BaselineReady'));
