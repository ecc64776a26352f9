use leptos::prelude::*;

use super::status_choices::StatusChoices;
use crate::components::form_state::FindForm;
use crate::components::FieldError;
use crate::find::search::Since;

/// The Find jobs fields: the window, the statuses, the name and dataset texts, and the button.
#[component]
pub fn FindPanel(
    /// The fields' values, kept while the other tab shows.
    form: FindForm,
    /// A search or fetch is running: the button waits.
    busy: Signal<bool>,
) -> impl IntoView {
    let custom = move || form.since.with(|since| since == "custom");
    // Each option says whether it is the one chosen: a select's value set before its options
    // exist would be lost.
    let option = move |param: &'static str, label: &'static str| {
        view! {
            <option value=param prop:selected=move || form.since.with(|s| s == param)>{label}</option>
        }
    };
    let windows = Since::RELATIVE
        .iter()
        .map(|(_, label, param)| option(param, label))
        .collect_view();
    view! {
        <div class="field">
            <label for="find-since">"Since"</label>
            <select id="find-since" on:change=move |ev| form.since.set(event_target_value(&ev))>
                {windows}
                {option("custom", "Custom range")}
            </select>
        </div>
        // Hidden rather than removed: what was typed stays, and no view is rebuilt (smaller).
        <div class="range" hidden=move || !custom()>
            <RangeField form=form label="From" id="find-from" value=form.from/>
            <RangeField form=form label="To" id="find-to" value=form.to/>
        </div>
        <StatusChoices ticked=form.statuses/>
        <TextField label="Name contains" id="find-name" value=form.name hint=None/>
        <TextField
            label="Source dataset"
            id="find-source"
            value=form.source
            hint=Some("Exact name; separate several with commas.")
        />
        <TextField
            label="Target dataset"
            id="find-target"
            value=form.target
            hint=Some("Exact name; separate several with commas.")
        />
        <button type="submit" class="primary" disabled=busy>
            {move || if busy.get() { "Finding…" } else { "Find jobs" }}
        </button>
    }
}

/// One end of the custom range: a local date and time, with what is wrong with it.
#[component]
fn RangeField(
    form: FindForm,
    /// "From" or "To": also the field a range error names.
    label: &'static str,
    id: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let error_id = if label == "From" {
        "find-from-error"
    } else {
        "find-to-error"
    };
    let message = Signal::derive(move || {
        form.error.with(|e| {
            e.as_ref()
                .filter(|e| e.field == label)
                .map(|e| e.message.clone())
        })
    });
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="datetime-local"
                bind:value=value
                aria-invalid=move || message.with(Option::is_some).to_string()
                aria-describedby=error_id
            />
            <FieldError id=error_id message=message/>
        </div>
    }
}

/// A free-text filter.
#[component]
fn TextField(
    label: &'static str,
    id: &'static str,
    value: RwSignal<String>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                bind:value=value
                aria-describedby=hint_id.clone()
            />
            {hint.map(|hint| view! { <p id=hint_id class="hint">{hint}</p> })}
        </div>
    }
}
