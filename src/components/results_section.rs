use leptos::prelude::*;

use super::glance::{glance_view, preload_glance, GlanceInput};
use super::{
    ChunkSlot, CopyLinkButton, GridTools, JobPanelSlot, LiveRefreshBar, ResultsGrid, ResultsSummary,
};
use crate::chunk::Chunk;
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::view_state::{sorted, ViewState};

/// What the fetch has found, as batches land: the counts (each a filter), the search, and the
/// grid of the rows that match, in the order chosen.
#[component]
pub fn ResultsSection(
    /// The fetch whose results are shown once any batch has been answered.
    fetch: JobFetch,
    /// Sort, filters and search.
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let report = fetch.report;
    let sort = Memo::new(move |_| view.with(|v| v.sort));
    // Derived lists can hold 100,000 positions: never compared, only recomputed when their
    // inputs change. Sorting happens when the rows or the sort change, not on every keystroke.
    let order = Memo::new_with_compare(
        move |_| {
            let sort = sort.get();
            report.with(|r| {
                r.as_ref().map_or_else(Vec::new, |r| {
                    sorted(r.store.rows(), sort, crate::time::local_time::now_ms())
                })
            })
        },
        |_, _| true,
    );
    let rows_view = Memo::new(move |_| view.with(ViewState::rows_view));
    let shown = Memo::new_with_compare(
        move |_| {
            rows_view.with(|filters| {
                order.with(|order| {
                    report.with(|r| {
                        r.as_ref()
                            .map_or_else(Vec::new, |r| filters.filter(r.store.rows(), order))
                    })
                })
            })
        },
        |_, _| true,
    );
    let summary = Memo::new(move |_| {
        report.with(|r| r.as_ref().map(|r| r.store.summary()).unwrap_or_default())
    });
    let has_rows = fetch.has_answers;
    let glance = GlanceInput { fetch, view, shown };
    // The charts' code loads once the first rows are there, not before the first screen.
    let glance_chunk = Chunk::new(|| Box::pin(preload_glance()));
    let grouped = Memo::new(move |_| view.with(|v| v.grouped));
    let grid = move || {
        (!grouped.get()).then(|| {
            view! { <ResultsGrid report=report view=view shown=shown rows_view=rows_view live=fetch.live/> }
        })
    };
    let results = move || {
        has_rows.get().then(|| {
            view! {
                <div class="results-bar">
                    <ResultsSummary summary=summary.into() view=view/>
                    <CopyLinkButton/>
                </div>
                <LiveRefreshBar fetch=fetch/>
                <GridTools report=report view=view shown=shown/>
                <ChunkSlot
                    chunk=glance_chunk
                    wanted=has_rows.into()
                    what="charts"
                    render=move || glance_view(glance)
                />
                {grid}
                <JobPanelSlot fetch=fetch view=view/>
            }
        })
    };
    view! {
        <section class="results-section" aria-label="Results">
            {results}
        </section>
    }
}

crate::split_view! {
    /// The results section as its own chunk in the release page: typing and fetching do not
    /// need it, so it loads while the first batch is asked for (or sooner, when the browser idles).
    pub fn results_view(fetch: JobFetch, view: RwSignal<ViewState>) -> AnyView
        in results, preload preload_results
    {
        view! { <ResultsSection fetch=fetch view=view/> }.into_any()
    }
}
