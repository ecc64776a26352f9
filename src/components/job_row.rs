use leptos::prelude::*;

use crate::batching::JobRow;
use crate::job::{Job, Timestamp};
use crate::local_time::format_local;
use crate::timing::{format_utc, job_duration, DurationText};

/// Cells after the Run ID, for rows that span them with one message.
const SPAN: &str = "8";

/// One table row. Every string from the API goes in as text, never as HTML. Its "Copy ID" button
/// carries the ID in `data-comparison-id`; the table handles all such clicks with one listener.
#[component]
pub fn JobRowView(
    /// What the API said about this ID.
    row: JobRow,
    /// The clock reading used for "running for".
    now_ms: f64,
) -> impl IntoView {
    match row {
        JobRow::Found(job) => found_row(job, now_ms).into_any(),
        JobRow::NotFound(id) => view! {
            <tr class="row-missing">
                <th scope="row">{id}</th>
                <td colspan=SPAN>
                    <span>
                        <super::Badge tone="neutral" label="NOT FOUND".to_string()/>
                        " Not found in this workspace"
                    </span>
                </td>
            </tr>
        }
        .into_any(),
        JobRow::Failed { id, reason } => view! {
            <tr class="row-failed">
                <th scope="row">{id}</th>
                <td colspan=SPAN>
                    <span>
                        <super::Badge tone="bad" label="NOT LOADED".to_string()/>
                        {format!(" {reason}: see the message above")}
                    </span>
                </td>
            </tr>
        }
        .into_any(),
        JobRow::Unreadable(raw) => view! {
            <tr class="row-failed">
                <th scope="row">"—"</th>
                <td colspan=SPAN>
                    <span>
                        <super::Badge tone="bad" label="UNREADABLE".to_string()/>
                        " The API sent a job this page cannot read: "
                        <code class="raw">{raw}</code>
                    </span>
                </td>
            </tr>
        }
        .into_any(),
    }
}

fn dash() -> AnyView {
    view! { <span class="dash">"—"</span> }.into_any()
}

fn time_cell(stamp: Option<Timestamp>) -> AnyView {
    match stamp {
        Some(Timestamp {
            raw,
            epoch_ms: Some(ms),
        }) => view! {
            <time datetime=raw title=format_utc(ms)>{format_local(ms)}</time>
        }
        .into_any(),
        // Unreadable as a date: shown exactly as sent.
        Some(Timestamp {
            raw,
            epoch_ms: None,
        }) => view! { <span>{raw}</span> }.into_any(),
        None => dash(),
    }
}

fn found_row(job: Job, now_ms: f64) -> impl IntoView {
    let run_id = job.run_id;
    let finished_status = job.status.as_ref().is_some_and(|s| s.is_final());
    let duration = job_duration(
        job.result.as_ref().and_then(|r| r.time_taken),
        job.started_at.as_ref().and_then(|t| t.epoch_ms),
        job.finished_at.as_ref().and_then(|t| t.epoch_ms),
        finished_status,
        now_ms,
    );
    let duration_title = match &duration {
        DurationText::Reported(_) => "time_taken reported by the API",
        DurationText::Measured(_) => "finished − started",
        DurationText::RunningFor(_) => "since it started",
        DurationText::Unknown => "not known",
    };
    let status = match &job.status {
        Some(s) => view! { <super::Badge tone=s.tone() label=s.label().to_string()/> }.into_any(),
        None => dash(),
    };
    let (outcome, reasons) = match job.result {
        Some(result) => (result.diff_status, result.diff_reasons),
        None => (None, Vec::new()),
    };
    let outcome = match outcome {
        Some(o) => view! { <super::Badge tone=o.tone() label=o.label().to_string()/> }.into_any(),
        None => dash(),
    };
    let reasons = if reasons.is_empty() {
        dash()
    } else {
        view! { <ul class="reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }
            .into_any()
    };
    let name = job
        .comparison_name
        .unwrap_or_else(|| "(unnamed comparison)".into());
    let comparison = match job.comparison_id {
        Some(id) => view! {
            <span class="name" title=format!("Comparison ID {id}")>{name}</span>
            " "
            <button
                type="button"
                class="link copy"
                aria-label=format!("Copy comparison ID of job {run_id}")
                title=id.clone()
                data-comparison-id=id
            >
                "Copy ID"
            </button>
        }
        .into_any(),
        None => view! { <span class="name">{name}</span> }.into_any(),
    };
    view! {
        <tr>
            <th scope="row">{run_id}</th>
            <td>
                <span>{comparison}</span>
            </td>
            <td>{status}</td>
            <td>{outcome}</td>
            <td>{reasons}</td>
            <td>
                {match job.failure_reason {
                    Some(reason) => reason.into_any(),
                    None => dash(),
                }}
            </td>
            <td>{time_cell(job.started_at)}</td>
            <td>{time_cell(job.finished_at)}</td>
            <td class="duration" title=duration_title>{duration.text()}</td>
        </tr>
    }
}
