// The benchmark's baseline: the same form, requests and table columns as the Leptos page, written
// as plain JavaScript with direct DOM calls. Not shipped; only served by bench/run.mjs.
const BATCH = 100;
const CONCURRENCY = 4;
const $ = (id) => document.getElementById(id);
const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

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

function duration(seconds) {
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

function cell(row, text) {
  const td = document.createElement('td');
  row.append(td);
  td.textContent = text;
  return td;
}

function badge(parent, text, tone) {
  const span = document.createElement('span');
  span.className = `badge badge-${tone}`;
  span.textContent = text;
  parent.append(span);
}

const TONES = { SUCCESS: 'good', FAILURE: 'bad', PENDING: 'busy', STARTED: 'busy', RUNNING: 'busy', REVOKED: 'muted', MATCH: 'good', MISMATCH: 'bad' };

const ROWS_PER_STEP = 500; // as the page: the first 500 rows, then more on request

function renderTable(ids, jobs) {
  const now = Date.now();
  const byId = new Map(jobs.filter((j) => j && typeof j.run_id === 'number').map((j) => [j.run_id, j]));
  const table = document.createElement('table');
  table.className = 'results';
  table.createCaption().textContent = 'Comparison jobs, in the order requested';
  const head = table.createTHead().appendChild(document.createElement('tr'));
  for (const name of ['Run ID', 'Comparison', 'Status', 'Outcome', 'Diff reasons', 'Failure reason', 'Started', 'Finished', 'Duration']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  let shown = 0;
  const more = document.createElement('div');
  more.className = 'more-rows';
  const showMore = (count) => {
    const end = Math.min(ids.length, shown + count);
    for (; shown < end; shown++) body.append(renderRow(ids[shown], byId.get(ids[shown]), now));
    more.replaceChildren();
    if (shown < ids.length) {
      const step = Math.min(ROWS_PER_STEP, ids.length - shown);
      const label = document.createElement('span');
      label.textContent = `Showing ${shown} of ${ids.length} rows.`;
      const next = document.createElement('button');
      next.type = 'button';
      next.textContent = `Show ${step} more`;
      next.addEventListener('click', () => showMore(step));
      const all = document.createElement('button');
      all.type = 'button';
      all.textContent = `Show all ${ids.length}`;
      all.addEventListener('click', () => showMore(ids.length));
      more.append(label, next, all);
    }
  };
  showMore(ROWS_PER_STEP);
  $('results').replaceChildren(table, more);
}

function renderRow(id, job, now) {
  // append, not insertRow(): insertRow walks the growing rows collection, quadratic at 10,000.
  const row = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = String(id);
  row.append(th);
  if (!job) {
    const td = cell(row, '');
    td.colSpan = 8;
    badge(td, 'NOT FOUND', 'neutral');
    td.append(' Not found in this workspace');
    return row;
  }
  // As the page: the name with the comparison ID on hover, and a "Copy ID" button.
  const comparison = cell(row, '');
  const name = document.createElement('span');
  name.className = 'name';
  name.title = `Comparison ID ${job.comparison_id}`;
  name.textContent = job.comparison_name ?? '(unnamed comparison)';
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'link copy';
  copy.setAttribute('aria-label', `Copy comparison ID of job ${id}`);
  copy.title = job.comparison_id;
  copy.dataset.comparisonId = job.comparison_id;
  copy.textContent = 'Copy ID';
  comparison.append(name, ' ', copy);
  badge(cell(row, ''), job.status, TONES[job.status] ?? 'neutral');
  const outcome = cell(row, job.result ? '' : '—');
  if (job.result) badge(outcome, job.result.diff_status, TONES[job.result.diff_status] ?? 'neutral');
  const reasons = cell(row, '');
  const list = job.result?.diff_reasons ?? [];
  if (list.length === 0) reasons.textContent = '—';
  else {
    const ul = document.createElement('ul');
    for (const reason of list) { const li = document.createElement('li'); li.textContent = reason; ul.append(li); }
    reasons.append(ul);
  }
  cell(row, job.failure_reason ?? '—');
  const started = job.started_at ? Date.parse(job.started_at) : null;
  const finished = job.finished_at ? Date.parse(job.finished_at) : null;
  for (const at of [started, finished]) {
    const td = cell(row, '');
    if (at === null) td.textContent = '—';
    else {
      const time = document.createElement('time');
      time.dateTime = new Date(at).toISOString();
      time.title = new Date(at).toISOString();
      time.textContent = localTime.format(at);
      td.append(time);
    }
  }
  let text = '—';
  if (job.result?.time_taken != null) text = duration(job.result.time_taken);
  else if (started !== null && finished !== null) text = duration((finished - started) / 1000);
  else if (started !== null) text = `running for ${duration((now - started) / 1000)}`;
  const durationCell = cell(row, text);
  durationCell.className = 'duration';
  return row;
}

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
  let done = 0;
  const jobs = [];
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      try { jobs.push(...await fetchBatch(url, headers, batch)); } catch (e) { $('error').textContent = e.message; }
      $('status').textContent = `Fetching… ${++done} of ${batches.length} batches done`;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  $('status').textContent = '';
  renderTable(ids, jobs);
  button.disabled = false;
});

dispatchEvent(new CustomEvent('BaselineReady'));
