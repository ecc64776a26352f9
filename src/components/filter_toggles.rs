use leptos::prelude::*;

use crate::jobs::view_state::{FilterGroup, ViewState};
use crate::thousands::group_thousands;

/// One group's filter toggles, a button per value with its count. The buttons are built again
/// only when the set of values changes; their counts change in place, so a toggle keeps keyboard
/// focus while batches land.
#[component]
pub fn FilterToggles(
    /// Which filter the toggles tick.
    group: FilterGroup,
    /// Each value and how many rows have it.
    counts: Memo<Vec<(String, usize)>>,
    /// The filters the toggles change.
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let labels = Memo::new(move |_| {
        counts.with(|c| c.iter().map(|(label, _)| label.clone()).collect::<Vec<_>>())
    });
    move || {
        labels
            .get()
            .into_iter()
            .map(|label| view! { <FilterToggle group=group label=label counts=counts view=view/> })
            .collect_view()
    }
}

/// The toggle for one value: "FAILURE 12", pressed while it narrows the grid.
#[component]
fn FilterToggle(
    group: FilterGroup,
    label: String,
    counts: Memo<Vec<(String, usize)>>,
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let text = {
        let label = label.clone();
        move || {
            let count = counts.with(|c| c.iter().find(|(l, _)| *l == label).map_or(0, |(_, n)| *n));
            format!("{label} {}", group_thousands(count as u64))
        }
    };
    let pressed = {
        let label = label.clone();
        move || view.with(|v| v.ticked(group).contains(&label)).to_string()
    };
    let toggle = move |_| view.update(|v| v.ticked_mut(group).toggle(&label));
    view! {
        <button type="button" class="filter" aria-pressed=pressed on:click=toggle>
            {text}
        </button>
    }
}
