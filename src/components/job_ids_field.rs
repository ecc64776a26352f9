use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::FieldError;
use crate::input::form_input::Field;

/// The Job IDs box: separators and ranges explained, and Ctrl/Cmd+Enter to fetch.
#[component]
pub fn JobIdsField(
    /// The IDs as typed.
    value: RwSignal<String>,
    /// What is wrong with them, if anything.
    error: Signal<Option<String>>,
    /// A fetch is running: Ctrl+Enter waits too.
    busy: Signal<bool>,
    /// Validates and starts a fetch.
    on_submit: Callback<()>,
) -> impl IntoView {
    let field = Field::JobIds;
    // A textarea takes Enter for new lines, so Ctrl/Cmd+Enter sends from there.
    let keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            if !busy.get_untracked() {
                on_submit.run(());
            }
        }
    };
    view! {
        <div class="field">
            <label for=field.id()>{field.label()}</label>
            <textarea
                id=field.id()
                name=field.id()
                rows="3"
                spellcheck="false"
                placeholder="1040-1045, 2001"
                bind:value=value
                on:keydown=keydown
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=field.described_by()
            ></textarea>
            <p id=field.hint_id() class="hint">
                "Separate with commas, spaces or new lines; 1040-1045 is a range. Ctrl+Enter (⌘+Enter) fetches."
            </p>
            <FieldError id=field.error_id() message=error/>
        </div>
    }
}
