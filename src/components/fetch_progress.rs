use leptos::prelude::*;

use crate::jobs::fetch_jobs::Progress;

/// Batches done of total while a fetch runs, with a way to stop it.
#[component]
pub fn FetchProgress(
    /// The running fetch's progress; `None` when nothing runs.
    progress: Signal<Option<Progress>>,
    /// Stops the running fetch.
    on_cancel: Callback<()>,
) -> impl IntoView {
    move || {
        progress.get().map(|p| {
            let retries = match p.retries {
                0 => String::new(),
                1 => " (1 retry)".to_string(),
                n => format!(" ({n} retries)"),
            };
            view! {
                <div class="progress">
                    <progress max=p.batches_total value=p.batches_done aria-label="Batches fetched"></progress>
                    <span>
                        {format!(
                            "Fetching… {} of {} {} done{retries}",
                            p.batches_done,
                            p.batches_total,
                            if p.batches_total == 1 { "batch" } else { "batches" },
                        )}
                    </span>
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                        "Cancel"
                    </button>
                </div>
            }
        })
    }
}
