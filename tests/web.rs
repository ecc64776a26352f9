//! Component tests in headless Chromium: mount a component, act like a user, read what shows.

use std::time::Duration;

use job_viewer::api::models::{BodyError, DecodedItem, DiffStatus, JobStatus};
use job_viewer::api::{decode_details, error_message, parse_retry_after, ApiError};
use job_viewer::components::{ApiKeyInput, ResultsGrid};
use job_viewer::jobs::batching::BatchOutcome;
use job_viewer::jobs::fetch_jobs::FetchReport;
use job_viewer::jobs::job_fetch::JobFetch;
use job_viewer::jobs::view_state::ViewState;
use job_viewer::shell::ShellInput;
use job_viewer::time::local_time::{format_utc, parse_instant};
use job_viewer::JobViewerPage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container for one test, so tests do not see each other's DOM.
fn container() -> HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// Types into a field the way the browser reports it: set the value, fire `input`.
fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let field: HtmlInputElement = find(root, selector);
    field.set_value(value);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

async fn settle() {
    leptos::task::tick().await;
    // One macrotask too, so effects and DOM updates land.
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn empty_submit_explains_each_required_field_and_keeps_input() {
    let root = container();
    let _handle = mount_to(root.clone(), || view! { <JobViewerPage/> });
    type_into(&root, "#workspace-id", "keep me");
    find::<HtmlElement>(&root, "button[type=submit]").click();
    settle().await;
    let text = root.inner_text();
    assert!(text.contains("Enter your API key"), "{text}");
    assert!(text.contains("Enter at least one job ID"), "{text}");
    assert!(
        !text.contains("Enter the workspace ID"),
        "the filled field has no error"
    );
    assert_eq!(
        find::<HtmlInputElement>(&root, "#workspace-id").value(),
        "keep me"
    );
    let key: HtmlElement = find(&root, "#api-key");
    assert_eq!(key.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("api-key".into()),
        "focus moves to the first problem"
    );
}

#[wasm_bindgen_test]
async fn bad_job_ids_are_named_before_any_request() {
    let root = container();
    let _handle = mount_to(root.clone(), || view! { <JobViewerPage/> });
    for (selector, value) in [
        ("#api-key", "k"),
        ("#workspace-id", "w"),
        ("#job-ids", "12a, 0, 9-3"),
    ] {
        type_into(&root, selector, value);
    }
    find::<HtmlElement>(&root, "button[type=submit]").click();
    settle().await;
    let message = find::<HtmlElement>(&root, "#job-ids-error").inner_text();
    assert!(message.contains("“12a” is not a whole number"), "{message}");
    assert!(message.contains("“0” is zero"), "{message}");
    assert!(
        message.contains("“9-3” is reversed; write it as 3-9"),
        "{message}"
    );
    assert!(
        root.query_selector("table").unwrap().is_none(),
        "no request, no table"
    );
}

#[wasm_bindgen_test]
async fn the_base_url_hint_shows_the_exact_url_called() {
    let root = container();
    let _handle = mount_to(root.clone(), || view! { <JobViewerPage/> });
    type_into(&root, "#base-url", "https://dc.example.com/api/v1/");
    settle().await;
    assert_eq!(
        find::<HtmlElement>(&root, "#base-url-hint").inner_text(),
        "Calls POST https://dc.example.com/api/v1/jobs/comparison/details"
    );
}

#[wasm_bindgen_test]
async fn the_key_field_hides_until_asked() {
    let root = container();
    let value = RwSignal::new("secret".to_string());
    let _handle = mount_to(root.clone(), move || {
        view! {
            <ApiKeyInput
                value=value
                error=Signal::derive(|| None)
                remember=Signal::derive(|| false)
                on_remember=Callback::new(|_: bool| {})
                on_forget=Callback::new(|()| {})
            />
        }
    });
    let input: HtmlInputElement = find(&root, "#api-key");
    assert_eq!(input.type_(), "password");
    let toggle: HtmlElement = find(&root, "button[aria-controls=api-key]");
    assert_eq!(toggle.inner_text(), "Show key");
    toggle.click();
    settle().await;
    assert_eq!(input.type_(), "text");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(toggle.inner_text(), "Hide key");
}

/// The grid of a report's rows, in the order asked.
fn mount_grid(root: &HtmlElement, report: RwSignal<Option<FetchReport>>) -> impl Drop {
    mount_to(root.clone(), move || {
        let view = RwSignal::new(ViewState::default());
        let shown = Memo::new(move |_| {
            report.with(|r| (0..r.as_ref().map_or(0, |r| r.store.rows().len() as u32)).collect())
        });
        let rows_view = Memo::new(move |_| view.with(ViewState::rows_view));
        let live = JobFetch::new().live;
        view! { <ResultsGrid report=report view=view shown=shown rows_view=rows_view live=live/> }
    })
}

/// What the browser's `Response.json()` makes of a body.
fn parsed(body: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(body).unwrap()
}

/// A finished fetch of `ids` whose one batch was answered with `body`, decoded as the page does.
fn report_of(ids: &[u64], body: &str) -> RwSignal<Option<FetchReport>> {
    let mut report = FetchReport::new(ids);
    report.record(&BatchOutcome {
        ids: ids.to_vec(),
        result: decode_details(&parsed(body)).map_err(|e| ApiError::from_body(200, e)),
    });
    RwSignal::new(Some(report))
}

#[wasm_bindgen_test]
async fn api_strings_render_as_text_never_html() {
    let root = container();
    let report = report_of(
        &[1],
        r#"{"data": [{"run_id": 1, "comparison_name": "<img src=x onerror=alert(1)><b>bold</b>",
            "status": "<i>weird</i>", "failure_reason": "<script>x()</script>",
            "result": {"diff_status": "MISMATCH", "diff_reasons": ["<u>under</u>"]}}]}"#,
    );
    let _handle = mount_grid(&root, report);
    settle().await;
    let table: HtmlElement = find(&root, "table");
    for tag in ["img", "b", "i", "u", "script"] {
        assert!(
            table.query_selector(tag).unwrap().is_none(),
            "a <{tag}> element was created from API text"
        );
    }
    let text = table.inner_text();
    assert!(
        text.contains("<img src=x onerror=alert(1)><b>bold</b>"),
        "{text}"
    );
    assert!(text.contains("<i>weird</i>"));
    assert!(text.contains("<u>under</u>"));
}

