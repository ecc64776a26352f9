use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::{ErrorPanel, FetchForm, FetchProgress, FormFields, ResultsSummary, ResultsTable};
use crate::api::{page_origin, Credentials};
use crate::batching::JobRow;
use crate::endpoint::{api_root, details_url};
use crate::fetch_jobs::{fetch_jobs, FetchReport, Progress};
use crate::form_input::{validate, FieldErrors, JobQuery};
use crate::summary::summarize;

/// A short status line for screen readers and eyes: duplicates dropped, cancelled, copied.
#[derive(Clone, Copy)]
pub struct StatusNotice(pub RwSignal<Option<String>>);

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

    let start = move |query: JobQuery| {
        cancel(); // a new fetch replaces the old one
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        running.set_value(Some(controller));
        report.set(None);
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

    let submit = Callback::new(move |()| {
        if running.with_value(Option::is_some) {
            return; // already fetching: the button is disabled, this catches Ctrl+Enter
        }
        match validate(&fields.snapshot(), &origin) {
            Ok(query) => {
                field_errors.set(FieldErrors::default());
                start(query);
            }
            Err(errors) => {
                focus_first_invalid(&errors);
                field_errors.set(errors);
            }
        }
    });

    let on_cancel = Callback::new(move |()| {
        cancel();
        notice.0.set(Some(
            "Fetch cancelled. Nothing was loaded; press Fetch jobs to try again.".into(),
        ));
    });

    let busy = Signal::derive(move || progress.with(Option::is_some));
    let results = move || {
        let report = report.get()?;
        let all_failed = report
            .rows
            .iter()
            .all(|r| matches!(r, JobRow::Failed { .. }));
        if all_failed && !report.failures.is_empty() {
            return None; // the error panel says it all; a table of failed rows adds nothing
        }
        let rows = Arc::new(report.rows.clone());
        Some(view! {
            <ResultsSummary summary=summarize(&rows)/>
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
                on_submit=submit
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
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id));
        if let Some(element) = element {
            use wasm_bindgen::JsCast;
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    }
}
