//! Seeded, deterministic demo data: the same job ID always yields the same job, except the few
//! "live" jobs whose status moves with the time since the server started.

use serde_json::{json, Value};

/// The first job ID of the data set.
pub const FIRST_ID: u64 = 1001;
/// Jobs that move PENDING → STARTED → SUCCESS/FAILURE during the first minutes after start.
pub const LIVE_IDS: std::ops::RangeInclusive<u64> = 1020..=1024;
/// Seeded jobs are created over the 30 days before the data set's "now" (`--now`, or the
/// server's start), evenly, oldest ID first: a search of the last day finds the newest thirtieth.
/// Not 1001, 1002 and 1042 (January 2025, see `apply_hand_written_jobs`) nor the live jobs.
pub const SEEDED_SPAN_SECS: i64 = 30 * 86_400;
/// The seeded jobs dated January 2025, outside every list window.
pub const JANUARY_IDS: [u64; 3] = [1001, 1002, 1042];

const COMPARISONS: &[&str] = &[
    "orders table comparison",
    "customers prod vs staging",
    "Müller & Söhne ledger — EU",
    "<script>alert('x')</script> payouts",
    "日本語 売上 比較",
    "<b>bold</b> inventory snapshot",
    "events \"quoted\" & 'single'",
    "revenue_daily (prod → stg)",
    "line_items_v2",
    "Ærøskøbing shipments",
];

/// Four runs of one comparison, oldest first, whose outcome turns MATCH → MISMATCH (1015) and
/// back (1016): what "Group by comparison" marks as changed since the previous run.
pub const NIGHTLY_RUNS: std::ops::RangeInclusive<u64> = 1013..=1016;
const NIGHTLY_MISMATCH: u64 = 1015;
/// Each comparison's source and target dataset, by its place in `COMPARISONS`.
const DATASETS: &[(&str, &str)] = &[
    ("prod.orders", "staging.orders"),
    ("prod.customers", "staging.customers"),
    ("prod.ledger_eu", "staging.ledger_eu"),
    ("prod.payouts", "staging.payouts"),
    ("prod.sales_jp", "staging.sales_jp"),
    ("prod.inventory", "snapshot.inventory"),
    ("prod.events", "staging.events"),
    ("prod.revenue_daily", "stg.revenue_daily"),
    ("prod.line_items", "staging.line_items_v2"),
    ("prod.shipments", "staging.shipments"),
];

/// A comparison whose name a spreadsheet would run as a formula: the CSV export neutralises it.
pub const HOSTILE_NAME_ID: u64 = 1017;

const DIFF_REASONS: &[&str] = &[
    "Row count mismatch",
    "Column value differences in total",
    "Column value differences in updated_at",
    "Missing rows in target",
    "Extra rows in target",
    "Schema mismatch: column discount missing in target",
    "Type mismatch: amount is NUMERIC(10,2) in source, FLOAT in target",
];

const FAILURE_REASONS: &[&str] = &[
    "Connection to source timed out after 300 s",
    "Permission denied for relation public.orders",
    "Query failed: column \"updated_at\" does not exist",
    "Worker lost: the task was killed (out of memory)",
];

/// A job as the details endpoint returns it; `created_at` is extra, for the list endpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub run_id: u64,
    pub comparison_id: String,
    pub comparison_name: String,
    pub status: String,
    pub failure_reason: Option<String>,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub result: Option<JobResult>,
    pub created_at: i64,
    pub source_dataset: &'static str,
    pub target_dataset: &'static str,
    /// Seeded oddities: nulls and fields the contract does not list, which clients must ignore.
    pub extra: Option<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JobResult {
    pub diff_status: &'static str,
    pub diff_reasons: Vec<&'static str>,
    pub time_taken: f64,
}

/// A small, fast, well-mixed hash (splitmix64), so each job is a pure function of its ID.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn pick<T: Copy>(items: &[T], seed: u64) -> T {
    items[(seed % items.len() as u64) as usize]
}

