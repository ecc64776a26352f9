//! A local stand-in for the Datachecks jobs API (contract: `shared/api/datachecks-jobs.md`),
//! served over real HTTP for the demo and every test, with fault injection by flags.

pub mod config;
pub mod data;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

use config::{Config, DiffFault, DEMO_KEY, DEMO_KEY_WITHOUT_READ, DEMO_WORKSPACE};

struct AppState {
    config: Config,
    started: Instant,
    started_unix: i64,
    /// When the live jobs' clock started: at start, and again at the first look at a job after
    /// each `POST /log/reset` (`None` until then), so that look always finds them all PENDING,
    /// however long the client takes to ask.
    live_since: Mutex<Option<Instant>>,
    /// API requests seen so far (preflights excluded): drives --fail-first and --error-rate.
    requests: AtomicU64,
    /// The IDs each details request asked for, in order: `GET /log/details` shows them, so a
    /// test can check what the page asked for.
    details_log: Mutex<Vec<Vec<u64>>>,
    /// Every API request as it was answered (`GET /log/requests`): when, what, how many IDs,
    /// which status. Tests check a client's pacing and batch sizes with it.
    request_log: Mutex<Vec<Value>>,
    /// --rate-limit's bucket: tokens left, and when it was last filled.
    bucket: Mutex<(f64, Instant)>,
    /// Where --outage-every's cycle starts: at start, and again at each `POST /log/reset`.
    outages_since: Mutex<Instant>,
    /// Jobs added by `POST /log/add-job` since the start (or the last reset), after the seeded
    /// ones: a test sees a new job appear while the page watches a search.
    added: Mutex<Vec<data::Job>>,
}

type Shared = Arc<AppState>;

/// The whole server: API routes, CORS, faults, and the built site when `--dist` is given.
pub fn app(config: Config) -> Router {
    let dist = config.dist.clone();
    let dist_path = config.dist_path.clone();
    let security_headers = config.security_headers;
    let full_bucket = f64::from(config.rate_limit.unwrap_or(0));
    let state = Arc::new(AppState {
        config,
        started: Instant::now(),
        live_since: Mutex::new(Some(Instant::now())),
        started_unix: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0),
        requests: AtomicU64::new(0),
        details_log: Mutex::default(),
        request_log: Mutex::default(),
        bucket: Mutex::new((full_bucket, Instant::now())),
        outages_since: Mutex::new(Instant::now()),
        added: Mutex::default(),
    });
    let cors = state.config.cors;
    let api = Router::new()
        .route("/jobs/comparison/details", post(details))
        .route("/jobs/comparison/{id}/diff-details", get(diff_details))
        .route("/jobs/comparison", get(list_jobs))
        .fallback(|| async { envelope_error(StatusCode::NOT_FOUND, "No such API endpoint") })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            faults_and_auth,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), log_request))
        .with_state(state.clone());
    // --no-cors: like an instance that does not allow this page's origin.
    let api = if cors { api.layer(cors_layer()) } else { api };
    // Outside the API and its faults: for readiness probes, and for tests to read what the
    // page asked for.
    let router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/log/details", get(details_log).with_state(state.clone()))
        .route("/log/requests", get(request_log).with_state(state.clone()))
        .route("/log/add-job", post(add_job).with_state(state.clone()))
        .route("/log/reset", post(reset).with_state(state))
        .nest("/api/v1", api);
    // A release build carries a .br and a .gz beside each file: those go to browsers that accept
    // them, as a real static host would serve the page. ServeDir does not say that the answer
    // depends on Accept-Encoding, so caches in between are told here, and how long to keep it.
    let site = |dir| {
        Router::new()
            .fallback_service(SetResponseHeader::overriding(
                ServeDir::new(dir).precompressed_br().precompressed_gzip(),
                header::VARY,
                HeaderValue::from_static("accept-encoding"),
            ))
            .layer(middleware::from_fn(cache_rules))
    };
    let router = match dist {
        None => router,
        Some(dir) if dist_path == "/" => router.fallback_service(site(dir)),
        Some(dir) => router.nest_service(dist_path.trim_end_matches('/'), site(dir)),
    };
    // On every response, as deploy/nginx.conf sends them (end2end checks that the two agree).
    if !security_headers {
        return router;
    }
    SECURITY_HEADERS
        .iter()
        .fold(router, |router, &(name, value)| {
            router.layer(SetResponseHeaderLayer::overriding(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            ))
        })
}

