use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::{
    CopyLinkButton, ErrorPanel, FetchForm, FetchProgress, FormFields, KeyMemory, ResultsSummary,
    ResultsTable,
};
use crate::api::{page_origin, Credentials};
use crate::input::endpoint::{api_root, details_url, same_api};
use crate::input::form_input::{validate, FieldErrors, JobQuery};
use crate::jobs::fetch_jobs::{fetch_jobs, FetchReport, Progress};
use crate::jobs::summary::summarize;
use crate::link::share_link::{compact_ranges, decode_query, encode_query, SharedView};
use crate::link::{page_location, saved_settings};

/// A short status line for screen readers and eyes: duplicates dropped, cancelled, copied.
#[derive(Clone, Copy)]
pub struct StatusNotice(pub RwSignal<Option<String>>);

/// Where a fetch came from, which decides what happens to the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FetchOrigin {
    /// The user pressed Fetch jobs: one new history entry.
    User,
    /// A share link was opened, or Back/Forward restored a set: the URL already says it.
    Link,
}

const KEY_HINT: &str =
    "Paste your API key to load the jobs in this link (links never carry the key).";

/// The whole page: the form, the fetch in flight, and what it found.
#[component]
pub fn JobViewerPage() -> impl IntoView {
    let fields = FormFields::new();
    let field_errors = RwSignal::new(FieldErrors::default());
    let progress = RwSignal::new(None::<Progress>);
    let report = RwSignal::new(None::<Arc<FetchReport>>);
    let notice = StatusNotice(RwSignal::new(None));
    provide_context(notice);
    // The running fetch's controller: aborting it stops every batch of that fetch.
    let running = StoredValue::new_local(None::<AbortController>);
    let origin = page_origin();
    // Build the date formatter while the user types, not when the first table renders.
    request_idle_callback(crate::time::local_time::warm_up);

    // A share link fills the form; otherwise the remembered connection does.
    let saved = saved_settings::load();
    let shared = decode_query(&page_location::search());
    fill_from_link(fields, &shared, &saved);
    let remember_key = RwSignal::new(saved.api_key.is_some());
    if let Some(key) = saved.api_key {
        fields.api_key.set(key);
    }

    let calls_url = Signal::derive({
        let origin = origin.clone();
        move || {
            fields
                .base_url
                .with(|base| api_root(base, &origin).ok().map(|root| details_url(&root)))
        }
    });

    let cancel = move || {
        if let Some(controller) = running.get_value() {
            controller.abort();
        }
        running.set_value(None);
        progress.set(None);
    };

    let start = move |query: JobQuery, from: FetchOrigin| {
        cancel(); // a new fetch replaces the old one
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        running.set_value(Some(controller));
        report.set(None);
        let base_url = fields.base_url.get_untracked().trim().to_string();
        saved_settings::save_connection(&base_url, &query.workspace_id);
        if remember_key.get_untracked() {
            saved_settings::save_api_key(&query.api_key);
        }
        if from == FetchOrigin::User {
            page_location::push_query(&encode_query(&SharedView {
                ids: compact_ranges(&query.ids.ids),
                base_url,
                workspace_id: query.workspace_id.clone(),
            }));
        }
        notice.0.set(match query.ids.duplicates_dropped {
            0 => None,
            1 => Some("1 duplicate ID was dropped.".into()),
            n => Some(format!("{n} duplicate IDs were dropped.")),
        });
        let credentials = Credentials {
            api_key: query.api_key,
            workspace_id: query.workspace_id,
        };
        spawn_local(async move {
            let on_progress = {
                let signal = signal.clone();
                move |p: Progress| {
                    if !signal.aborted() {
                        progress.set(Some(p));
                    }
                }
            };
            let outcome = fetch_jobs(
                &query.details_url,
                &credentials,
                &query.ids.ids,
                &signal,
                on_progress,
            )
            .await;
            // A cancelled or replaced fetch leaves the page to whoever stopped it.
            if let (Ok(done), false) = (outcome, signal.aborted()) {
                running.set_value(None);
                progress.set(None);
                report.set(Some(Arc::new(done)));
            }
        });
    };

    let submit = {
        let origin = origin.clone();
        move |from: FetchOrigin| match validate(&fields.snapshot(), &origin) {
            Ok(query) => {
                field_errors.set(FieldErrors::default());
                start(query, from);
            }
            Err(errors) => {
                focus_first_invalid(&errors);
                field_errors.set(errors);
            }
        }
    };

    // What the URL says, loaded at once if the key is known, else the key is asked for. A link
    // is anyone's to craft: the key goes unasked only to the instance it was last used with.
    let load_link = {
        let submit = submit.clone();
        let origin = origin.clone();
        move || {
            let base = fields.base_url.get_untracked();
            if fields.api_key.with_untracked(|k| k.trim().is_empty()) {
                notice.0.set(Some(KEY_HINT.into()));
                focus_by_id("api-key");
            } else if !same_api(&base, &saved_settings::load().base_url, &origin) {
                let target = api_root(&base, &origin).unwrap_or(base);
                notice.0.set(Some(format!(
                    "This link points at {target}, not the instance your key was last used with. \
                     Check the API base URL, then press Fetch jobs: the key is sent only when you do."
                )));
                focus_by_id("base-url");
            } else {
                submit(FetchOrigin::Link);
            }
        }
    };
    if shared.has_ids() {
        // After the first render, so the key field exists to be focused.
        let load_link = load_link.clone();
        request_animation_frame(load_link);
    }
    // Back and Forward bring back an earlier set of jobs.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let view = decode_query(&page_location::search());
        fill_from_link(fields, &view, &saved_settings::load());
        cancel();
        field_errors.set(FieldErrors::default());
        if view.has_ids() {
            load_link();
        } else {
            report.set(None);
            notice.0.set(None);
        }
    });

    let on_submit = Callback::new(move |()| {
        if running.with_value(Option::is_some) {
            return; // already fetching: the button is disabled, this catches Ctrl+Enter
        }
        submit(FetchOrigin::User);
    });

    let on_cancel = Callback::new(move |()| {
        cancel();
        notice.0.set(Some(
            "Fetch cancelled. Nothing was loaded; press Fetch jobs to try again.".into(),
        ));
    });

    let key_memory = KeyMemory {
        remember: remember_key.into(),
        on_remember: Callback::new(move |remember: bool| {
            remember_key.set(remember);
            let key = fields.api_key.get_untracked();
            if remember && !key.trim().is_empty() {
                saved_settings::save_api_key(key.trim());
            } else if !remember {
                saved_settings::forget_api_key();
            }
        }),
        on_forget: Callback::new(move |()| {
            saved_settings::forget_api_key();
            remember_key.set(false);
            fields.api_key.set(String::new());
            notice.0.set(Some(
                "Key forgotten: removed from this device and from the form.".into(),
            ));
        }),
    };

    let busy = Signal::derive(move || progress.with(Option::is_some));
    let results = move || {
        let report = report.get()?;
        if report.nothing_loaded() {
            return None; // the error panel says it all; a table of failed rows adds nothing
        }
        let rows = report.rows.clone();
        Some(view! {
            <div class="results-bar">
                <ResultsSummary summary=summarize(&rows)/>
                <CopyLinkButton/>
            </div>
            <ResultsTable rows=rows/>
        })
    };

    view! {
        <main>
            <header>
                <h1>"Datachecks Job Viewer"</h1>
                <p class="lede">"Look up comparison jobs by ID: status, diff outcome, reasons and timing."</p>
            </header>
            <FetchForm
                fields=fields
                errors=field_errors.into()
                calls_url=calls_url
                busy=busy
                on_submit=on_submit
                key_memory=key_memory
            />
            <div class="status-line" role="status" aria-live="polite">
                <FetchProgress progress=progress.into() on_cancel=on_cancel/>
                <p class="notice" hidden=move || notice.0.with(Option::is_none)>
                    {move || notice.0.get().unwrap_or_default()}
                </p>
            </div>
            <ErrorPanel report=report.into()/>
            <section class="results-section" aria-live="polite" aria-label="Results">
                {results}
            </section>
        </main>
    }
}

/// Puts a link's IDs, base URL and workspace in the form; a link without a workspace keeps the
/// remembered one. A page opened without a link gets the remembered connection.
fn fill_from_link(fields: FormFields, link: &SharedView, saved: &saved_settings::SavedSettings) {
    if link.has_ids() {
        fields.job_ids.set(link.ids.clone());
        fields.base_url.set(link.base_url.clone());
        let workspace = if link.workspace_id.is_empty() {
            &saved.workspace_id
        } else {
            &link.workspace_id
        };
        fields.workspace_id.set(workspace.clone());
    } else {
        fields.job_ids.set(String::new());
        fields.base_url.set(saved.base_url.clone());
        fields.workspace_id.set(saved.workspace_id.clone());
    }
}

fn focus_first_invalid(errors: &FieldErrors) {
    let first = [
        (&errors.base_url, "base-url"),
        (&errors.api_key, "api-key"),
        (&errors.workspace_id, "workspace-id"),
        (&errors.job_ids, "job-ids"),
    ]
    .into_iter()
    .find(|(error, _)| error.is_some());
    if let Some((_, id)) = first {
        focus_by_id(id);
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
