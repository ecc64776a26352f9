use std::sync::Arc;

use leptos::prelude::*;

use crate::batching::JobRow;
use crate::job_ids::group_thousands;

/// Rows rendered at first, and added per "Show more": a long list paints its first screen fast and
/// never blocks the page for seconds; the summary above counts every row.
pub const ROWS_PER_STEP: usize = 500;

/// One row per requested ID, in the order asked, then any unreadable job objects.
#[component]
pub fn ResultsTable(
    /// The rows of the last fetch.
    rows: Arc<Vec<JobRow>>,
) -> impl IntoView {
    // One clock reading for the whole table, so "running for" agrees across rows.
    let now_ms = crate::local_time::now_ms();
    // Looked up once here rather than once per row.
    let notice = use_context::<super::StatusNotice>();
    let total = rows.len();
    let shown = RwSignal::new(ROWS_PER_STEP.min(total));
    let keyed: Arc<Vec<(String, JobRow)>> = Arc::new(
        rows.iter()
            .enumerate()
            .map(|(i, row)| (row.key(i), row.clone()))
            .collect(),
    );
    let visible_rows =
        move || -> Vec<(String, JobRow)> { keyed.iter().take(shown.get()).cloned().collect() };
    let more = move || {
        let showing = shown.get();
        (showing < total).then(|| {
            let step = ROWS_PER_STEP.min(total - showing);
            view! {
                <div class="more-rows">
                    <span>
                        {format!(
                            "Showing {} of {} rows.",
                            group_thousands(showing as u64),
                            group_thousands(total as u64),
                        )}
                    </span>
                    <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n = (*n + step).min(total))>
                        {format!("Show {step} more")}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| shown.set(total)>
                        {format!("Show all {}", group_thousands(total as u64))}
                    </button>
                </div>
            }
        })
    };
    // The explicit roles keep table semantics when narrow screens restyle rows as cards
    // (browsers drop them from elements whose display is changed).
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Results table (scrolls sideways)">
            <table class="results" role="table">
                <caption>"Comparison jobs, in the order requested"</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader" class="col-id">"Run ID"</th>
                        <th scope="col" role="columnheader" class="col-name">"Comparison"</th>
                        <th scope="col" role="columnheader">"Status"</th>
                        <th scope="col" role="columnheader">"Outcome"</th>
                        <th scope="col" role="columnheader" class="col-reasons">"Diff reasons"</th>
                        <th scope="col" role="columnheader" class="col-reasons">"Failure reason"</th>
                        <th scope="col" role="columnheader" class="col-time">"Started"</th>
                        <th scope="col" role="columnheader" class="col-time">"Finished"</th>
                        <th scope="col" role="columnheader">"Duration"</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    <For
                        each=visible_rows
                        key=|(key, _)| key.clone()
                        children=move |(_, row)| view! { <super::JobRowView row=row now_ms=now_ms notice=notice/> }
                    />
                </tbody>
            </table>
        </div>
        {more}
    }
}