/// The hosting headers of deploy/nginx.conf: the page's CSP plus `frame-ancestors`, no framing,
/// no sniffing, no Referer, its own browsing context group, and no powerful features.
pub const SECURITY_HEADERS: [(&str, &str); 6] = [
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self' http: https:; base-uri 'none'; \
         form-action 'none'; object-src 'none'; frame-ancestors 'none'",
    ),
    ("x-frame-options", "DENY"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(), \
         geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), \
         usb=()",
    ),
];

/// How long a browser may keep a file of the site, by the rule deploy/nginx.conf and
/// `dist/_headers` use: every `.js`, `.wasm` and `.css` of the build has a content hash in its
/// name (Trunk's, scripts/split.mjs's) and never changes, so for good; everything else
/// (index.html, which names them) is checked again on every visit.
pub fn cache_control(path: &str) -> &'static str {
    let hashed = [".js", ".wasm", ".css"]
        .iter()
        .any(|extension| path.ends_with(extension));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

async fn cache_rules(request: Request, next: Next) -> Response {
    let rule = cache_control(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(rule));
    }
    response
}

/// The `{message, meta, data}` envelope, used for errors too.
fn envelope(status: StatusCode, message: &str, data: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        json!({"message": message, "meta": {}, "data": data}).to_string(),
    )
        .into_response()
}

fn envelope_error(status: StatusCode, message: &str) -> Response {
    envelope(status, message, Value::Null)
}

/// What a browser on another origin may send and read: the headers the page sends, and the
/// `Retry-After` it honours. Preflights are answered here, before faults and keys are checked.
fn cors_layer() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            HeaderName::from_static("workspace-id"),
            header::CONTENT_TYPE,
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// Latency and injected failures first (a broken server fails before it checks keys), then auth.
async fn faults_and_auth(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let config = &state.config;
    let n = state.requests.fetch_add(1, Ordering::SeqCst);
    if config.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(config.latency_ms)).await;
    }
    if let Some(code) = config.force_status {
        if config.fail_first.is_none_or(|first| n < first) {
            return injected_failure(config, code);
        }
    }
    if config.fail_after.is_some_and(|after| n >= after) {
        return injected_failure(config, config.error_status);
    }
    let cycle = state
        .outages_since
        .lock()
        .map_or(Duration::ZERO, |since| since.elapsed());
    if let Some(wait) = outage_left(config, cycle) {
        return busy(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service temporarily unavailable",
            wait,
        );
    }
    if let Some(wait) = take_token(&state) {
        return busy(
            StatusCode::TOO_MANY_REQUESTS,
            "Rate limit exceeded. Slow down.",
            wait,
        );
    }
    if config.error_rate > 0.0 {
        let roll = (data::mix(n ^ 0x5eed) % 1_000_000) as f64 / 1_000_000.0;
        if roll < config.error_rate {
            return injected_failure(config, config.error_status);
        }
    }
    if let Err((status, message)) = authorize(request.headers()) {
        return envelope_error(status, message);
    }
    next.run(request).await
}

/// --outage-every: the seconds (rounded up) left of the outage under way `elapsed` into the
/// cycle, if any. The first outage starts one period in, so a client always gets a start.
pub fn outage_left(config: &Config, elapsed: Duration) -> Option<u64> {
    let every = config.outage_every? as f64;
    let elapsed = elapsed.as_secs_f64();
    if elapsed < every {
        return None;
    }
    let left = config.outage_secs as f64 - elapsed % every;
    (left > 0.0).then(|| left.ceil() as u64)
}

