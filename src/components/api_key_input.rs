use leptos::prelude::*;

use crate::input::form_input::Field;

/// The API key field: a password input with a show/hide toggle, and the opt-in to remember it.
#[component]
pub fn ApiKeyInput(
    /// The key as typed.
    value: RwSignal<String>,
    /// The message about the key, if it is missing or unusable.
    error: Signal<Option<String>>,
    /// "Remember key on this device" is ticked.
    remember: Signal<bool>,
    /// Called when the user ticks or unticks "Remember key on this device".
    on_remember: Callback<bool>,
    /// Removes the remembered key from this device.
    on_forget: Callback<()>,
) -> impl IntoView {
    let field = Field::ApiKey;
    let visible = RwSignal::new(false);
    view! {
        <div class="field">
            <label for=field.id()>{field.label()}</label>
            <div class="key-row">
                <input
                    id=field.id()
                    name=field.id()
                    type=move || if visible.get() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    bind:value=value
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=field.described_by()
                />
                <button
                    type="button"
                    class="secondary"
                    aria-pressed=move || visible.get().to_string()
                    aria-controls=field.id()
                    on:click=move |_| visible.update(|v| *v = !*v)
                >
                    {move || if visible.get() { "Hide key" } else { "Show key" }}
                </button>
            </div>
            <div class="remember-row">
                <label class="checkbox">
                    <input
                        id="remember-key"
                        type="checkbox"
                        prop:checked=remember
                        on:change=move |ev| on_remember.run(event_target_checked(&ev))
                    />
                    "Remember key on this device"
                </label>
                <button
                    type="button"
                    class="link"
                    hidden=move || !remember.get()
                    on:click=move |_| on_forget.run(())
                >
                    "Forget key"
                </button>
            </div>
            <super::FieldError id=field.error_id() message=error/>
        </div>
    }
}
