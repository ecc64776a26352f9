use std::sync::Arc;

use leptos::prelude::*;

use crate::input::job_ids::group_thousands;
use crate::jobs::fetch_jobs::FetchReport;

/// What went wrong in the last fetch, in plain words, announced as an alert. Server text is text.
#[component]
pub fn ErrorPanel(
    /// The last finished fetch.
    report: Signal<Option<Arc<FetchReport>>>,
) -> impl IntoView {
    move || {
        let report = report.get()?;
        if report.failures.is_empty() {
            return None;
        }
        let heading = if report.nothing_loaded() {
            "The jobs could not be loaded".to_string()
        } else {
            let failed_ids = report
                .rows
                .iter()
                .filter(|r| matches!(r, crate::jobs::batching::JobRow::Failed { .. }))
                .count();
            format!(
                "{} of {} batches failed: {} jobs could not be loaded (marked in the table)",
                report.batches_failed(),
                report.batches_total,
                group_thousands(failed_ids as u64)
            )
        };
        let messages: Vec<String> = report.failures.iter().map(|(e, _)| e.to_string()).collect();
        Some(view! {
            <div class="error-panel" role="alert">
                <h2>{heading}</h2>
                {messages.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
            </div>
        })
    }
}
