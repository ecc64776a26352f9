//! Where a windowed list is scrolled, and how tall its view and its rows are: the grid's, and the
//! drill-down's differing rows.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_resize_observer::use_resize_observer;
use wasm_bindgen::JsCast;
use web_sys::HtmlDivElement;

use super::window::{window, Window};

/// A first guess at a row's height in pixels, until a rendered row is measured.
const ROW_HEIGHT_GUESS: f64 = 56.0;

/// Where the grid is scrolled, and how tall its view and its rows are.
#[derive(Clone, Copy)]
pub struct Scroll {
    top: RwSignal<f64>,
    view_height: RwSignal<f64>,
    row_height: RwSignal<f64>,
}

impl Default for Scroll {
    fn default() -> Self {
        Self::new()
    }
}

impl Scroll {
    pub fn new() -> Scroll {
        Scroll {
            top: RwSignal::new(0.0),
            view_height: RwSignal::new(600.0),
            row_height: RwSignal::new(ROW_HEIGHT_GUESS),
        }
    }

    /// The scroller's `scroll` event: it has moved.
    pub fn scrolled(self, ev: leptos::ev::Event) {
        let target: web_sys::Element = event_target(&ev);
        self.top.set(f64::from(target.scroll_top()));
    }

    /// The rows of a `total`-row list in view now.
    pub fn window(self, total: usize) -> Window {
        let (row, top, height) = (
            self.row_height.get(),
            self.top.get(),
            self.view_height.get(),
        );
        window(total, row, top, height)
    }

    /// Keeps the measures true as rows change (`rows` reads what they depend on) and the
    /// scroller resizes (a window resized or zoomed, the switch to cards), and goes back to the
    /// top when `restart` changes (a new sort, filter or search).
    pub fn follow(
        self,
        scroller: NodeRef<Div>,
        rows: impl Fn() + Send + Sync + 'static,
        restart: impl Fn() + Send + Sync + 'static,
    ) {
        let measure = move || {
            // A frame callback can come after the list is gone (a new fetch replaces it); its
            // signals are disposed by then.
            if self.row_height.is_disposed() {
                return;
            }
            if let Some(element) = scroller.get_untracked() {
                self.measure(&element);
            }
        };
        Effect::new(move |_| {
            rows();
            request_animation_frame(measure);
        });
        use_resize_observer(scroller, move |_, _| measure());
        Effect::watch(
            restart,
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
    pub fn measure(self, scroller: &HtmlDivElement) {
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

/// The space the rows out of view would take in a table `columns` wide, so the scrollbar is
/// true to the whole list.
#[component]
pub fn Spacer(
    /// In pixels.
    height: Signal<f64>,
    columns: usize,
) -> impl IntoView {
    // Whole pixels: formatting a float would bring Rust's float printer into the page.
    let px = move || format!("{}px", height.get().round() as u64);
    view! {
        <tr class="spacer" aria-hidden="true">
            <td colspan=columns style:height=px></td>
        </tr>
    }
}
