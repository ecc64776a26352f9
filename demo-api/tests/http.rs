//! The demo API over real HTTP on a bound port: every status code the page must handle.

use demo_api::config::{Config, DEMO_KEY, DEMO_KEY_WITHOUT_READ, DEMO_WORKSPACE};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

struct Server {
    base: String,
    client: Client,
}

async fn start(config: Config) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v1", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, demo_api::app(config)).await });
    Server {
        base,
        client: Client::new(),
    }
}

impl Server {
    fn details(&self, body: &str) -> RequestBuilder {
        self.client
            .post(format!("{}/jobs/comparison/details", self.base))
            .header("Content-Type", "application/json")
            .body(body.to_string())
    }
    fn get(&self, path: &str) -> RequestBuilder {
        self.client.get(format!("{}{path}", self.base))
    }
    /// A browser's CORS preflight for the details call, from another origin.
    fn preflight(&self) -> RequestBuilder {
        self.client
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/jobs/comparison/details", self.base),
            )
            .header("Origin", "http://elsewhere.test")
            .header("Access-Control-Request-Method", "POST")
    }
}

/// Sends a fresh request from `ask` every 20 ms until one is answered with `status` (polling
/// for a server whose answers change with time, never waiting a fixed time); fails after `within`.
async fn answered_with<F, R>(ask: F, status: StatusCode, within: Duration) -> reqwest::Response
where
    F: Fn() -> R,
    R: std::future::Future<Output = reqwest::Result<reqwest::Response>>,
{
    let began = std::time::Instant::now();
    loop {
        let answer = ask().await.expect("the server answers");
        if answer.status() == status {
            return answer;
        }
        assert!(began.elapsed() < within, "no {status} within {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

trait Authorized {
    fn auth(self) -> Self;
}
impl Authorized for RequestBuilder {
    fn auth(self) -> Self {
        self.bearer_auth(DEMO_KEY)
            .header("Workspace-Id", DEMO_WORKSPACE)
    }
}

/// The status and JSON body of an answer (errors too carry the JSON envelope).
async fn body_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.expect("every answer is JSON"))
}

/// Sends the request and reads its answer.
async fn json_of(request: RequestBuilder) -> (StatusCode, Value) {
    body_of(request.send().await.expect("the server answers")).await
}

#[tokio::test]
async fn details_returns_found_jobs_in_the_envelope() {
    let s = start(Config::default()).await;
    let (status, body) = json_of(s.details("[1042, 1001, 999999]").auth()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["meta"], json!({}));
    let data = body["data"].as_array().unwrap();
    assert_eq!(data.len(), 2, "the unknown ID is simply absent");
    assert_eq!(data[0]["run_id"], 1042);
    assert_eq!(data[0]["result"]["diff_status"], "MISMATCH");

    let (status, body) = json_of(s.details(r#"{"job_ids": [1003]}"#).auth()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"][0]["status"], "FAILURE");
}

#[tokio::test]
async fn keys_and_workspaces_are_checked() {
    let s = start(Config::default()).await;
    let cases = [
        (
            s.details("[1]"),
            StatusCode::UNAUTHORIZED,
            "Missing API key",
        ),
        (
            s.details("[1]")
                .bearer_auth("nope")
                .header("Workspace-Id", DEMO_WORKSPACE),
            StatusCode::UNAUTHORIZED,
            "Invalid",
        ),
        (
            s.details("[1]").bearer_auth(DEMO_KEY),
            StatusCode::FORBIDDEN,
            "Missing Workspace-Id",
        ),
        (
            s.details("[1]")
                .bearer_auth(DEMO_KEY)
                .header("Workspace-Id", "other"),
            StatusCode::FORBIDDEN,
            "no access",
        ),
        (
            s.details("[1]")
                .bearer_auth(DEMO_KEY_WITHOUT_READ)
                .header("Workspace-Id", DEMO_WORKSPACE),
            StatusCode::FORBIDDEN,
            "read:job",
        ),
    ];
    for (request, expected, message) in cases {
        let (status, body) = json_of(request).await;
        assert_eq!(status, expected);
        assert!(
            body["message"].as_str().unwrap().contains(message),
            "{body}"
        );
        assert_eq!(body["data"], Value::Null);
    }
}

#[tokio::test]
async fn bad_bodies_and_oversized_batches_answer_422() {
    let s = start(Config {
        batch_limit: 3,
        ..Config::default()
    })
    .await;
    for body in ["not json", "[\"12a\"]", "{\"ids\": [1]}"] {
        let (status, reply) = json_of(s.details(body).auth()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(reply["message"]
            .as_str()
            .unwrap()
            .contains("JSON array of integer job IDs"));
    }
    let (status, reply) = json_of(s.details("[1,2,3,4]").auth()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply["message"],
        "Too many job IDs: at most 3 per request, got 4"
    );
}

#[tokio::test]
async fn forced_statuses_carry_the_envelope_and_retry_after() {
    for (code, retry_after) in [(429, Some("7")), (500, None), (503, Some("7"))] {
        let s = start(Config {
            force_status: Some(code),
            retry_after_secs: 7,
            ..Config::default()
        })
        .await;
        let response = s.details("[1001]").auth().send().await.unwrap();
        assert_eq!(response.status().as_u16(), code);
        assert_eq!(
            response
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap()),
            retry_after
        );
        let (_, body) = body_of(response).await;
        assert!(body["message"].is_string());
    }
}

#[tokio::test]
async fn fail_first_recovers_and_fail_ids_fail_their_batches() {
    let s = start(Config {
        force_status: Some(503),
        fail_first: Some(1),
        ..Config::default()
    })
    .await;
    assert_eq!(
        s.details("[1001]").auth().send().await.unwrap().status(),
        503
    );
    assert_eq!(
        s.details("[1001]").auth().send().await.unwrap().status(),
        200
    );

    let config = Config {
        fail_ids: [1100].into(),
        error_status: 500,
        ..Config::default()
    };
    let s = start(config).await;
    assert_eq!(
        s.details("[1099, 1100]")
            .auth()
            .send()
            .await
            .unwrap()
            .status(),
        500
    );
    assert_eq!(
        s.details("[1099]").auth().send().await.unwrap().status(),
        200
    );
}

#[tokio::test]
async fn malformed_and_odd_bodies_on_request() {
    let s = start(Config {
        malformed_json: true,
        ..Config::default()
    })
    .await;
    let text = s
        .details("[1001]")
        .auth()
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err());

    let s = start(Config {
        wrong_shape: true,
        ..Config::default()
    })
    .await;
    let (_, body) = json_of(s.details("[1001]").auth()).await;
    assert!(body["data"].is_object());

    let s = start(Config {
        broken_items: true,
        ..Config::default()
    })
    .await;
    let (_, body) = json_of(s.details("[1001]").auth()).await;
    assert_eq!(body["data"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn cors_preflight_is_answered_unless_disabled() {
    let s = start(Config::default()).await;
    let preflight = s
        .preflight()
        .header(
            "Access-Control-Request-Headers",
            "authorization, workspace-id, content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let allowed = preflight.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for h in ["authorization", "workspace-id", "content-type"] {
        assert!(allowed.contains(h), "{allowed}");
    }
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
    let answer = s.details("[1]").send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
    assert!(answer.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .eq_ignore_ascii_case("retry-after"));

    let s = start(Config {
        cors: false,
        ..Config::default()
    })
    .await;
    let answer = s.details("[1]").auth().send().await.unwrap();
    assert!(answer
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

#[tokio::test]
async fn diff_details_have_every_kind_of_difference() {
    let s = start(Config::default()).await;
    let diff = |id: u64| json_of(s.get(&format!("/jobs/comparison/{id}/diff-details")).auth());

    // The reference's example: `total` differs, and its last row is missing in the target.
    let (status, body) = diff(1042).await;
    assert_eq!(status, StatusCode::OK);
    let data = &body["data"];
    assert_eq!(
        data["mismatched_columns_mapping"]["total"]["mismatch_count"],
        3
    );
    let rows = data["diff_rows"].as_array().unwrap();
    assert!(rows[0]["source_total"].is_f64() && rows[0]["target_total"].is_f64());
    assert!(rows[2].get("source_total").is_some() && rows[2].get("target_total").is_none());

    // Several hundred rows, every kind of value, rows on one side only, markup as text.
    let (_, body) = diff(1002).await;
    let data = &body["data"];
    let rows = data["diff_rows"].as_array().unwrap();
    assert!(rows.len() >= 400, "{}", rows.len());
    let all = |f: &dyn Fn(&Value) -> bool| rows.iter().any(f);
    assert!(all(
        &|r| r["source_coupon"].is_null() && r["target_coupon"].is_string()
    ));
    assert!(all(&|r| r["source_is_gift"].is_boolean()));
    assert!(all(&|r| r["target_shipped_on"]
        .as_str()
        .is_some_and(|d| d.starts_with("2025-"))));
    assert!(all(
        &|r| r.get("source_total").is_none() && r.get("target_total").is_some()
    ));
    let hostile = demo_api::data::HOSTILE_COLUMN;
    assert!(data["mismatched_columns_mapping"][hostile]["mismatch_count"].as_u64() > Some(0));
    assert!(all(
        &|r| r[format!("source_{hostile}")] == "<script>alert('x')</script>"
    ));
    assert_eq!(data["column_mapping"]["shipped_on"], "ship_date");
    // Not every row differs in every column: the counts tell the columns apart.
    let counts: Vec<u64> = data["mismatched_columns_mapping"]
        .as_object()
        .unwrap()
        .values()
        .map(|c| c["mismatch_count"].as_u64().unwrap())
        .collect();
    assert!(counts.iter().any(|&c| c < rows.len() as u64), "{counts:?}");

    // A MATCH has nothing that differs; a job without a result has no diff details.
    let (status, body) = diff(1001).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["diff_rows"], json!([]));
    assert_eq!(body["data"]["mismatched_columns_mapping"], json!({}));
    let (status, body) = diff(1003).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("no diff details"));
}

#[tokio::test]
async fn diff_details_take_the_same_faults_as_details() {
    let url = "/jobs/comparison/1042/diff-details";
    let s = start(Config {
        fail_ids: [1042].into(),
        ..Config::default()
    })
    .await;
    let (status, _) = json_of(s.get(url).auth()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);

    let s = start(Config {
        malformed_json: true,
        ..Config::default()
    })
    .await;
    let response = s.get(url).auth().send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(serde_json::from_str::<Value>(&response.text().await.unwrap()).is_err());

    let s = start(Config {
        wrong_shape: true,
        ..Config::default()
    })
    .await;
    let (_, body) = json_of(s.get(url).auth()).await;
    assert!(body["data"].is_array());

    let s = start(Config {
        broken_items: true,
        ..Config::default()
    })
    .await;
    let (_, body) = json_of(s.get(url).auth()).await;
    let rows = body["data"]["diff_rows"].as_array().unwrap();
    assert_eq!(rows.last().unwrap(), "not a row object");
}

#[tokio::test]
async fn diff_details_and_the_list_asks_for_a_key() {
    let s = start(Config::default()).await;
    let (status, body) = json_of(s.get("/jobs/comparison/1042/diff-details").auth()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["primary_key_columns"], json!(["order_id"]));
    assert_eq!(body["data"]["diff_rows"].as_array().unwrap().len(), 3);
    let (status, _) = json_of(s.get("/jobs/comparison/5/diff-details").auth()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _) = json_of(s.get("/jobs/comparison")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_api_paths_answer_404_in_the_envelope() {
    let s = start(Config::default()).await;
    let (status, body) = json_of(s.get("/nothing/here").auth()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["message"], "No such API endpoint");
}

#[tokio::test]
async fn the_site_is_served_precompressed_to_browsers_that_accept_it() {
    // A built site in miniature: each file with its .br and .gz beside it, as post-build writes.
    let dir = std::env::temp_dir().join(format!("demo-api-site-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, body) in [
        ("app.wasm", "raw"),
        ("app.wasm.br", "brotli"),
        ("app.wasm.gz", "gzip"),
    ] {
        std::fs::write(dir.join(name), body).unwrap();
    }
    let config = Config {
        dist: Some(dir.clone()),
        ..Config::default()
    };
    let s = start(config).await;
    let url = s.base.replace("/api/v1", "/app.wasm");
    for (accepts, encoding, body) in [
        ("gzip, deflate, br, zstd", Some("br"), "brotli"),
        ("gzip", Some("gzip"), "gzip"),
        ("identity", None, "raw"),
    ] {
        let response = s
            .client
            .get(&url)
            .header("Accept-Encoding", accepts)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accepts}");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
        };
        assert_eq!(header("content-encoding").as_deref(), encoding, "{accepts}");
        assert_eq!(header("content-type").as_deref(), Some("application/wasm"));
        assert_eq!(header("vary").as_deref(), Some("accept-encoding"));
        assert_eq!(response.text().await.unwrap(), body, "{accepts}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn the_builds_js_wasm_and_css_are_cached_for_good_and_index_html_is_checked_each_visit() {
    let dir = std::env::temp_dir().join(format!("demo-api-cache-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in [
        "index.html",
        "job-viewer-0123456789abcdef.js",
        "job-viewer-0123456789abcdef_bg.wasm",
        "split-results-fedcba9876543210.wasm",
        "main-00112233445566ff.css",
        "_headers",
    ] {
        std::fs::write(dir.join(name), "x").unwrap();
    }
    let config = Config {
        dist: Some(dir.clone()),
        ..Config::default()
    };
    let s = start(config).await;
    let site = s.base.replace("/api/v1", "");
    for (path, expected) in [
        ("/", "no-cache"),
        ("/index.html", "no-cache"),
        ("/_headers", "no-cache"),
        (
            "/job-viewer-0123456789abcdef.js",
            "public, max-age=31536000, immutable",
        ),
        (
            "/job-viewer-0123456789abcdef_bg.wasm",
            "public, max-age=31536000, immutable",
        ),
        (
            "/split-results-fedcba9876543210.wasm",
            "public, max-age=31536000, immutable",
        ),
        (
            "/main-00112233445566ff.css",
            "public, max-age=31536000, immutable",
        ),
    ] {
        let response = s.client.get(format!("{site}{path}")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let cache = response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(cache.as_deref(), Some(expected), "{path}");
    }
    // A missing file is not cached at all.
    let missing = s
        .client
        .get(format!("{site}/nope-0123456789abcdef.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers().get("cache-control").is_none());
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn every_response_carries_the_hosting_headers_unless_turned_off() {
    let s = start(Config::default()).await;
    let site = s.base.replace("/api/v1", "");
    for path in ["/healthz", "/api/v1/nothing/here", "/nothing.js"] {
        let response = s.client.get(format!("{site}{path}")).send().await.unwrap();
        for (name, value) in demo_api::SECURITY_HEADERS {
            let got = response.headers().get(name).map(|v| v.to_str().unwrap());
            assert_eq!(got, Some(value), "{name} on {path}");
        }
    }
    let bare = start(Config {
        security_headers: false,
        ..Config::default()
    })
    .await;
    let response = bare
        .client
        .get(bare.base.replace("/api/v1", "/healthz"))
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("x-frame-options").is_none());
    assert!(response.headers().get("content-security-policy").is_none());
}

#[tokio::test]
async fn a_fast_clock_finishes_the_live_jobs_and_the_log_shows_what_was_asked() {
    let config = Config {
        clock_speed: 1000.0, // 100 s of the live jobs' time in 0.1 s
        ..Config::default()
    };
    let s = start(config).await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let (status, body) = json_of(s.details("[1020, 1021]").auth()).await;
    assert_eq!(status, StatusCode::OK);
    let statuses: Vec<&str> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|job| job["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["SUCCESS", "FAILURE"]);
    // Finished in the past, never in the future.
    let finished = body["data"][0]["finished_at"].as_str().unwrap().to_string();
    assert!(finished <= now_iso(), "{finished}");

    json_of(s.details("[1042]").auth()).await;
    let log = details_log(&s).await;
    assert_eq!(log, json!([[1020, 1021], [1042]]));

    // A reset starts the log over, and the live clock at the next look at a job: however late
    // that look comes (150 s of live time here), it finds them PENDING; then the clock runs.
    let reset = s.client.post(s.base.replace("/api/v1", "/log/reset"));
    assert!(reset.send().await.unwrap().status().is_success());
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let (_, body) = json_of(s.details("[1020]").auth()).await;
    assert_eq!(body["data"][0]["status"], "PENDING");
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let (_, body) = json_of(s.details("[1020]").auth()).await;
    assert_eq!(body["data"][0]["status"], "SUCCESS");
    let log = details_log(&s).await;
    assert_eq!(log, json!([[1020], [1020]]));
}

/// The IDs of each details request the server has had, from `GET /log/details`.
async fn details_log(s: &Server) -> Value {
    let url = s.base.replace("/api/v1", "/log/details");
    s.client
        .get(url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Now in the API's timestamp format (ISO 8601, UTC, seconds), comparable as text.
fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    demo_api::data::iso8601(secs)
}

#[tokio::test]
async fn fail_after_lets_the_first_requests_through_then_fails() {
    let config = Config {
        fail_after: Some(1),
        error_status: 401,
        ..Config::default()
    };
    let s = start(config).await;
    let (status, _) = json_of(s.details("[1042]").auth()).await;
    assert_eq!(status, StatusCode::OK);
    for _ in 0..2 {
        let (status, _) = json_of(s.details("[1042]").auth()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn rate_limit_answers_429_with_the_wait_until_the_next_token_and_refills() {
    let s = start(Config {
        rate_limit: Some(1),
        ..Config::default()
    })
    .await;
    let ask = || s.details("[1001]").auth().send();
    let first = std::time::Instant::now();
    assert_eq!(ask().await.unwrap().status(), StatusCode::OK);
    let refused = ask().await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "1");
    // One token a second: the next comes a second after the first was taken, not sooner.
    answered_with(ask, StatusCode::OK, Duration::from_secs(5)).await;
    assert!(first.elapsed().as_millis() >= 900, "{:?}", first.elapsed());
}

#[tokio::test]
async fn outages_start_one_period_in_answer_503_with_what_is_left_then_end() {
    let s = start(Config {
        outage_every: Some(2),
        outage_secs: 1,
        ..Config::default()
    })
    .await;
    let ask = || s.details("[1001]").auth().send();
    assert_eq!(
        ask().await.unwrap().status(),
        StatusCode::OK,
        "no outage at the start"
    );
    let within = Duration::from_secs(4);
    let down = answered_with(ask, StatusCode::SERVICE_UNAVAILABLE, within).await;
    assert_eq!(down.headers()["retry-after"], "1");
    answered_with(ask, StatusCode::OK, within).await;
    assert!(Config {
        outage_every: Some(2),
        outage_secs: 2,
        ..Config::default()
    }
    .check()
    .is_err());
}

#[tokio::test]
async fn max_batch_answers_413_for_larger_batches_and_the_log_shows_sizes_and_statuses() {
    let s = start(Config {
        max_batch: Some(3),
        ..Config::default()
    })
    .await;
    let (status, body) = json_of(s.details("[1001, 1002, 1003, 1004]").auth()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        body["message"],
        "Payload too large: at most 3 job IDs per request, got 4"
    );
    let (status, _) = json_of(s.details("[1001, 1002, 1003]").auth()).await;
    assert_eq!(status, StatusCode::OK);
    // A refusal before the handler is logged with its status; a browser's preflight is not.
    let (status, _) = json_of(s.details("[1001]")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let preflight = s.preflight().send().await.unwrap();
    assert!(preflight.status().is_success());
    let (_, log) = json_of(s.client.get(s.base.replace("/api/v1", "/log/requests"))).await;
    let seen: Vec<(Value, Value)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| (entry["ids"].clone(), entry["status"].clone()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (json!(4), json!(413)),
            (json!(3), json!(200)),
            (json!(1), json!(401))
        ]
    );
    assert!(log[0]["at_ms"].as_u64().unwrap() <= log[1]["at_ms"].as_u64().unwrap());
    assert_eq!(log[0]["path"], "/jobs/comparison/details");
    s.client
        .post(s.base.replace("/api/v1", "/log/reset"))
        .send()
        .await
        .unwrap();
    let (_, log) = json_of(s.client.get(s.base.replace("/api/v1", "/log/requests"))).await;
    assert_eq!(log, json!([]));
}

#[test]
fn outages_come_in_bursts_and_say_how_long_they_have_left() {
    let config = Config {
        outage_every: Some(10),
        outage_secs: 3,
        ..Config::default()
    };
    let at = |secs: f64| demo_api::outage_left(&config, Duration::from_secs_f64(secs));
    assert_eq!(at(0.0), None, "a client always gets a start");
    assert_eq!(at(9.9), None);
    assert_eq!(at(10.0), Some(3));
    assert_eq!(at(11.2), Some(2));
    assert_eq!(at(13.5), None);
    assert_eq!(at(21.0), Some(2));
    assert_eq!(
        demo_api::outage_left(&Config::default(), Duration::ZERO),
        None
    );
}

/// 2026-12-01T12:00:00Z, given as `--now`: the seeded jobs are laid out over the 30 days before.
const NOW: i64 = 1_796_126_400;

/// Every item of one list query, page by page (`size` a page), with the total each page gave.
async fn list_all(s: &Server, query: &str, size: u64) -> (Vec<Value>, Vec<u64>) {
    let (mut items, mut totals) = (Vec::new(), Vec::new());
    for page in 1.. {
        let url = format!("/jobs/comparison?{query}&size={size}&page={page}");
        let (status, body) = json_of(s.get(&url).auth()).await;
        assert_eq!(status, StatusCode::OK, "{url}: {body}");
        let data = &body["data"];
        totals.push(data["total"].as_u64().unwrap());
        let page_items = data["items"].as_array().unwrap();
        items.extend(page_items.iter().cloned());
        if page as u64 >= data["pages"].as_u64().unwrap() {
            break;
        }
    }
    (items, totals)
}

fn ids(items: &[Value]) -> Vec<u64> {
    items
        .iter()
        .map(|i| i["job_id"].as_u64().unwrap())
        .collect()
}

fn created(item: &Value) -> i64 {
    demo_api::data::parse_iso8601(item["created_at"].as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn the_list_pages_through_the_last_30_days_before_now_and_honours_every_filter() {
    let s = start(Config {
        now: Some(NOW),
        ..Config::default()
    })
    .await;
    // Default window: the last 30 days. Every job but those dated January 2025 (1042, the
    // reference example, and 1001-1002, started before it), newest created first, with datasets.
    let (all, _) = list_all(&s, "", 500).await;
    assert_eq!(all.len(), 297);
    let january = demo_api::data::JANUARY_IDS;
    // The live jobs, created as the server started, then the seeded ones from 1300 down.
    let newest_first: Vec<u64> = (1020..=1024)
        .rev()
        .chain(
            (1001..=1300)
                .rev()
                .filter(|id| !january.contains(id) && !(1020..=1024).contains(id)),
        )
        .collect();
    assert_eq!(ids(&all), newest_first);
    assert!(all.windows(2).all(|w| created(&w[0]) >= created(&w[1])));
    assert!(all
        .iter()
        .all(|i| (NOW - 30 * 86_400..=NOW + 60).contains(&created(i))));
    assert!(all
        .iter()
        .all(|i| i["source_dataset"].is_string() && i["target_dataset"].is_string()));
    for status in ["PENDING", "STARTED", "SUCCESS", "FAILURE", "REVOKED"] {
        assert!(
            all.iter().any(|i| i["status"] == status),
            "{status} is seeded"
        );
    }

    // The last 24 hours' failures, one a page: exactly those of the whole list, across pages.
    let day_ago = NOW - 86_400;
    let window = format!(
        "start_time={}&end_time={}&status_filters=FAILURE",
        demo_api::data::iso8601(day_ago),
        demo_api::data::iso8601(NOW),
    );
    let (failed, totals) = list_all(&s, &window, 1).await;
    // Worked out from the seeded data itself, newest first, and again from the whole list.
    let seeding = demo_api::data::Seeding {
        total: 300,
        now: NOW,
    };
    let expected: Vec<u64> = (1001..=1300)
        .rev()
        .filter_map(|id| demo_api::data::job(id, seeding, 0, NOW))
        .filter(|j| j.status == "FAILURE" && (day_ago..=NOW).contains(&j.created_at))
        .map(|j| j.run_id)
        .collect();
    assert!(expected.len() > 1, "several pages: {expected:?}");
    assert_eq!(ids(&failed), expected);
    let from_the_whole_list: Vec<Value> = all
        .iter()
        .filter(|i| i["status"] == "FAILURE" && (day_ago..=NOW).contains(&created(i)))
        .cloned()
        .collect();
    assert_eq!(ids(&from_the_whole_list), expected);
    assert_eq!(totals.len(), expected.len(), "one page each");
    assert!(totals.iter().all(|&t| t == expected.len() as u64));
    // A page past the last is empty and says the true total.
    let past = format!(
        "/jobs/comparison?{window}&size=1&page={}",
        expected.len() + 1
    );
    let (status, body) = json_of(s.get(&past).auth()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["items"], json!([]));
    assert_eq!(body["data"]["total"], expected.len());
    assert_eq!(body["data"]["pages"], expected.len());

    // A name filter and the dataset filters narrow.
    let (orders, _) = list_all(&s, "filter=ORDERS", 500).await;
    assert!(!orders.is_empty() && orders.len() < all.len());
    assert!(orders.iter().all(|i| i["comparison_name"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("orders")));
    let (customers, _) = list_all(&s, "source_dataset_filters=prod.customers", 500).await;
    assert!(!customers.is_empty() && customers.len() < all.len());
    assert!(customers
        .iter()
        .all(|i| i["source_dataset"] == "prod.customers"));
    let (staged, _) = list_all(
        &s,
        "target_dataset_filters=staging.customers,snapshot.inventory",
        500,
    )
    .await;
    assert!(staged.len() > customers.len());
    assert!(staged
        .iter()
        .all(|i| ["staging.customers", "snapshot.inventory"]
            .contains(&i["target_dataset"].as_str().unwrap())));

    // Bad windows answer 422 naming the field.
    let backwards = format!(
        "/jobs/comparison?start_time={}&end_time={}",
        demo_api::data::iso8601(NOW),
        demo_api::data::iso8601(day_ago)
    );
    let (status, body) = json_of(s.get(&backwards).auth()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["message"].as_str().unwrap().contains("end_time"),
        "{body}"
    );
    for (query, field) in [
        ("start_time=soon", "start_time"),
        ("end_time=", "end_time"),
        ("page=0", "page"),
        ("page=last", "page"),
        ("size=0", "size"),
        ("size=100000", "size"),
    ] {
        let (status, body) = json_of(s.get(&format!("/jobs/comparison?{query}")).auth()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert!(
            body["message"].as_str().unwrap().starts_with(field),
            "{query}: {body}"
        );
        assert_eq!(body["data"], Value::Null);
    }

    // A window reaching back to January 2025 finds the three jobs dated then, oldest last.
    let (everything, _) = list_all(&s, "start_time=2025-01-01T00:00:00Z", 500).await;
    assert_eq!(everything.len(), 300);
    assert_eq!(ids(&everything[297..]), [1042, 1002, 1001]);
}

#[tokio::test]
async fn without_now_the_list_covers_the_30_days_before_the_servers_start() {
    let before = now_secs();
    let s = start(Config::default()).await;
    let (all, totals) = list_all(&s, "status_filters=SUCCESS,FAILURE", 100).await;
    let after = now_secs();
    assert!(totals.len() > 1 && totals.windows(2).all(|t| t[0] == t[1]));
    assert_eq!(all.len() as u64, totals[0]);
    assert!(all.len() > 100, "{}", all.len());
    for item in &all {
        assert!(
            (before - 30 * 86_400..=after).contains(&created(item)),
            "{item}"
        );
    }
    // The newest a minute before the start, the oldest about 30 days before it.
    assert!(created(&all[0]) >= before - 61);
    assert!(created(all.last().unwrap()) < before - 29 * 86_400);
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn the_list_takes_the_body_faults_of_the_details_call() {
    let s = start(Config {
        wrong_shape: true,
        ..Config::default()
    })
    .await;
    let (status, body) = json_of(s.get("/jobs/comparison").auth()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["data"]["items"].is_null());
    let s = start(Config {
        malformed_json: true,
        ..Config::default()
    })
    .await;
    let response = s.get("/jobs/comparison").auth().send().await.unwrap();
    assert!(serde_json::from_str::<Value>(&response.text().await.unwrap()).is_err());
    let s = start(Config {
        broken_items: true,
        ..Config::default()
    })
    .await;
    let (_, body) = json_of(s.get("/jobs/comparison?size=3").auth()).await;
    let items = body["data"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 5, "{body}");
    assert_eq!(items[3], "not a job object");
    assert!(items[4].get("job_id").is_none());

    // --fail-ids: a page holding one of them fails, the others do not.
    let s = start(Config {
        fail_ids: [1300].into(),
        error_status: 500,
        ..Config::default()
    })
    .await;
    let (status, _) = json_of(s.get("/jobs/comparison?size=10").auth()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let (status, _) = json_of(s.get("/jobs/comparison?size=10&page=2").auth()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_list_takes_the_request_faults_of_the_details_call() {
    let list = |s: &Server| s.get("/jobs/comparison?size=1").auth();
    // --force-status with --fail-first, and its Retry-After.
    let s = start(Config {
        force_status: Some(429),
        fail_first: Some(1),
        retry_after_secs: 3,
        ..Config::default()
    })
    .await;
    let refused = list(&s).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "3");
    assert_eq!(list(&s).send().await.unwrap().status(), StatusCode::OK);

    // --error-rate (all of them), --fail-after, --rate-limit.
    let s = start(Config {
        error_rate: 1.0,
        ..Config::default()
    })
    .await;
    let (status, body) = json_of(list(&s)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body["message"].is_string());
    for config in [
        Config {
            fail_after: Some(1),
            error_status: 401,
            ..Config::default()
        },
        Config {
            rate_limit: Some(1),
            ..Config::default()
        },
    ] {
        let s = start(config).await;
        assert_eq!(list(&s).send().await.unwrap().status(), StatusCode::OK);
        let second = list(&s).send().await.unwrap().status();
        assert!(matches!(second.as_u16(), 401 | 429), "{second}");
    }

    // --latency-ms.
    let s = start(Config {
        latency_ms: 300,
        ..Config::default()
    })
    .await;
    let began = std::time::Instant::now();
    assert_eq!(list(&s).send().await.unwrap().status(), StatusCode::OK);
    assert!(began.elapsed() >= Duration::from_millis(300));

    // CORS, and --no-cors.
    let from_elsewhere = |s: &Server| list(s).header("Origin", "http://elsewhere.test");
    let s = start(Config::default()).await;
    let answer = from_elsewhere(&s).send().await.unwrap();
    assert_eq!(answer.headers()["access-control-allow-origin"], "*");
    let s = start(Config {
        cors: false,
        ..Config::default()
    })
    .await;
    let answer = from_elsewhere(&s).send().await.unwrap();
    assert!(answer
        .headers()
        .get("access-control-allow-origin")
        .is_none());

    // --outage-every.
    let s = start(Config {
        outage_every: Some(2),
        outage_secs: 1,
        ..Config::default()
    })
    .await;
    let within = Duration::from_secs(4);
    let down = answered_with(|| list(&s).send(), StatusCode::SERVICE_UNAVAILABLE, within).await;
    assert_eq!(down.headers()["retry-after"], "1");
}