/// --rate-limit: takes a token from the bucket, or says how many seconds (rounded up, at least
/// one) until there is one.
fn take_token(state: &AppState) -> Option<u64> {
    let rate = f64::from(state.config.rate_limit?);
    let mut bucket = state.bucket.lock().ok()?;
    let (tokens, filled) = &mut *bucket;
    *tokens = (*tokens + filled.elapsed().as_secs_f64() * rate).min(rate);
    *filled = Instant::now();
    if *tokens >= 1.0 {
        *tokens -= 1.0;
        None
    } else {
        Some((((1.0 - *tokens) / rate).ceil() as u64).max(1))
    }
}

/// A refusal that asks the client to come back in `wait` seconds.
fn busy(status: StatusCode, message: &str, wait: u64) -> Response {
    let mut response = envelope_error(status, message);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    response
}

/// Writes each API request into the request log as it is answered.
async fn log_request(State(state): State<Shared>, request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS {
        return next.run(request).await; // preflights are the browser's, not the client's pacing
    }
    let at_ms = state.started.elapsed().as_millis() as u64;
    let path = request.uri().path().to_string();
    // Only a details request has IDs to count; its body is read here and handed on unchanged.
    let (request, ids) = if request.method() == Method::POST && path.ends_with("/details") {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, MAX_DETAILS_BODY).await else {
            return envelope_error(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large");
        };
        let ids = parse_job_ids(&bytes).ok().map(|ids| ids.len());
        (
            Request::from_parts(parts, axum::body::Body::from(bytes)),
            ids,
        )
    } else {
        (request, None)
    };
    let response = next.run(request).await;
    if let Ok(mut log) = state.request_log.lock() {
        log.push(json!({
            "at_ms": at_ms,
            "path": path,
            "ids": ids,
            "status": response.status().as_u16(),
        }));
    }
    response
}

/// The most a details body may be: 100,000 IDs of 7 digits and their commas, with room to spare.
const MAX_DETAILS_BODY: usize = 2 * 1024 * 1024;

/// The request log in the order the requests arrived (entries are written as they are answered,
/// and concurrent ones finish out of order).
async fn request_log(State(state): State<Shared>) -> Response {
    let mut log = state
        .request_log
        .lock()
        .map(|log| log.clone())
        .unwrap_or_default();
    log.sort_by_key(|entry| entry["at_ms"].as_u64());
    axum::Json(log).into_response()
}

fn injected_failure(config: &Config, code: u16) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = match code {
        429 => "Rate limit exceeded. Slow down.",
        503 => "Service temporarily unavailable",
        422 => "Validation error: job IDs must be integers (injected by demo-api)",
        403 => "Forbidden: the API key lacks a scope this call needs (injected by demo-api)",
        404 => "Not found (injected by demo-api)",
        _ => "Internal server error (injected by demo-api)",
    };
    let mut response = envelope_error(status, message);
    if code == 429 || code == 503 {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(config.retry_after_secs),
        );
    }
    response
}

/// `Err` carries the status and message of the refusal.
fn authorize(headers: &HeaderMap) -> Result<(), (StatusCode, &'static str)> {
    let key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let has_read_job = match key {
        Some(DEMO_KEY) => true,
        Some(DEMO_KEY_WITHOUT_READ) => false,
        Some(_) => return Err((StatusCode::UNAUTHORIZED, "Invalid or expired API key")),
        None => {
            return Err((
                StatusCode::UNAUTHORIZED,
                "Missing API key: send Authorization: Bearer <key>",
            ))
        }
    };
    match headers.get("workspace-id").and_then(|v| v.to_str().ok()) {
        None => Err((StatusCode::FORBIDDEN, "Missing Workspace-Id header")),
        Some(w) if w.trim() != DEMO_WORKSPACE => Err((
            StatusCode::FORBIDDEN,
            "This API key has no access to that workspace",
        )),
        Some(_) if !has_read_job => Err((
            StatusCode::FORBIDDEN,
            "This API key lacks the read:job scope",
        )),
        Some(_) => Ok(()),
    }
}