/// The data set: how many jobs, and the instant they are laid out back from.
#[derive(Clone, Copy, Debug)]
pub struct Seeding {
    pub total: u64,
    pub now: i64,
}

/// The job with this ID, if the data set has it; `uptime_secs` drives the live jobs.
pub fn job(run_id: u64, seeding: Seeding, uptime_secs: i64, server_start: i64) -> Option<Job> {
    if run_id < FIRST_ID || run_id >= FIRST_ID + seeding.total {
        return None;
    }
    if LIVE_IDS.contains(&run_id) {
        return Some(live_job(run_id, uptime_secs, server_start));
    }
    seeded_job(run_id, seeding)
}

/// The job with this ID as seeded, the live ones' IDs included: a pure function of the ID and
/// the data set, which never changes while the server runs (`--no-live-jobs`).
pub fn seeded_job(run_id: u64, seeding: Seeding) -> Option<Job> {
    if run_id < FIRST_ID || run_id >= FIRST_ID + seeding.total {
        return None;
    }
    let seed = mix(run_id);
    let comparison = (seed >> 8) % COMPARISONS.len() as u64;
    let timing = SeededTiming::new(run_id, seed, seeding);
    let (source_dataset, target_dataset) = DATASETS[comparison as usize];
    let status = seeded_status(run_id, seed);
    let mut job = Job {
        run_id,
        comparison_id: comparison_uuid(comparison),
        comparison_name: COMPARISONS[comparison as usize].to_string(),
        status: status.to_string(),
        failure_reason: None,
        started_at: None,
        finished_at: None,
        result: None,
        created_at: timing.created_at,
        source_dataset,
        target_dataset,
        extra: None,
    };
    fill_outcome(&mut job, seed, &timing);
    apply_hand_written_jobs(&mut job);
    Some(job)
}

/// When a seeded job was created, started and (had it succeeded) finished, and how long it ran:
/// evenly over the 30 days before the data set's now (see `SEEDED_SPAN_SECS`), each a pure
/// function of its ID's seed and the data set.
struct SeededTiming {
    created_at: i64,
    started_at: i64,
    finished_at: i64,
    time_taken: f64,
}

impl SeededTiming {
    fn new(run_id: u64, seed: u64, seeding: Seeding) -> Self {
        // The newest is created a minute before now, so every seeded run has started by then;
        // the oldest (1001's place) 30 days before.
        let total = seeding.total.max(1) as i64;
        let age = total - 1 - (run_id - FIRST_ID) as i64;
        let created_at = seeding.now - 60 - age * SEEDED_SPAN_SECS / total;
        // Under the smallest step (25 s at 100,000 jobs), so starts ascend with IDs as creations
        // do: the nightly runs start in order and 1005 has run longest of the running jobs.
        let started_at = created_at + 2 + (seed % 20) as i64;
        let time_taken = 20.0 + ((seed >> 16) % 3000) as f64 / 10.0;
        let finished_at = started_at + time_taken.ceil() as i64;
        SeededTiming {
            created_at,
            started_at,
            finished_at,
            time_taken,
        }
    }
}

/// A seeded job's status: the first IDs are pinned so every status (and one outside the
/// documented list) is always there; the rest are drawn from the seed.
fn seeded_status(run_id: u64, seed: u64) -> &'static str {
    match run_id {
        1001 | 1002 | 1008 | 1009 | 1042 => "SUCCESS",
        id if NIGHTLY_RUNS.contains(&id) || id == HOSTILE_NAME_ID => "SUCCESS",
        1003 => "FAILURE",
        1004 => "PENDING",
        1005 => "STARTED",
        1006 => "RUNNING",
        1007 => "REVOKED",
        1011 => "QUEUED", // a status outside the documented list, as real instances can send
        _ => match (seed >> 24) % 100 {
            0..=59 => "SUCCESS",
            60..=71 => "FAILURE",
            72..=79 => "PENDING",
            80..=87 => "STARTED",
            88..=93 => "RUNNING",
            _ => "REVOKED",
        },
    }
}

