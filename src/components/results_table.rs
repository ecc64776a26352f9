use std::sync::Arc;

use leptos::prelude::*;

use crate::batching::JobRow;

/// One row per requested ID, in the order asked, then any unreadable job objects.
#[component]
pub fn ResultsTable(
    /// The rows of the last fetch.
    rows: Arc<Vec<JobRow>>,
) -> impl IntoView {
    // One clock reading for the whole table, so "running for" agrees across rows.
    let now_ms = crate::local_time::now_ms();
    let keyed: Vec<(String, JobRow)> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.key(i), row.clone()))
        .collect();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Results table (scrolls sideways)">
            <table class="results">
                <caption>"Comparison jobs, in the order requested"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="col-id">"Run ID"</th>
                        <th scope="col" class="col-name">"Comparison"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Outcome"</th>
                        <th scope="col" class="col-reasons">"Diff reasons"</th>
                        <th scope="col" class="col-reasons">"Failure reason"</th>
                        <th scope="col" class="col-time">"Started"</th>
                        <th scope="col" class="col-time">"Finished"</th>
                        <th scope="col">"Duration"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || keyed.clone()
                        key=|(key, _)| key.clone()
                        children=move |(_, row)| view! { <super::JobRowView row=row now_ms=now_ms/> }
                    />
                </tbody>
            </table>
        </div>
    }
}
