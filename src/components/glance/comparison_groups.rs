use leptos::prelude::*;

use super::GlanceInput;
use crate::glance::groups::{
    comparison_groups, groups_caption, ComparisonGroup, GroupRun, SPARK_H, SPARK_W,
};
use crate::thousands::group_thousands;

/// The comparisons shown at most (the caption counts them all).
const GROUPS_SHOWN: usize = 200;
/// The newest runs shown per comparison.
const RUNS_SHOWN: usize = 12;

/// "Group by comparison": the shown rows by comparison, the one run most recently first. Each
/// comparison lists its runs' outcomes newest first, marks a run whose outcome differs from the
/// run before it, and draws its durations, oldest to newest, as a sparkline: whether a
/// comparison *started* failing with this deploy.
#[component]
pub fn ComparisonGroups(input: GlanceInput) -> impl IntoView {
    let GlanceInput { fetch, shown, .. } = input;
    let groups = Memo::new(move |_| {
        shown.with(|shown| {
            fetch.report.with(|r| {
                r.as_ref()
                    .map_or_else(Vec::new, |r| comparison_groups(r.store.rows(), shown))
            })
        })
    });
    let capped = move || {
        let total = groups.with(Vec::len);
        (total > GROUPS_SHOWN).then(|| {
            format!(
                "Showing the {GROUPS_SHOWN} comparisons run most recently of {}.",
                group_thousands(total as u64)
            )
        })
    };
    view! {
        <section class="groups" aria-labelledby="groups-heading">
            <h3 id="groups-heading">"Runs by comparison"</h3>
            <p class="chart-numbers" aria-live="polite">{move || groups.with(|g| groups_caption(g))}</p>
            <p class="chart-note">{capped}</p>
            <table class="groups-table">
                <thead>
                    <tr>
                        <th scope="col">"Comparison"</th>
                        <th scope="col">"Runs, newest first"</th>
                        <th scope="col">"Duration trend"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || groups.with(|g| g.iter().take(GROUPS_SHOWN).map(group_row).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

fn group_row(group: &ComparisonGroup) -> impl IntoView {
    let earlier = group.runs.len().saturating_sub(RUNS_SHOWN);
    let sparkline = match &group.sparkline {
        Some(s) => view! {
            <svg class="sparkline" viewBox=format!("0 0 {SPARK_W} {SPARK_H}") role="img"
                aria-label=s.caption.clone()>
                <polyline points=s.points.clone()></polyline>
            </svg>
        }
        .into_any(),
        None => view! { <span class="chart-note">"Too few finished runs"</span> }.into_any(),
    };
    view! {
        <tr class:changed=group.changed>
            <th scope="row">
                <span class="name">{group.name.clone()}</span>
                {group.comparison_id.clone().map(|id| view! { <span class="comparison-id">{id}</span> })}
            </th>
            <td>
                <ol class="runs">
                    {group.runs.iter().take(RUNS_SHOWN).map(run_item).collect_view()}
                </ol>
                {(earlier > 0).then(|| view! { <p class="chart-note">{format!("and {} earlier", group_thousands(earlier as u64))}</p> })}
            </td>
            <td>{sparkline}</td>
        </tr>
    }
}

fn run_item(run: &GroupRun) -> impl IntoView {
    let changed = run.changed_from.as_ref().map(|before| {
        view! {
            <span class="changed-note">
                {format!("changed since the previous run ({before} → {})", run.label)}
            </span>
        }
    });
    view! {
        <li class:changed=run.changed_from.is_some()>
            <span class="run-id">{run.run_id.to_string()}</span>
            " "
            <span class=run.tone.badge_class()>{run.label.clone()}</span>
            {changed.map(|note| view! { " " {note} })}
        </li>
    }
}
