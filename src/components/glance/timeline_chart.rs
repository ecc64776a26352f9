use leptos::prelude::*;

use super::GlanceInput;
use crate::glance::timeline::{bar_label, timeline, timeline_caption, Timeline, TIMELINE_CAP};
use crate::thousands::group_thousands;
use crate::time::local_time::{format_axis_label, format_local};

/// The height of one job's lane, in the drawing's units.
const LANE: u32 = 6;

/// Each job as a bar from start to finish on one time axis, so overlaps and stragglers show;
/// running jobs reach "now" and grow with the page's clock. Drawn as SVG (nothing in it is
/// interactive; each bar's title names the job), with the numbers in its caption.
#[component]
pub fn TimelineChart(input: GlanceInput) -> impl IntoView {
    let GlanceInput { fetch, shown, .. } = input;
    let chart = Memo::new(move |_| {
        let now = fetch.live.now.get();
        shown.with(|shown| {
            fetch
                .report
                .with(|r| timeline(r.as_ref()?.store.rows(), shown, now))
        })
    });
    move || {
        chart.with(|t| match t {
            None => view! {
                <figure class="chart timeline-chart">
                    <figcaption><span class="chart-title">"Timeline"</span>" No job among those shown has started."</figcaption>
                </figure>
            }
            .into_any(),
            Some(t) => drawing(t).into_any(),
        })
    }
}

fn drawing(t: &Timeline) -> impl IntoView {
    let height = t.bars.len() as u32 * LANE;
    let bars = t
        .bars
        .iter()
        .enumerate()
        .map(|(lane, bar)| {
            let class = format!(
                "lane {}{}",
                bar.tone.badge_class(),
                if bar.running { " running" } else { "" }
            );
            view! {
                <rect class=class x=bar.x.to_string() y=(lane as u32 * LANE + 1).to_string()
                    width=bar.width.to_string() height=(LANE - 2).to_string()>
                    <title>{bar_label(bar, format_local)}</title>
                </rect>
            }
        })
        .collect_view();
    let capped = t.capped.map(|total| {
        format!(
            "Showing the first {} of {} started jobs, in the grid's order.",
            TIMELINE_CAP,
            group_thousands(total as u64)
        )
    });
    let ticks = t
        .ticks
        .iter()
        .map(|(x, at)| {
            let left = format!("{}%", x / 10);
            let label = format_axis_label(*at, t.to_ms - t.from_ms);
            view! { <span style:left=left>{label}</span> }
        })
        .collect_view();
    view! {
        <figure class="chart timeline-chart">
            <figcaption>
                <span class="chart-title">"Timeline"</span>
                " "
                <span class="chart-numbers">{timeline_caption(t, format_local)}</span>
                {capped.map(|note| view! { " " <span class="chart-note">{note}</span> })}
            </figcaption>
            <svg class="timeline" viewBox=format!("0 0 1000 {height}") preserveAspectRatio="none"
                style:height=format!("{}px", (height / 2).clamp(24, 240)) aria-hidden="true">
                {bars}
            </svg>
            <div class="ticks" aria-hidden="true">{ticks}</div>
        </figure>
    }
}