impl AppState {
    fn uptime_secs(&self) -> i64 {
        self.started.elapsed().as_secs() as i64
    }

    /// Now on the seeded data's clock: `--now` (or the start) plus the time since the start.
    fn seeded_now(&self) -> i64 {
        self.config.now.unwrap_or(self.started_unix) + self.uptime_secs()
    }

    fn job(&self, id: u64) -> Option<data::Job> {
        if id >= data::FIRST_ID + self.config.jobs {
            let added = self.added.lock().ok()?;
            return added.iter().find(|job| job.run_id == id).cloned();
        }
        let seeding = data::Seeding {
            total: self.config.jobs,
            now: self.config.now.unwrap_or(self.started_unix),
        };
        if !self.config.live_jobs {
            return data::seeded_job(id, seeding);
        }
        // The live jobs' clock, --clock-speed times faster; their times read as if the server
        // had started that long ago, so a job is never started in the future.
        let since = self.live_since.lock().map_or(self.started, |mut since| {
            *since.get_or_insert_with(Instant::now)
        });
        let live_secs = (since.elapsed().as_secs_f64() * self.config.clock_speed) as i64;
        // One clock for the whole data set: with --now, the live jobs run on it too.
        let now = self.seeded_now();
        data::job(id, seeding, live_secs, now - live_secs)
    }
}

/// Every details request's IDs so far, oldest first.
async fn details_log(State(state): State<Shared>) -> Response {
    let log = state
        .details_log
        .lock()
        .map(|log| log.clone())
        .unwrap_or_default();
    axum::Json(log).into_response()
}

/// Starts over, for the next test: the live jobs' clock from zero at the next look at a job
/// (PENDING again), the outage cycle from zero, the request count (for --fail-after) and the
/// logs empty.
async fn reset(State(state): State<Shared>) -> &'static str {
    if let Ok(mut since) = state.live_since.lock() {
        *since = None;
    }
    if let Ok(mut log) = state.details_log.lock() {
        log.clear();
    }
    if let Ok(mut log) = state.request_log.lock() {
        log.clear();
    }
    if let Ok(mut since) = state.outages_since.lock() {
        *since = Instant::now();
    }
    state.requests.store(0, Ordering::SeqCst);
    if let Ok(mut added) = state.added.lock() {
        added.clear();
    }
    "reset"
}

/// Adds a job created now, after every other: a copy of the first seeded job's comparison with
/// `?status=` (FAILURE unless given), finished a second ago. Answers its ID.
async fn add_job(
    State(state): State<Shared>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let status = params.get("status").map_or("FAILURE", String::as_str);
    let now = state.seeded_now();
    let Some(template) = state.job(data::FIRST_ID) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(mut added) = state.added.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let run_id = data::FIRST_ID + state.config.jobs + added.len() as u64;
    added.push(data::Job::added(run_id, &template, status, now));
    axum::Json(json!({"job_id": run_id})).into_response()
}

/// The body is a bare JSON array of IDs (as the reference's example sends) or `{"job_ids": [...]}`
/// (as its field table names it).
fn parse_job_ids(body: &[u8]) -> Result<Vec<u64>, String> {
    const EXPECTED: &str = "Body must be a JSON array of integer job IDs, e.g. [1042, 1043]";
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| format!("{EXPECTED} (the body is not JSON: {e})"))?;
    let list = match &value {
        Value::Array(list) => list,
        Value::Object(map) => match map.get("job_ids") {
            Some(Value::Array(list)) => list,
            _ => return Err(EXPECTED.into()),
        },
        _ => return Err(EXPECTED.into()),
    };
    list.iter()
        .map(|v| {
            v.as_u64()
                .ok_or_else(|| format!("{EXPECTED}; {v} is not a positive integer"))
        })
        .collect()
}