/// Sets what a job's status implies: its times, and its result or failure reason.
fn fill_outcome(job: &mut Job, seed: u64, timing: &SeededTiming) {
    let started_at = timing.started_at;
    match job.status.as_str() {
        "SUCCESS" => {
            job.started_at = Some(started_at);
            job.finished_at = Some(timing.finished_at);
            job.result = Some(seeded_result(job.run_id, seed, timing.time_taken));
        }
        "FAILURE" => {
            job.started_at = Some(started_at);
            job.finished_at = Some(started_at + 5 + (seed % 60) as i64);
            job.failure_reason = Some(pick(FAILURE_REASONS, seed >> 12).to_string());
        }
        "STARTED" | "RUNNING" => job.started_at = Some(started_at),
        "REVOKED" => {
            job.started_at = Some(started_at);
            job.finished_at = Some(started_at + 3);
        }
        _ => {}
    }
}

/// A successful job's result: 1002 always mismatches, 1001 always matches, the nightly runs
/// mismatch once (1015), a third of the others mismatch, with one to three consecutive reasons.
fn seeded_result(run_id: u64, seed: u64, time_taken: f64) -> JobResult {
    let mismatch = match run_id {
        1001 => false,
        1002 => true,
        id if NIGHTLY_RUNS.contains(&id) => id == NIGHTLY_MISMATCH,
        _ => (seed >> 32).is_multiple_of(3),
    };
    JobResult {
        diff_status: if mismatch { "MISMATCH" } else { "MATCH" },
        diff_reasons: if mismatch {
            let first = (seed >> 40) as usize % DIFF_REASONS.len();
            let count = 1 + (seed >> 48) as usize % 3;
            (0..count)
                .map(|i| DIFF_REASONS[(first + i) % DIFF_REASONS.len()])
                .collect()
        } else {
            Vec::new()
        },
        time_taken,
    }
}

/// 2025-01-15T00:00:00Z, where every seeded job used to be laid out from, one each 7 minutes.
const JANUARY_2025: i64 = 1_736_899_200;

/// The jobs written by hand over their seeded values: 1001 and 1002 keep their January 2025
/// dates, 1009 carries fields the contract does not list, 1013-1016 are runs of one comparison,
/// 1017's name is a formula, and 1042 is the API documentation's reference example.
fn apply_hand_written_jobs(job: &mut Job) {
    if matches!(job.run_id, 1001 | 1002) {
        // Started before 1042 (whose times are the reference's), as the grid's Started sort
        // expects; outside every list window, as 1042 is.
        job.move_to(JANUARY_2025 + (job.run_id - FIRST_ID) as i64 * 420);
    }
    if NIGHTLY_RUNS.contains(&job.run_id) {
        job.comparison_id = "eeeeeeee-0000-0000-0000-000000000013".into();
        job.comparison_name = "nightly orders reconciliation".into();
        (job.source_dataset, job.target_dataset) = ("prod.orders", "recon.orders");
    }
    if job.run_id == HOSTILE_NAME_ID {
        job.comparison_id = "eeeeeeee-0000-0000-0000-000000000017".into();
        job.comparison_name = "=cmd|' /C calc'!A0 totals".into();
    }
    if job.run_id == 1009 {
        // Fields the contract does not list, plus a null result: clients must not break.
        job.comparison_name = "日本語 売上 比較 — <i>not italic</i>".into();
        job.extra =
            Some(json!({"source_dataset": "prod.orders", "tags": ["nightly"], "owner": null}));
        // The list says what the details' extra field says.
        (job.source_dataset, job.target_dataset) = DATASETS[0];
    }
    if job.run_id == 1042 {
        // The reference example from the API documentation, to the letter.
        job.comparison_id = "eeeeeeee-0000-0000-0000-000000000005".into();
        job.comparison_name = "orders table comparison".into();
        (job.source_dataset, job.target_dataset) = DATASETS[0];
        job.created_at = 1_736_935_200; // 2025-01-15T10:00:00Z: older than any list's window
        job.started_at = Some(1_736_935_202); // 2025-01-15T10:00:02Z
        job.finished_at = Some(1_736_935_305); // 2025-01-15T10:01:45Z
        job.result = Some(JobResult {
            diff_status: "MISMATCH",
            diff_reasons: vec!["Row count mismatch", "Column value differences in total"],
            time_taken: 103.2,
        });
    }
}

