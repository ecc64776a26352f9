use leptos::prelude::*;

use crate::jobs::job_row::{LOADING, NOT_FOUND, NOT_LOADED, UNREADABLE};
use crate::jobs::summary::Summary;
use crate::jobs::view_state::ViewState;
use crate::thousands::group_thousands;

/// Which filter group a toggle belongs to.
#[derive(Clone, Copy)]
enum Group {
    Status,
    Outcome,
}

/// The counts above the grid: requested, found, missing, failed; and by status and by outcome,
/// each a toggle that narrows the grid to its rows (several combine).
#[component]
pub fn ResultsSummary(
    /// The counts of the rows of the set.
    summary: Signal<Summary>,
    /// The filters the toggles change.
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let n = |count: usize| group_thousands(count as u64);
    let totals = move || {
        let s = summary.get();
        let mut totals = vec![
            format!("{} requested", n(s.requested)),
            format!("{} found", n(s.found)),
            format!("{} not found", n(s.not_found)),
        ];
        if s.not_loaded > 0 {
            totals.push(format!("{} not loaded", n(s.not_loaded)));
        }
        if s.unreadable > 0 {
            totals.push(format!("{} unreadable", n(s.unreadable)));
        }
        if s.loading > 0 {
            totals.push(format!("{} loading", n(s.loading)));
        }
        totals.join(" · ")
    };
    let status_counts = Memo::new(move |_| {
        let s = summary.get();
        let kinds = [
            (NOT_FOUND, s.not_found),
            (NOT_LOADED, s.not_loaded),
            (UNREADABLE, s.unreadable),
            (LOADING, s.loading),
        ];
        s.by_status
            .into_iter()
            .chain(kinds.map(|(label, count)| (label.to_string(), count)))
            .filter(|(_, count)| *count > 0)
            .collect::<Vec<_>>()
    });
    let outcome_counts = Memo::new(move |_| summary.get().by_outcome);
    // Toggles are built again only when the set of values changes; their counts change in
    // place, so a toggle keeps keyboard focus while batches land.
    let toggles = move |group: Group, counts: Memo<Vec<(String, usize)>>| {
        let labels = Memo::new(move |_| {
            counts.with(|c| c.iter().map(|(label, _)| label.clone()).collect::<Vec<_>>())
        });
        move || {
            labels
                .get()
                .into_iter()
                .map(|label| {
                    let text = {
                        let label = label.clone();
                        move || {
                            let count = counts.with(|c| {
                                c.iter().find(|(l, _)| *l == label).map_or(0, |(_, n)| *n)
                            });
                            format!("{label} {}", n(count))
                        }
                    };
                    let pressed = {
                        let label = label.clone();
                        move || {
                            view.with(|v| match group {
                                Group::Status => v.statuses.contains(&label),
                                Group::Outcome => v.outcomes.contains(&label),
                            })
                            .to_string()
                        }
                    };
                    let toggle = move |_| {
                        view.update(|v| match group {
                            Group::Status => v.statuses.toggle(&label),
                            Group::Outcome => v.outcomes.toggle(&label),
                        })
                    };
                    view! {
                        <button type="button" class="filter" aria-pressed=pressed on:click=toggle>
                            {text}
                        </button>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <dl class="summary" aria-label="Summary">
            <div><dt>"Jobs"</dt><dd>{totals}</dd></div>
            <div hidden=move || status_counts.with(Vec::is_empty)>
                <dt>"Status"</dt>
                <dd class="toggles">{toggles(Group::Status, status_counts)}</dd>
            </div>
            <div hidden=move || outcome_counts.with(Vec::is_empty)>
                <dt>"Outcome"</dt>
                <dd class="toggles">{toggles(Group::Outcome, outcome_counts)}</dd>
            </div>
        </dl>
    }
}