#[wasm_bindgen_test]
async fn rows_show_badges_with_text_and_missing_ids() {
    let root = container();
    let report = report_of(
        &[1042, 7, 99],
        r#"{"data": [{"run_id": 1042, "comparison_id": "eeeeeeee-0000-0000-0000-000000000005",
            "comparison_name": "orders table comparison", "status": "SUCCESS",
            "started_at": "2025-01-15T10:00:02Z", "finished_at": "2025-01-15T10:01:45Z",
            "result": {"diff_status": "MISMATCH", "diff_reasons": ["Row count mismatch"], "time_taken": 103.2}},
            {"run_id": 7, "status": "QUEUED"}, "garbage"]}"#,
    );
    let _handle = mount_grid(&root, report);
    settle().await;
    let body_rows = root.query_selector_all("tbody tr.row").unwrap();
    assert_eq!(body_rows.length(), 4);
    let first: HtmlElement = body_rows.get(0).unwrap().unchecked_into();
    let text = first.inner_text();
    for expected in [
        "1042",
        "orders table comparison",
        "SUCCESS",
        "MISMATCH",
        "Row count mismatch",
        "1 min 43 s",
    ] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    let started: HtmlElement = find(&first, "time");
    assert_eq!(
        started.get_attribute("title").as_deref(),
        Some("2025-01-15 10:00:02 UTC")
    );
    let name: HtmlElement = find(&first, ".name");
    assert_eq!(
        name.title(),
        "orders table comparison\nComparison ID eeeeeeee-0000-0000-0000-000000000005"
    );
    assert_eq!(first.get_attribute("aria-rowindex").as_deref(), Some("2"));
    let queued: HtmlElement = body_rows.get(1).unwrap().unchecked_into();
    assert_eq!(
        find::<HtmlElement>(&queued, ".badge").class_name(),
        "badge badge-neutral"
    );
    let missing: HtmlElement = body_rows.get(2).unwrap().unchecked_into();
    assert!(missing.inner_text().contains("Not found in this workspace"));
    let unreadable: HtmlElement = body_rows.get(3).unwrap().unchecked_into();
    assert!(unreadable.inner_text().contains("\"garbage\""));
}

