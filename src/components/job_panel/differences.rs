use std::sync::Arc;

use leptos::prelude::*;

use super::asked::{AskFailed, Asked, PanelRequest};
use super::diff_rows::DiffRows;
use super::mismatch_bars::MismatchBars;
use crate::api::fetch_diff_details;
use crate::components::job_panel_slot::DiffCache;
use crate::diff::table::DiffTable;
use crate::diff::DiffPlan;
use crate::input::endpoint::diff_details_url;
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::job_row::JobRow;

const TITLE: &str = "differences-title";

/// The job's differences: for a successful job its diff details (asked for once per job while
/// the set is shown), for any other why there are none.
#[component]
pub fn Differences(fetch: JobFetch, id: u64, row: RwSignal<Option<JobRow>>) -> impl IntoView {
    let cache = expect_context::<DiffCache>();
    let plan = Memo::new(move |_| row.with(|r| DiffPlan::for_row(id, r.as_ref())));
    let request = PanelRequest::new();
    let diff = request.state;
    let asking = move || {
        if let Some(table) = cache.0.with_value(|c| c.get(&id).cloned()) {
            diff.set(Asked::Got(table));
            return;
        }
        request.send(fetch, move |url, credentials, signal| async move {
            let url = diff_details_url(&url, id);
            let details = fetch_diff_details(&url, &credentials, &signal).await?;
            let table = Arc::new(DiffTable::new(&details));
            cache.0.try_update_value(|c| c.insert(id, table.clone()));
            Ok(table)
        })
    };
    Effect::new(move |_| {
        if matches!(plan.get(), DiffPlan::Ask { .. }) {
            asking();
        }
    });
    let shown = move || {
        match plan.get() {
        DiffPlan::Explain(text) => view! { <p class="panel-explain">{text}</p> }.into_any(),
        DiffPlan::Ask { matched } => match diff.get() {
            Asked::Asking => {
                view! { <p class="panel-loading">"Loading the differences…"</p> }.into_any()
            }
            Asked::Failed(error) => {
                view! { <AskFailed error=error retry=Callback::new(move |()| asking()) heading=TITLE/> }
                    .into_any()
            }
            Asked::Got(table) => view! { <DiffSummary table=table matched=matched/> }.into_any(),
        },
    }
    };
    view! {
        <section class="panel-section" aria-labelledby=TITLE>
            <h3 id=TITLE tabindex="-1">"Differences"</h3>
            {shown}
        </section>
    }
}

/// What the diff details say: how rows are matched, the columns compared, the mismatched
/// columns, and the differing rows.
#[component]
fn DiffSummary(table: Arc<DiffTable>, matched: bool) -> impl IntoView {
    let nothing = table.rows.is_empty() && table.columns.is_empty();
    let verdict = match (nothing, matched) {
        (true, true) => Some("Source and target match: nothing differs."),
        (true, false) => Some("The API lists no differing rows or columns for this job."),
        _ => None,
    };
    let unreadable = (table.unreadable > 0).then(|| {
        format!(
            "{} differing rows could not be read and are left out.",
            table.unreadable
        )
    });
    view! {
        {verdict.map(|text| view! { <p class="panel-explain">{text}</p> })}
        <p>{format!("Rows are matched on {}.", key_text(&table.keys))}</p>
        <ColumnMapping table=table.clone()/>
        {(!table.columns.is_empty()).then(|| view! { <MismatchBars table=table.clone()/> })}
        {(!table.rows.is_empty()).then(|| view! { <DiffRows table=table.clone()/> })}
        {unreadable.map(|text| view! { <p class="hint">{text}</p> })}
    }
}

fn key_text(keys: &[String]) -> String {
    if keys.is_empty() {
        "no key the API names".to_string()
    } else {
        keys.join(", ")
    }
}

/// Source → target, a renamed column marked in words.
#[component]
fn ColumnMapping(table: Arc<DiffTable>) -> impl IntoView {
    let rows = table.mapping.iter().map(|(source, target)| {
        let renamed = (source != target).then_some(" (renamed)");
        view! {
            <tr>
                <td>{source.clone()}</td>
                <td>{target.clone()}{renamed}</td>
            </tr>
        }
    });
    view! {
        <table class="column-mapping">
            <caption>"Columns compared"</caption>
            <thead>
                <tr><th scope="col">"Source"</th><th scope="col">"Target"</th></tr>
            </thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
    }
}
