//! The results grid: a table that holds any number of jobs by rendering only the rows in view.

mod header;
mod row;
pub mod window;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::JsCast;
use web_sys::HtmlDivElement;

use header::GridHeader;
use row::GridRow;
use window::{window, Window};

use crate::jobs::column::COLUMNS;
use crate::jobs::fetch_jobs::FetchReport;
use crate::jobs::job_fetch::Live;
use crate::jobs::view_state::{Direction, Sort, ViewState};

/// A first guess at a row's height in pixels, until a rendered row is measured.
const ROW_HEIGHT_GUESS: f64 = 56.0;

/// Where the grid is scrolled, and how tall its view and its rows are.
#[derive(Clone, Copy)]
struct Scroll {
    top: RwSignal<f64>,
    view_height: RwSignal<f64>,
    row_height: RwSignal<f64>,
}

impl Scroll {
    fn new() -> Scroll {
        Scroll {
            top: RwSignal::new(0.0),
            view_height: RwSignal::new(600.0),
            row_height: RwSignal::new(ROW_HEIGHT_GUESS),
        }
    }

    /// The rows of a `total`-row list in view now.
    fn window(self, total: usize) -> Window {
        let (row, top, height) = (
            self.row_height.get(),
            self.top.get(),
            self.view_height.get(),
        );
        window(total, row, top, height)
    }

    /// Keeps the measures true as rows change and the scroller resizes (a window resized or
    /// zoomed, the switch to cards), and goes back to the top on a new sort, filter or search.
    fn follow(self, scroller: NodeRef<Div>, shown: Memo<Vec<u32>>, view: RwSignal<ViewState>) {
        let measure = move || {
            // A frame callback can come after the grid is gone (a new fetch replaces it); its
            // signals are disposed by then.
            if self.row_height.is_disposed() {
                return;
            }
            if let Some(element) = scroller.get_untracked() {
                self.measure(&element);
            }
        };
        Effect::new(move |_| {
            shown.track();
            request_animation_frame(measure);
        });
        use_resize_observer(scroller, move |_, _| measure());
        Effect::watch(
            move || view.track(),
            move |_, _, _| {
                if let Some(element) = scroller.get_untracked() {
                    element.set_scroll_top(0);
                }
            },
            false,
        );
    }

    /// Rows are as tall as the stylesheet makes them (it differs for cards at narrow widths):
    /// measured from the page, so the spacers match whatever font size the reader uses.
    fn measure(self, scroller: &HtmlDivElement) {
        let height = f64::from(scroller.client_height());
        if height != self.view_height.get_untracked() {
            self.view_height.set(height);
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
        if height > 0.0 && (height - self.row_height.get_untracked()).abs() >= 0.5 {
            self.row_height.set(height);
        }
    }
}

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
    scroll.follow(scroller, shown, view);
    let columns = COLUMNS.len();
    let nothing_shown = move || {
        shown.with(Vec::is_empty).then(|| {
            view! {
                <tr class="empty">
                    <td colspan=columns>"No jobs match the filters and search."</td>
                </tr>
            }
        })
    };
    let on_scroll = move |ev| {
        let target: web_sys::Element = event_target(&ev);
        scroll.top.set(f64::from(target.scroll_top()));
    };
    view! {
        <div
            class="grid-scroll"
            tabindex="0"
            role="region"
            aria-label="Results grid"
            node_ref=scroller
            on:scroll=on_scroll
        >
            <table class="results grid" aria-rowcount=move || shown.with(Vec::len) + 1>
                <caption>{move || view.with(|v| caption(v.sort))}</caption>
                <colgroup>
                    {COLUMNS.iter().map(|c| view! { <col class=c.class/> }).collect_view()}
                </colgroup>
                <thead>
                    <GridHeader view=view/>
                </thead>
                <tbody>
                    <Spacer height=Signal::derive(move || slice.get().space_before)/>
                    <For
                        each=visible
                        key=|pair| *pair
                        children=move |(position, index)| {
                            view! { <GridRow report=report index=index position=position live=live/> }
                        }
                    />
                    {nothing_shown}
                    <Spacer height=Signal::derive(move || slice.get().space_after)/>
                </tbody>
            </table>
        </div>
    }
}

/// The space the rows out of view would take, so the scrollbar is true to the whole list.
#[component]
fn Spacer(
    /// In pixels.
    height: Signal<f64>,
) -> impl IntoView {
    // Whole pixels: formatting a float would bring Rust's float printer into the page.
    let px = move || format!("{}px", height.get().round() as u64);
    view! {
        <tr class="spacer" aria-hidden="true">
            <td colspan=COLUMNS.len() style:height=px></td>
        </tr>
    }
}