/// A job that is PENDING for its first seconds, then STARTED, then finishes.
fn live_job(run_id: u64, uptime_secs: i64, server_start: i64) -> Job {
    let k = (run_id - LIVE_IDS.start()) as i64;
    let starts = 10 + 5 * k;
    let finishes = 40 + 15 * k;
    let succeeds = k % 2 == 0;
    let (status, started_at, finished_at) = if uptime_secs < starts {
        ("PENDING", None, None)
    } else if uptime_secs < finishes {
        ("STARTED", Some(server_start + starts), None)
    } else if succeeds {
        (
            "SUCCESS",
            Some(server_start + starts),
            Some(server_start + finishes),
        )
    } else {
        (
            "FAILURE",
            Some(server_start + starts),
            Some(server_start + finishes),
        )
    };
    Job {
        run_id,
        comparison_id: comparison_uuid(100 + k as u64),
        comparison_name: format!("live deploy check #{}", k + 1),
        status: status.to_string(),
        failure_reason: (status == "FAILURE")
            .then(|| "Target warehouse went read-only".to_string()),
        started_at,
        finished_at,
        result: (status == "SUCCESS").then(|| JobResult {
            diff_status: if k == 0 { "MATCH" } else { "MISMATCH" },
            diff_reasons: if k == 0 {
                vec![]
            } else {
                vec!["Row count mismatch"]
            },
            time_taken: (finishes - starts) as f64,
        }),
        created_at: server_start,
        source_dataset: "prod.deploys",
        target_dataset: "staging.deploys",
        extra: None,
    }
}

fn comparison_uuid(n: u64) -> String {
    format!("c0ffee00-0000-4000-8000-{n:012}")
}

impl Job {
    /// A job added while the server runs (`POST /log/add-job`): `template`'s comparison,
    /// created at `now`, having run for the second before it, with `status`.
    pub fn added(run_id: u64, template: &Job, status: &str, now: i64) -> Job {
        let succeeded = status == "SUCCESS";
        Job {
            run_id,
            status: status.to_string(),
            failure_reason: (status == "FAILURE").then(|| "Added by POST /log/add-job".into()),
            started_at: Some(now - 1),
            finished_at: Some(now),
            result: succeeded.then(|| JobResult {
                diff_status: "MATCH",
                diff_reasons: Vec::new(),
                time_taken: 1.0,
            }),
            created_at: now,
            extra: None,
            ..template.clone()
        }
    }

    /// Moves the job in time to be created at `created_at`: its start and finish move with it,
    /// so how long it ran stays the same.
    fn move_to(&mut self, created_at: i64) {
        let by = created_at - self.created_at;
        self.created_at = created_at;
        self.started_at = self.started_at.map(|t| t + by);
        self.finished_at = self.finished_at.map(|t| t + by);
    }

    /// The job object of the details endpoint.
    pub fn to_json(&self) -> Value {
        let mut value = json!({
            "run_id": self.run_id,
            "comparison_id": self.comparison_id,
            "comparison_name": self.comparison_name,
            "status": self.status,
            "failure_reason": self.failure_reason,
            "started_at": self.started_at.map(iso8601),
            "finished_at": self.finished_at.map(iso8601),
            "result": self.result.as_ref().map(|r| json!({
                "diff_status": r.diff_status,
                "diff_reasons": r.diff_reasons,
                "time_taken": r.time_taken,
            })),
        });
        if let (Some(Value::Object(extra)), Value::Object(map)) = (&self.extra, &mut value) {
            map.extend(extra.clone());
        }
        value
    }

