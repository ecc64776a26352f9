use leptos::prelude::*;

/// A coloured label whose text carries the meaning; the colour only repeats it.
#[component]
pub fn Badge(
    /// The CSS tone: `good`, `bad`, `busy`, `muted` or `neutral`.
    tone: &'static str,
    /// The text shown, as sent by the API.
    label: String,
) -> impl IntoView {
    view! { <span class=format!("badge badge-{tone}")>{label}</span> }
}
