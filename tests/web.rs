//! Component tests in headless Chromium: mount a component, act like a user, read what shows.

use std::sync::Arc;

use job_viewer::components::{ApiKeyInput, ResultsTable};
use job_viewer::job::{decode_details_body, DecodedItem};
use job_viewer::jobs::batching::JobRow;
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
    gloo_timers_sleep().await;
}

async fn gloo_timers_sleep() {
    // Let microtasks and one macrotask run, so effects and DOM updates land.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn empty_submit_explains_each_required_field_and_keeps_input() {
    let root = container();
    let _handle = mount_to(root.clone(), JobViewerPage);
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
    let _handle = mount_to(root.clone(), JobViewerPage);
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
    let _handle = mount_to(root.clone(), JobViewerPage);
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

fn rows_from(body: &str) -> Vec<JobRow> {
    decode_details_body(body)
        .unwrap()
        .into_iter()
        .map(|item| match item {
            DecodedItem::Job(job) => JobRow::Found(job),
            DecodedItem::Unreadable(raw) => JobRow::Unreadable(raw),
        })
        .collect()
}

#[wasm_bindgen_test]
async fn api_strings_render_as_text_never_html() {
    let root = container();
    let rows = rows_from(
        r#"{"data": [{"run_id": 1, "comparison_name": "<img src=x onerror=alert(1)><b>bold</b>",
            "status": "<i>weird</i>", "failure_reason": "<script>x()</script>",
            "result": {"diff_status": "MISMATCH", "diff_reasons": ["<u>under</u>"]}}]}"#,
    );
    let _handle = mount_to(
        root.clone(),
        move || view! { <ResultsTable rows=Arc::new(rows.clone())/> },
    );
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
    let mut rows = rows_from(
        r#"{"data": [{"run_id": 1042, "comparison_id": "eeeeeeee-0000-0000-0000-000000000005",
            "comparison_name": "orders table comparison", "status": "SUCCESS",
            "started_at": "2025-01-15T10:00:02Z", "finished_at": "2025-01-15T10:01:45Z",
            "result": {"diff_status": "MISMATCH", "diff_reasons": ["Row count mismatch"], "time_taken": 103.2}},
            {"run_id": 7, "status": "QUEUED"}, "garbage"]}"#,
    );
    rows.insert(2, JobRow::NotFound(99));
    let _handle = mount_to(
        root.clone(),
        move || view! { <ResultsTable rows=Arc::new(rows.clone())/> },
    );
    settle().await;
    let body_rows = root.query_selector_all("tbody tr").unwrap();
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
        "Comparison ID eeeeeeee-0000-0000-0000-000000000005"
    );
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
