use leptos::prelude::*;

use crate::find::listing::reading_text;
use crate::find::reading::Reading;

/// While a search reads the list: "Found 240 jobs, reading page 3 of 5", and Cancel.
#[component]
pub fn SearchProgress(
    /// How far reading has come, while it runs.
    reading: Signal<Option<Reading>>,
    /// Stops the search; nothing is fetched.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let text = move || {
        reading.get().map(|r| match (r.total, r.pages) {
            (Some(total), Some(pages)) => reading_text(total, r.page, pages),
            _ => "Searching…".to_string(),
        })
    };
    let running = Memo::new(move |_| reading.with(Option::is_some));
    move || {
        running.get().then(|| {
            view! {
                <div class="progress">
                    <span>{text}</span>
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                        "Cancel"
                    </button>
                </div>
            }
        })
    }
}
