use leptos::prelude::*;

use super::GlanceInput;
use crate::glance::outcome_bar::{outcome_caption, outcome_segments, Segment};
use crate::jobs::view_state::ViewState;
use crate::thousands::group_thousands;

/// One stacked bar of the shown jobs by status and outcome. Each part is a button with its name
/// and count that applies that filter (pressed while it does), as the counts above the grid do;
/// an HTML button rather than an SVG shape, so keyboards and screen readers get a real one.
#[component]
pub fn OutcomeBar(input: GlanceInput) -> impl IntoView {
    let GlanceInput { fetch, shown, .. } = input;
    let segments = Memo::new(move |_| {
        shown.with(|shown| {
            fetch.report.with(|r| {
                r.as_ref()
                    .map_or_else(Vec::new, |r| outcome_segments(r.store.rows(), shown))
            })
        })
    });
    view! {
        <figure class="chart outcome-chart">
            <figcaption>
                <span class="chart-title">"Outcome"</span>
                " "
                <span class="chart-numbers">{move || segments.with(|s| outcome_caption(s))}</span>
            </figcaption>
            <div class="outcome-bar" role="group" aria-label="Filter by outcome">
                // Keyed by label: a part keeps keyboard focus while its count changes.
                <For each=move || segments.get() key=|s| s.label.clone() let(segment)>
                    <OutcomePart segment=segment segments=segments input=input/>
                </For>
            </div>
        </figure>
    }
}

/// One part of the bar: "MISMATCH 180", as wide as its share.
#[component]
fn OutcomePart(
    segment: Segment,
    segments: Memo<Vec<Segment>>,
    input: GlanceInput,
) -> impl IntoView {
    let view = input.view;
    let filters = StoredValue::new(segment.filters.clone());
    let label = segment.label.clone();
    let now = Memo::new(move |_| {
        segments.with(|all| {
            all.iter()
                .find(|s| s.label == label)
                .map_or((0, 0), |s| (s.count, s.width))
        })
    });
    let text = Signal::derive({
        let label = segment.label.clone();
        move || format!("{label} {}", group_thousands(now.get().0 as u64))
    });
    // "SUCCESS, no result" needs two filters at once; every other part one.
    let applied = move |v: &ViewState| {
        filters.with_value(|f| {
            f.iter()
                .all(|(group, value)| v.ticked(*group).contains(value))
        })
    };
    let pressed = move || view.with(applied).to_string();
    let toggle = move |_| {
        view.update(|v| {
            let on = !applied(v);
            filters.with_value(|f| {
                for (group, value) in f {
                    if v.ticked(*group).contains(value) != on {
                        v.ticked_mut(*group).toggle(value);
                    }
                }
            })
        })
    };
    view! {
        <button type="button" class=format!("segment {}", segment.tone.badge_class())
            style:flex-grow=move || now.get().1.to_string() aria-pressed=pressed title=text
            on:click=toggle>
            {text}
        </button>
    }
}
