//! The results grid: a table that holds any number of jobs by rendering only the rows in view.

mod header;
mod row;
pub mod scroll;
pub mod window;

use leptos::html::Div;
use leptos::prelude::*;

use header::GridHeader;
use row::GridRow;
use scroll::{Scroll, Spacer};

use crate::jobs::column::{ALWAYS_SHOWN, COLUMNS};
use crate::jobs::fetch_jobs::FetchReport;
use crate::jobs::job_fetch::Live;
use crate::jobs::view_state::{Direction, Sort, ViewState};

/// The table's caption: what the rows are and how they are ordered.
fn caption(sort: Option<Sort>) -> String {
    match sort {
        None => "Comparison jobs, in the order requested".to_string(),
        Some(sort) => format!(
            "Comparison jobs, sorted by {}, {}",
            sort.column().label,
            match sort.direction {
                Direction::Ascending => "ascending",
                Direction::Descending => "descending",
            }
        ),
    }
}

/// The jobs in `shown`, in that order, as rows in a scrolled window: only the rows in view (and a
/// few more) are in the page; spacers keep the scrollbar true to the whole list. Once it has
/// focus, Page Up/Down, Home and End scroll it, as the browser does for any scrolled region.
#[component]
pub fn ResultsGrid(
    /// The fetch whose store holds the rows.
    report: RwSignal<Option<FetchReport>>,
    /// Sort, filters and search; the header's buttons change the sort.
    view: RwSignal<ViewState>,
    /// Store positions of the rows shown, in the order shown.
    shown: Memo<Vec<u32>>,
    /// The filters and search of `view` (not its sort): the window goes back to the top when
    /// they change.
    rows_view: Memo<ViewState>,
    /// Live refresh: the clock "running for" ticks by, and the rows just changed.
    live: Live,
) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let scroll = Scroll::new();
    let slice = Memo::new(move |_| shown.with(|s| scroll.window(s.len())));
    let visible = move || {
        let w = slice.get();
        shown.with(|s| {
            let rows = s[w.first..w.end].iter().enumerate();
            rows.map(|(k, &index)| (w.first + k, index as usize))
                .collect::<Vec<_>>()
        })
    };
    // Read, not only tracked: a memo nobody reads never computes, so never hears of a change.
    scroll.follow(
        scroller,
        move || shown.track(),
        move || rows_view.with(|_| ()),
    );
    let columns = ALWAYS_SHOWN;
    // The list's columns show for a set that Find jobs found.
    let listed =
        Memo::new(move |_| report.with(|r| r.as_ref().is_some_and(|r| r.store.is_listed())));
    let nothing_shown = move || {
        shown.with(Vec::is_empty).then(|| {
            view! {
                <tr class="empty">
                    <td colspan=columns>"No jobs match the filters and search."</td>
                </tr>
            }
        })
    };
    view! {
        <div
            class="grid-scroll"
            tabindex="0"
            role="region"
            aria-label="Results grid"
            node_ref=scroller
            on:scroll=move |ev| scroll.scrolled(ev)
        >
            <table class="results grid" class:listed=listed aria-rowcount=move || shown.with(Vec::len) + 1>
                <caption>{move || view.with(|v| caption(v.sort))}</caption>
                <colgroup>
                    {COLUMNS.iter().map(|c| view! { <col class=c.class/> }).collect_view()}
                </colgroup>
                <thead>
                    <GridHeader view=view/>
                </thead>
                <tbody>
                    <Spacer height=Signal::derive(move || slice.get().space_before) columns=columns/>
                    <For
                        each=visible
                        key=|pair| *pair
                        children=move |(position, index)| {
                            view! { <GridRow report=report index=index position=position live=live/> }
                        }
                    />
                    {nothing_shown}
                    <Spacer height=Signal::derive(move || slice.get().space_after) columns=columns/>
                </tbody>
            </table>
        </div>
    }
}
