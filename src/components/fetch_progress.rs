use leptos::prelude::*;

use crate::jobs::fetch_jobs::Progress;

/// Batches done of total while a fetch runs, with a way to stop it. Built once per fetch and
/// updated in place: the Cancel button keeps keyboard focus while batches come in.
#[component]
pub fn FetchProgress(
    /// The running fetch's progress; `None` when nothing runs.
    progress: Signal<Option<Progress>>,
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
        format!(
            "Fetching… {} of {} {} done{retries}",
            p.batches_done,
            p.batches_total,
            if p.batches_total == 1 {
                "batch"
            } else {
                "batches"
            },
        )
    };
    move || {
        running.get().then(|| {
            view! {
                <div class="progress">
                    <progress
                        max=move || read().batches_total
                        value=move || read().batches_done
                        aria-label="Batches fetched"
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
