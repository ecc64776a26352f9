use leptos::prelude::*;

use super::GlanceInput;
use crate::glance::durations::{bin_label, durations, durations_caption, DurationBin, Durations};
use crate::jobs::view_state::ViewState;
use crate::thousands::group_thousands;
use crate::time::timing::format_duration;

/// How many of a bar's run IDs its description names before "and N more".
const IDS_NAMED: usize = 10;

/// The distribution of finished jobs' durations, with p50, p90 and max written out. Each bar is
/// a button: hovering or focusing it says which jobs it holds, activating it narrows the grid to
/// them (again: shows all durations). The bars count the rows every other filter shows, so they
/// stay put while one of them narrows the grid.
#[component]
pub fn DurationChart(input: GlanceInput) -> impl IntoView {
    let GlanceInput { fetch, view, shown } = input;
    let narrowed = Memo::new(move |_| view.with(|v| v.duration));
    let chart = Memo::new(move |_| {
        let now = fetch.live.now.get();
        fetch.report.with(|r| {
            let rows = r.as_ref()?.store.rows();
            match narrowed.get() {
                None => shown.with(|shown| durations(rows, shown, now)),
                Some(_) => {
                    let others = view.with(|v| ViewState {
                        duration: None,
                        ..v.rows_view()
                    });
                    let all: Vec<u32> = (0..rows.len() as u32).collect();
                    durations(rows, &others.filter(rows, &all), now)
                }
            }
        })
    });
    let described = RwSignal::new(None::<String>);
    let bars = move |d: &Durations| {
        let tallest = d.bins.iter().map(|b| b.count).max().unwrap_or(1).max(1);
        d.bins
            .iter()
            .map(|bin| bar(bin, tallest, input, described))
            .collect_view()
    };
    let axis = |d: &Durations| {
        let from = d.bins.first().map_or(0, |b| b.from_ms);
        let to = d.bins.last().map_or(0, |b| b.to_ms);
        view! {
            <div class="axis" aria-hidden="true">
                <span>{format_duration(from as f64 / 1000.0)}</span>
                <span>{format_duration(to as f64 / 1000.0)}</span>
            </div>
        }
    };
    move || {
        chart.with(|d| match d {
            None => view! {
                <figure class="chart duration-chart">
                    <figcaption><span class="chart-title">"Durations"</span>" No finished job among those shown."</figcaption>
                </figure>
            }
            .into_any(),
            Some(d) => view! {
                <figure class="chart duration-chart">
                    <figcaption>
                        <span class="chart-title">"Durations"</span>
                        " "
                        <span class="chart-numbers">{durations_caption(d)}</span>
                    </figcaption>
                    <div class="histogram" role="group" aria-label="Narrow the grid to a duration">
                        {bars(d)}
                    </div>
                    {axis(d)}
                    <p class="chart-detail" aria-live="polite">{move || described.get()}</p>
                </figure>
            }
            .into_any(),
        })
    }
}

/// One bar: as tall as its count, pressed while the grid is narrowed to it.
fn bar(
    bin: &DurationBin,
    tallest: usize,
    input: GlanceInput,
    described: RwSignal<Option<String>>,
) -> impl IntoView {
    let view = input.view;
    let range = bin.range();
    let label = bin_label(bin);
    let detail = jobs_held(&label, &bin.run_ids);
    let height = format!("{}%", (bin.count * 100).div_ceil(tallest).max(1));
    let pressed = move || view.with(|v| v.duration == Some(range)).to_string();
    let toggle = move |_| {
        view.update(|v| {
            v.duration = if v.duration == Some(range) {
                None
            } else {
                Some(range)
            }
        })
    };
    // Hover and focus say the same; the text is stored so both handlers can share it.
    let detail = StoredValue::new(detail);
    let say = move || described.set(Some(detail.get_value()));
    view! {
        <button type="button" class="bin" aria-label=label aria-pressed=pressed on:click=toggle
            on:mouseenter=move |_| say() on:focus=move |_| say()>
            <span class="bin-fill" style:height=height></span>
        </button>
    }
}

/// "1 min 0 s – 1 min 30 s: 12 jobs: 1042, 1003, … and 2 more".
fn jobs_held(label: &str, ids: &[u64]) -> String {
    if ids.is_empty() {
        return label.to_string();
    }
    let named: Vec<String> = ids.iter().take(IDS_NAMED).map(u64::to_string).collect();
    let more = ids.len().saturating_sub(IDS_NAMED);
    let rest = if more > 0 {
        format!(" and {} more", group_thousands(more as u64))
    } else {
        String::new()
    };
    format!("{label}: {}{rest}", named.join(", "))
}
