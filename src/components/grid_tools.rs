use leptos::prelude::*;

use super::SearchBox;
use crate::jobs::fetch_jobs::FetchReport;
use crate::jobs::view_state::ViewState;
use crate::thousands::group_thousands;

/// Above the grid: the search, how many rows show of how many, and Clear filters when any apply.
#[component]
pub fn GridTools(
    /// The fetch whose rows are counted.
    report: RwSignal<Option<FetchReport>>,
    /// Sort, filters and search.
    view: RwSignal<ViewState>,
    /// Store positions of the rows shown.
    shown: Memo<Vec<u32>>,
) -> impl IntoView {
    let showing = move || {
        let total = report.with(|r| r.as_ref().map_or(0, |r| r.store.rows().len()));
        format!(
            "Showing {} of {}",
            group_thousands(shown.with(Vec::len) as u64),
            group_thousands(total as u64)
        )
    };
    let unfiltered = move || !view.with(ViewState::is_filtered);
    let clear = move |_| view.update(ViewState::clear_filters);
    view! {
        <div class="grid-tools">
            <SearchBox view=view/>
            <p class="showing" aria-live="polite">{showing}</p>
            <button type="button" class="secondary" hidden=unfiltered on:click=clear>
                "Clear filters"
            </button>
        </div>
    }
}
