use std::ops::Range;

use leptos::ev::MouseEvent;
use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::job_rows::append_job_rows;
use crate::jobs::column::COLUMNS;
use crate::jobs::fetch_jobs::FetchReport;
use crate::thousands::group_thousands;

/// Rows rendered at first, and added per "Show more": a long list paints its first screen fast and
/// never blocks the page for seconds; the summary above counts every row.
pub const ROWS_PER_STEP: usize = 500;

/// One row per requested ID, in the order asked, then any unreadable job objects.
#[component]
pub fn ResultsTable(
    /// The fetch whose rows are shown; read once, when the table is built.
    report: RwSignal<Option<FetchReport>>,
) -> impl IntoView {
    // One clock reading for the whole table, so "running for" agrees across rows.
    let now_ms = crate::time::local_time::now_ms();
    let notice = use_context::<super::StatusNotice>();
    // One listener for every "Copy ID" button instead of one per row: rows render faster.
    let copy_comparison_id = move |ev: MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("button[data-comparison-id]").ok().flatten());
        let Some(button) = button else { return };
        let id = button
            .get_attribute("data-comparison-id")
            .unwrap_or_default();
        crate::clipboard::copy_text(&id);
        if let Some(notice) = notice {
            notice.0.set(Some(format!("Copied comparison ID {id}.")));
        }
    };
    let total = report.with_untracked(|r| r.as_ref().map_or(0, |r| r.store.rows().len()));
    let append = move |tbody: &Element, rows: Range<usize>| {
        report.with_untracked(|r| {
            if let Some(r) = r {
                append_job_rows(tbody, &r.store.rows()[rows], now_ms);
            }
        })
    };
    let first = ROWS_PER_STEP.min(total);
    let shown = RwSignal::new(first);
    // Rows are appended, never rebuilt: "Show more" adds rows without touching those already
    // there. The first ones go in while the table is built, before it is attached, in one task.
    let first_rows = move |tbody: Element| append(&tbody, 0..first);
    let tbody = NodeRef::<Tbody>::new();
    let show_up_to = move |target: usize| {
        let from = shown.get_untracked();
        if let (Some(tbody), true) = (tbody.get_untracked(), target > from) {
            append(&tbody, from..target);
            shown.set(target);
        }
    };
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
                    <button type="button" class="secondary" on:click=move |_| show_up_to(showing + step)>
                        {format!("Show {step} more")}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| show_up_to(total)>
                        {format!("Show all {}", group_thousands(total as u64))}
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Results table (scrolls sideways)">
            <table class="results">
                <caption>"Comparison jobs, in the order requested"</caption>
                <thead>
                    <tr>
                        {COLUMNS
                            .iter()
                            .map(|column| view! { <th scope="col" class=column.class>{column.label}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody node_ref=tbody use:first_rows on:click=copy_comparison_id></tbody>
            </table>
        </div>
        {more}
    }
}
