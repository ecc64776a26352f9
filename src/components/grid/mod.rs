//! The results grid: a table that holds any number of jobs by rendering only the rows in view.

mod header;
mod row;
pub mod window;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use header::GridHeader;
use row::GridRow;
use window::window;

use crate::jobs::column::COLUMNS;
use crate::jobs::fetch_jobs::FetchReport;
use crate::jobs::job_fetch::Live;
use crate::jobs::view_state::{Direction, ViewState};

/// A first guess at a row's height in pixels, until a rendered row is measured.
const ROW_HEIGHT_GUESS: f64 = 56.0;

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
    /// Live refresh: the clock "running for" ticks by, and the rows just changed.
    live: Live,
) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let view_height = RwSignal::new(600.0);
    let row_height = RwSignal::new(ROW_HEIGHT_GUESS);
    let slice = Memo::new(move |_| {
        shown.with(|s| {
            window(
                s.len(),
                row_height.get(),
                scroll_top.get(),
                view_height.get(),
            )
        })
    });
    let visible = move || {
        let w = slice.get();
        shown.with(|s| {
            s[w.first..w.end]
                .iter()
                .enumerate()
                .map(|(k, &index)| (w.first + k, index as usize))
                .collect::<Vec<_>>()
        })
    };

    // Rows are as tall as the stylesheet makes them (it differs for cards at narrow widths):
    // measured from the page, so the spacers match whatever font size the reader uses.
    let measure = move || {
        // Called from a frame callback or a resize, either of which can come after the grid is
        // gone (a new fetch replaces it); its signals are disposed by then.
        if row_height.is_disposed() {
            return;
        }
        let Some(scroller) = scroller.get_untracked() else {
            return;
        };
        let height = f64::from(scroller.client_height());
        if height != view_height.get_untracked() {
            view_height.set(height);
        }
        let Ok(rows) = scroller.query_selector_all("tbody tr.row") else {
            return;
        };
        let top = |i| {
            rows.get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                .map(|e| (f64::from(e.offset_top()), f64::from(e.offset_height())))
        };
        let height = match (top(0), top(1)) {
            (Some((first, _)), Some((second, _))) => second - first,
            (Some((_, height)), None) => height,
            _ => return,
        };
        if height > 0.0 && (height - row_height.get_untracked()).abs() >= 0.5 {
            row_height.set(height);
        }
    };
    Effect::new(move |_| {
        shown.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // A new sort, filter or search starts from the top of the list.
    Effect::new(move |first_run: Option<()>| {
        view.track();
        if first_run.is_some() {
            if let Some(scroller) = scroller.get_untracked() {
                scroller.set_scroll_top(0);
            }
        }
    });

    let caption = move || match view.with(|v| v.sort) {
        None => "Comparison jobs, in the order requested".to_string(),
        Some(sort) => format!(
            "Comparison jobs, sorted by {}, {}",
            sort.column().label,
            match sort.direction {
                Direction::Ascending => "ascending",
                Direction::Descending => "descending",
            }
        ),
    };
    let columns = COLUMNS.len();
    // Whole pixels: formatting a float would bring Rust's float printer into the page.
    let px = |height: f64| format!("{}px", height.round() as u64);
    let space_before = move || px(slice.get().space_before);
    let space_after = move || px(slice.get().space_after);
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
            on:scroll=move |ev| {
                let target: web_sys::Element = event_target(&ev);
                scroll_top.set(f64::from(target.scroll_top()));
            }
        >
            <table class="results grid" aria-rowcount=move || shown.with(Vec::len) + 1>
                <caption>{caption}</caption>
                <colgroup>
                    {COLUMNS.iter().map(|c| view! { <col class=c.class/> }).collect_view()}
                </colgroup>
                <thead>
                    <GridHeader view=view/>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true">
                        <td colspan=columns style:height=space_before></td>
                    </tr>
                    <For
                        each=visible
                        key=|pair| *pair
                        children=move |(position, index)| {
                            view! {
                                <GridRow
                                    report=report
                                    index=index
                                    position=position
                                    live=live
                                />
                            }
                        }
                    />
                    {nothing_shown}
                    <tr class="spacer" aria-hidden="true">
                        <td colspan=columns style:height=space_after></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
