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
            let search = report.search_failed.as_ref().map(|error| {
                let found = report.store.summary().requested;
                let heading = match found {
                    0 => "The search could not be run".to_string(),
                    n => format!(
                        "The search stopped early: the {} jobs found before it stopped are shown",
                        group_thousands(n as u64)
                    ),
                };
                (heading, vec![error.to_string()])
            });
            if report.failures.is_empty() {
                return search;
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
            let mut messages: Vec<String> =
                report.failures.iter().map(ApiError::to_string).collect();
            // A search that stopped early leads; the details' own failures follow it.
            Some(match search {
                Some((heading, mut first)) => {
                    first.append(&mut messages);
                    (heading, first)
                }
                None => (heading, messages),
            })
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