    /// The item of the list endpoint, which names the ID `job_id`.
    pub fn to_list_item(&self) -> Value {
        json!({
            "job_id": self.run_id,
            "comparison_id": self.comparison_id,
            "comparison_name": self.comparison_name,
            "status": self.status,
            "source_dataset": self.source_dataset,
            "target_dataset": self.target_dataset,
            "time_taken": self.result.as_ref().map(|r| r.time_taken),
            "created_at": iso8601(self.created_at),
        })
    }

    /// The row-level diff of a finished job: nothing differs for a MATCH; a MISMATCH has rows
    /// that differ in numbers, strings, nulls, dates and booleans, and rows found on one side
    /// only (their other side's values are absent). Job 1042, the reference's example, differs
    /// in `total` alone; job 1002 differs in several hundred rows and has a column whose name,
    /// and a value, are markup. Jobs without a result (not SUCCESS) have no diff details.
    pub fn diff_details(&self) -> Option<Value> {
        let result = self.result.as_ref()?;
        let plan = DiffPlan::new(self.run_id);
        let mismatch = result.diff_status == "MISMATCH";
        let columns = column_mapping(&plan.differing);
        let mut diff_rows = Vec::new();
        let mut counts = vec![0u64; plan.differing.len()];
        for i in (0..plan.rows).filter(|_| mismatch) {
            diff_rows.push(plan.row(i, &mut counts));
        }
        Some(json!({
            "primary_key_columns": ["order_id"],
            "column_mapping": columns.iter().map(|(s, t)| (s.to_string(), json!(t)))
                .collect::<serde_json::Map<String, Value>>(),
            "mismatched_columns_mapping": mismatched_columns(&plan.differing, &counts),
            "diff_rows": diff_rows,
        }))
    }
}

/// What a job's diff is made of: the columns that differ and over how many rows, all drawn
/// from the job's diff seed (1042 and 1002 are pinned).
struct DiffPlan {
    run_id: u64,
    seed: u64,
    differing: Vec<&'static str>,
    rows: u64,
}

impl DiffPlan {
    fn new(run_id: u64) -> Self {
        let seed = mix(run_id ^ 0xD1FF);
        let (differing, rows): (Vec<&str>, u64) = match run_id {
            1042 => (vec!["total"], 3),
            1002 => (
                vec![
                    "total",
                    "status",
                    "shipped_on",
                    "is_gift",
                    "coupon",
                    HOSTILE_COLUMN,
                ],
                420,
            ),
            _ => {
                let first = (seed >> 8) as usize % DIFF_COLUMNS.len();
                let picked = (0..1 + seed % 3)
                    .map(|i| DIFF_COLUMNS[(first + i as usize) % DIFF_COLUMNS.len()])
                    .collect();
                (picked, 3 + (seed >> 16) % 10)
            }
        };
        DiffPlan {
            run_id,
            seed,
            differing,
            rows,
        }
    }

    /// Row `i` of the diff; adds one to `counts[j]` for each differing column `j` it differs in.
    fn row(&self, i: u64, counts: &mut [u64]) -> Value {
        let order_id = 10_000 + self.run_id * 1000 + i;
        let mut row = serde_json::Map::new();
        row.insert("order_id".into(), json!(order_id));
        // Every 7th row is only in the source, every 11th only in the target (in the
        // reference example, its last row is missing in the target).
        let only_source = i % 7 == 6 || (self.run_id == 1042 && i == self.rows - 1);
        let only_target = !only_source && i % 11 == 10;
        for (j, &column) in self.differing.iter().enumerate() {
            let cell_seed = mix(order_id ^ self.seed ^ j as u64);
            // A row differs in its first column always and in each other one by chance;
            // where it does not, both sides hold the same value.
            let differs = only_source || only_target || j == 0 || !cell_seed.is_multiple_of(3);
            let (source, target) = diff_values(column, cell_seed);
            let target = if differs { target } else { source.clone() };
            counts[j] += u64::from(differs);
            if !only_target {
                row.insert(format!("source_{column}"), source);
            }
            if !only_source {
                row.insert(format!("target_{column}"), target);
            }
        }
        Value::Object(row)
    }
}