async fn details(State(state): State<Shared>, body: Bytes) -> Response {
    let config = &state.config;
    let ids = match parse_job_ids(&body) {
        Ok(ids) => ids,
        Err(message) => return envelope_error(StatusCode::UNPROCESSABLE_ENTITY, &message),
    };
    if let Ok(mut log) = state.details_log.lock() {
        log.push(ids.clone());
    }
    if config.max_batch.is_some_and(|max| ids.len() > max) {
        let message = format!(
            "Payload too large: at most {} job IDs per request, got {}",
            config.max_batch.unwrap_or_default(),
            ids.len()
        );
        return envelope_error(StatusCode::PAYLOAD_TOO_LARGE, &message);
    }
    if ids.len() > config.batch_limit {
        let message = format!(
            "Too many job IDs: at most {} per request, got {}",
            config.batch_limit,
            ids.len()
        );
        return envelope_error(StatusCode::UNPROCESSABLE_ENTITY, &message);
    }
    if ids.iter().any(|id| config.fail_ids.contains(id)) {
        return injected_failure(config, config.error_status);
    }
    if config.malformed_json {
        return truncated_json();
    }
    if config.wrong_shape {
        return envelope(StatusCode::OK, "ok", json!({"jobs": "not here"}));
    }
    let mut jobs: Vec<Value> = ids
        .iter()
        .filter_map(|&id| state.job(id))
        .map(|job| job.to_json())
        .collect();
    if config.broken_items {
        jobs.push(json!("not a job object"));
        jobs.push(json!({"comparison_name": "a job without its run_id", "status": "SUCCESS"}));
    }
    envelope(StatusCode::OK, "Job details fetched", Value::Array(jobs))
}

/// The body of an answer that claims JSON and is not (--malformed-json).
const TRUNCATED_JSON: &str =
    r#"{"message": "ok", "meta": {}, "data": [{"run_id": 1001, "status": "SUCC"#;

fn truncated_json() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        TRUNCATED_JSON,
    )
        .into_response()
}

/// The same faults as the details endpoint: --fail-ids for this job, --malformed-json,
/// --wrong-shape (`data` not an object) and --broken-items (a row that is not an object).
async fn diff_details(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let config = &state.config;
    let Some(job) = id.parse().ok().and_then(|id| state.job(id)) else {
        return envelope_error(
            StatusCode::NOT_FOUND,
            &format!("No job {id} in this workspace"),
        );
    };
    if config.fail_ids.contains(&job.run_id) {
        return injected_failure(config, config.error_status);
    }
    match config.diff_faults.iter().find(|(id, _)| *id == job.run_id) {
        Some((_, DiffFault::Status(code))) => return injected_failure(config, *code),
        Some((_, DiffFault::Malformed)) => return truncated_json(),
        None => {}
    }
    if config.malformed_json {
        return truncated_json();
    }
    if config.wrong_shape {
        return envelope(StatusCode::OK, "ok", json!(["not", "diff", "details"]));
    }
    match job.diff_details() {
        Some(mut diff) => {
            if config.broken_items {
                if let Some(Value::Array(rows)) = diff.get_mut("diff_rows") {
                    rows.push(json!("not a row object"));
                }
            }
            envelope(StatusCode::OK, "Diff details fetched", diff)
        }
        None => envelope_error(
            StatusCode::NOT_FOUND,
            &format!(
                "Job {id} has no diff details: it has no result (status {})",
                job.status
            ),
        ),
    }
}

/// The list's largest page: a larger `size` is a 422 that names it, not a silent clamp.
pub const MAX_PAGE_SIZE: u64 = 500;
/// The list's window when the query gives no `start_time`: the 30 days before its end.
const DEFAULT_WINDOW_SECS: i64 = 30 * 86_400;

/// A list request's query, validated as the contract's real instance would be: a value that
/// cannot be used is a 422 whose message names the field; a blank filter is no filter.
#[derive(Debug, PartialEq)]
struct ListQuery {
    page: u64,
    size: u64,
    name: Option<String>,
    statuses: Option<Vec<String>>,
    sources: Option<Vec<String>>,
    targets: Option<Vec<String>>,
    start: i64,
    end: i64,
}

