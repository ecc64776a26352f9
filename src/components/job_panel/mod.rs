//! The detail panel of one job: every field the API sent, its raw JSON, its differences down to
//! the rows, and its requests as curl commands. A modal dialog (the browser's own `<dialog>`,
//! which keeps focus inside and closes on Esc), shipped as a chunk of its own.

mod asked;
mod copy_curl;
mod diff_rows;
mod differences;
mod job_fields;
mod mismatch_bars;

use leptos::html::Dialog;
use leptos::prelude::*;

use asked::focus_heading;
use copy_curl::CopyCurl;
use differences::Differences;
use job_fields::JobFields;

use super::job_panel_slot::PanelOpener;
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::job_row::JobRow;

/// The job's row in the set shown, as the fetch has it now.
fn row_now(fetch: JobFetch, id: u64) -> Option<JobRow> {
    fetch
        .report
        .with(|r| r.as_ref().and_then(|r| r.store.get(id).cloned()))
}

/// The panel of job `id`. What it shows is the row as it was when opened (`seen`); when live
/// refresh changes the job, the panel says so and offers the new state.
#[component]
fn JobPanel(fetch: JobFetch, id: u64) -> impl IntoView {
    let opener = expect_context::<PanelOpener>();
    let seen = RwSignal::new(row_now(fetch, id));
    let now = Memo::new(move |_| row_now(fetch, id));
    let changed = move || now.with(|now| seen.with(|seen| now != seen));
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    let close = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close(); // the `close` event closes the panel
        }
    };
    let title_id = "job-panel-title";
    view! {
        <dialog class="job-panel" aria-labelledby=title_id node_ref=dialog on:close=move |_| opener.close()>
            <div class="panel-head">
                <h2 id=title_id tabindex="-1">{format!("Job {id}")}</h2>
                <button type="button" class="secondary" on:click=close>"Close"</button>
            </div>
            <div role="status" class="panel-news">
                {move || changed().then(|| view! {
                    <p>
                        "Live refresh has changed this job since the panel showed it. "
                        <button type="button" class="link" on:click=move |_| {
                            seen.set(now.get_untracked());
                            focus_heading(title_id);
                        }>
                            "Show the latest"
                        </button>
                    </p>
                })}
            </div>
            <Differences fetch=fetch id=id row=seen/>
            <JobFields fetch=fetch id=id row=seen/>
            <CopyCurl fetch=fetch id=id/>
        </dialog>
    }
}

crate::split_view! {
    /// The open job's panel, as its own chunk in the release page.
    pub fn job_panel_view(fetch: JobFetch, open: Memo<Option<u64>>) -> AnyView
        in job_panel, preload preload_job_panel
    {
        (move || open.get().map(|id| view! { <JobPanel fetch=fetch id=id/> })).into_any()
    }
}