/// The (source column, target column) pairs of the comparison, the key first: the differing
/// columns plus `status` and `shipped_on`, which is renamed in the target.
fn column_mapping(differing: &[&'static str]) -> Vec<(&'static str, &'static str)> {
    let mut columns: Vec<(&str, &str)> = vec![("order_id", "order_id"), ("total", "total")];
    for &column in differing.iter().chain(&["status", "shipped_on"]) {
        if !columns.iter().any(|(c, _)| *c == column) {
            // One renamed column, as comparisons across systems have.
            let target = if column == "shipped_on" {
                "ship_date"
            } else {
                column
            };
            columns.push((column, target));
        }
    }
    columns
}

/// `mismatched_columns_mapping`: each differing column that differs in at least one row, with
/// its count and a description of the kind of difference.
fn mismatched_columns(differing: &[&str], counts: &[u64]) -> serde_json::Map<String, Value> {
    differing
        .iter()
        .zip(counts)
        .filter(|(_, &count)| count > 0)
        .map(|(&column, &count)| {
            let details = match column {
                "total" => "Numeric value differences",
                "is_gift" => "Boolean value differences",
                "shipped_on" => "Date value differences",
                "coupon" => "Null in source, set in target",
                _ => "String value differences",
            };
            (
                column.to_string(),
                json!({"mismatch_count": count, "details": details}),
            )
        })
        .collect()
}

/// Columns a seeded MISMATCH job may differ in.
const DIFF_COLUMNS: &[&str] = &["total", "status", "shipped_on", "is_gift", "coupon"];

/// A column name that is markup: the page must show it as text.
pub const HOSTILE_COLUMN: &str = "<img src=x onerror=alert(1)>note";

/// A column's value in the source and in the target of one differing row.
fn diff_values(column: &str, seed: u64) -> (Value, Value) {
    match column {
        "total" => {
            let cents = 1_000 + seed % 50_000;
            let delta = [1, 100, -250, 5][(seed >> 20) as usize % 4];
            (
                json!(cents as f64 / 100.0),
                json!((cents as i64 + delta) as f64 / 100.0),
            )
        }
        "status" => {
            let value = pick(&["shipped", "pending", "returned"], seed);
            (json!(value), json!(value.to_uppercase()))
        }
        "shipped_on" => {
            let day = 1 + seed % 28;
            (
                json!(format!("2025-01-{day:02}")),
                json!(format!("2025-02-{day:02}")),
            )
        }
        "is_gift" => (
            json!(seed.is_multiple_of(2)),
            json!(!seed.is_multiple_of(2)),
        ),
        "coupon" => (
            Value::Null,
            json!(pick(&["WINTER10", "VIP", "FREESHIP"], seed)),
        ),
        _ => (json!("<script>alert('x')</script>"), json!("plain text")),
    }
}

/// Seconds since the Unix epoch → `2025-01-15T10:00:02Z`.
pub fn iso8601(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `2025-01-15T10:00:02Z` (or with an offset, or a bare date) → seconds since the epoch.
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let (date, time) = text.split_once('T').unwrap_or((text, "00:00:00Z"));
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (clock, offset) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else if let Some(i) = time.rfind(['+', '-']) {
        let sign = if &time[i..=i] == "-" { -1 } else { 1 };
        let (oh, om) = time[i + 1..].split_once(':')?;
        (
            &time[..i],
            sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60),
        )
    } else {
        (time, 0)
    };
    let mut hms = clock.split(':');
    let h: i64 = hms.next()?.parse().ok()?;
    let mi: i64 = hms.next()?.parse().ok()?;
    let s: f64 = hms.next().unwrap_or("0").parse().ok()?;
    Some(days_from_civil(y, m, d) * 86_400 + h * 3600 + mi * 60 + s as i64 - offset)
}

