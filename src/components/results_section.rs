use leptos::prelude::*;

use super::{CopyLinkButton, ResultsSummary, ResultsTable};
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::summary::summarize;

/// What a finished fetch found: the counts, "Copy link", and the table.
#[component]
pub fn ResultsSection(
    /// The fetch whose results are shown, once it has finished.
    fetch: JobFetch,
) -> impl IntoView {
    let finished = fetch.finished();
    let results = move || {
        if !finished.get() {
            return None;
        }
        // The error panel says it all when nothing loaded; a table of failed rows adds nothing.
        let summary = fetch.report.with(|report| {
            let report = report.as_ref().filter(|r| !r.nothing_loaded())?;
            Some(summarize(report.store.rows()))
        })?;
        Some(view! {
            <div class="results-bar">
                <ResultsSummary summary=summary/>
                <CopyLinkButton/>
            </div>
            <ResultsTable report=fetch.report/>
        })
    };
    view! {
        <section class="results-section" aria-live="polite" aria-label="Results">
            {results}
        </section>
    }
}
