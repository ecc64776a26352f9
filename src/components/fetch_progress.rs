use leptos::prelude::*;

use crate::jobs::fetch_jobs::Progress;
use crate::thousands::group_thousands;

/// Jobs loaded of those asked for while a fetch runs, with a way to stop it. Built once per fetch
/// and updated in place: the Cancel button keeps keyboard focus while batches come in.
#[component]
pub fn FetchProgress(
    /// The running fetch's progress; `None` when nothing runs.
    progress: Signal<Option<Progress>>,
    /// The page's clock (ms since the epoch), for how long the server asked us to wait.
    now: RwSignal<f64>,
    /// Stops the running fetch.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let running = Memo::new(move |_| progress.with(Option::is_some));
    let read = move || progress.get().unwrap_or_default();
    let text = move || {
        let p = read();
        let retries = match p.retries {
            0 => String::new(),
            1 => " (1 retry)".to_string(),
            n => format!(" ({n} retries)"),
        };
        let waiting = p
            .resume_at_ms
            .map(|at| waiting_text(at as f64 - now.get()))
            .unwrap_or_default();
        format!(
            "Fetching… {} of {} {}{retries}{waiting}",
            group_thousands(p.ids_done as u64),
            group_thousands(p.ids_total as u64),
            if p.ids_total == 1 { "job" } else { "jobs" },
        )
    };
    move || {
        running.get().then(|| {
            view! {
                <div class="progress">
                    <progress
                        max=move || read().ids_total
                        value=move || read().ids_done
                        aria-label="Jobs fetched"
                    ></progress>
                    <span>{text}</span>
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                        "Cancel"
                    </button>
                </div>
            }
        })
    }
}

/// ". Server asked us to slow down; resuming in 3 s": while every request holds back.
fn waiting_text(left_ms: f64) -> String {
    let secs = (left_ms / 1000.0).ceil().max(0.0) as u64;
    match secs {
        0 => ". Server asked us to slow down; resuming now".into(),
        s => format!(". Server asked us to slow down; resuming in {s} s"),
    }
}
