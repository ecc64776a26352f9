use leptos::prelude::*;

use crate::jobs::column::COLUMNS;
use crate::jobs::view_state::{Direction, Sort, ViewState};

/// The grid's header row: each column's label is a button that sorts by it (ascending, then
/// descending, then back to the order asked); the sorted column says so with `aria-sort`.
#[component]
pub fn GridHeader(
    /// The sort lives here, with the filters and search.
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let cells = COLUMNS
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let direction = move || {
                view.with(|v| v.sort)
                    .filter(|s| s.column == index)
                    .map(|s| s.direction)
            };
            let aria_sort = move || {
                direction().map(|d| match d {
                    Direction::Ascending => "ascending",
                    Direction::Descending => "descending",
                })
            };
            let mark = move || match direction() {
                Some(Direction::Ascending) => "▲",
                Some(Direction::Descending) => "▼",
                None => "",
            };
            let sort = move |_| view.update(|v| v.sort = Sort::next(v.sort, index));
            view! {
                <th scope="col" class=column.listed.then_some("listed-col") aria-sort=aria_sort>
                    <button type="button" class="sort" on:click=sort>
                        {column.label}
                        <span class="sort-mark" aria-hidden="true">{mark}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    view! { <tr aria-rowindex="1">{cells}</tr> }
}
