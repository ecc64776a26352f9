use leptos::prelude::*;

use super::FieldError;
use crate::input::form_input::Field;

/// The API base URL field, and under it the exact URL a fetch would call.
#[component]
pub fn BaseUrlField(
    /// The base URL as typed.
    value: RwSignal<String>,
    /// What is wrong with it, if anything.
    error: Signal<Option<String>>,
    /// The exact URL a fetch would call, when the base URL is usable.
    calls_url: Signal<Option<String>>,
) -> impl IntoView {
    let field = Field::BaseUrl;
    view! {
        <div class="field">
            <label for=field.id()>{field.label()}</label>
            <input
                id=field.id()
                name=field.id()
                type="url"
                inputmode="url"
                autocomplete="url"
                spellcheck="false"
                placeholder="https://datachecks.example.com (empty: this page's address)"
                bind:value=value
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=field.described_by()
            />
            <p id=field.hint_id() class="hint">
                {move || if calls_url.with(Option::is_some) {
                    "Calls POST "
                } else {
                    "With or without /api/v1; leave empty to call this page's own address."
                }}
                <span class="url">{move || calls_url.get().unwrap_or_default()}</span>
            </p>
            <FieldError id=field.error_id() message=error/>
        </div>
    }
}