impl ListQuery {
    /// `now` is the end of the default window.
    fn read(params: &HashMap<String, String>, now: i64) -> Result<Self, String> {
        let number = |name: &str, default: u64, most: u64| match params.get(name) {
            None => Ok(default),
            Some(text) => text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=most).contains(n))
                .ok_or_else(|| {
                    let range = if most == u64::MAX {
                        "1 or more".to_string()
                    } else {
                        format!("from 1 to {most}")
                    };
                    format!("{name} must be a whole number {range}, got {text:?}")
                }),
        };
        let time = |name: &str| {
            params
                .get(name)
                .map(|text| {
                    data::parse_iso8601(text.trim()).ok_or_else(|| {
                        format!(
                            "{name} must be an ISO 8601 date-time such as \
                             2026-12-01T12:00:00Z, got {text:?}"
                        )
                    })
                })
                .transpose()
        };
        let list = |name: &str, upper: bool| {
            let values: Vec<String> = params
                .get(name)?
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| {
                    if upper {
                        v.to_uppercase()
                    } else {
                        v.to_string()
                    }
                })
                .collect();
            (!values.is_empty()).then_some(values)
        };
        let page = number("page", 1, u64::MAX)?;
        let size = number("size", 50, MAX_PAGE_SIZE)?;
        let start_time = time("start_time")?;
        let end = time("end_time")?.unwrap_or(now);
        let start = start_time.unwrap_or(end - DEFAULT_WINDOW_SECS);
        if end < start {
            return Err(format!(
                "end_time {} is before start_time {}",
                data::iso8601(end),
                data::iso8601(start)
            ));
        }
        Ok(ListQuery {
            page,
            size,
            name: params
                .get("filter")
                .map(|f| f.trim().to_lowercase())
                .filter(|f| !f.is_empty()),
            statuses: list("status_filters", true),
            sources: list("source_dataset_filters", false),
            targets: list("target_dataset_filters", false),
            start,
            end,
        })
    }

    fn matches(&self, job: &data::Job) -> bool {
        let any = |values: &Option<Vec<String>>, value: &str| {
            values.as_ref().is_none_or(|v| v.iter().any(|v| v == value))
        };
        (self.start..=self.end).contains(&job.created_at)
            && any(&self.statuses, &job.status)
            && any(&self.sources, job.source_dataset)
            && any(&self.targets, job.target_dataset)
            && self
                .name
                .as_ref()
                .is_none_or(|n| job.comparison_name.to_lowercase().contains(n))
    }
}

