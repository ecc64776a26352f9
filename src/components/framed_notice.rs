use leptos::prelude::*;

/// Says that the page is inside another site's frame, that the remembered key is not used here,
/// and offers the same page in a tab of its own.
#[component]
pub fn FramedNotice() -> impl IntoView {
    let here = window().location().href().unwrap_or_default();
    view! {
        <div class="framed-notice" role="alert">
            <h2>"This page is inside another site"</h2>
            <p>
                "Another site shows the Job Viewer inside its own page, where it could steer your \
                 clicks. Your remembered API key is not used here. "
                <a href=here target="_blank" rel="noopener noreferrer">
                    "Open the Job Viewer in a tab of its own"
                </a>
                "."
            </p>
        </div>
    }
}
