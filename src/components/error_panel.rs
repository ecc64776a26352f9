use leptos::prelude::*;

use crate::api::ApiError;
use crate::jobs::job_fetch::JobFetch;
use crate::thousands::group_thousands;

/// What went wrong in the last fetch, in plain words, announced as an alert. Server text is text.
#[component]
pub fn ErrorPanel(
    /// The fetch whose failures are told, once it has finished.
    fetch: JobFetch,
) -> impl IntoView {
    let told = move || {
        if fetch.fetching.get() {
            return None;
        }
        fetch.report.with(|report| {
            let report = report.as_ref()?;
            if report.failures.is_empty() {
                return None;
            }
            let heading = if report.nothing_loaded() {
                "The jobs could not be loaded".to_string()
            } else {
                format!(
                    "{} of {} jobs could not be loaded (marked in the table)",
                    group_thousands(report.ids_not_loaded() as u64),
                    group_thousands(report.store.summary().requested as u64),
                )
            };
            let messages: Vec<String> = report.failures.iter().map(ApiError::to_string).collect();
            Some((heading, messages))
        })
    };
    move || {
        told().map(|(heading, messages)| {
            view! {
                <div class="error-panel" role="alert">
                    <h2>{heading}</h2>
                    {messages.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                </div>
            }
        })
    }
}