/// The jobs created in the window that match every filter, newest first, one page of them; a
/// page past the last is empty, with the true total. Faults as for details: --fail-ids when
/// the page holds such a job, --malformed-json, --wrong-shape, --broken-items.
async fn list_jobs(
    State(state): State<Shared>,
    params: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    let config = &state.config;
    let Ok(Query(params)) = params else {
        let message = "The query string cannot be read: name=value pairs joined by &";
        return envelope_error(StatusCode::UNPROCESSABLE_ENTITY, message);
    };
    let mut query = match ListQuery::read(&params, state.seeded_now()) {
        Ok(query) => query,
        Err(message) => return envelope_error(StatusCode::UNPROCESSABLE_ENTITY, &message),
    };
    query.size = query.size.min(config.list_page_limit.unwrap_or(u64::MAX));
    let added = state.added.lock().map_or(0, |added| added.len() as u64);
    let mut found: Vec<data::Job> = (data::FIRST_ID..data::FIRST_ID + config.jobs + added)
        .filter_map(|id| state.job(id))
        .filter(|job| query.matches(job))
        .collect();
    found.sort_by_key(|job| std::cmp::Reverse((job.created_at, job.run_id)));
    let total = found.len() as u64;
    let skip = usize::try_from((query.page - 1).saturating_mul(query.size)).unwrap_or(usize::MAX);
    let page: Vec<&data::Job> = found.iter().skip(skip).take(query.size as usize).collect();
    if page.iter().any(|job| config.fail_ids.contains(&job.run_id)) {
        return injected_failure(config, config.error_status);
    }
    if config.malformed_json {
        return truncated_json();
    }
    if config.wrong_shape {
        return envelope(StatusCode::OK, "ok", json!({"jobs": "not here"}));
    }
    let mut items: Vec<Value> = page.iter().map(|job| job.to_list_item()).collect();
    if config.broken_items {
        items.push(json!("not a job object"));
        items.push(json!({"comparison_name": "an item without its job_id", "status": "SUCCESS"}));
    }
    envelope(
        StatusCode::OK,
        "Jobs fetched",
        json!({"items": items, "page": query.page, "size": query.size, "total": total,
               "pages": total.div_ceil(query.size)}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_documented_body_shapes_are_accepted() {
        assert_eq!(parse_job_ids(b"[1042, 1043]").unwrap(), vec![1042, 1043]);
        assert_eq!(parse_job_ids(br#"{"job_ids": [7]}"#).unwrap(), vec![7]);
        assert!(parse_job_ids(b"[\"x\"]")
            .unwrap_err()
            .contains("\"x\" is not"));
        assert!(parse_job_ids(b"nope").unwrap_err().contains("not JSON"));
        assert!(parse_job_ids(b"{}").is_err());
    }

    /// 2026-12-01T12:00:00Z.
    const NOW: i64 = 1_796_126_400;

    /// The list query of `?query`, decoded as the handler's extractor decodes it.
    fn read(query: &str) -> Result<ListQuery, String> {
        let uri: axum::http::Uri = format!("/jobs/comparison?{query}").parse().unwrap();
        let Query(params) = Query::<HashMap<String, String>>::try_from_uri(&uri).unwrap();
        ListQuery::read(&params, NOW)
    }

    #[test]
    fn the_list_query_defaults_to_page_1_of_50_over_the_last_30_days() {
        let q = read("").unwrap();
        assert_eq!((q.page, q.size), (1, 50));
        assert_eq!((q.start, q.end), (NOW - 30 * 86_400, NOW));
        assert_eq!((q.name, q.statuses, q.sources), (None, None, None));
        // Only an end: the 30 days before it.
        let q = read("end_time=2026-11-01T00:00:00Z").unwrap();
        assert_eq!(q.end - q.start, 30 * 86_400);
        // Blank filters are no filters; lists are trimmed, statuses upper-cased.
        let q = read("filter=%20&status_filters=&source_dataset_filters=,").unwrap();
        assert_eq!((q.name, q.statuses, q.sources), (None, None, None));
        let q = read("status_filters=failure,%20SUCCESS&target_dataset_filters=%20a%20,b").unwrap();
        assert_eq!(q.statuses.unwrap(), ["FAILURE", "SUCCESS"]);
        assert_eq!(q.targets.unwrap(), ["a", "b"]);
    }

    #[test]
    fn a_list_query_it_cannot_use_names_the_field() {
        for (query, field) in [
            ("page=0", "page"),
            ("page=two", "page"),
            ("page=-1", "page"),
            ("size=0", "size"),
            ("size=501", "size"),
            ("size=1.5", "size"),
            ("start_time=yesterday", "start_time"),
            ("start_time=", "start_time"),
            ("end_time=12:00", "end_time"),
            (
                "start_time=2026-12-01T12:00:00Z&end_time=2026-11-30T12:00:00Z",
                "end_time",
            ),
            (
                "end_time=2026-11-30T12:00:00Z&start_time=2026-12-01T00:00:00Z",
                "end_time",
            ),
        ] {
            let message = read(query).unwrap_err();
            assert!(message.starts_with(field), "{query}: {message}");
        }
        assert_eq!(
            read("start_time=2026-12-01T12:00:00Z&end_time=2026-11-30T12:00:00Z").unwrap_err(),
            "end_time 2026-11-30T12:00:00Z is before start_time 2026-12-01T12:00:00Z"
        );
        assert_eq!(read("size=500").unwrap().size, 500);
    }
}