// Howard Hinnant's civil-date algorithms.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-01T12:00:00Z, as `--now` would give it.
    const NOW: i64 = 1_796_126_400;
    const S300: Seeding = Seeding {
        total: 300,
        now: NOW,
    };

    #[test]
    fn reference_example_is_served_to_the_letter() {
        let j = job(1042, S300, 0, 0).unwrap().to_json();
        assert_eq!(j["started_at"], "2025-01-15T10:00:02Z");
        assert_eq!(j["finished_at"], "2025-01-15T10:01:45Z");
        assert_eq!(j["result"]["time_taken"], 103.2);
        assert_eq!(j["result"]["diff_reasons"][0], "Row count mismatch");
    }

    #[test]
    fn every_status_is_seeded() {
        let statuses: std::collections::HashSet<String> = (1001..1301)
            .map(|id| job(id, S300, 0, 0).unwrap().status)
            .collect();
        for s in [
            "PENDING", "STARTED", "RUNNING", "SUCCESS", "FAILURE", "REVOKED", "QUEUED",
        ] {
            assert!(statuses.contains(s), "{s} missing");
        }
    }

    #[test]
    fn data_is_deterministic_and_bounded() {
        assert_eq!(job(1200, S300, 0, 0), job(1200, S300, 0, 0));
        assert!(job(1000, S300, 0, 0).is_none());
        assert!(job(1301, S300, 0, 0).is_none());
        assert!(job(
            101_000,
            Seeding {
                total: 100_000,
                now: NOW
            },
            0,
            0
        )
        .is_some());
    }

    #[test]
    fn live_jobs_move_with_time() {
        let status = |t| job(1020, S300, t, 1_000).unwrap().status;
        assert_eq!(status(0), "PENDING");
        assert_eq!(status(15), "STARTED");
        assert_eq!(status(100), "SUCCESS");
        assert_eq!(job(1021, S300, 100, 1_000).unwrap().status, "FAILURE");
    }

    #[test]
    fn nightly_runs_turn_to_mismatch_and_back() {
        let outcomes: Vec<&str> = NIGHTLY_RUNS
            .map(|id| job(id, S300, 0, 0).unwrap().result.unwrap().diff_status)
            .collect();
        assert_eq!(outcomes, ["MATCH", "MATCH", "MISMATCH", "MATCH"]);
        let names: std::collections::HashSet<String> = NIGHTLY_RUNS
            .map(|id| job(id, S300, 0, 0).unwrap().comparison_name)
            .collect();
        assert_eq!(names.len(), 1);
        assert!(job(HOSTILE_NAME_ID, S300, 0, 0)
            .unwrap()
            .comparison_name
            .starts_with('='));
    }

    #[test]
    fn seeded_jobs_are_created_over_the_30_days_before_now() {
        for total in [300, 100_000] {
            let seeding = Seeding { total, now: NOW };
            let jobs: Vec<Job> = (FIRST_ID..FIRST_ID + total)
                .filter(|id| !LIVE_IDS.contains(id) && !JANUARY_IDS.contains(id))
                .map(|id| job(id, seeding, 0, NOW).unwrap())
                .collect();
            assert!(
                jobs.windows(2).all(|w| w[0].created_at < w[1].created_at),
                "oldest ID first"
            );
            assert!(
                jobs.windows(2).all(|w| w[0].started_at < w[1].started_at
                    || w[0].started_at.is_none()
                    || w[1].started_at.is_none()),
                "started in ID order at {total} jobs"
            );
            assert!(jobs
                .iter()
                .all(|j| (NOW - SEEDED_SPAN_SECS..NOW).contains(&j.created_at)));
            assert!(jobs
                .iter()
                .all(|j| j.started_at.is_none_or(|s| s > j.created_at && s < NOW)));
            // 1005 has run longest of the running jobs: the grid's duration sort puts it first.
            let running = jobs
                .iter()
                .filter(|j| j.finished_at.is_none() && j.started_at.is_some());
            let oldest = running.min_by_key(|j| j.started_at).unwrap();
            assert_eq!(oldest.run_id, 1005, "at {total} jobs");
            assert!(NOW - oldest.started_at.unwrap() > 29 * 86_400);
        }
    }

    #[test]
    fn only_instants_moved_for_the_ids_the_end_to_end_tests_know() {
        let at = |id| job(id, S300, 0, NOW).unwrap();
        // The grid's Started sort, ascending, of 1042 and 1001-1012: 1001, 1002, then 1042.
        let mut started: Vec<(i64, u64)> = (1001..=1012)
            .chain([1042])
            .filter_map(|id| Some((at(id).started_at?, id)))
            .collect();
        started.sort();
        let first: Vec<u64> = started.iter().take(3).map(|&(_, id)| id).collect();
        assert_eq!(first, [1001, 1002, 1042]);
        let started_on = |id| at(id).to_json()["started_at"].as_str().unwrap()[..16].to_string();
        assert_eq!(started_on(1001), "2025-01-15T00:00");
        assert_eq!(started_on(1002), "2025-01-15T00:07");
        assert_eq!(at(1042).to_json()["started_at"], "2025-01-15T10:00:02Z");
        // The nightly runs started in ID order, and their outcomes are as before.
        let nightly: Vec<i64> = NIGHTLY_RUNS.map(|id| at(id).started_at.unwrap()).collect();
        assert!(nightly.windows(2).all(|w| w[0] < w[1]));
        // Statuses, outcomes and durations per ID do not depend on "now".
        let elsewhen = Seeding {
            total: 300,
            now: NOW - 400 * 86_400,
        };
        for id in 1001..1301 {
            let (a, b) = (at(id), job(id, elsewhen, 0, NOW).unwrap());
            let ran = |j: &Job| j.finished_at.zip(j.started_at).map(|(f, s)| f - s);
            assert_eq!(
                (&a.status, &a.result, &a.failure_reason, &a.comparison_name),
                (&b.status, &b.result, &b.failure_reason, &b.comparison_name)
            );
            assert_eq!(ran(&a), ran(&b), "{id}");
            assert_eq!(a.started_at.is_some(), b.started_at.is_some());
            assert_eq!(a.diff_details(), b.diff_details());
        }
    }

    #[test]
    fn iso8601_round_trips() {
        assert_eq!(iso8601(1_736_935_202), "2025-01-15T10:00:02Z");
        assert_eq!(parse_iso8601("2025-01-15T10:00:02Z"), Some(1_736_935_202));
        assert_eq!(
            parse_iso8601("2025-01-15T12:00:02+02:00"),
            Some(1_736_935_202)
        );
        assert_eq!(parse_iso8601("2025-01-15"), Some(1_736_899_200));
        assert_eq!(parse_iso8601("yesterday"), None);
    }

    #[test]
    fn without_live_jobs_1020_to_1024_are_seeded_like_the_rest() {
        let live = job(1021, S300, 0, NOW).unwrap();
        assert_eq!(live.status, "PENDING", "a live job starts pending");
        let seeded = seeded_job(1021, S300).unwrap();
        assert_eq!(
            seeded,
            seeded_job(1021, S300).unwrap(),
            "the same at any time"
        );
        assert_eq!(seeded_job(1003, S300), job(1003, S300, 5, NOW));
        assert_eq!(seeded_job(1001 + 300, S300), None);
    }
}
