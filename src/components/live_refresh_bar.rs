use leptos::prelude::*;

use crate::jobs::job_fetch::JobFetch;
use crate::jobs::refresh::updated_text;

/// Live refresh: "Auto-refresh", "Refresh now", how long since the jobs were brought up to date,
/// and why refreshing paused, if it did, with a way to try again.
#[component]
pub fn LiveRefreshBar(
    /// The fetch whose unfinished jobs are refreshed.
    fetch: JobFetch,
) -> impl IntoView {
    let live = fetch.live;
    let updated = move || {
        live.updated_at
            .get()
            .map(|at| updated_text(live.now.get() - at))
    };
    let refresh_now = move |_| fetch.refresh();
    let paused = move || {
        live.paused.get().map(|error| {
            view! {
                <div class="refresh-paused" role="alert">
                    <p>"Refreshing paused: " {error.to_string()}</p>
                    <button type="button" class="secondary" on:click=refresh_now>
                        "Try again"
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="live-refresh">
            <label class="checkbox">
                <input
                    type="checkbox"
                    prop:checked=live.enabled
                    on:change=move |ev| fetch.set_auto_refresh(event_target_checked(&ev))
                />
                "Auto-refresh"
            </label>
            <button type="button" class="secondary" disabled=live.refreshing on:click=refresh_now>
                "Refresh now"
            </button>
            <span class="updated">{updated}</span>
        </div>
        {paused}
    }
}
