use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::job_panel::{job_panel_view, preload_job_panel};
use super::ChunkSlot;
use crate::chunk::Chunk;
use crate::diff::table::DiffTable;
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::job_row::JobRow;
use crate::jobs::view_state::ViewState;

/// Opens a job's detail panel from the grid, and brings focus back to where it came from.
#[derive(Clone, Copy)]
pub struct PanelOpener {
    view: RwSignal<ViewState>,
    /// The job ID pressed to open the panel; a panel opened from a link has none.
    opener: StoredValue<Option<HtmlElement>, LocalStorage>,
}

impl PanelOpener {
    pub fn open(self, id: u64, from: Option<HtmlElement>) {
        self.opener.set_value(from);
        self.view.update(|v| v.job = Some(id));
    }

    /// Closes the panel; focus goes back to the ID it was opened from, or (when live refresh
    /// has rebuilt that row, or the panel came from a link) to the job's ID in the grid now.
    pub fn close(self) {
        let id = self.view.with_untracked(|v| v.job);
        self.view.update(|v| v.job = None);
        let opener = self.opener.get_value().filter(|e| e.is_connected());
        if let Some(element) = opener.or_else(|| id.and_then(id_button)) {
            let _ = element.focus();
        }
        self.opener.set_value(None);
    }
}

/// Job `id`'s button in the grid, if its row is in the page.
fn id_button(id: u64) -> Option<HtmlElement> {
    let buttons = document()
        .query_selector_all(".grid-scroll button.open-job")
        .ok()?;
    let text = id.to_string();
    (0..buttons.length())
        .filter_map(|i| buttons.get(i))
        .find(|b| b.text_content().as_deref() == Some(text.as_str()))
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
}

/// The diff details asked for while this set is shown, by job: asked once per job.
#[derive(Clone, Copy)]
pub struct DiffCache(pub StoredValue<HashMap<u64, Arc<DiffTable>>>);

/// Where the detail panel of the open job appears. Its code is a chunk of its own, prefetched
/// once the results show and the browser idles; the panel opens once the job's row has landed
/// (from a link: once the set has loaded far enough to have it).
#[component]
pub fn JobPanelSlot(fetch: JobFetch, view: RwSignal<ViewState>) -> impl IntoView {
    provide_context(PanelOpener {
        view,
        opener: StoredValue::new_local(None),
    });
    provide_context(DiffCache(StoredValue::new(HashMap::new())));
    let chunk = Chunk::new(|| Box::pin(preload_job_panel()));
    request_idle_callback(move || chunk.load());
    let open = Memo::new(move |_| {
        let id = view.with(|v| v.job)?;
        let landed = fetch.report.with(|r| match r.as_ref()?.store.get(id) {
            Some(JobRow::Loading(_)) => Some(false),
            Some(_) => Some(true),
            None => None,
        });
        landed.unwrap_or(!fetch.fetching.get()).then_some(id)
    });
    view! {
        <ChunkSlot
            chunk=chunk
            wanted=Signal::derive(move || open.get().is_some())
            what="job details panel"
            render=move || job_panel_view(fetch, open)
        />
    }
}
