use leptos::prelude::*;

/// The message under a form field, referenced by the field's `aria-describedby`.
#[component]
pub fn FieldError(
    /// The element ID the field points at.
    id: &'static str,
    /// What is wrong, if anything.
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p id=id class="field-error" hidden=move || message.with(Option::is_none)>
            {move || message.get().unwrap_or_default()}
        </p>
    }
}