#[wasm_bindgen_test]
fn the_browser_parses_and_serde_wasm_bindgen_decodes_each_job_on_its_own() {
    let items = decode_details(&parsed(
        r#"{"message": "ok", "meta": {}, "data": [
            {"run_id": 1042, "status": "SUCCESS", "owner": {"x": [1]},
             "result": {"diff_status": "MISMATCH", "diff_reasons": ["Row count mismatch"], "time_taken": 103.2}},
            {"run_id": 7, "status": "Queued", "result": null, "comparison_name": null},
            {"run_id": 8},
            {"run_id": 9007199254740993, "status": "SUCCESS"},
            {"run_id": "12", "status": "RUNNING", "result": {"diff_reasons": "One reason", "time_taken": "9"}},
            {"run_id": 13, "status": 3},
            "not a job"]}"#,
    ))
    .unwrap();
    let [DecodedItem::Job(reference), DecodedItem::Job(queued), DecodedItem::Job(bare), unsafe_id, DecodedItem::Job(odd), wrong_type, text] =
        items.as_slice()
    else {
        panic!("{items:?}");
    };
    assert_eq!(reference.run_id, 1042);
    let result = reference.result.as_ref().unwrap();
    assert_eq!(result.diff_status, Some(DiffStatus::Mismatch));
    assert_eq!(result.diff_reasons, ["Row count mismatch"]);
    assert_eq!(result.time_taken, Some(103.2));
    assert_eq!(queued.status, Some(JobStatus::Other("Queued".into())));
    assert_eq!((&queued.result, &queued.comparison_name), (&None, &None));
    assert_eq!((&bare.status, &bare.result), (&None, &None));
    // Past JavaScript's safe integers an ID is not trusted: the job shows as it came.
    assert_eq!(
        unsafe_id,
        &DecodedItem::Unreadable(r#"{"run_id":9007199254740992,"status":"SUCCESS"}"#.into())
    );
    assert_eq!((odd.run_id, &odd.status), (12, &Some(JobStatus::Running)));
    let odd_result = odd.result.as_ref().unwrap();
    assert_eq!(odd_result.diff_reasons, ["One reason"]);
    assert_eq!(
        odd_result.time_taken, None,
        "a duration sent as text is not read"
    );
    // A text field of another type: the job shows as it came.
    assert_eq!(
        wrong_type,
        &DecodedItem::Unreadable(r#"{"run_id":13,"status":3}"#.into())
    );
    assert_eq!(text, &DecodedItem::Unreadable(r#""not a job""#.into()));
}

#[wasm_bindgen_test]
fn bodies_that_are_not_job_lists_keep_their_own_messages() {
    assert!(matches!(
        decode_details(&parsed(r#"[{"run_id": 1}]"#)).as_deref(),
        Ok([DecodedItem::Job(_)])
    ));
    let shape = |body: &str| match decode_details(&parsed(body)) {
        Err(BodyError::UnexpectedShape { detail }) => detail,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        shape(r#"{"data": {"jobs": []}}"#),
        "“data” is an object instead of a list of jobs"
    );
    assert_eq!(
        shape(r#"{"data": null}"#),
        "“data” is null instead of a list of jobs"
    );
    assert_eq!(
        shape(r#"{"message": "hi"}"#),
        "the answer has no “data” field"
    );
    assert_eq!(shape("42"), "the answer is a number instead of an object");
    assert_eq!(
        error_message(r#"{"message": "Invalid key", "meta": {}, "data": null}"#).as_deref(),
        Some("Invalid key")
    );
    assert_eq!(error_message("<html>"), None);
}

#[wasm_bindgen_test]
fn a_list_page_keeps_its_readable_items_and_counts_the_others() {
    use job_viewer::api::decode_list;
    let page = decode_list(&parsed(
        r#"{"message": "ok", "meta": {}, "data": {"items": [
              {"job_id": 1297, "source_dataset": "prod.orders", "created_at": "2026-12-01T02:00:00Z"},
              "not a job object",
              {"comparison_name": "an item without its job_id"}
           ], "page": 1, "size": 50, "total": 3, "pages": 1}}"#,
    ))
    .unwrap();
    let ids: Vec<u64> = page.items.iter().map(|i| i.job_id).collect();
    assert_eq!((ids, page.unreadable), (vec![1297], 2));
    assert_eq!(page.counts.total, Some(3.0));
    let shape = |body: &str| match decode_list(&parsed(body)) {
        Err(BodyError::UnexpectedShape { detail }) => detail,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        shape(r#"{"data": {"jobs": "not here"}}"#),
        "the page has no “items” field"
    );
    assert_eq!(
        shape(r#"{"data": []}"#),
        "“data” is a list instead of a page of jobs"
    );
}

#[wasm_bindgen_test]
fn the_browser_reads_timestamps_as_utc_unless_they_say_otherwise() {
    let at = 1_736_935_202_000.0; // 2025-01-15T10:00:02Z
    for text in [
        "2025-01-15T10:00:02Z",
        "2025-01-15T12:00:02+02:00",
        "2025-01-15T05:00:02-05:00",
        "2025-01-15T10:00:02",
        "2025-01-15 10:00:02",
        "2025-01-15t10:00:02z",
    ] {
        assert_eq!(parse_instant(text), Some(at), "{text}");
    }
    assert_eq!(parse_instant("2025-01-15T10:00:02.250Z"), Some(at + 250.0));
    assert_eq!(
        parse_instant("2025-01-15 10:00:02.123456"),
        Some(at + 123.0)
    );
    assert_eq!(parse_instant("not a date"), None);
    assert_eq!(parse_instant(""), None);
    assert_eq!(format_utc(at), "2025-01-15 10:00:02 UTC");
    assert_eq!(format_utc(1_709_164_800_999.0), "2024-02-29 00:00:00 UTC");
}

#[wasm_bindgen_test]
fn retry_after_may_be_an_http_date() {
    let now = parse_instant("2015-10-21T07:27:50Z").unwrap();
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
        Some(Duration::from_secs(10))
    );
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now + 60_000.0),
        Some(Duration::ZERO)
    );
    assert_eq!(parse_retry_after("soon", now), None);
}

#[wasm_bindgen_test]
fn share_links_are_encoded_by_the_browser_and_stay_readable() {
    use job_viewer::link::page_location::{encode_query, query_params};
    use job_viewer::link::share_link::SharedView;
    let view = SharedView {
        ids: "1040-1049,2001".into(),
        base_url: "https://dc.example.com/api/v1?x=1&y=2 z".into(),
        workspace_id: "8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10".into(),
        search: None,
    };
    let query = encode_query(&view.to_params());
    assert_eq!(
        query,
        "?ids=1040-1049,2001&base=https://dc.example.com/api/v1%3Fx%3D1%26y%3D2+z\
         &workspace=8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10"
    );
    let history = window().history().unwrap();
    let path = window().location().pathname().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}&key=secret&ids2=%E6%97%A5")),
        )
        .unwrap();
    let params = query_params();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    assert_eq!(
        SharedView::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        view
    );
    assert!(params.contains(&("ids2".to_string(), "日".to_string())));
}

#[wasm_bindgen_test]
async fn the_static_shell_hands_over_what_was_typed_and_where_the_caret_was() {
    // index.html's shell in miniature, first in the page as there.
    let document = document();
    let shell: HtmlElement = document.create_element("main").unwrap().unchecked_into();
    shell.set_id("shell");
    shell.set_inner_html(
        r#"<input id="base-url"><input id="api-key" type="password">
           <input id="workspace-id"><textarea id="job-ids"></textarea>"#,
    );
    let body = document.body().unwrap();
    body.insert_before(&shell, body.first_child().as_ref())
        .unwrap();
    type_into(&shell, "#api-key", "k-123");
    type_into(&shell, "#job-ids", "1042 1003");
    let ids: HtmlInputElement = find(&shell, "#job-ids");
    ids.focus().unwrap();
    ids.set_selection_range(5, 9).unwrap();

    let shell = ShellInput::take();
    assert!(
        document.get_element_by_id("shell").is_none(),
        "the shell is gone"
    );
    assert_eq!(
        (
            shell.typed.base_url.as_str(),
            shell.typed.api_key.as_str(),
            shell.typed.job_ids.as_str()
        ),
        ("", "k-123", "1042 1003")
    );
    assert_eq!(shell.focus, Some(("job-ids".to_string(), 5, 9)));

    let root = container();
    let _handle = mount_to(root.clone(), move || view! { <JobViewerPage typed=shell/> });
    settle().await;
    let field = |selector| find::<HtmlInputElement>(&root, selector).value();
    assert_eq!(field("#api-key"), "k-123");
    assert_eq!(field("#job-ids"), "1042 1003");
    assert_eq!(
        field("#base-url"),
        "",
        "an empty shell field leaves the page's own value"
    );
}
