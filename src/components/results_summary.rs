use leptos::prelude::*;

use super::FilterToggles;
use crate::jobs::summary::Summary;
use crate::jobs::view_state::{FilterGroup, ViewState};

/// The counts above the grid: requested, found, missing, not loaded; and by status and by
/// outcome, each a toggle that narrows the grid to its rows (several combine).
#[component]
pub fn ResultsSummary(
    /// The counts of the rows of the set.
    summary: Signal<Summary>,
    /// The filters the toggles change.
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let status_counts = Memo::new(move |_| summary.with(Summary::status_groups));
    let outcome_counts = Memo::new(move |_| summary.get().by_outcome);
    view! {
        <dl class="summary" aria-label="Summary">
            <div><dt>"Jobs"</dt><dd>{move || summary.with(Summary::totals_text)}</dd></div>
            <div hidden=move || status_counts.with(Vec::is_empty)>
                <dt>"Status"</dt>
                <dd class="toggles">
                    <FilterToggles group=FilterGroup::Status counts=status_counts view=view/>
                </dd>
            </div>
            <div hidden=move || outcome_counts.with(Vec::is_empty)>
                <dt>"Outcome"</dt>
                <dd class="toggles">
                    <FilterToggles group=FilterGroup::Outcome counts=outcome_counts view=view/>
                </dd>
            </div>
        </dl>
    }
}
