use leptos::prelude::*;

use super::StatusNotice;

/// Copies the page's URL: the job IDs, base URL and workspace of the last fetch, never the key.
#[component]
pub fn CopyLinkButton() -> impl IntoView {
    let notice = use_context::<StatusNotice>();
    let copy = move |_| {
        crate::clipboard::copy_text(&crate::link::page_location::href());
        if let Some(notice) = notice {
            notice.0.set(Some(
                "Link copied. It holds the job IDs, base URL and workspace; never the API key."
                    .into(),
            ));
        }
    };
    view! {
        <button type="button" class="secondary" on:click=copy>
            "Copy link"
        </button>
    }
}
