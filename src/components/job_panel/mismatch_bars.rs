use std::sync::Arc;

use leptos::prelude::*;

use crate::diff::table::DiffTable;
use crate::thousands::group_thousands;

/// Each mismatched column as a bar scaled to the largest, with its count and the API's words
/// written beside it: the bars compare at a glance, the numbers say exactly.
#[component]
pub fn MismatchBars(table: Arc<DiffTable>) -> impl IntoView {
    let largest = table.largest_count().max(1);
    let bars = table.columns.iter().map(|column| {
        // Whole percents: formatting a float would bring Rust's float printer into the page.
        let percent = format!("{}%", column.count.saturating_mul(100) / largest);
        let rows = if column.count == 1 { "row" } else { "rows" };
        let count = format!("{} {rows}", group_thousands(column.count));
        view! {
            <li>
                <span class="bar-name">{column.name()}</span>
                <span class="bar" aria-hidden="true"><span class="bar-fill" style:width=percent></span></span>
                <span class="bar-count">{count}</span>
                <span class="bar-details">{column.details.clone()}</span>
            </li>
        }
    });
    view! {
        <h4 id="mismatched-columns">"Mismatched columns"</h4>
        <ul class="mismatch-bars" aria-labelledby="mismatched-columns">{bars.collect_view()}</ul>
    }
}
