use leptos::prelude::*;

use crate::jobs::summary::Summary;
use crate::thousands::group_thousands;

/// The counts above the table: requested, found, missing, failed, by status and by outcome.
#[component]
pub fn ResultsSummary(
    /// The counts of the rows shown.
    summary: Summary,
) -> impl IntoView {
    let n = |count: usize| group_thousands(count as u64);
    let mut totals = vec![
        format!("{} requested", n(summary.requested)),
        format!("{} found", n(summary.found)),
        format!("{} not found", n(summary.not_found)),
    ];
    if summary.failed > 0 {
        totals.push(format!("{} failed to load", n(summary.failed)));
    }
    if summary.unreadable > 0 {
        totals.push(format!("{} unreadable", n(summary.unreadable)));
    }
    let counts = |pairs: &[(String, usize)]| {
        pairs
            .iter()
            .map(|(label, count)| format!("{label} {}", n(*count)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let by_status = counts(&summary.by_status);
    let by_outcome = counts(&summary.by_outcome);
    let (no_status, no_outcome) = (by_status.is_empty(), by_outcome.is_empty());
    view! {
        <dl class="summary" aria-label="Summary">
            <div><dt>"Jobs"</dt><dd>{totals.join(" · ")}</dd></div>
            <div hidden=no_status><dt>"Status"</dt><dd>{by_status}</dd></div>
            <div hidden=no_outcome><dt>"Outcome"</dt><dd>{by_outcome}</dd></div>
        </dl>
    }
}
