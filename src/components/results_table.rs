use std::sync::Arc;

use leptos::prelude::*;

use crate::batching::JobRow;

/// One row per requested ID, in the order asked, then any unreadable job objects.
#[component]
pub fn ResultsTable(
    /// The rows of the last fetch.
    rows: Arc<Vec<JobRow>>,
) -> impl IntoView {
    // The explicit roles keep table semantics when narrow screens restyle rows as cards
    // (browsers drop them from elements whose display is changed).
    // One clock reading for the whole table, so "running for" agrees across rows.
    let now_ms = crate::local_time::now_ms();
    let keyed: Vec<(String, JobRow)> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.key(i), row.clone()))
        .collect();
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
                        each=move || keyed.clone()
                        key=|(key, _)| key.clone()
                        children=move |(_, row)| view! { <super::JobRowView row=row now_ms=now_ms/> }
                    />
                </tbody>
            </table>
        </div>
    }
}
