use leptos::prelude::*;

use super::{FetchProgress, SearchProgress, StatusNotice};
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::notices::{cancelled_notice, SEARCH_CANCELLED};

/// The live line under the form: the running fetch's progress with Cancel, and the last notice.
#[component]
pub fn StatusLine(
    /// The fetch whose progress is shown.
    fetch: JobFetch,
    /// The last thing worth telling.
    notice: StatusNotice,
) -> impl IntoView {
    let on_cancel = Callback::new(move |()| {
        let searching = fetch.reading.get_untracked().is_some();
        fetch.cancel();
        if searching {
            notice.0.set(Some(SEARCH_CANCELLED.into()));
            return;
        }
        let kept = fetch
            .report
            .with_untracked(|r| r.as_ref().map(|r| r.store.summary()));
        notice.0.set(Some(cancelled_notice(kept)));
    });
    view! {
        <div class="status-line" role="status" aria-live="polite">
            <SearchProgress reading=fetch.reading.into() on_cancel=on_cancel/>
            <FetchProgress progress=fetch.progress.into() now=fetch.live.now on_cancel=on_cancel/>
            <p class="notice" hidden=move || notice.0.with(Option::is_none)>
                {move || notice.0.get().unwrap_or_default()}
            </p>
        </div>
    }
}
