use leptos::prelude::*;

use crate::api::models::Job;
use crate::components::{PanelOpener, StatusNotice};
use crate::jobs::column::{Cell, COLUMNS, RUN_ID, SPANNED};
use crate::jobs::fetch_jobs::FetchReport;
use crate::jobs::job_fetch::Live;
use crate::jobs::job_row::JobRow;
use crate::jobs::tone::Tone;
use crate::time::local_time::{format_local, format_utc};
use wasm_bindgen::JsCast;

/// One row of the grid: a job's cells, or a message for an ID without a job. It reads its row
/// from the store and changes only when that row does. Every string from the API is text.
#[component]
pub fn GridRow(
    /// The fetch whose store holds the row.
    report: RwSignal<Option<FetchReport>>,
    /// The row's position in the store.
    index: usize,
    /// Its position in the grid (sorted and filtered), from 0.
    position: usize,
    /// Live refresh: the page's ticking clock, and the rows the last refresh changed.
    live: Live,
) -> impl IntoView {
    let row = Memo::new(move |_| {
        report.with(|r| r.as_ref().and_then(|r| r.store.rows().get(index).cloned()))
    });
    let class = move || {
        let id = row.with(|r| r.as_ref().and_then(JobRow::id));
        let marked = |ids: RwSignal<Vec<u64>>| id.is_some_and(|id| ids.with(|c| c.contains(&id)));
        let (added, changed) = (marked(live.added), marked(live.changed));
        row.with(|r| match r {
            Some(JobRow::NotFound(_)) => "row row-missing",
            Some(JobRow::NotLoaded { .. } | JobRow::Unreadable(_)) => "row row-failed",
            // Marked by its text too ("Updated", from the stylesheet), not only by colour.
            _ if added => "row row-new",
            _ if changed => "row row-changed",
            _ => "row",
        })
    };
    view! {
        // Row 1 is the header row.
        <tr class=class aria-rowindex=position + 2>
            {move || row.get().map(|row| cells(row, live.now))}
        </tr>
    }
}

fn cells(row: JobRow, now: RwSignal<f64>) -> AnyView {
    let (run_id, tone, badge, text, raw) = match row {
        JobRow::Found(job) => return job_cells(job, now),
        JobRow::Loading(id) => (
            id.to_string(),
            Tone::Busy,
            "LOADING",
            "Waiting for the server".to_string(),
            None,
        ),
        JobRow::NotFound(id) => (
            id.to_string(),
            Tone::Neutral,
            "NOT FOUND",
            "Not found in this workspace".into(),
            None,
        ),
        JobRow::NotLoaded { id, reason } => (id.to_string(), Tone::Bad, "NOT LOADED", reason, None),
        JobRow::Unreadable(raw) => (
            "—".into(),
            Tone::Bad,
            "UNREADABLE",
            "The API sent a job this page cannot read:".into(),
            Some(raw),
        ),
    };
    // A row whose cells after the Run ID hold one message.
    view! {
        <th scope="row" data-label=RUN_ID.label>{run_id}</th>
        <td colspan=SPANNED data-label="Result">
            <div class="cell">
                <span class=tone.badge_class()>{badge}</span>
                " "
                {text}
                {raw.map(|raw| {
                    let title = raw.clone();
                    view! { " " <code class="raw" title=title>{raw}</code> }
                })}
            </div>
        </td>
    }
    .into_any()
}

/// A found job's cells, one per column, as the columns define them.
fn job_cells(job: Job, now: RwSignal<f64>) -> AnyView {
    let now_ms = now.get_untracked();
    let running = !job.is_final();
    COLUMNS
        .iter()
        .map(|column| {
            let content = match (column.cell)(&job, now_ms) {
                // A duration that grows with the clock while the job runs: "running for 2 min
                // 13 s" (or a dash until the job's start time has come on this clock).
                Cell::Duration(_) if running => {
                    let (job, cell) = (job.clone(), column.cell);
                    let text = move || match cell(&job, now.get()) {
                        Cell::Duration(duration) => duration.text(),
                        _ => String::new(),
                    };
                    view! { <span>{text}</span> }.into_any()
                }
                cell => cell_view(cell, job.run_id),
            };
            if column.heads_row {
                let open = open_job(job.run_id, content);
                view! { <th scope="row" data-label=column.label>{open}</th> }.into_any()
            } else {
                view! {
                    <td class=column.class data-label=column.label>
                        <div class="cell">{content}</div>
                    </td>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The cell that heads a found job's row opens the job's detail panel.
fn open_job(id: u64, content: AnyView) -> AnyView {
    let opener = use_context::<PanelOpener>();
    let open = move |ev: web_sys::MouseEvent| {
        let button = event_target::<web_sys::Element>(&ev)
            .closest("button")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(opener) = opener {
            opener.open(id, button);
        }
    };
    view! { <button type="button" class="link open-job" on:click=open>{content}</button> }
        .into_any()
}

/// The most cells are one `<span>`: one shape of view for all of them keeps the page small.
fn span(class: &'static str, title: Option<String>, text: String) -> AnyView {
    view! { <span class=class title=title>{text}</span> }.into_any()
}

fn cell_view(cell: Cell, run_id: u64) -> AnyView {
    match cell {
        Cell::Empty => span("dash", None, "—".into()),
        Cell::Text(text) => span("", None, text),
        Cell::Badge(tone, label) => span(tone.badge_class(), None, label.to_string()),
        Cell::Comparison {
            name,
            comparison_id,
        } => match comparison_id.map(str::to_string) {
            Some(id) => view! {
                <span class="name" title=format!("{name}\nComparison ID {id}")>{name.to_string()}</span>
                " "
                <CopyIdButton run_id=run_id comparison_id=id/>
            }
            .into_any(),
            None => span("name", Some(name.to_string()), name.to_string()),
        },
        Cell::List(items) => {
            let text = items.join("; ");
            span("", Some(text.clone()), text)
        }
        Cell::Time(stamp) => match stamp.epoch_ms {
            Some(ms) => view! {
                <time datetime=stamp.raw.clone() title=format_utc(ms)>{format_local(ms)}</time>
            }
            .into_any(),
            // Unreadable as a date: shown exactly as sent.
            None => span("", None, stamp.raw.clone()),
        },
        Cell::Duration(duration) => {
            span("", Some(duration.source().to_string()), duration.text())
        }
    }
}

/// Copies a comparison's ID; its name starts with its visible text, so speech input finds it.
#[component]
fn CopyIdButton(run_id: u64, comparison_id: String) -> impl IntoView {
    let notice = use_context::<StatusNotice>();
    let label = format!("Copy ID of the comparison of job {run_id}");
    let title = comparison_id.clone();
    let copy = move |_| {
        crate::clipboard::copy_text(&comparison_id);
        if let Some(notice) = notice {
            notice
                .0
                .set(Some(format!("Copied comparison ID {comparison_id}.")));
        }
    };
    view! {
        <button type="button" class="link copy" aria-label=label title=title on:click=copy>
            "Copy ID"
        </button>
    }
}
