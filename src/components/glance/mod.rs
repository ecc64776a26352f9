//! "At a glance": the charts above the grid, "Group by comparison" and the downloads. Its code is
//! the `glance` chunk: the first screen does not need it, so it loads once the first rows arrive.

mod comparison_groups;
mod duration_chart;
mod export_buttons;
mod outcome_bar;
mod timeline_chart;

use leptos::prelude::*;

use comparison_groups::ComparisonGroups;
use duration_chart::DurationChart;
use export_buttons::ExportButtons;
use outcome_bar::OutcomeBar;
use timeline_chart::TimelineChart;

use crate::jobs::job_fetch::JobFetch;
use crate::jobs::view_state::ViewState;
use crate::link::saved_settings;

/// What the glance views read: the fetch's rows and clock, the grid's view, and the rows it shows.
#[derive(Clone, Copy)]
pub struct GlanceInput {
    pub fetch: JobFetch,
    pub view: RwSignal<ViewState>,
    /// Store positions of the rows the grid shows, in its order: the charts follow its filters.
    pub shown: Memo<Vec<u32>>,
}

/// The charts (folding away; the choice is remembered on this device), the grouping toggle and
/// the downloads; with grouping on, the comparisons take the grid's place.
#[component]
fn AtAGlance(input: GlanceInput) -> impl IntoView {
    let view = input.view;
    let folded = RwSignal::new(saved_settings::charts_folded());
    let toggle_fold = move |_| {
        folded.update(|f| *f = !*f);
        saved_settings::save_charts_folded(folded.get_untracked());
    };
    let grouped = move || view.with(|v| v.grouped);
    let toggle_group = move |_| view.update(|v| v.grouped = !v.grouped);
    let charts = move || {
        (!folded.get()).then(|| {
            view! {
                <div id="charts" class="charts">
                    <OutcomeBar input=input/>
                    <DurationChart input=input/>
                    <TimelineChart input=input/>
                </div>
            }
        })
    };
    view! {
        <section class="glance" aria-labelledby="glance-heading">
            <div class="glance-bar">
                <h2 id="glance-heading">"At a glance"</h2>
                <button type="button" class="secondary" aria-expanded=move || (!folded.get()).to_string()
                    aria-controls="charts" on:click=toggle_fold>
                    {move || if folded.get() { "Show charts" } else { "Hide charts" }}
                </button>
                <button type="button" class="secondary" aria-pressed=move || grouped().to_string()
                    on:click=toggle_group>
                    "Group by comparison"
                </button>
                <ExportButtons input=input/>
            </div>
            {charts}
            {move || grouped().then(|| view! { <ComparisonGroups input=input/> })}
        </section>
    }
}

crate::split_view! {
    /// The glance views as their own chunk in the release page.
    pub fn glance_view(input: GlanceInput) -> AnyView in glance, preload preload_glance {
        view! { <AtAGlance input=input/> }.into_any()
    }
}
